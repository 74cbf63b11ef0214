import GRDB

extension ProgressStore {
    /// Whether `name` is an acceptable learner name: 1 to 64 of letters, digits, `_`, `-`, `.`,
    /// starting with a letter or digit.
    public static func isValidLearnerName(_ name: String) -> Bool {
        let b = Array(name.utf8)
        guard (1...64).contains(b.count) else { return false }
        for (i, c) in b.enumerated() {
            let alnum = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
            if !(alnum || (i > 0 && (c == 0x5F || c == 0x2D || c == 0x2E))) { return false }
        }
        return true
    }

    static func checkName(_ name: String) throws {
        guard isValidLearnerName(name) else {
            throw WorkbenchError.badValue(option: "--learner", value: name,
                                          reason: "a learner name is 1 to 64 of letters, digits, '_', '-', '.', starting with a letter or digit")
        }
    }

    /// The learner used when `--learner` is not given (`default` until another is chosen).
    public func defaultLearner() throws -> String {
        try read { db in try Self.defaultLearner(db) }
    }

    static func defaultLearner(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'default_learner'") ?? defaultLearnerName
    }

    /// `name`, or the default learner when `nil`.
    public func learnerName(_ name: String?) throws -> String {
        if let name {
            try Self.checkName(name)
            return name
        }
        return try defaultLearner()
    }

    /// Makes `name` the default learner, creating the profile when new.
    public func setDefaultLearner(_ name: String) throws {
        try Self.checkName(name)
        try write { db in
            _ = try Self.learnerId(db, name, create: true, at: clock.now())
            try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('default_learner', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [name])
        }
    }

    /// Every learner profile, by name.
    public func learners() throws -> [LearnerInfo] {
        try read { db in
            let def = try Self.defaultLearner(db)
            return try Row.fetchAll(db, sql: "SELECT name, created_at FROM learners ORDER BY name").map {
                LearnerInfo(name: $0["name"], createdAt: $0["created_at"], isDefault: $0["name"] == def)
            }
        }
    }

    /// Creates the learner `name` if new (a profile with no history).
    public func createLearner(_ name: String) throws {
        try Self.checkName(name)
        try write { db in _ = try Self.learnerId(db, name, create: true, at: clock.now()) }
    }

    /// The learner's row id; created when missing and `create` is set.
    static func learnerId(_ db: Database, _ name: String, create: Bool, at time: Int64) throws -> Int64? {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM learners WHERE name = ?", arguments: [name]) { return id }
        guard create else { return nil }
        try db.execute(sql: "INSERT INTO learners (name, created_at) VALUES (?, ?)", arguments: [name, time])
        return db.lastInsertedRowID
    }
}
