import Foundation
import GRDB

/// The crawlers of a sandbox (`CreateCrawler`, `GetCrawler`, `GetCrawlers`, `DeleteCrawler`),
/// one JSON document per crawler in the sandbox database. Deleting a crawler leaves the
/// tables it made, as on AWS.
public final class CrawlerStore: Sendable {
    let sandbox: Sandbox

    public init(sandbox: Sandbox) {
        self.sandbox = sandbox
    }

    static func createTables(_ db: Database) throws {
        try db.execute(sql: "CREATE TABLE crawlers (name TEXT PRIMARY KEY NOT NULL, document TEXT NOT NULL)")
    }

    /// `CreateCrawler`: validated, `READY`, times from the sandbox clock.
    /// - Throws: `EngineError.conflict` (`AlreadyExistsException`) when the name is taken.
    @discardableResult
    public func create(_ definition: CrawlerDefinition) throws(EngineError) -> CrawlerDefinition {
        try definition.validate()
        return try write { db in
            if try Self.find(db, definition.name) != nil {
                throw EngineError.conflict(exception: "AlreadyExistsException", message: "Crawler with name \(definition.name) has already been created")
            }
            var made = definition
            made.state = .ready
            made.runningPid = nil
            made.lastCrawl = nil
            made.crawledFolders = []
            made.version = 1
            made.creationTime = try self.sandbox.clock.now(db)
            made.lastUpdated = made.creationTime
            try db.execute(sql: "INSERT INTO crawlers (name, document) VALUES (?, ?)", arguments: [made.name, try RunJSON.encode(made)])
            return made
        }
    }

    /// `GetCrawler`. - Throws: `EngineError.notFound` (`EntityNotFoundException`).
    public func get(_ name: String) throws(EngineError) -> CrawlerDefinition {
        try read { db in try Self.get(db, name) }
    }

    /// `GetCrawlers`, by name.
    public func list() throws(EngineError) -> [CrawlerDefinition] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT document FROM crawlers ORDER BY name").map { try RunJSON.decode(CrawlerDefinition.self, $0) }
        }
    }

    /// `DeleteCrawler` (refused while it runs: `CrawlerRunningException`).
    public func delete(_ name: String) throws(EngineError) {
        try write { db in
            let c = try Self.get(db, name)
            if c.isRunning {
                throw EngineError.conflict(exception: "CrawlerRunningException", message: "Crawler \(name) is running; it cannot be deleted now")
            }
            try db.execute(sql: "DELETE FROM crawlers WHERE name = ?", arguments: [name])
        }
    }

    static func find(_ db: Database, _ name: String) throws -> CrawlerDefinition? {
        try String.fetchOne(db, sql: "SELECT document FROM crawlers WHERE name = ?", arguments: [name]).map {
            try RunJSON.decode(CrawlerDefinition.self, $0)
        }
    }

    static func get(_ db: Database, _ name: String) throws -> CrawlerDefinition {
        guard let c = try find(db, name) else {
            throw EngineError.notFound(what: "crawler \(name) (EntityNotFoundException)")
        }
        return c
    }

    static func save(_ db: Database, _ crawler: CrawlerDefinition) throws {
        try db.execute(sql: "UPDATE crawlers SET document = ? WHERE name = ?", arguments: [try RunJSON.encode(crawler), crawler.name])
    }

    var path: String { sandbox.root.appendingPathComponent("sandbox.sqlite").path }

    func read<T>(_ body: (Database) throws -> T) throws(EngineError) -> T {
        try withEngineErrors(path: path) { try sandbox.database.read(body) }
    }

    func write<T>(_ body: (Database) throws -> T) throws(EngineError) -> T {
        try withEngineErrors(path: path) { try sandbox.database.write(body) }
    }
}

extension CrawlerDefinition {
    /// `RUNNING`, by a process that is still alive (a crawl interrupted by a crash is not).
    var isRunning: Bool {
        guard state == .running else { return false }
        guard let pid = runningPid else { return true }
        return kill(pid, 0) == 0 || errno == EPERM
    }
}
