#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab ask ID`: one question of the bank. Without `--answer` it is interactive: the
/// question, an answer line, the feedback, "run it" for a scenario, a recall rating for a
/// reflection question. With `--answer` it grades, records and prints the verdict and the
/// explanations (`--json`: `QuestionJSON`). Every answer is an attempt in the learner's progress
/// and a review of the question's card.
struct AskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ask", abstract: "Answer one question of the bank (recorded in your progress).",
        discussion: """
            Interactive without --answer. From scripts:
              gluelab ask bookmarks-ctx-missing --answer B --json
              gluelab ask bookmarks-why-slower --answer "it rereads every file" --rating good
              gluelab ask bookmarks-option-next-hour --answer A --run
            A scenario's options play in sandboxes q-<id>-<key> of your GLUELAB_HOME: inspect them with --sandbox.
            """)

    @Argument(help: "The question id.") var questionId: String
    @Option(help: "Your answer: option keys (B, or A,C), or for a reflection question your text.") var answer: String?
    @Option(help: "The recall rating to record: again, hard, good or easy (default: from the answer).") var rating: String?
    @Flag(name: .customLong("run"), help: "Scenario: play your option and the right one on the engine and show what each observes.") var play = false
    @OptionGroup var options: ProgressOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let explicit = try rating.map { text -> FSRSRating in
            guard let r = FSRSRating(name: text) else { throw WorkbenchError.badValue(option: "--rating", value: text, reason: "a rating is again, hard, good or easy") }
            return r
        }
        let loader = try QuestionLoader.locate()
        let bank = try loader.load()
        let q = try Self.question(questionId, in: bank)
        let store = try ProgressOptions.open()
        let recorder = QuestionRecorder(store: store, learner: try store.learnerName(options.learner))
        if let answer {
            let graded = try QuestionAnswer(q, answer: answer)
            if play && q.type != .scenario { throw WorkbenchError.badValue(option: "--run", value: q.id, reason: "only a scenario question runs (this one is \(q.type.rawValue))") }
            let outcomes = play ? ScenarioPlayer(root: bank.root, home: Sandbox.defaultHome()).play(q, chosen: graded.chosen) : nil
            let attempt = try recorder.record(graded, rating: explicit)
            if output.json {
                Output.json(QuestionJSON.record(graded, attempt: attempt, outcomes: outcomes))
            } else {
                let feedback = QuestionFeedback(color: Terminal.colorEnabled(for: STDOUT_FILENO))
                Output.write(feedback.feedback(graded))
                if let outcomes { Output.line(); Output.write(feedback.outcomes(q, outcomes, chosen: graded.chosen)) }
                Output.line()
                Output.line(Self.recordedLine(attempt))
            }
        } else {
            if output.json { throw WorkbenchError.badValue(option: "--json", value: q.id, reason: "--json needs --answer (it is for scripts)") }
            try AskSession(question: q, root: bank.root, recorder: recorder, explicit: explicit, runAfter: play).start()
        }
    }

    /// The question `id`. - Throws: a one-line error naming close ids.
    static func question(_ id: String, in bank: QuestionBank) throws -> Question {
        if let q = bank.question(id) { return q }
        let close = bank.closeIds(to: id)
        let hint = close.isEmpty ? "\(bank.questions.count) questions in \(bank.root.path)" : "did you mean \(close.joined(separator: ", "))?"
        throw WorkbenchError.badValue(option: "question", value: id, reason: "no such question (\(hint))")
    }

    /// `Recorded (rating Good): next review 2026-11-26T10:00:00Z.`
    static func recordedLine(_ a: AttemptOutcome) -> String {
        "Recorded (rating \(a.review.rating)); next review \(Timestamps.format(a.review.card.due))."
    }
}
