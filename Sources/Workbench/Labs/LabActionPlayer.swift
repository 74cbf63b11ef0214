import Foundation
import GlueEngine

/// Applies actions to a start state's sandbox and evaluates checks there, remembering the error
/// of the last action that carried `expectError` (for `actionError` checks). The lab
/// self-check and question scenarios play actions through it.
public struct LabActionPlayer {
    public let state: LabStartState
    public let sandbox: Sandbox
    /// The one-line error of the last `expectError` action.
    public private(set) var lastExpectedError: String?

    public init(state: LabStartState, sandbox: Sandbox) {
        self.state = state
        self.sandbox = sandbox
    }

    /// Applies `action`. An `expectError` action must fail (its error is kept); any other must
    /// succeed. - Throws: the action's error, or `WorkbenchError.badValue` for an
    /// `expectError` action that succeeded.
    public mutating func play(_ action: LabAction) throws {
        guard action.expectError == true else {
            try state.apply(action, in: sandbox)
            return
        }
        do {
            try state.apply(action, in: sandbox)
        } catch {
            lastExpectedError = Self.oneLine(error)
            return
        }
        throw WorkbenchError.badValue(option: "expectError", value: action.summary, reason: "the action was expected to fail, but it succeeded")
    }

    /// Applies the actions in order.
    public mutating func play(_ actions: [LabAction]) throws {
        for a in actions { try play(a) }
    }

    /// Evaluates the checks against the sandbox (with the last expected error for `actionError`).
    public func evaluate(_ checks: [LabCheckSpec]) throws -> [LabCheckResult] {
        let context = LabCheckContext(lastActionError: lastExpectedError)
        return try checks.flatMap { try $0.evaluate(in: sandbox, context: context) }
    }

    /// An error as one line, as the CLI prints it.
    static func oneLine(_ error: any Error) -> String {
        "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
    }
}
