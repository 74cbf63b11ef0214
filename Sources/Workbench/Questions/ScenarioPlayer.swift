import Foundation
import GlueEngine

/// What playing one option of a scenario showed: each `expect` check's expected and observed
/// value, or the error that stopped the play.
public struct ScenarioOutcome: Sendable, Equatable {
    /// The option's key.
    public var key: String
    /// The sandbox it was played in (`q-<id>-<key>`).
    public var sandboxName: String
    public var results: [LabCheckResult]
    /// An action or check that failed (a scenario bug), as one line.
    public var error: String?

    /// Every check observed what the option expects, and nothing failed.
    public var passed: Bool { error == nil && results.allSatisfy(\.passed) }

    /// The observed value of each check, by its `what` (the first of a repeated `what`).
    public var observed: [String: String] {
        var out: [String: String] = [:]
        for r in results where out[r.what] == nil { out[r.what] = r.actual }
        return out
    }
}

/// Plays a scenario question's options: for each, a fresh sandbox `q-<id>-<key>` in the
/// scenario's start state (files relative to the questions folder), the option's actions
/// applied, its `expect` checks evaluated.
public struct ScenarioPlayer {
    /// The questions folder.
    public let root: URL
    /// The GLUELAB_HOME holding the sandboxes (a temporary one for the self-check, the
    /// learner's for `gluelab ask --run`, so they can inspect them with `--sandbox`).
    public let home: URL

    public init(root: URL, home: URL) {
        self.root = root
        self.home = home
    }

    /// The sandbox an option is played in.
    public static func sandboxName(question: String, key: String) -> String { "q-\(question)-\(key.lowercased())" }

    /// The start state of option `key`'s sandbox (its workspace is `<home>/questions/<id>/<key>/`).
    public func startState(_ q: Question, key: String) -> LabStartState? {
        guard let scenario = q.scenario else { return nil }
        let workspace = home.appendingPathComponent("questions", isDirectory: true).appendingPathComponent(q.id, isDirectory: true)
            .appendingPathComponent(key.lowercased(), isDirectory: true)
        return LabStartState(id: q.id, scripts: scenario.scripts ?? [], start: scenario.start, folder: root, home: home,
                             sandboxName: Self.sandboxName(question: q.id, key: key), workspace: workspace)
    }

    /// Plays option `key` from a fresh start state.
    public func play(_ q: Question, key: String) -> ScenarioOutcome {
        let name = Self.sandboxName(question: q.id, key: key)
        guard let option = q.options?.first(where: { $0.key == key }), let run = option.run, let state = startState(q, key: key) else {
            return ScenarioOutcome(key: key, sandboxName: name, results: [], error: "question \(q.id): option \(key) has no scenario run")
        }
        var step = "the start state"
        do {
            try state.apply()
            let box = try state.open()
            for (i, action) in run.actions.enumerated() {
                step = "action \(i + 1) (\(action.summary))"
                try state.apply(action, in: box)
            }
            step = "its checks"
            let results = try run.expect.flatMap { try $0.evaluate(in: box) }
            return ScenarioOutcome(key: key, sandboxName: name, results: results, error: nil)
        } catch {
            return ScenarioOutcome(key: key, sandboxName: name, results: [], error: "\(step) failed: \(error)")
        }
    }

    /// The options "run it" plays for an answer: the chosen ones, then the right ones not chosen.
    public static func keysToPlay(_ q: Question, chosen: [String]) -> [String] {
        var keys = chosen
        for k in q.answer ?? [] where !keys.contains(k) { keys.append(k) }
        return keys
    }

    /// Plays the chosen options and the right ones (`keysToPlay`), each from a fresh start state.
    public func play(_ q: Question, chosen: [String]) -> [ScenarioOutcome] {
        Self.keysToPlay(q, chosen: chosen).map { play(q, key: $0) }
    }

    /// Plays every option, in key order.
    public func playAll(_ q: Question) -> [ScenarioOutcome] {
        (q.options ?? []).map { play(q, key: $0.key) }
    }

    /// Whether `answer`'s outcome differs from `wrong`'s in at least one check both observe
    /// (same `what`, different observed value).
    public static func differs(_ answer: ScenarioOutcome, _ wrong: ScenarioOutcome) -> Bool {
        let a = answer.observed
        return wrong.observed.contains { what, value in a[what].map { $0 != value } ?? false }
    }
}
