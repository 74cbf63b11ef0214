import Foundation
import GRDB

/// The catalog's operations on an open transaction, so that a crawl (or a sink updating the
/// catalog) makes all its changes in one.
extension DataCatalog {
    /// Glue's name rule for databases and tables: 1–255 characters, no control characters;
    /// stored lowercase.
    static func checkName(_ name: String, _ what: String) throws(EngineError) {
        guard (1...255).contains(name.count), !name.unicodeScalars.contains(where: { $0.value < 32 || $0 == "/" }) else {
            throw .invalidOption(name: "\(what) name", value: name, reason: "1 to 255 characters, no '/' or control characters")
        }
    }

    static func createDatabase(_ db: Database, _ database: CatalogDatabase, now: Int64) throws -> CatalogDatabase {
        try checkName(database.name, "database")
        var made = database
        made.name = database.name.lowercased()
        made.createTime = now
        if try String.fetchOne(db, sql: "SELECT name FROM catalog_databases WHERE name = ?", arguments: [made.name]) != nil {
            throw EngineError.conflict(exception: "AlreadyExistsException", message: "Database \(made.name) already exists")
        }
        try db.execute(sql: "INSERT INTO catalog_databases (name, document) VALUES (?, ?)", arguments: [made.name, try RunJSON.encode(made)])
        return made
    }

    static func database(_ db: Database, _ name: String) throws -> CatalogDatabase {
        guard let doc = try String.fetchOne(db, sql: "SELECT document FROM catalog_databases WHERE name = ?", arguments: [name.lowercased()]) else {
            throw EngineError.notFound(what: "database \(name) in the Data Catalog (EntityNotFoundException)")
        }
        return try RunJSON.decode(CatalogDatabase.self, doc)
    }

    static func findTable(_ db: Database, database: String, name: String) throws -> CatalogTable? {
        try String.fetchOne(db, sql: "SELECT document FROM catalog_tables WHERE database = ? AND name = ?",
                            arguments: [database.lowercased(), name.lowercased()]).map { try RunJSON.decode(CatalogTable.self, $0) }
    }

    static func table(_ db: Database, database: String, name: String) throws -> CatalogTable {
        guard let table = try findTable(db, database: database, name: name) else {
            _ = try self.database(db, database)
            throw EngineError.notFound(what: "table \(name.lowercased()) in database \(database.lowercased()) of the Data Catalog (EntityNotFoundException)")
        }
        return table
    }

    static func createTable(_ db: Database, _ table: CatalogTable, now: Int64) throws -> CatalogTable {
        try checkName(table.name, "table")
        _ = try database(db, table.databaseName)
        var made = table
        made.databaseName = table.databaseName.lowercased()
        made.name = table.name.lowercased()
        made.createTime = now
        made.updateTime = now
        made.versionId = 0
        try checkColumns(made)
        if try findTable(db, database: made.databaseName, name: made.name) != nil {
            throw EngineError.conflict(exception: "AlreadyExistsException", message: "Table \(made.name) already exists in database \(made.databaseName)")
        }
        try db.execute(sql: "INSERT INTO catalog_tables (database, name, document) VALUES (?, ?, ?)",
                       arguments: [made.databaseName, made.name, try RunJSON.encode(made)])
        return made
    }

    static func updateTable(_ db: Database, _ table: CatalogTable, now: Int64) throws -> CatalogTable {
        let current = try self.table(db, database: table.databaseName, name: table.name)
        var next = table
        next.databaseName = current.databaseName
        next.name = current.name
        next.createTime = current.createTime
        // UpdateTable's TableInput has no CreatedBy: the table's creator stays.
        next.createdBy = current.createdBy
        next.updateTime = now
        next.versionId = current.versionId + 1
        try checkColumns(next)
        try db.execute(sql: "INSERT INTO catalog_table_versions (database, name, version, document) VALUES (?, ?, ?, ?)",
                       arguments: [current.databaseName, current.name, current.versionId, try RunJSON.encode(current)])
        try db.execute(sql: "UPDATE catalog_tables SET document = ? WHERE database = ? AND name = ?",
                       arguments: [try RunJSON.encode(next), next.databaseName, next.name])
        return next
    }

    static func deleteTable(_ db: Database, database: String, name: String) throws {
        let t = try table(db, database: database, name: name)
        for sql in ["DELETE FROM catalog_tables WHERE database = ? AND name = ?",
                    "DELETE FROM catalog_table_versions WHERE database = ? AND name = ?",
                    "DELETE FROM catalog_partitions WHERE database = ? AND table_name = ?"] {
            try db.execute(sql: sql, arguments: [t.databaseName, t.name])
        }
    }

    /// Every column type must be a Hive type name gluelab reads; names unique.
    static func checkColumns(_ table: CatalogTable) throws(EngineError) {
        var seen = Set<String>()
        for c in table.allColumns {
            _ = try HiveType.type(c.type)
            guard seen.insert(c.name.lowercased()).inserted else {
                throw .invalidOption(name: "column", value: c.name, reason: "table \(table.name) names this column twice")
            }
        }
    }

    static func createPartitions(_ db: Database, _ partitions: [CatalogPartition], now: Int64) throws -> Int {
        var added = 0
        for p in partitions {
            let t = try table(db, database: p.databaseName, name: p.tableName)
            guard p.values.count == t.partitionKeys.count else {
                throw EngineError.invalidOption(name: "partition values", value: p.values.joined(separator: ","),
                                                reason: "table \(t.name) has \(t.partitionKeys.count) partition keys")
            }
            var made = p
            made.databaseName = t.databaseName
            made.tableName = t.name
            made.createTime = now
            try db.execute(sql: "INSERT OR IGNORE INTO catalog_partitions (database, table_name, partition_values, document) VALUES (?, ?, ?, ?)",
                           arguments: [t.databaseName, t.name, try RunJSON.encode(p.values), try RunJSON.encode(made)])
            added += db.changesCount
        }
        return added
    }

    static func partitions(_ db: Database, database: String, table: String) throws -> [CatalogPartition] {
        let t = try self.table(db, database: database, name: table)
        return try String.fetchAll(db, sql: "SELECT document FROM catalog_partitions WHERE database = ? AND table_name = ? ORDER BY partition_values",
                                   arguments: [t.databaseName, t.name]).map { try RunJSON.decode(CatalogPartition.self, $0) }
    }
}
