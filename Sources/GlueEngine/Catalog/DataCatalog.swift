import Foundation
import GRDB

/// The sandbox's Data Catalog: databases, tables with their versions, partitions and JDBC
/// connections, kept in the sandbox database (one JSON document per object, keyed by name).
///
/// Names follow Glue: database and table names are stored lowercase (Glue lowercases them), so
/// lookups ignore case. Every update of a table keeps the previous version
/// (`GetTableVersions`); deleting a database deletes its tables, versions and partitions, and
/// deleting a table its versions and partitions, each in one transaction. Errors use the API's
/// exception names: `AlreadyExistsException` (`EngineError.conflict`) and
/// `EntityNotFoundException` (`EngineError.notFound`).
public final class DataCatalog: Sendable {
    let sandbox: Sandbox

    public init(sandbox: Sandbox) {
        self.sandbox = sandbox
    }

    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE catalog_databases (name TEXT PRIMARY KEY NOT NULL, document TEXT NOT NULL);
            CREATE TABLE catalog_tables (database TEXT NOT NULL, name TEXT NOT NULL, document TEXT NOT NULL,
                PRIMARY KEY (database, name));
            CREATE TABLE catalog_table_versions (database TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
                document TEXT NOT NULL, PRIMARY KEY (database, name, version));
            CREATE TABLE catalog_partitions (database TEXT NOT NULL, table_name TEXT NOT NULL, partition_values TEXT NOT NULL,
                document TEXT NOT NULL, PRIMARY KEY (database, table_name, partition_values));
            CREATE TABLE catalog_connections (name TEXT PRIMARY KEY NOT NULL, document TEXT NOT NULL);
            """)
    }

    // MARK: Databases

    /// `CreateDatabase`; `createTime` is set from the sandbox clock.
    @discardableResult
    public func createDatabase(_ database: CatalogDatabase) throws(EngineError) -> CatalogDatabase {
        try write { db in try Self.createDatabase(db, database, now: try self.sandbox.clock.now(db)) }
    }

    /// `GetDatabase`.
    public func database(_ name: String) throws(EngineError) -> CatalogDatabase {
        try read { db in try Self.database(db, name) }
    }

    /// `GetDatabases`, by name.
    public func databases() throws(EngineError) -> [CatalogDatabase] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT document FROM catalog_databases ORDER BY name").map { try RunJSON.decode(CatalogDatabase.self, $0) }
        }
    }

    /// `DeleteDatabase`: the database with its tables, table versions and partitions.
    public func deleteDatabase(_ name: String) throws(EngineError) {
        try write { db in
            let key = name.lowercased()
            _ = try Self.database(db, key)
            for sql in ["DELETE FROM catalog_databases WHERE name = ?", "DELETE FROM catalog_tables WHERE database = ?",
                        "DELETE FROM catalog_table_versions WHERE database = ?", "DELETE FROM catalog_partitions WHERE database = ?"] {
                try db.execute(sql: sql, arguments: [key])
            }
        }
    }

    // MARK: Tables

    /// `CreateTable` in an existing database; version 0, times from the sandbox clock.
    @discardableResult
    public func createTable(_ table: CatalogTable) throws(EngineError) -> CatalogTable {
        try write { db in try Self.createTable(db, table, now: try self.sandbox.clock.now(db)) }
    }

    /// `UpdateTable`: the table becomes the next version; the current one is kept in the
    /// table's versions.
    @discardableResult
    public func updateTable(_ table: CatalogTable) throws(EngineError) -> CatalogTable {
        try write { db in try Self.updateTable(db, table, now: try self.sandbox.clock.now(db)) }
    }

    /// `GetTable`.
    public func table(database: String, name: String) throws(EngineError) -> CatalogTable {
        try read { db in try Self.table(db, database: database, name: name) }
    }

    /// The table, or nil when it does not exist.
    public func findTable(database: String, name: String) throws(EngineError) -> CatalogTable? {
        try read { db in try Self.findTable(db, database: database, name: name) }
    }

    /// `GetTables` of a database, by name.
    public func tables(database: String) throws(EngineError) -> [CatalogTable] {
        try read { db in
            _ = try Self.database(db, database)
            return try String.fetchAll(db, sql: "SELECT document FROM catalog_tables WHERE database = ? ORDER BY name",
                                       arguments: [database.lowercased()]).map { try RunJSON.decode(CatalogTable.self, $0) }
        }
    }

    /// `GetTableVersions`: every version, newest (the current table) first.
    public func tableVersions(database: String, name: String) throws(EngineError) -> [CatalogTable] {
        try read { db in
            let current = try Self.table(db, database: database, name: name)
            let older = try String.fetchAll(
                db, sql: "SELECT document FROM catalog_table_versions WHERE database = ? AND name = ? ORDER BY version DESC",
                arguments: [database.lowercased(), name.lowercased()]).map { try RunJSON.decode(CatalogTable.self, $0) }
            return [current] + older
        }
    }

    /// `DeleteTable`, with its versions and partitions.
    public func deleteTable(database: String, name: String) throws(EngineError) {
        try write { db in try Self.deleteTable(db, database: database, name: name) }
    }

    // MARK: Partitions

    /// `BatchCreatePartition`: adds the partitions a table does not have yet; returns how many
    /// were added (partitions that exist are left as they are).
    @discardableResult
    public func createPartitions(_ partitions: [CatalogPartition]) throws(EngineError) -> Int {
        try write { db in try Self.createPartitions(db, partitions, now: try self.sandbox.clock.now(db)) }
    }

    /// `GetPartitions` of a table, ordered by their values.
    public func partitions(database: String, table: String) throws(EngineError) -> [CatalogPartition] {
        try read { db in try Self.partitions(db, database: database, table: table) }
    }

    /// `DeletePartition`.
    public func deletePartition(database: String, table: String, values: [String]) throws(EngineError) {
        try write { db in
            try db.execute(sql: "DELETE FROM catalog_partitions WHERE database = ? AND table_name = ? AND partition_values = ?",
                           arguments: [database.lowercased(), table.lowercased(), try RunJSON.encode(values)])
            guard db.changesCount > 0 else {
                throw EngineError.notFound(what: "partition \(values) of table \(database).\(table) in the Data Catalog (EntityNotFoundException)")
            }
        }
    }

    // MARK: Connections

    /// `CreateConnection` (JDBC: `properties["JDBC_CONNECTION_URL"]` is required).
    @discardableResult
    public func createConnection(_ connection: CatalogConnection) throws(EngineError) -> CatalogConnection {
        try Self.checkName(connection.name, "connection")
        guard connection.connectionType.uppercased() == "JDBC" else {
            throw .unsupported(what: "connection type \(connection.connectionType)", reason: "gluelab's connections are JDBC connections to the sandbox's databases")
        }
        guard let url = connection.url, !url.isEmpty else {
            throw .invalidOption(name: "JDBC_CONNECTION_URL", value: "", reason: "a JDBC connection needs its URL, e.g. jdbc:postgresql://host:5432/shop")
        }
        _ = try JDBCURL(parsing: url)
        return try write { db in
            if try String.fetchOne(db, sql: "SELECT name FROM catalog_connections WHERE name = ?", arguments: [connection.name]) != nil {
                throw EngineError.conflict(exception: "AlreadyExistsException", message: "Connection \(connection.name) already exists")
            }
            var made = connection
            made.connectionType = "JDBC"
            made.creationTime = try self.sandbox.clock.now(db)
            try db.execute(sql: "INSERT INTO catalog_connections (name, document) VALUES (?, ?)", arguments: [made.name, try RunJSON.encode(made)])
            return made
        }
    }

    /// `GetConnection`.
    public func connection(_ name: String) throws(EngineError) -> CatalogConnection {
        try read { db in
            guard let doc = try String.fetchOne(db, sql: "SELECT document FROM catalog_connections WHERE name = ?", arguments: [name]) else {
                throw EngineError.notFound(what: "connection \(name) in the Data Catalog (EntityNotFoundException)")
            }
            return try RunJSON.decode(CatalogConnection.self, doc)
        }
    }

    /// `GetConnections`, by name.
    public func connections() throws(EngineError) -> [CatalogConnection] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT document FROM catalog_connections ORDER BY name").map { try RunJSON.decode(CatalogConnection.self, $0) }
        }
    }

    /// `DeleteConnection`.
    public func deleteConnection(_ name: String) throws(EngineError) {
        try write { db in
            try db.execute(sql: "DELETE FROM catalog_connections WHERE name = ?", arguments: [name])
            guard db.changesCount > 0 else { throw EngineError.notFound(what: "connection \(name) in the Data Catalog (EntityNotFoundException)") }
        }
    }

    // MARK: Access

    var path: String { sandbox.root.appendingPathComponent("sandbox.sqlite").path }

    func read<T>(_ body: (Database) throws -> T) throws(EngineError) -> T {
        try withEngineErrors(path: path) { try sandbox.database.read(body) }
    }

    /// Runs `body` in one write transaction (the crawler makes all of a crawl's changes in one).
    func write<T>(_ body: (Database) throws -> T) throws(EngineError) -> T {
        try withEngineErrors(path: path) { try sandbox.database.write(body) }
    }
}
