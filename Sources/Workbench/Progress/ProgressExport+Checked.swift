import GlueEngine

/// An export's values, parsed and checked: what an import writes.
struct CheckedLearner {
    struct Log { var id: String; var cardId: String; var log: FSRSReviewLog; var day: Int64 }
    struct Attempt { var id: String; var questionId: String; var answer: String; var correct: Bool; var timeTakenMillis: Int64; var hintsUsed: Int; var at: Int64; var day: Int64 }
    struct Event { var id: String; var lab: String; var step: String?; var event: LabEventKind; var detail: String?; var at: Int64; var day: Int64 }

    var name: String
    var createdAt: Int64
    var cards: [StoredCard]
    var logs: [Log]
    var attempts: [Attempt]
    var events: [Event]
    var days: [Int64]
}

extension ProgressExport {
    /// Parses every value, naming the first bad one (`learners[0].cards[2].due`).
    func checked() throws -> [CheckedLearner] {
        var seen = Set<String>()
        return try learners.enumerated().map { (i, l) in
            let at = "learners[\(i)]"
            guard ProgressStore.isValidLearnerName(l.name) else { throw ExportProblem(where: "\(at).name", reason: "\"\(l.name)\" is not a learner name") }
            guard seen.insert(l.name).inserted else { throw ExportProblem(where: "\(at).name", reason: "learner \"\(l.name)\" appears twice") }
            return CheckedLearner(
                name: l.name, createdAt: try Self.time(l.createdAt, "\(at).createdAt"),
                cards: try l.cards.enumerated().map { try Self.card($1, "\(at).cards[\($0)]") },
                logs: try l.reviewLogs.enumerated().map { try Self.log($1, "\(at).reviewLogs[\($0)]") },
                attempts: try l.attempts.enumerated().map { (j, a) in
                    let w = "\(at).attempts[\(j)]"
                    return CheckedLearner.Attempt(id: try Self.id(a.id, "\(w).id"), questionId: try Self.text(a.questionId, "\(w).questionId"),
                                                  answer: a.answer, correct: a.correct, timeTakenMillis: max(0, a.timeTakenMillis),
                                                  hintsUsed: max(0, a.hintsUsed), at: try Self.time(a.at, "\(w).at"), day: try Self.day(a.day, "\(w).day"))
                },
                events: try l.labEvents.enumerated().map { (j, e) in
                    let w = "\(at).labEvents[\(j)]"
                    guard let kind = LabEventKind(rawValue: e.event) else {
                        throw ExportProblem(where: "\(w).event", reason: "\"\(e.event)\" is not one of " + LabEventKind.allCases.map(\.rawValue).joined(separator: ", "))
                    }
                    if kind != .completed && e.step == nil { throw ExportProblem(where: "\(w).step", reason: "a '\(e.event)' event needs a step") }
                    return CheckedLearner.Event(id: try Self.id(e.id, "\(w).id"), lab: try Self.text(e.lab, "\(w).lab"), step: e.step, event: kind,
                                                detail: e.detail, at: try Self.time(e.at, "\(w).at"), day: try Self.day(e.day, "\(w).day"))
                },
                days: try l.studyDays.enumerated().map { try Self.day($1, "\(at).studyDays[\($0)]") })
        }
    }

    private static func card(_ c: Card, _ w: String) throws -> StoredCard {
        guard let state = FSRSState.allCases.first(where: { $0.description.lowercased() == c.state.lowercased() }) else {
            throw ExportProblem(where: "\(w).state", reason: "\"\(c.state)\" is not Learning, Review or Relearning")
        }
        let domain = try c.domain.map { d -> ExamDomain in
            guard let e = ExamDomain(rawValue: d) else { throw ExportProblem(where: "\(w).domain", reason: "\(d) is not an exam domain (1 to 4)") }
            return e
        }
        for (v, name) in [(c.stability, "stability"), (c.difficulty, "difficulty")] {
            if let v, !(v.isFinite && v > 0) { throw ExportProblem(where: "\(w).\(name)", reason: "\(v) is not a positive number") }
        }
        let card = FSRSCard(state: state, step: c.step, stability: c.stability, difficulty: c.difficulty,
                            due: try time(c.due, "\(w).due"), lastReview: try c.lastReview.map { try time($0, "\(w).lastReview") })
        return StoredCard(id: try text(c.id, "\(w).id"), topic: try text(c.topic, "\(w).topic"), domain: domain, card: card,
                          createdAt: try time(c.createdAt, "\(w).createdAt"))
    }

    private static func log(_ l: ReviewLog, _ w: String) throws -> CheckedLearner.Log {
        guard let rating = FSRSRating(name: l.rating) else {
            throw ExportProblem(where: "\(w).rating", reason: "\"\(l.rating)\" is not Again, Hard, Good or Easy")
        }
        guard l.retrievability.isFinite, (0...1).contains(l.retrievability) else {
            throw ExportProblem(where: "\(w).retrievability", reason: "\(l.retrievability) is not between 0 and 1")
        }
        let log = FSRSReviewLog(rating: rating, reviewedAt: try time(l.reviewedAt, "\(w).reviewedAt"), durationMillis: l.durationMillis,
                                retrievability: l.retrievability, elapsedDays: l.elapsedDays, interval: l.interval, scheduledDays: l.scheduledDays)
        return CheckedLearner.Log(id: try id(l.id, "\(w).id"), cardId: try text(l.cardId, "\(w).cardId"), log: log, day: try day(l.day, "\(w).day"))
    }

    static func time(_ s: String, _ w: String) throws -> Int64 {
        guard let t = Timestamps.parseISO8601(s) else { throw ExportProblem(where: w, reason: "\"\(s)\" is not an ISO 8601 time") }
        return t
    }

    static func day(_ s: String, _ w: String) throws -> Int64 {
        guard let d = ProgressClock.day(parsing: s) else { throw ExportProblem(where: w, reason: "\"\(s)\" is not a day (YYYY-MM-DD)") }
        return d
    }

    static func text(_ s: String, _ w: String) throws -> String {
        guard !s.isEmpty else { throw ExportProblem(where: w, reason: "is empty") }
        return s
    }

    static func id(_ s: String, _ w: String) throws -> String {
        guard !s.isEmpty, s.utf8.count <= 128 else { throw ExportProblem(where: w, reason: "\"\(s)\" is not a record id") }
        return s
    }
}
