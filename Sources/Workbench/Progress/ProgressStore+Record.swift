import GRDB

/// What `recordAttempt` stored.
public struct AttemptOutcome: Equatable, Sendable {
    /// The attempt's id (a UUID).
    public var attemptId: String
    /// The review of the question's card the attempt made.
    public var review: ReviewOutcome
}

/// What `recordLabEvent` stored.
public struct LabEventOutcome: Equatable, Sendable {
    /// The event's id (a UUID).
    public var eventId: String
    /// The review of the step's card, for a passed check.
    public var review: ReviewOutcome?
}

extension ProgressStore {
    /// Records an answer to a question and reviews the question's card (`question:<id>`, made on
    /// the first attempt) with `rating`, or the rating `ProgressRatings.forAttempt` derives from
    /// correctness, time and hints. One transaction; the learner is created when new.
    @discardableResult
    public func recordAttempt(learner: String, question: QuestionRef, answer: String, correct: Bool,
                              timeTakenMillis: Int64, hintsUsed: Int = 0, rating: FSRSRating? = nil,
                              at time: Int64? = nil) throws -> AttemptOutcome {
        try Self.checkName(learner)
        let t = time ?? clock.now()
        let day = clock.day(of: t)
        let grade = rating ?? ProgressRatings.forAttempt(correct: correct, timeTakenMillis: timeTakenMillis, hintsUsed: hintsUsed)
        return try write { db in
            let lid = try Self.learnerId(db, learner, create: true, at: t)!
            let id = Self.newId()
            try db.execute(sql: """
                INSERT INTO question_attempts (id, learner_id, question_id, answer, correct, time_taken_ms, hints_used, at, day)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, lid, question.id, answer, correct, max(0, timeTakenMillis), max(0, hintsUsed), t, day])
            let review = try reviewCard(db, learnerId: lid, cardId: CardID.question(question.id), topic: question.topic,
                                        domain: question.domain, rating: grade, durationMillis: timeTakenMillis, at: t)
            return AttemptOutcome(attemptId: id, review: review)
        }
    }

    /// Records a lab event. A passed check (`.checkPassed`) also reviews the step's card
    /// (`lab:<lab>/<step>`, made on the first pass, with `topic` (default: the lab id) and
    /// `domain`) with the rating `ProgressRatings.forLabStep` derives from the hints and solution
    /// shown since the step's previous pass. Every event but `.completed` needs a step.
    @discardableResult
    public func recordLabEvent(learner: String, lab: String, step: String?, event: LabEventKind, detail: String? = nil,
                               topic: String? = nil, domain: ExamDomain? = nil, at time: Int64? = nil) throws -> LabEventOutcome {
        try Self.checkName(learner)
        if event != .completed && step == nil {
            throw WorkbenchError.badValue(option: "step", value: event.rawValue, reason: "a lab event '\(event.rawValue)' needs a step")
        }
        let t = time ?? clock.now()
        let day = clock.day(of: t)
        return try write { db in
            let lid = try Self.learnerId(db, learner, create: true, at: t)!
            var review: ReviewOutcome?
            if event == .checkPassed, let step {
                let since = try Int64.fetchOne(db, sql: """
                    SELECT MAX(at) FROM lab_events WHERE learner_id = ? AND lab_id = ? AND step_id = ? AND event = 'check-passed'
                    """, arguments: [lid, lab, step]) ?? Int64.min
                let shown = try String.fetchAll(db, sql: """
                    SELECT event FROM lab_events WHERE learner_id = ? AND lab_id = ? AND step_id = ? AND at > ? AND event IN ('hint', 'solution')
                    """, arguments: [lid, lab, step, since])
                let rating = ProgressRatings.forLabStep(hintsShown: shown.filter { $0 == "hint" }.count, solutionShown: shown.contains("solution"))
                review = try reviewCard(db, learnerId: lid, cardId: CardID.labStep(lab: lab, step: step), topic: topic ?? lab,
                                        domain: domain, rating: rating, durationMillis: nil, at: t)
            }
            let id = Self.newId()
            try db.execute(sql: """
                INSERT INTO lab_events (id, learner_id, lab_id, step_id, event, detail, at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, lid, lab, step, event.rawValue, detail, t, day])
            try Self.markStudyDay(db, learnerId: lid, day: day)
            return LabEventOutcome(eventId: id, review: review)
        }
    }

    /// Reviews an existing card (the review session: the learner pressed a button).
    /// - Throws: `WorkbenchError.badValue` when the learner has no such card.
    @discardableResult
    public func review(learner: String, cardId: String, rating: FSRSRating, durationMillis: Int64? = nil,
                       at time: Int64? = nil) throws -> ReviewOutcome {
        try Self.checkName(learner)
        let t = time ?? clock.now()
        return try write { db in
            guard let lid = try Self.learnerId(db, learner, create: false, at: t),
                  let stored = try Self.card(db, learnerId: lid, cardId: cardId) else {
                throw WorkbenchError.badValue(option: "card", value: cardId, reason: "learner \(learner) has no such card")
            }
            return try reviewCard(db, learnerId: lid, cardId: cardId, topic: stored.topic, domain: stored.domain,
                                  rating: rating, durationMillis: durationMillis, at: t)
        }
    }

