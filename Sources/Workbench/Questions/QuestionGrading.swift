import Foundation

/// How a free-text answer met a reflection question's rubric.
public struct RubricGrade: Sendable, Equatable {
    /// The ideas found in the answer.
    public var matched: [RubricIdea]
    /// The ideas not found.
    public var missing: [RubricIdea]
    /// Enough ideas were found (`pass`, default all).
    public var correct: Bool
}

extension Question {
    /// Option keys from what a learner typed: `b`, `B,D`, `b d`, `BD` → `["B", "D"]` (sorted, unique).
    public static func parseKeys(_ text: String) -> [String] {
        let letters = text.uppercased().filter { $0.isLetter && $0.isASCII }
        return Set(letters.map(String.init)).sorted()
    }

    /// Whether `keys` are exactly the right options.
    public func isCorrect(keys: [String]) -> Bool {
        Set(keys.map { $0.uppercased() }) == Set(answer ?? [])
    }

    /// Matches a free-text answer against the rubric.
    public func grade(text: String) -> RubricGrade {
        let answer = Self.normalized(text)
        var matched: [RubricIdea] = []
        var missing: [RubricIdea] = []
        for idea in rubric ?? [] {
            if idea.any.contains(where: { answer.contains(String(Self.normalized($0).dropLast())) }) { matched.append(idea) } else { missing.append(idea) }
        }
        let needed = pass ?? (rubric ?? []).count
        return RubricGrade(matched: matched, missing: missing, correct: matched.count >= needed)
    }

    /// Lower-cased, `_`/`-` kept, every run of other non-alphanumerics one space, padded with spaces.
    static func normalized(_ text: String) -> String {
        var out = " "
        var lastSpace = true
        for ch in text.lowercased() {
            if ch.isLetter || ch.isNumber || ch == "_" || ch == "-" { out.append(ch); lastSpace = false }
            else if !lastSpace { out.append(" "); lastSpace = true }
        }
        if !lastSpace { out.append(" ") }
        return out
    }
}
