import Foundation
@testable import Workbench

/// A clock the tests move by hand.
final class StudyTestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int64

    init(_ start: Int64) { value = start }

    func now() -> Int64 { lock.withLock { value } }
    func advance(_ micros: Int64) { lock.withLock { value += micros } }
}

/// Lines given in advance, each typed `after` microseconds after the previous one; with a timer,
/// a wait shorter than that times out (moving the clock by the wait).
struct ScriptedLines: StudyLineSource {
    var lines: [(text: String, after: Int64)]
    let hasTimer: Bool
    let clock: StudyTestClock?
    /// The time limits asked for, in order.
    var waits: [Int64?] = []

    init(_ lines: [String], every: Int64 = 0, clock: StudyTestClock? = nil, timer: Bool = false) {
        self.lines = lines.map { (text: $0, after: every) }
        self.clock = clock
        hasTimer = timer
    }

    init(timed lines: [(String, Int64)], clock: StudyTestClock, timer: Bool) {
        self.lines = lines.map { (text: $0.0, after: $0.1) }
        self.clock = clock
        hasTimer = timer
    }

    mutating func next(timeoutMicros: Int64?) -> StudyLine {
        waits.append(timeoutMicros)
        guard !lines.isEmpty else { return .end }
        let (text, after) = lines[0]
        if hasTimer, let timeoutMicros, after > timeoutMicros {
            clock?.advance(timeoutMicros)
            lines[0].after -= timeoutMicros
            return .timedOut
        }
        lines.removeFirst()
        clock?.advance(after)
        return .line(text)
    }
}

/// A console that keeps what is written.
final class CapturedText: @unchecked Sendable {
    var text = ""
    var console: StudyConsole { StudyConsole(write: { self.text += $0 }, inlinePrompts: false) }
}

let oneMinute: Int64 = 60_000_000
let examStart: Int64 = 1_709_280_000_000_000  // 2024-03-01T08:00:00Z

/// A single-answer question with options A–D (answer `answer`).
func studyChoice(_ id: String, topic: String = "bookmarks", domain: Int = 1, answer: [String] = ["B"], choose: Int? = nil,
         type: QuestionType = .single) -> Question {
    Question(id: id, topic: topic, domain: domain, task: nil, difficulty: 2, type: type, choose: choose,
             stem: "Stem of \(id)?",
             options: ["A", "B", "C", "D", "E"].map { QuestionOption(key: $0, text: "option \($0)", explanation: "why \($0)", run: nil) },
             answer: answer, references: [], lab: nil, misconception: nil, rubric: nil, pass: nil, modelAnswer: nil, scenario: nil)
}

func studyReflection(_ id: String, topic: String = "bookmarks") -> Question {
    Question(id: id, topic: topic, domain: 1, task: nil, difficulty: 2, type: .reflection, choose: nil, stem: "Explain \(id).",
             options: nil, answer: nil, references: [], lab: nil, misconception: nil,
             rubric: [RubricIdea(idea: "bookmarks remember", any: ["bookmark"])], pass: nil, modelAnswer: "Bookmarks.", scenario: nil)
}