    /// One card of a learner, or `nil`.
    public func card(learner: String, cardId: String) throws -> StoredCard? {
        try read { db in
            guard let lid = try Self.learnerId(db, learner, create: false, at: 0) else { return nil }
            return try Self.card(db, learnerId: lid, cardId: cardId)
        }
    }

    /// Reviews (creating when new) a card inside the caller's transaction: updates the card,
    /// writes the log and marks the study day.
    func reviewCard(_ db: Database, learnerId: Int64, cardId: String, topic: String, domain: ExamDomain?,
                    rating: FSRSRating, durationMillis: Int64?, at t: Int64) throws -> ReviewOutcome {
        let existing = try Self.card(db, learnerId: learnerId, cardId: cardId)
        var rng = FSRSSeededRandom(seed: Self.seed(cardId, t))
        var (card, log) = scheduler.review(card: existing?.card ?? FSRSCard(due: t), rating: rating, at: t, using: &rng)
        log.durationMillis = durationMillis
        let stored = StoredCard(id: cardId, topic: topic, domain: domain ?? existing?.domain, card: card, createdAt: existing?.createdAt ?? t)
        try Self.saveCard(db, learnerId: learnerId, stored)
        let logId = Self.newId()
        try Self.insertLog(db, id: logId, learnerId: learnerId, cardId: cardId, log: log, day: clock.day(of: t))
        try Self.markStudyDay(db, learnerId: learnerId, day: clock.day(of: t))
        return ReviewOutcome(cardId: cardId, rating: rating, card: card, log: log, logId: logId)
    }

    static func card(_ db: Database, learnerId: Int64, cardId: String) throws -> StoredCard? {
        try Row.fetchOne(db, sql: "SELECT * FROM cards WHERE learner_id = ? AND card_id = ?", arguments: [learnerId, cardId]).map(storedCard)
    }

    static func storedCard(_ row: Row) -> StoredCard {
        let state = FSRSState(rawValue: row["state"]) ?? .learning
        let card = FSRSCard(state: state, step: row["step"], stability: row["stability"], difficulty: row["difficulty"],
                            due: row["due"], lastReview: row["last_review"])
        return StoredCard(id: row["card_id"], topic: row["topic"], domain: (row["domain"] as Int?).flatMap(ExamDomain.init(rawValue:)),
                          card: card, createdAt: row["created_at"])
    }

    static func saveCard(_ db: Database, learnerId: Int64, _ c: StoredCard) throws {
        try db.execute(sql: """
            INSERT INTO cards (learner_id, card_id, kind, topic, domain, state, step, stability, difficulty, due, last_review, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(learner_id, card_id) DO UPDATE SET topic = excluded.topic, domain = excluded.domain, state = excluded.state,
                step = excluded.step, stability = excluded.stability, difficulty = excluded.difficulty, due = excluded.due,
                last_review = excluded.last_review, created_at = MIN(cards.created_at, excluded.created_at)
            """, arguments: [learnerId, c.id, CardID.kind(c.id), c.topic, c.domain?.rawValue, c.card.state.rawValue, c.card.step,
                             c.card.stability, c.card.difficulty, c.card.due, c.card.lastReview, c.createdAt])
    }

    /// Inserts a review log unless one with the same id exists; returns whether it was new.
    @discardableResult
    static func insertLog(_ db: Database, id: String, learnerId: Int64, cardId: String, log: FSRSReviewLog, day: Int64) throws -> Bool {
        try db.execute(sql: """
            INSERT OR IGNORE INTO review_logs (id, learner_id, card_id, rating, reviewed_at, retrievability, elapsed_days,
                scheduled_days, interval, duration_ms, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, learnerId, cardId, log.rating.rawValue, log.reviewedAt, log.retrievability, log.elapsedDays,
                             log.scheduledDays, log.interval, log.durationMillis, day])
        return db.changesCount > 0
    }

    @discardableResult
    static func markStudyDay(_ db: Database, learnerId: Int64, day: Int64) throws -> Bool {
        try db.execute(sql: "INSERT OR IGNORE INTO study_days (learner_id, day) VALUES (?, ?)", arguments: [learnerId, day])
        return db.changesCount > 0
    }

    /// The fuzz seed of one review: FNV-1a of the card id and the review time.
    static func seed(_ cardId: String, _ time: Int64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in cardId.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var t = UInt64(bitPattern: time)
        for _ in 0..<8 { h = (h ^ (t & 0xFF)) &* 0x100_0000_01b3; t >>= 8 }
        return h
    }
}
