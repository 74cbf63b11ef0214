#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GlueEngine

/// The interactive side of `gluelab ask`: show the question, read an answer line (again until it
/// is a valid choice), show the feedback, ask a reflection's recall rating, record, and offer to
/// run a scenario. Reads standard input line by line (a terminal or a pipe).
struct AskSession {
    let question: Question
    let root: URL
    let recorder: QuestionRecorder
    let explicit: FSRSRating?
    /// `--run` given: play the scenario without asking.
    let runAfter: Bool

    func start() throws {
        let feedback = QuestionFeedback(color: Terminal.colorEnabled(for: STDOUT_FILENO))
        let q = question
        Output.write(feedback.question(q))
        let started = Date()
        var graded: QuestionAnswer?
        while graded == nil {
            let line = try prompt(q.type == .reflection ? "Your answer: " : "Your answer (\(keysHint(q))): ")
            do { graded = try QuestionAnswer(q, answer: line) } catch let e as WorkbenchError {
                if case .badValue(_, _, let reason) = e { Output.line(reason) } else { throw e }
            }
        }
        guard let graded else { return }
        let millis = Int64(Date().timeIntervalSince(started) * 1000)
        Output.line()
        Output.write(feedback.feedback(graded))
        var rating = explicit
        if q.type == .reflection && rating == nil {
            let derived = graded.derivedReflectionRating ?? .again
            while rating == nil {
                let line = try prompt("\nHow well did you recall it? again, hard, good, easy [\(derived.description.lowercased())]: ")
                rating = line.isEmpty ? derived : FSRSRating(name: line)
            }
        }
        let attempt = try recorder.record(graded, timeTakenMillis: millis, rating: rating)
        Output.line()
        Output.line(AskCommand.recordedLine(attempt))
        guard q.type == .scenario else { return }
        var play = runAfter
        if !play {
            let line = try? prompt("\nRun it? Plays your option and the right one on the engine [y/N]: ")
            play = ["y", "yes"].contains(line?.lowercased() ?? "")
        }
        guard play else { return }
        let outcomes = ScenarioPlayer(root: root, home: Sandbox.defaultHome()).play(q, chosen: graded.chosen)
        Output.line()
        Output.write(feedback.outcomes(q, outcomes, chosen: graded.chosen))
    }

    func keysHint(_ q: Question) -> String {
        let keys = (q.options ?? []).map(\.key)
        let range = keys.count > 1 ? "\(keys.first!)-\(keys.last!)" : keys.joined()
        return (q.choose ?? 1) > 1 ? "choose \(q.choose!) of \(range), e.g. A,C" : range
    }

    /// Prints `text`, reads one line (trimmed). - Throws: at the end of input.
    func prompt(_ text: String) throws -> String {
        Output.write(text)
        Output.flush()
        guard let line = readLine() else {
            Output.line()
            throw WorkbenchError.badValue(option: "answer", value: "", reason: "no answer given (end of input)")
        }
        return line.trimmingCharacters(in: .whitespaces)
    }
}
