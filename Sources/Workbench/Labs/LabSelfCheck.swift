import Foundation
import GlueEngine

/// `gluelab dev check-labs`: every lab loads, every step's checks fail before its reference
/// solution and pass after it, and the whole lab passes from start to finish. Runs in a
/// temporary home, never the learner's.
public struct LabSelfCheck {
    public let loader: LabLoader

    public init(loader: LabLoader) { self.loader = loader }

    /// One problem found, or nil for a lab that passes. Lines tell what was checked.
    public func check(_ id: String, log: (String) -> Void) -> String? {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-check-labs-\(UUID().uuidString)")
        // The sandbox is closed (released) inside `play` before its folder is removed.
        let problem = play(id, home: home, log: log)
        try? FileManager.default.removeItem(at: home)
        return problem
    }

    private func play(_ id: String, home: URL, log: (String) -> Void) -> String? {
        do {
            let lab = try loader.load(id)
            let state = LabStartState(lab: lab, folder: loader.folder(id), home: home)
            try state.apply()
            var player = LabActionPlayer(state: state, sandbox: try state.open())
            for step in lab.steps {
                let before = try player.evaluate(step.checks)
                if before.allSatisfy(\.passed) { return "\(id)/\(step.id): the checks already pass before the step's solution" }
                for (i, action) in step.solution.enumerated() {
                    do { try player.play(action) } catch {
                        return "\(id)/\(step.id): solution action \(i + 1) (\(action.summary)): \(error)"
                    }
                }
                let after = try player.evaluate(step.checks)
                if let bad = after.first(where: { !$0.passed }) {
                    return "\(id)/\(step.id): after the solution, \(bad.what): expected \(bad.expected), actual \(bad.actual)"
                }
                log("\(id)/\(step.id): fails before, passes after its solution")
            }
            return nil
        } catch {
            return "\(id): \(error)"
        }
    }
}
