import Foundation

/// A learner's answer to one question, graded: option keys for a choice or scenario question,
/// free text (matched against the rubric) for a reflection question.
public struct QuestionAnswer: Sendable, Equatable {
    public let question: Question
    /// The option keys chosen (sorted; empty for a reflection question).
    public let chosen: [String]
    /// A reflection question's text.
    public let text: String?
    /// A reflection question's rubric grade.
    public let grade: RubricGrade?
    public let correct: Bool

    /// Grades `answer`: option keys (`B`, `a,c`, `A C`) or, for a reflection question, the text.
    /// - Throws: `WorkbenchError.badValue` for keys that are not options or the wrong count.
    public init(_ question: Question, answer: String) throws {
        self.question = question
        if question.type == .reflection {
            let text = answer.trimmingCharacters(in: .whitespacesAndNewlines)
            if text.isEmpty { throw WorkbenchError.badValue(option: "--answer", value: answer, reason: "write your answer in a few words") }
            let grade = question.grade(text: text)
            self.chosen = []
            self.text = text
            self.grade = grade
            self.correct = grade.correct
            return
        }
        if let problem = Self.problem(question, keys: answer) {
            throw WorkbenchError.badValue(option: "--answer", value: answer, reason: problem)
        }
        self.chosen = Question.parseKeys(answer)
        self.text = nil
        self.grade = nil
        self.correct = question.isCorrect(keys: chosen)
    }

    /// Why `text` is not an acceptable choice for `question` (nil when it is).
    public static func problem(_ question: Question, keys text: String) -> String? {
        let keys = (question.options ?? []).map(\.key)
        let chosen = Question.parseKeys(text)
        let range = keys.count > 1 ? "\(keys.first!)-\(keys.last!)" : keys.joined()
        if chosen.isEmpty { return "give option keys (\(range))" }
        if let bad = chosen.first(where: { !keys.contains($0) }) { return "no option \(bad) (options \(range))" }
        let wanted = question.choose ?? 1
        if chosen.count != wanted { return wanted == 1 ? "choose one option, not \(chosen.count)" : "choose \(wanted) options, not \(chosen.count)" }
        return nil
    }

    /// What progress stores as the answer: `A,C`, or the reflection text.
    public var recorded: String { text ?? chosen.joined(separator: ",") }

    /// A reflection answer's rating when the learner gives none: every idea → Good, enough to
    /// pass → Hard, else Again (nil for other questions).
    public var derivedReflectionRating: FSRSRating? {
        guard let grade else { return nil }
        if grade.missing.isEmpty { return .good }
        return grade.correct ? .hard : .again
    }
}
