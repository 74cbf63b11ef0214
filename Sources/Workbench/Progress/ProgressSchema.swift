import GRDB

/// The progress database's schema, as versioned migrations (`v<N>-<what>`).
///
/// A shipped migration is never edited; a change is a new migration appended below. A database
/// that has a migration this gluelab does not know was written by a newer gluelab and is not
/// opened (nor moved aside: it is not damaged).
///
/// Times are microseconds since the epoch (UTC); `day` columns are local day numbers (days since
/// 1970-01-01 in the learner's time zone when the activity happened, see `ProgressClock`).
/// Log, attempt and event rows have UUID ids made when they are recorded, so exports from two
/// machines merge by id.
enum ProgressSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-progress") { db in try createV1(db) }
        return migrator
    }

    private static func createV1(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );
            CREATE TABLE learners (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                name TEXT NOT NULL UNIQUE,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE cards (
                learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
                card_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                topic TEXT NOT NULL,
                domain INTEGER,
                state INTEGER NOT NULL,
                step INTEGER,
                stability REAL,
                difficulty REAL,
                due INTEGER NOT NULL,
                last_review INTEGER,
                created_at INTEGER NOT NULL,
                PRIMARY KEY (learner_id, card_id)
            );
            CREATE INDEX cards_due ON cards(learner_id, due);
            CREATE TABLE review_logs (
                id TEXT PRIMARY KEY NOT NULL,
                learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
                card_id TEXT NOT NULL,
                rating INTEGER NOT NULL,
                reviewed_at INTEGER NOT NULL,
                retrievability REAL NOT NULL,
                elapsed_days INTEGER,
                scheduled_days INTEGER NOT NULL,
                interval INTEGER NOT NULL,
                duration_ms INTEGER,
                day INTEGER NOT NULL
            );
            CREATE INDEX review_logs_card ON review_logs(learner_id, card_id, reviewed_at);
            CREATE TABLE question_attempts (
                id TEXT PRIMARY KEY NOT NULL,
                learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
                question_id TEXT NOT NULL,
                answer TEXT NOT NULL,
                correct INTEGER NOT NULL,
                time_taken_ms INTEGER NOT NULL,
                hints_used INTEGER NOT NULL,
                at INTEGER NOT NULL,
                day INTEGER NOT NULL
            );
            CREATE INDEX question_attempts_learner ON question_attempts(learner_id, question_id);
            CREATE TABLE lab_events (
                id TEXT PRIMARY KEY NOT NULL,
                learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
                lab_id TEXT NOT NULL,
                step_id TEXT,
                event TEXT NOT NULL,
                detail TEXT,
                at INTEGER NOT NULL,
                day INTEGER NOT NULL
            );
            CREATE INDEX lab_events_learner ON lab_events(learner_id, lab_id, step_id, at);
            CREATE TABLE study_days (
                learner_id INTEGER NOT NULL REFERENCES learners(id) ON DELETE CASCADE,
                day INTEGER NOT NULL,
                PRIMARY KEY (learner_id, day)
            ) WITHOUT ROWID;
            """)
    }
}
