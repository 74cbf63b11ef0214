import Foundation
import GlueEngine

/// `gluelab dev check-questions`: every file decodes and validates, the coverage file is
/// complete, and every scenario plays: each option's `expect` checks pass in a fresh sandbox,
/// and the answer's observed outcome differs from each wrong option's in at least one check
/// with the same `what`. Scenarios play in a temporary home, never the learner's.
public struct QuestionSelfCheck {
    public let loader: QuestionLoader
    /// The labs folder (for `lab` names), when found.
    public let labs: LabLoader?

    public init(loader: QuestionLoader, labs: LabLoader?) {
        self.loader = loader
        self.labs = labs
    }

    /// What the check found.
    public struct Report: Sendable {
        public var questions = 0
        public var scenarios = 0
        public var optionsPlayed = 0
        public var problems: [String] = []
    }

    /// Checks the bank (only the questions `ids` when given: then the coverage file is not
    /// checked). `log` gets one line per question and per scenario option.
    public func run(ids: [String] = [], log: (String) -> Void) -> Report {
        var report = Report()
        let (bank, loadProblems) = loader.loadFiles()
        let validator = QuestionValidator(bank: bank, labIds: labs.map { Set($0.ids()) })
        var problems = loadProblems.map(\.description) + validator.problems().map(\.description)
        if ids.isEmpty { problems += validator.coverageProblems().map(\.description) }
        for id in ids where bank.question(id) == nil {
            let close = bank.closeIds(to: id)
            problems.append("no question '\(id)'" + (close.isEmpty ? "" : " (did you mean \(close.joined(separator: ", "))?)"))
        }
        for p in problems { log("FAIL \(p)") }
        report.problems = problems
        let wanted = Set(ids)
        for q in bank.questions where wanted.isEmpty || wanted.contains(q.id) {
            report.questions += 1
            guard q.type == .scenario, q.scenario != nil else { log("ok   \(q.id)"); continue }
            report.scenarios += 1
            let found = playScenario(q, root: bank.root, report: &report, log: log)
            report.problems += found
        }
        return report
    }

    /// Plays every option of `q` in a temporary home; returns the problems.
    func playScenario(_ q: Question, root: URL, report: inout Report, log: (String) -> Void) -> [String] {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-check-questions-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let player = ScenarioPlayer(root: root, home: home)
        var problems: [String] = []
        var outcomes: [ScenarioOutcome] = []
        for option in q.options ?? [] {
            let outcome = player.play(q, key: option.key)
            report.optionsPlayed += 1
            outcomes.append(outcome)
            if let error = outcome.error {
                problems.append("question \(q.id): option \(option.key): \(error)")
                log("FAIL \(q.id)/\(option.key): \(error)")
            } else if let bad = outcome.results.first(where: { !$0.passed }) {
                problems.append("question \(q.id): option \(option.key): \(bad.what): expected \(bad.expected), observed \(bad.actual)")
                log("FAIL \(q.id)/\(option.key): \(bad.what): expected \(bad.expected), observed \(bad.actual)")
            } else {
                let summary = outcome.results.map { "\($0.what) = \($0.actual)" }.joined(separator: "; ")
                log("ok   \(q.id)/\(option.key): \(summary)")
            }
        }
        let answers = Set(q.answer ?? [])
        for right in outcomes where answers.contains(right.key) && right.passed {
            for wrong in outcomes where !answers.contains(wrong.key) && wrong.passed && !ScenarioPlayer.differs(right, wrong) {
                let message = "question \(q.id): option \(wrong.key) observes the same as the answer \(right.key)"
                problems.append(message)
                log("FAIL \(message)")
            }
        }
        return problems
    }
}
