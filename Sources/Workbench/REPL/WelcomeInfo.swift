/// What the REPL's welcome line tells the learner. Each part is optional: a part that is not
/// known (no progress store yet, no labs yet) is left out rather than guessed.
public struct WelcomeInfo: Sendable, Equatable {
    /// The learner's name.
    public var learner: String?
    /// Review cards due now.
    public var reviewsDue: Int?
    /// The lab suggested next (its id or title).
    public var nextLab: String?
    /// Days in a row with study.
    public var streakDays: Int?

    public init(learner: String? = nil, reviewsDue: Int? = nil, nextLab: String? = nil, streakDays: Int? = nil) {
        self.learner = learner
        self.reviewsDue = reviewsDue
        self.nextLab = nextLab
        self.streakDays = streakDays
    }

    /// What is known without the progress store: the learner is `default`.
    public static let basic = WelcomeInfo(learner: "default")

    /// The parts as shown: `learner ada · 3 reviews due · next lab s3-basics · streak 4 days`.
    public var parts: [String] {
        var out: [String] = []
        if let l = learner { out.append("learner \(l)") }
        if let r = reviewsDue { out.append(r == 0 ? "no reviews due" : r == 1 ? "1 review due" : "\(r) reviews due") }
        if let n = nextLab { out.append("next lab \(n)") }
        if let s = streakDays { out.append(s == 1 ? "streak 1 day" : "streak \(s) days") }
        return out
    }
}
