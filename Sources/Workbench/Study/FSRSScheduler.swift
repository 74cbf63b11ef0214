import Foundation

/// The FSRS-6 scheduler, a faithful port of py-fsrs 6.3.1 (`fsrs/scheduler.py`).
///
/// With fuzzing off it gives py-fsrs's numbers: every formula is evaluated in py-fsrs's order,
/// with `pow` (Python's `**`), Python's `round` (halves to even), and whole days floored as
/// `timedelta.days` does, for retrievability and for the same-day (< 1 day) rule alike.
public struct FSRSScheduler: Sendable {
    /// The settings.
    public let parameters: FSRSParameters
    /// −w20.
    let decay: Double
    /// 0.9^(1/decay) − 1, so that retrievability is 0.9 when elapsed days equal the stability.
    let factor: Double

    /// Python's `math.e` (Python computes `math.e ** x`, not `exp(x)`).
    static let e = 2.718281828459045

    /// A scheduler with `parameters` (default: py-fsrs's defaults, fuzzing off).
    public init(parameters: FSRSParameters = FSRSParameters()) {
        self.parameters = parameters
        decay = -parameters.weights[20]
        factor = pow(0.9, 1 / decay) - 1
    }

    /// The probability of recalling `card` at `time`: (1 + factor·t/S)^decay with t the whole days
    /// (floored, at least 0) since the last review; 0 for a card never reviewed.
    public func retrievability(of card: FSRSCard, at time: Int64) -> Double {
        guard let last = card.lastReview, let s = card.stability else { return 0 }
        let elapsed = max(0, FSRSTime.wholeDays(from: last, to: time))
        return pow(1 + factor * Double(elapsed) / s, decay)
    }

    /// Reviews `card` with `rating` at `time` (microseconds); fuzz, when enabled, draws from the
    /// system's random numbers.
    public func review(card: FSRSCard, rating: FSRSRating, at time: Int64) -> (card: FSRSCard, log: FSRSReviewLog) {
        var rng = SystemRandomNumberGenerator()
        return review(card: card, rating: rating, at: time, using: &rng)
    }

    /// Reviews `card` with `rating` at `time`, drawing fuzz (when enabled) from `rng`.
    ///
    /// A card without stability or difficulty gets the initial values whatever its state (py-fsrs
    /// only expects that in learning, and asserts otherwise). A time before the last review
    /// counts as the same day, as in py-fsrs.
    public func review<G: RandomNumberGenerator>(card: FSRSCard, rating: FSRSRating, at time: Int64,
                                                 using rng: inout G) -> (card: FSRSCard, log: FSRSReviewLog) {
        var c = card
        let elapsed = card.lastReview.map { FSRSTime.wholeDays(from: $0, to: time) }
        let r = retrievability(of: card, at: time)

        // Memory state: the pre-review D and R feed the new S and D.
        if let s = card.stability, let d = card.difficulty {
            if let elapsed, elapsed < 1 {
                c.stability = shortTermStability(s, rating)
            } else {
                c.stability = nextStability(difficulty: d, stability: s, retrievability: r, rating: rating)
            }
            c.difficulty = nextDifficulty(d, rating)
        } else {
            c.stability = initialStability(rating)
            c.difficulty = clampDifficulty(initialDifficulty(rating))
        }
        let stability = c.stability ?? 0

        // Interval: a learning step (exact microseconds) or whole days.
        var interval: Int64
        switch card.state {
        case .learning, .relearning:
            let steps = card.state == .learning ? parameters.learningSteps : parameters.relearningSteps
            let step = card.step ?? 0
            if steps.isEmpty || (step >= steps.count && rating != .again) {
                interval = graduate(&c, stability)
            } else {
                switch rating {
                case .again:
                    c.step = 0
                    interval = steps[0]
                case .hard:
                    if step == 0 && steps.count == 1 {
                        interval = FSRSTime.divideRoundHalfEven(steps[0] * 3, 2)  // step × 1.5
                    } else if step == 0 {
                        interval = FSRSTime.divideRoundHalfEven(steps[0] + steps[1], 2)  // (s0 + s1) / 2.0
                    } else {
                        interval = steps[step]
                    }
                case .good:
                    if step + 1 == steps.count {
                        interval = graduate(&c, stability)
                    } else {
                        c.step = step + 1
                        interval = steps[step + 1]
                    }
                case .easy:
                    interval = graduate(&c, stability)
                }
            }
        case .review:
            if rating == .again && !parameters.relearningSteps.isEmpty {
                c.state = .relearning
                c.step = 0
                interval = parameters.relearningSteps[0]
            } else {
                interval = Int64(nextInterval(stability)) * FSRSTime.day
            }
        }
        if parameters.enableFuzzing && c.state == .review {
            interval = Int64(fuzzedDays(FSRSTime.floorDays(interval), random: Double.random(in: 0..<1, using: &rng))) * FSRSTime.day
        }
        c.due = time + interval
        c.lastReview = time
        let log = FSRSReviewLog(rating: rating, reviewedAt: time, retrievability: r, elapsedDays: elapsed,
                                interval: interval, scheduledDays: FSRSTime.floorDays(interval))
        return (c, log)
    }

    /// Moves `card` to review and returns the interval I(S) in microseconds.
    private func graduate(_ card: inout FSRSCard, _ stability: Double) -> Int64 {
        card.state = .review
        card.step = nil
        return Int64(nextInterval(stability)) * FSRSTime.day
    }
}
