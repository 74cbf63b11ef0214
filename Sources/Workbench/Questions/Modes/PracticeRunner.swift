import Foundation

/// What a practice session did.
struct PracticeResult: Equatable {
    var answered = 0
    var correct = 0
    var skipped = 0
    /// The learner stopped (`q` or the end of the input) before the last question.
    var stopped = false
}

/// One answer, for the progress store: the graded answer, the time taken and when.
struct PracticeAttempt {
    var answer: QuestionAnswer
    var millis: Int64
    var at: Int64
}

/// Practice with immediate feedback (quiz, drill, review): each question, an answer, the verdict
/// with every option's explanation, and for a scenario question the chance to play options on
/// the engine (`run B`) before going on (Enter). Every answer is recorded when given.
struct PracticeRunner {
    let questions: [Question]
    let clock: () -> Int64
    let console: StudyConsole
    let presenter: StudyPresenter
    let record: (PracticeAttempt) throws -> Void
    /// `Quiz`, `Drill`, `Review`: starts each question's header.
    let title: String

    static let helpText = """
        Answer with option letters (B, or B,D for two); a reflection question takes a line of text.
          s / skip   next question, nothing recorded      q / quit   stop here
        After a scenario question: 'run' plays your option and the answer on the engine side by
        side, 'run B' plays option B; Enter goes on.
        """

    func run(_ input: inout some StudyLineSource) throws -> PracticeResult {
        var result = PracticeResult()
        for (n, q) in questions.enumerated() {
            console.line()
            console.write(presenter.question(q, position: "\(title) \(n + 1)/\(questions.count)"))
            let shown = clock()
            var answered: QuestionAnswer?
            answering: while answered == nil {
                console.prompt(q.type == .reflection ? "your answer (one line), s to skip, q to quit >" : "answer, s to skip, q to quit >")
                guard case .line(let raw) = input.next(timeoutMicros: nil) else { result.stopped = true; return result }
                let text = raw.trimmingCharacters(in: .whitespaces)
                switch text.lowercased() {
                case "": continue
                case "q", "quit": result.stopped = true; return result
                case "s", "skip": result.skipped += 1; break answering
                case "h", "help", "?": console.line(Self.helpText); continue
                default: break
                }
                if q.type != .reflection, case .invalid(let message) = ExamInput(line: text) { console.line(message); continue }
                do {
                    answered = try QuestionAnswer(q, answer: text)
                } catch WorkbenchError.badValue(_, _, let reason) {
                    console.line(reason)
                }
            }
            guard let answer = answered else { continue }
            let now = clock()
            console.line()
            console.write(presenter.feedback(answer))
            try record(PracticeAttempt(answer: answer, millis: max(0, now - shown) / 1000, at: now))
            result.answered += 1
            if answer.correct { result.correct += 1 }
            if q.type == .scenario, q.options?.contains(where: { $0.run != nil }) == true {
                if !playLoop(q, chosen: answer.chosen, &input) { result.stopped = n + 1 < questions.count; return result }
            }
        }
        return result
    }

    /// After a scenario question: `run` plays the chosen options and the right ones side by
    /// side, `run B` plays option B; Enter goes on. False when the learner quits or the input ends.
    func playLoop(_ q: Question, chosen: [String], _ input: inout some StudyLineSource) -> Bool {
        let keys = (q.options ?? []).filter { $0.run != nil }.map(\.key)
        while true {
            console.line()
            console.prompt("run: play your option and the answer on the engine · run B: play option B · Enter: go on >")
            guard case .line(let raw) = input.next(timeoutMicros: nil) else { return false }
            let words = raw.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
            if words.isEmpty || ["n", "next"].contains(words[0].lowercased()) { return true }
            if ["q", "quit"].contains(words[0].lowercased()) { return false }
            guard ["run", "r"].contains(words[0].lowercased()), words.count <= 2 else { console.line("'run' or 'run B' plays options; Enter goes on"); continue }
            let play = words.count == 2 ? [words[1].uppercased()] : ScenarioPlayer.keysToPlay(q, chosen: chosen)
            if let bad = play.first(where: { !keys.contains($0) }) { console.line("no runnable option \(bad): \(keys.joined(separator: ", "))"); continue }
            console.line()
            console.write(presenter.play(q, keys: play, chosen: chosen))
        }
    }
}
