import Foundation

/// What a practice session did.
struct PracticeResult: Equatable {
    var answered = 0
    var correct = 0
    var skipped = 0
    /// The learner stopped (`q` or the end of the input) before the last question.
    var stopped = false
}

/// One answer, for the progress store: the question, the answer as typed (keys `B,D` or the
/// free text), whether it was right, the time taken and when.
struct PracticeAttempt {
    var question: Question
    var answer: String
    var correct: Bool
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
        After a scenario question: 'run B' plays option B on the engine; Enter goes on.
        """

    func run(_ input: inout some StudyLineSource) throws -> PracticeResult {
        var result = PracticeResult()
        for (n, q) in questions.enumerated() {
            console.line()
            console.line(presenter.question(q, header: "\(title) \(n + 1)/\(questions.count) · \(q.topic) · domain \(q.domain)"))
            let shown = clock()
            var answered: (String, Bool)?
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
                if q.type == .reflection {
                    let (feedback, correct) = presenter.feedback(q, text: text)
                    answered = (text, correct)
                    console.line(feedback)
                    continue
                }
                guard case .answer(let keys) = ExamInput(line: text) else { console.line("answer with option letters, e.g. B or B,D (h for help)"); continue }
                if let refusal = q.refusal(keys) { console.line(refusal); continue }
                answered = (keys.joined(separator: ","), q.isCorrect(keys: keys))
                console.line(presenter.feedback(q, keys: keys))
            }
            guard let (answer, correct) = answered else { continue }
            let now = clock()
            try record(PracticeAttempt(question: q, answer: answer, correct: correct, millis: max(0, now - shown) / 1000, at: now))
            result.answered += 1
            if correct { result.correct += 1 }
            if q.type == .scenario, !(q.options ?? []).filter({ $0.run != nil }).isEmpty {
                if !playLoop(q, &input) { result.stopped = n + 1 < questions.count; return result }
            }
        }
        return result
    }

    /// After a scenario question: `run B` plays option B; Enter goes on. False when the learner
    /// quits or the input ends.
    func playLoop(_ q: Question, _ input: inout some StudyLineSource) -> Bool {
        let keys = (q.options ?? []).filter { $0.run != nil }.map(\.key)
        while true {
            console.prompt("run \(keys.joined(separator: "|")) to play an option on the engine, Enter to go on >")
            guard case .line(let raw) = input.next(timeoutMicros: nil) else { return false }
            let words = raw.trimmingCharacters(in: .whitespaces).split(separator: " ").map(String.init)
            if words.isEmpty || ["n", "next"].contains(words[0].lowercased()) { return true }
            if ["q", "quit"].contains(words[0].lowercased()) { return false }
            guard ["run", "r"].contains(words[0].lowercased()), words.count == 2 else { console.line("'run B' plays option B; Enter goes on"); continue }
            let key = words[1].uppercased()
            guard keys.contains(key) else { console.line("no runnable option \(key): \(keys.joined(separator: ", "))"); continue }
            do { console.line(try presenter.play(q, option: key)) } catch { console.line("error: \(error)") }
        }
    }
}
