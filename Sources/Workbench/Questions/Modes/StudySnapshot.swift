/// What the study modes need from a learner's progress, taken once at the start of a session:
/// mastery per topic and the state of every card. Built from a `ProgressStore`, or by hand in
/// tests.
public struct StudySnapshot: Sendable, Equatable {
    /// One card's state at the snapshot's time.
    public struct CardState: Sendable, Equatable {
        /// When the card is due.
        public var due: Int64
        /// The recall probability now (FSRS retrievability).
        public var retrievability: Double

        public init(due: Int64, retrievability: Double) {
            self.due = due
            self.retrievability = retrievability
        }
    }

    /// The snapshot's time.
    public var at: Int64
    /// Mastery per topic (topics with at least one card).
    public var topics: [TopicMastery]
    /// Cards by card id (`question:<id>`, `lab:<lab>/<step>`).
    public var cards: [String: CardState]
    /// The cards due at `at`, most overdue first (their ids, topics and domains).
    public var due: [StoredCard]

    public init(at: Int64, topics: [TopicMastery], cards: [String: CardState], due: [StoredCard] = []) {
        self.at = at
        self.topics = topics
        self.cards = cards
        self.due = due
    }

    /// The empty snapshot of a new learner.
    public static func empty(at: Int64) -> StudySnapshot { StudySnapshot(at: at, topics: [], cards: [:]) }

    /// The state of question `id`'s card, nil when never answered.
    public func card(question id: String) -> CardState? { cards[CardID.question(id)] }
}

extension ProgressStore {
    /// `learner`'s snapshot at `time` (default now).
    public func studySnapshot(learner: String, at time: Int64? = nil) throws -> StudySnapshot {
        let t = time ?? clock.now()
        let summary = try summary(learner: learner, at: t)
        let all = try dueCards(learner: learner, at: Int64.max)
        var cards: [String: StudySnapshot.CardState] = [:]
        for c in all { cards[c.id] = .init(due: c.card.due, retrievability: scheduler.retrievability(of: c.card, at: t)) }
        return StudySnapshot(at: t, topics: summary.topics, cards: cards, due: all.filter { $0.card.due <= t })
    }
}
