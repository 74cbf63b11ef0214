import GRDB

/// The sandbox database's schema, as versioned migrations.
///
/// One migration per feature, named `v<N>-<feature>`, registered here in order. A feature that
/// needs tables (bookmarks, runs, catalog, ...) adds a `static func createTables(_ db:)` next to
/// its own code and one `registerMigration` line below; a shipped migration is never edited,
/// a change to it is a new migration.
enum SandboxSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-objects") { db in try ObjectStore.createTables(db) }
        migrator.registerMigration("v1-clock") { db in try SandboxClock.createTables(db) }
        migrator.registerMigration("v1-topics") { db in try TopicStore.createTables(db) }
        migrator.registerMigration("v1-jobs") { db in try JobStore.createTables(db) }
        migrator.registerMigration("v1-catalog") { db in try DataCatalog.createTables(db) }
        migrator.registerMigration("v1-crawlers") { db in try CrawlerStore.createTables(db) }
        return migrator
    }
}

/// Runs `body`, turning any database or file-system error into `EngineError.io` at `path`
/// (engine errors pass through unchanged).
func withEngineErrors<T>(path: String, _ body: () throws -> T) throws(EngineError) -> T {
    do {
        return try body()
    } catch let error as EngineError {
        throw error
    } catch let error as DatabaseError {
        throw .io(path: path, reason: "SQLite error \(error.resultCode.rawValue): \(error.message ?? "\(error)")")
    } catch {
        throw .io(path: path, reason: "\(error)")
    }
}
