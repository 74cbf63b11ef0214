import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// The sandbox's JDBC databases: SQLite files standing in for the PostgreSQL / MySQL / SQL
/// Server / Oracle servers a Glue script names in its `url`.
///
/// The database `sales` (from `jdbc:postgresql://host:5432/sales`) is the file
/// `<sandbox>/jdbc/sales.sqlite` (WAL mode). Names are 1 to 63 of letters, digits, `_`, `-`,
/// starting with a letter, digit or `_` — never a path — and the file name is the name in lower
/// case, so `Sales` and `sales` are one database (as PostgreSQL folds unquoted names).
///
/// Every connection has the deterministic function `gluelab_hash(x)` (used by `hashfield`
/// partitioning, and handy in `gluelab sql` to see which partition a row falls in), and cannot
/// `ATTACH` other files: a statement run here stays inside this database.
public struct JDBCDatabases: Sendable {
    /// `<sandbox>/jdbc`.
    public let folder: URL

    public init(sandbox: Sandbox) {
        folder = sandbox.root.appendingPathComponent("jdbc", isDirectory: true)
    }

    /// Whether `name` is an acceptable database name.
    public static func isValidName(_ name: String) -> Bool {
        let b = Array(name.utf8)
        guard (1...63).contains(b.count) else { return false }
        for (i, c) in b.enumerated() {
            let letter = (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z")
            let digit = c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
            if !(letter || digit || c == UInt8(ascii: "_") || (i > 0 && c == UInt8(ascii: "-"))) { return false }
        }
        return true
    }

    /// The file of database `name` (validated).
    public func path(of name: String) throws(EngineError) -> URL {
        guard Self.isValidName(name) else {
            throw .invalidOption(name: "database", value: name,
                                 reason: "a database name is 1 to 63 of letters, digits, '_' and '-', starting with a letter, digit or '_'")
        }
        return folder.appendingPathComponent(name.lowercased() + ".sqlite")
    }

    /// Whether database `name` exists.
    public func exists(_ name: String) -> Bool {
        guard let url = try? path(of: name) else { return false }
        return FileManager.default.fileExists(atPath: url.path)
    }

    /// The databases, sorted by name.
    public func names() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".sqlite") }.map { String($0.dropLast(7)) }.filter(Self.isValidName).sorted()
    }

    /// Opens database `name`. With `create` false a missing database is `EngineError.notFound`
    /// (a JDBC connection to a database that does not exist fails, on AWS too).
    package func open(_ name: String, create: Bool) throws(EngineError) -> DatabaseQueue {
        let url = try path(of: name)
        if !FileManager.default.fileExists(atPath: url.path) {
            guard create else {
                let known = names()
                throw .notFound(what: "JDBC database \(EngineError.quote(name)) in this sandbox"
                    + (known.isEmpty ? " (there are none; create one with gluelab sql --database \(name) \"CREATE TABLE ...\")"
                                     : " (databases: \(known.joined(separator: ", ")))"))
            }
            try withEngineErrors(path: folder.path) {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            }
        }
        return try withEngineErrors(path: url.path) {
            var config = Configuration()
            config.journalMode = .wal
            config.busyMode = .timeout(10)
            config.label = "jdbc \(name)"
            config.prepareDatabase { db in
                db.add(function: JDBCHash.function)
                // No ATTACH: statements cannot reach files outside this database.
                sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_ATTACHED, 0)
            }
            return try DatabaseQueue(path: url.path, configuration: config)
        }
    }

    /// Runs `body` on database `name`, turning SQLite errors into one-line engine errors that
    /// name the database (`database sales: no such table: x`).
    package func withDatabase<T>(_ name: String, create: Bool = false, _ body: (DatabaseQueue) throws -> T) throws(EngineError) -> T {
        let queue = try open(name, create: create)
        do {
            return try body(queue)
        } catch let error as EngineError {
            throw error
        } catch let error as DatabaseError {
            throw .io(path: "database \(name)", reason: error.message ?? "SQLite error \(error.resultCode.rawValue)")
        } catch {
            throw .io(path: "database \(name)", reason: "\(error)")
        }
    }

    /// The tables of database `name` with their row counts, sorted by name (SQLite's own
    /// `sqlite_*` tables left out).
    public func tables(in name: String) throws(EngineError) -> [(name: String, rows: Int)] {
        try withDatabase(name) { queue in
            try queue.read { db in
                let names = try String.fetchAll(db, sql: """
                    SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name
                    """)
                return try names.map { n in
                    (n, try Int.fetchOne(db, sql: "SELECT count(*) FROM \(JDBCBookmark.quote(n))") ?? 0)
                }
            }
        }
    }
}
