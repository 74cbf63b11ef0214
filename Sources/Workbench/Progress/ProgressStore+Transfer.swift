import Foundation
import GRDB
import GlueEngine

extension ProgressStore {
    /// Everything about `learner`, or about every learner when `nil`, as an export.
    /// - Throws: `WorkbenchError.badValue` for a learner that does not exist.
    public func export(learner: String? = nil) throws -> ProgressExport {
        if let learner { try Self.checkName(learner) }
        let t = clock.now()
        return try read { db in
            var rows = try Row.fetchAll(db, sql: "SELECT id, name, created_at FROM learners ORDER BY name")
            if let learner {
                rows = rows.filter { $0["name"] == learner }
                if rows.isEmpty { throw WorkbenchError.badValue(option: "--learner", value: learner, reason: "no such learner") }
            }
            let learners = try rows.map { row in try Self.exportLearner(db, id: row["id"], name: row["name"], createdAt: row["created_at"]) }
            return ProgressExport(format: ProgressExport.formatName, version: ProgressExport.currentVersion,
                                  exportedAt: Timestamps.format(t), learners: learners)
        }
    }

    /// The export as JSON text (keys sorted, indented; stable for the same history).
    public func exportJSON(learner: String? = nil) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(try export(learner: learner))
    }

    private static func exportLearner(_ db: Database, id lid: Int64, name: String, createdAt: Int64) throws -> ProgressExport.Learner {
        let f = Timestamps.format
        let d = ProgressClock.dayText
        let cards = try Row.fetchAll(db, sql: "SELECT * FROM cards WHERE learner_id = ? ORDER BY card_id", arguments: [lid]).map(storedCard).map {
            ProgressExport.Card(id: $0.id, topic: $0.topic, domain: $0.domain?.rawValue, state: $0.card.state.description, step: $0.card.step,
                                stability: $0.card.stability, difficulty: $0.card.difficulty, due: f($0.card.due),
                                lastReview: $0.card.lastReview.map(f), createdAt: f($0.createdAt))
        }
        let logs = try Row.fetchAll(db, sql: "SELECT * FROM review_logs WHERE learner_id = ? ORDER BY reviewed_at, id", arguments: [lid]).map { r in
            ProgressExport.ReviewLog(id: r["id"], cardId: r["card_id"], rating: (FSRSRating(rawValue: r["rating"]) ?? .again).description,
                                     reviewedAt: f(r["reviewed_at"]), retrievability: r["retrievability"], elapsedDays: r["elapsed_days"],
                                     scheduledDays: r["scheduled_days"], interval: r["interval"], durationMillis: r["duration_ms"], day: d(r["day"]))
        }
        let attempts = try Row.fetchAll(db, sql: "SELECT * FROM question_attempts WHERE learner_id = ? ORDER BY at, id", arguments: [lid]).map { r in
            ProgressExport.Attempt(id: r["id"], questionId: r["question_id"], answer: r["answer"], correct: r["correct"],
                                   timeTakenMillis: r["time_taken_ms"], hintsUsed: r["hints_used"], at: f(r["at"]), day: d(r["day"]))
        }
        let events = try Row.fetchAll(db, sql: "SELECT * FROM lab_events WHERE learner_id = ? ORDER BY at, id", arguments: [lid]).map { r in
            ProgressExport.LabEvent(id: r["id"], lab: r["lab_id"], step: r["step_id"], event: r["event"], detail: r["detail"], at: f(r["at"]), day: d(r["day"]))
        }
        let days = try Int64.fetchAll(db, sql: "SELECT day FROM study_days WHERE learner_id = ? ORDER BY day", arguments: [lid]).map(d)
        return ProgressExport.Learner(name: name, createdAt: f(createdAt), cards: cards, reviewLogs: logs, attempts: attempts,
                                      labEvents: events, studyDays: days)
    }

    /// Merges an export into this database, in one transaction: learners are matched by name;
    /// review logs, attempts and lab events are added when their id is new; a card takes the
    /// imported state only when its last review is later than the stored one's; study days are
    /// unioned. Importing the same export twice changes nothing.
    @discardableResult
    public func importProgress(_ export: ProgressExport) throws -> ImportReport {
        let learners: [CheckedLearner]
        do {
            learners = try export.checked()
        } catch let p as ExportProblem {
            throw WorkbenchError.badValue(option: "import", value: p.where, reason: p.reason)
        }
        return try write { db in
            var report = ImportReport()
            for l in learners {
                let lid: Int64
                if let existing = try Self.learnerId(db, l.name, create: false, at: l.createdAt) {
                    lid = existing
                    try db.execute(sql: "UPDATE learners SET created_at = MIN(created_at, ?) WHERE id = ?", arguments: [l.createdAt, lid])
                } else {
                    lid = try Self.learnerId(db, l.name, create: true, at: l.createdAt)!
                    report.learnersAdded += 1
                }
                for c in l.cards {
                    if let old = try Self.card(db, learnerId: lid, cardId: c.id) {
                        if (c.card.lastReview ?? .min) > (old.card.lastReview ?? .min) {
                            try Self.saveCard(db, learnerId: lid, c)
                            report.cardsUpdated += 1
                        }
                    } else {
                        try Self.saveCard(db, learnerId: lid, c)
                        report.cardsAdded += 1
                    }
                }
                for g in l.logs where try Self.insertLog(db, id: g.id, learnerId: lid, cardId: g.cardId, log: g.log, day: g.day) {
                    report.reviewLogsAdded += 1
                }
                for a in l.attempts {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO question_attempts (id, learner_id, question_id, answer, correct, time_taken_ms, hints_used, at, day)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [a.id, lid, a.questionId, a.answer, a.correct, a.timeTakenMillis, a.hintsUsed, a.at, a.day])
                    report.attemptsAdded += db.changesCount
                }
                for e in l.events {
                    try db.execute(sql: """
                        INSERT OR IGNORE INTO lab_events (id, learner_id, lab_id, step_id, event, detail, at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        """, arguments: [e.id, lid, e.lab, e.step, e.event.rawValue, e.detail, e.at, e.day])
                    report.labEventsAdded += db.changesCount
                }
                let days = Set(l.days + l.logs.map(\.day) + l.attempts.map(\.day) + l.events.map(\.day))
                for day in days.sorted() where try Self.markStudyDay(db, learnerId: lid, day: day) {
                    report.studyDaysAdded += 1
                }
            }
            return report
        }
    }
}
