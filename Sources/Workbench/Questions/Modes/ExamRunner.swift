import Foundation

/// Runs an exam session on a line source: shows questions, reads answers and commands, shows the
/// time left at every prompt, and ends at `submit`, at the deadline or at the end of the input.
///
/// The deadline: with a source that has a timer (a terminal), the wait for a line is limited to
/// the time left, so the exam submits itself at the deadline even if nobody types; with no timer
/// (a pipe), the first line read after the deadline submits the exam instead of being applied.
struct ExamRunner {
    var session: ExamSession
    let clock: () -> Int64
    let console: StudyConsole
    let presenter: StudyPresenter

    /// Runs until the exam ends and returns why it ended.
    mutating func run(_ input: inout some StudyLineSource) -> ExamEnd {
        show(session.current)
        while !session.isOver {
            console.prompt(prompt())
            var event: ExamEvent?
            while event == nil {
                switch input.next(timeoutMicros: input.hasTimer ? session.remaining(at: clock()) : nil) {
                case .timedOut:
                    event = session.expire(at: clock())
                case .end:
                    event = session.inputEnded(at: clock())
                case .line(let text):
                    let now = clock()
                    if now >= session.deadline && !session.isOver {
                        console.line("(too late: '\(text)' came after the time limit and was not counted)")
                    }
                    event = session.apply(ExamInput(line: text), at: now)
                }
            }
            handle(event!)
        }
        return session.end!.reason
    }

    /// `[3/10 · 18:42 left · 2 flagged] >`
    func prompt() -> String {
        var parts = ["\(session.current + 1)/\(session.questions.count)", StudyConsole.clockText(session.remaining(at: clock())) + " left"]
        let open = session.unanswered.count
        if open > 0 { parts.append("\(open) unanswered") }
        if !session.flagged.isEmpty { parts.append("\(session.flagged.count) flagged") }
        return "[" + parts.joined(separator: " · ") + "] >"
    }

    func show(_ i: Int) {
        let q = session.questions[i]
        var position = "Question \(i + 1) of \(session.questions.count)"
        if session.flagged.contains(i) { position += " · flagged" }
        if let a = session.answers[i] { position += " · your answer: \(a.joined(separator: ","))" }
        console.line()
        console.write(presenter.question(q, position: position))
    }

    mutating func handle(_ event: ExamEvent) {
        switch event {
        case .show(let i):
            show(i)
        case .answered(_, _, let next):
            if let next { show(next) } else {
                let open = session.unanswered
                console.line(open.isEmpty ? "That was the last question: 'submit' to finish, 'list' or 'g N' to go back."
                    : "That was the last question; unanswered: \(open.map { String($0 + 1) }.joined(separator: ", ")) ('g N' to go there, 'submit' to finish).")
            }
        case .flagged(let on):
            console.line(on ? "Question \(session.current + 1) flagged." : "Question \(session.current + 1) unflagged.")
        case .list:
            console.line(ExamRender.list(session))
        case .help:
            console.line(ExamInput.helpText)
        case .confirmSubmit(let open, let flagged):
            var parts: [String] = []
            if open > 0 { parts.append("\(open) unanswered (counted wrong)") }
            if flagged > 0 { parts.append("\(flagged) flagged") }
            console.line("Submit with \(parts.joined(separator: " and "))? 'y' to submit, anything else to go on.")
        case .confirmQuit:
            console.line("Quit without a score? Nothing is recorded. 'y' to quit, anything else to go on.")
        case .refused(let message):
            console.line(message)
        case .ended(let reason):
            switch reason {
            case .timeUp: console.line("\nTime is up: the exam was submitted with the answers given.")
            case .inputEnded: console.line("\nThe input ended: the exam was submitted with the answers given.")
            case .submitted: console.line("\nExam submitted.")
            case .quit: console.line("Exam abandoned: nothing was recorded.")
            }
        }
    }
}
