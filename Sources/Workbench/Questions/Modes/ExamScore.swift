/// The result of one exam domain.
public struct DomainScore: Sendable, Equatable {
    public var domain: ExamDomain
    /// Questions of the domain in the exam.
    public var total: Int
    /// Answered right.
    public var correct: Int
    /// Share right, 0…1 (0 with no questions).
    public var fraction: Double { total == 0 ? 0 : Double(correct) / Double(total) }
    /// At or above the share the pass mark needs, as the exam's score report says "Meets
    /// Competencies" (else "Needs Improvement").
    public var meetsCompetencies: Bool { total > 0 && ExamScore.scaled(fraction) >= ExamScore.passMark }
}

/// An exam's score: raw, per domain, and scaled to 100–1000 with a pass mark of 720 as
/// DEA-C01 reports it.
///
/// The scaling is gluelab's approximation: linear, `100 + 900 × share right`, rounded. AWS
/// scales with equating across exam forms (and its 65 questions include 15 unscored ones), so
/// a real score for the same share right can differ. Unanswered questions count as wrong, as on
/// the exam (there is no penalty for guessing).
public struct ExamScore: Sendable, Equatable {
    /// The pass mark of the scaled score.
    public static let passMark = 720
    /// The lowest and highest scaled scores.
    public static let scaledRange = 100...1000

    /// Questions in the exam.
    public var total: Int
    /// Answered right.
    public var correct: Int
    /// Left unanswered.
    public var unanswered: Int
    /// The four domains in order (a domain with no question has total 0).
    public var domains: [DomainScore]
    /// 100–1000.
    public var scaled: Int { Self.scaled(total == 0 ? 0 : Double(correct) / Double(total)) }
    /// Whether the scaled score reaches the pass mark.
    public var passed: Bool { scaled >= Self.passMark }

    /// Scores `session`'s answers.
    public init(_ session: ExamSession) {
        var perDomain: [ExamDomain: (Int, Int)] = [:]
        var correct = 0
        for (i, q) in session.questions.enumerated() {
            let right = session.answers[i].map { q.isCorrect(keys: $0) } ?? false
            if right { correct += 1 }
            if let d = ExamDomain(rawValue: q.domain) {
                perDomain[d, default: (0, 0)].0 += 1
                if right { perDomain[d, default: (0, 0)].1 += 1 }
            }
        }
        total = session.questions.count
        self.correct = correct
        unanswered = session.unanswered.count
        domains = ExamDomain.allCases.map { DomainScore(domain: $0, total: perDomain[$0]?.0 ?? 0, correct: perDomain[$0]?.1 ?? 0) }
    }

    /// The scaled score of a share right (0…1).
    public static func scaled(_ fraction: Double) -> Int {
        let f = min(1, max(0, fraction))
        return Int((100 + 900 * f).rounded())
    }
}
