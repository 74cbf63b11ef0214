/// Why an exam ended.
public enum ExamEnd: String, Sendable, Equatable {
    /// The learner typed `submit` (and confirmed it).
    case submitted
    /// The deadline passed: the exam submitted itself.
    case timeUp = "time-up"
    /// The input ended (a piped script ran out of lines): submitted as it stood.
    case inputEnded = "input-ended"
    /// The learner quit without submitting: nothing is scored or recorded.
    case quit
}

/// What applying one input to an exam did (the runner turns it into text).
public enum ExamEvent: Sendable, Equatable {
    /// Now on question `index` (0-based): show it.
    case show(Int)
    /// Question `index` was answered with `keys`; `next` is the question now shown (nil: it stays).
    case answered(index: Int, keys: [String], next: Int?)
    /// The current question was flagged (true) or unflagged (false).
    case flagged(Bool)
    /// Show the list of questions and their status.
    case list
    /// Show the commands.
    case help
    /// `submit` with questions left: the next input must confirm it.
    case confirmSubmit(unanswered: Int, flagged: Int)
    /// `q` mid-exam: the next input must confirm it.
    case confirmQuit
    /// The exam is over.
    case ended(ExamEnd)
    /// The input was refused (the message says why); nothing changed.
    case refused(String)
}

/// The state of one timed exam: the questions, the current one, answers, flags, skips, the time
/// spent per question, and the deadline.
///
/// Pure and clock-free: every change takes the time it happens at (microseconds), so tests drive
/// it with any clock. An input that arrives at or after the deadline is not applied: the exam is
/// submitted as it stood at the deadline (`ExamEnd.timeUp`). A runner with a timer calls
/// `expire(at:)` when the deadline passes with no input.
public struct ExamSession: Sendable {
    /// The questions in exam order.
    public let questions: [Question]
    /// When the exam started.
    public let startedAt: Int64
    /// When it ends by itself.
    public let deadline: Int64
    /// The question shown (0-based).
    public private(set) var current = 0
    /// The answer given to each question (option keys), nil when unanswered.
    public private(set) var answers: [[String]?]
    /// Flagged questions (to come back to).
    public private(set) var flagged: Set<Int> = []
    /// Questions skipped and not answered since.
    public private(set) var skipped: Set<Int> = []
    /// Questions shown at least once.
    public private(set) var seen: Set<Int> = [0]
    /// Time spent on each question (microseconds), summed over every visit.
    public private(set) var spent: [Int64]
    /// How and when the exam ended, once it has.
    public private(set) var end: (reason: ExamEnd, at: Int64)?
    private var shownAt: Int64
    private var pending: ExamInput?

    /// A new exam over `questions` (at least one), started at `start`, lasting `durationMicros`.
    public init(questions: [Question], start: Int64, durationMicros: Int64) {
        self.questions = questions
        startedAt = start
        deadline = start + max(0, durationMicros)
        answers = Array(repeating: nil, count: questions.count)
        spent = Array(repeating: 0, count: questions.count)
        shownAt = start
    }

    /// Whether the exam has ended.
    public var isOver: Bool { end != nil }
    /// Microseconds left at `now` (0 when past the deadline).
    public func remaining(at now: Int64) -> Int64 { max(0, deadline - now) }
    /// Indices of unanswered questions.
    public var unanswered: [Int] { answers.indices.filter { answers[$0] == nil } }

    /// Applies one input at `now` and says what happened.
    public mutating func apply(_ input: ExamInput, at now: Int64) -> ExamEvent {
        if let end { return .ended(end.reason) }
        if now >= deadline { return expire(at: now) ?? .ended(.timeUp) }
        if let confirming = pending {
            pending = nil
            if input == .confirm || input == confirming { return finish(confirming == .quit ? .quit : .submitted, at: now) }
            if input == .empty { return .refused(confirming == .quit ? "still in the exam" : "not submitted") }
        }
        switch input {
        case .answer(let keys):
            return answer(keys, at: now)
        case .next:
            guard current + 1 < questions.count else { return .refused("this is the last question: 'list' shows what is left, 'submit' ends the exam") }
            return move(to: current + 1, at: now)
        case .previous:
            guard current > 0 else { return .refused("this is the first question") }
            return move(to: current - 1, at: now)
        case .go(let number):
            guard number >= 1 && number <= questions.count else { return .refused("no question \(number): questions are 1-\(questions.count)") }
            return move(to: number - 1, at: now)
        case .flag:
            if flagged.remove(current) != nil { return .flagged(false) }
            flagged.insert(current)
            return .flagged(true)
        case .skip:
            if answers[current] == nil { skipped.insert(current) }
            return move(to: nextAfterSkip(), at: now)
        case .list: return .list
        case .help: return .help
        case .empty: return .show(current)
        case .submit:
            let open = unanswered.count
            if open > 0 || !flagged.isEmpty {
                pending = .submit
                return .confirmSubmit(unanswered: open, flagged: flagged.count)
            }
            return finish(.submitted, at: now)
        case .quit:
            pending = .quit
            return .confirmQuit
        case .confirm:
            return .refused("nothing to confirm")
        case .invalid(let message):
            return .refused(message)
        }
    }

    /// Ends the exam if the deadline has passed at `now` (the time spent is counted up to the
    /// deadline); nil when there is time left or the exam is already over.
    public mutating func expire(at now: Int64) -> ExamEvent? {
        guard end == nil, now >= deadline else { return nil }
        return finish(.timeUp, at: deadline)
    }

    /// Ends the exam because the input ended (submitted as it stands).
    public mutating func inputEnded(at now: Int64) -> ExamEvent {
        if let e = expire(at: now) { return e }
        if let end { return .ended(end.reason) }
        return finish(.inputEnded, at: now)
    }

    private mutating func answer(_ keys: [String], at now: Int64) -> ExamEvent {
        if let problem = QuestionAnswer.problem(questions[current], keys: keys.joined(separator: ",")) { return .refused(problem) }
        let index = current
        answers[index] = keys
        skipped.remove(index)
        guard index + 1 < questions.count else { return .answered(index: index, keys: keys, next: nil) }
        _ = move(to: index + 1, at: now)
        return .answered(index: index, keys: keys, next: index + 1)
    }

    /// The next question after a skip: the following one, or from the last question the first
    /// unanswered one (staying put when there is none).
    private func nextAfterSkip() -> Int {
        if current + 1 < questions.count { return current + 1 }
        return unanswered.first(where: { $0 != current }) ?? current
    }

    private mutating func move(to index: Int, at now: Int64) -> ExamEvent {
        account(until: now)
        current = index
        seen.insert(index)
        return .show(index)
    }

    private mutating func account(until now: Int64) {
        let t = min(now, deadline)
        spent[current] += max(0, t - shownAt)
        shownAt = max(shownAt, t)
    }

    private mutating func finish(_ reason: ExamEnd, at now: Int64) -> ExamEvent {
        account(until: now)
        end = (reason, min(now, deadline))
        return .ended(reason)
    }
}
