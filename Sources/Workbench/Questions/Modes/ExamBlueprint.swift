/// The shape of an exam: how many questions from each domain and how long it lasts.
///
/// DEA-C01 has 65 questions in 130 minutes. gluelab keeps that pace, 2 minutes a question:
/// with a bank smaller than the count asked for, the exam shrinks to the bank and its time
/// with it. Questions are drawn per domain in proportion to the domains' weights (34/26/22/18,
/// largest remainder); a domain with too few questions gives its share to the others.
/// Reflection questions are not exam questions (the exam is multiple choice).
public struct ExamBlueprint: Sendable, Equatable {
    /// DEA-C01's question count.
    public static let standardQuestions = 65
    /// Minutes per question (130 / 65).
    public static let minutesPerQuestion = 2.0

    /// Questions in the exam.
    public var questionCount: Int
    /// The time limit in minutes.
    public var minutes: Double
    /// Questions per domain, summing to `questionCount`.
    public var perDomain: [ExamDomain: Int]
    /// True when the bank had fewer questions than asked for.
    public var scaledDown: Bool

    /// The questions an exam may use: single, multiple and scenario questions of domains 1–4.
    public static func eligible(_ bank: [Question]) -> [Question] {
        bank.filter { $0.type != .reflection && ExamDomain(rawValue: $0.domain) != nil && !($0.options ?? []).isEmpty }
    }

    /// Plans an exam of `questions` (default 65) over the eligible questions of `bank`, lasting
    /// `minutes` (default 2 per question).
    public init(bank: [Question], questions requested: Int? = nil, minutes: Double? = nil) {
        let pool = Self.eligible(bank)
        let wanted = max(1, requested ?? Self.standardQuestions)
        questionCount = min(wanted, pool.count)
        scaledDown = questionCount < wanted
        self.minutes = minutes ?? Double(questionCount) * Self.minutesPerQuestion
        var available: [ExamDomain: Int] = [:]
        for q in pool { if let d = ExamDomain(rawValue: q.domain) { available[d, default: 0] += 1 } }
        perDomain = Self.apportion(questionCount, available: available)
    }

    /// Splits `n` over the domains by weight (largest remainder), capped by what is available;
    /// what a capped domain cannot take goes to the others, again by weight.
    static func apportion(_ n: Int, available: [ExamDomain: Int]) -> [ExamDomain: Int] {
        var result: [ExamDomain: Int] = [:]
        var left = n
        var open = ExamDomain.allCases.filter { (available[$0] ?? 0) > 0 }
        while left > 0 && !open.isEmpty {
            let weight = open.reduce(0) { $0 + $1.weightPercent }
            var share: [ExamDomain: Int] = [:]
            var remainders: [(ExamDomain, Int)] = []
            for d in open {
                share[d] = left * d.weightPercent / weight
                remainders.append((d, left * d.weightPercent % weight))
            }
            var extra = left - share.values.reduce(0, +)
            for (d, _) in remainders.sorted(by: { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.rawValue < $1.0.rawValue }) where extra > 0 {
                share[d, default: 0] += 1
                extra -= 1
            }
            var given = 0
            for d in open {
                let room = (available[d] ?? 0) - (result[d] ?? 0)
                let take = min(room, share[d] ?? 0)
                result[d, default: 0] += take
                given += take
            }
            left -= given
            open = open.filter { (available[$0] ?? 0) > (result[$0] ?? 0) }
            if given == 0 { break }
        }
        return result
    }

    /// Draws the exam's questions from `bank`: `perDomain[d]` random questions of each domain,
    /// then shuffled together (domains mixed, as on the exam).
    public func draw(from bank: [Question], using rng: inout some RandomNumberGenerator) -> [Question] {
        let pool = Self.eligible(bank)
        var picked: [Question] = []
        for d in ExamDomain.allCases {
            let ofDomain = pool.filter { $0.domain == d.rawValue }.shuffled(using: &rng)
            picked += ofDomain.prefix(perDomain[d] ?? 0)
        }
        return picked.shuffled(using: &rng)
    }
}
