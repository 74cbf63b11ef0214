import GlueEngine

/// Replays a rating sequence on one new card: the engine of `gluelab srs simulate`.
public struct FSRSSimulation: Sendable {
    /// When a review happens.
    public enum ReviewTime: Equatable, Sendable {
        /// At this many microseconds after the start.
        case offset(Int64)
        /// When the card is due (the first review: at the start, when a new card is due).
        case due
    }

    /// One review of the replay.
    public struct Step: Equatable, Sendable {
        /// 1-based review number.
        public var review: Int
        /// The card after the review.
        public var card: FSRSCard
        /// The review (rating, time, retrievability before, interval).
        public var log: FSRSReviewLog
    }

    /// The scheduler the replay uses.
    public var scheduler: FSRSScheduler
    /// The ratings, in order.
    public var ratings: [FSRSRating]
    /// When the card is created (and first due), microseconds since the epoch.
    public var start: Int64
    /// One time per rating, or `nil` for every review at the card's due time.
    public var times: [ReviewTime]?

    /// A replay; `times`, when given, must have one entry per rating.
    public init(scheduler: FSRSScheduler, ratings: [FSRSRating], start: Int64, times: [ReviewTime]? = nil) throws {
        if let times, times.count != ratings.count {
            throw WorkbenchError.badValue(option: "--days", value: "\(times.count) times",
                                          reason: "expected one per rating (\(ratings.count))")
        }
        self.scheduler = scheduler
        self.ratings = ratings
        self.start = start
        self.times = times
    }

    /// Runs the replay, drawing fuzz (when enabled) from `rng`. A review time before the previous
    /// review is refused.
    public func run<G: RandomNumberGenerator>(using rng: inout G) throws -> [Step] {
        var card = FSRSCard(due: start)
        var steps: [Step] = []
        steps.reserveCapacity(ratings.count)
        for (i, rating) in ratings.enumerated() {
            let time: Int64
            switch times?[i] ?? .due {
            case .due: time = card.due
            case .offset(let o): time = start + o
            }
            if let last = card.lastReview, time < last {
                throw WorkbenchError.badValue(option: "--days", value: "review \(i + 1)",
                                              reason: "\(Timestamps.format(time)) is before review \(i) (\(Timestamps.format(last)))")
            }
            let (next, log) = scheduler.review(card: card, rating: rating, at: time, using: &rng)
            card = next
            steps.append(Step(review: i + 1, card: card, log: log))
        }
        return steps
    }
}

/// A small seeded random source (SplitMix64) for reproducible fuzz: `--fuzz --seed N`.
public struct FSRSSeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
