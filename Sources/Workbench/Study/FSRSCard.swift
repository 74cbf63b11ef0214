/// One thing to remember (an exam question or a lab step) as the FSRS scheduler sees it.
///
/// Times are microseconds since the epoch (UTC), as everywhere in gluelab. A new card is in
/// `learning` at step 0, with no stability or difficulty, due when it is created. The card is
/// a value: `FSRSScheduler.review` returns an updated copy.
public struct FSRSCard: Codable, Equatable, Sendable {
    /// Learning, review or relearning.
    public var state: FSRSState
    /// The learning or relearning step (0-based); `nil` in `review`.
    public var step: Int?
    /// Days for retrievability to fall from 100% to 90%; `nil` before the first review.
    public var stability: Double?
    /// How hard the card is to grow, 1…10; `nil` before the first review.
    public var difficulty: Double?
    /// When the card is next due (microseconds since the epoch).
    public var due: Int64
    /// When the card was last reviewed; `nil` before the first review.
    public var lastReview: Int64?

    /// A new card, due at `due`.
    public init(due: Int64) {
        self.init(state: .learning, step: 0, stability: nil, difficulty: nil, due: due, lastReview: nil)
    }

    /// A card in any state (for cards read back from storage).
    public init(state: FSRSState, step: Int?, stability: Double?, difficulty: Double?, due: Int64, lastReview: Int64?) {
        self.state = state
        self.step = step
        self.stability = stability
        self.difficulty = difficulty
        self.due = due
        self.lastReview = lastReview
    }
}

/// What one review did (py-fsrs `ReviewLog`, plus the figures a learner wants to see).
public struct FSRSReviewLog: Codable, Equatable, Sendable {
    /// The button pressed.
    public var rating: FSRSRating
    /// When the review happened (microseconds since the epoch).
    public var reviewedAt: Int64
    /// How long the answer took, in milliseconds, when known.
    public var durationMillis: Int64?
    /// The card's retrievability just before the review (0 for a card never reviewed).
    public var retrievability: Double
    /// Whole days since the previous review (floored, as Python's `timedelta.days`); `nil` on the first.
    public var elapsedDays: Int64?
    /// The time until the card is due again, in microseconds.
    public var interval: Int64
    /// `interval` in whole days, floored (0 for a learning step of minutes).
    public var scheduledDays: Int64

    /// A log entry.
    public init(rating: FSRSRating, reviewedAt: Int64, durationMillis: Int64? = nil, retrievability: Double,
                elapsedDays: Int64?, interval: Int64, scheduledDays: Int64) {
        self.rating = rating
        self.reviewedAt = reviewedAt
        self.durationMillis = durationMillis
        self.retrievability = retrievability
        self.elapsedDays = elapsedDays
        self.interval = interval
        self.scheduledDays = scheduledDays
    }
}
