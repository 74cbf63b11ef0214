import GRDB

/// The catalog operations a crawl needs beside the lead's (`UpdatePartition`,
/// `DeletePartition` on an open transaction).
extension DataCatalog {
    /// `UpdatePartition`: replaces the partition with `values` (keeps its creation time).
    static func updatePartition(_ db: Database, _ partition: CatalogPartition) throws {
        let key = try RunJSON.encode(partition.values)
        guard let doc = try String.fetchOne(db, sql: "SELECT document FROM catalog_partitions WHERE database = ? AND table_name = ? AND partition_values = ?",
                                            arguments: [partition.databaseName.lowercased(), partition.tableName.lowercased(), key]) else {
            throw EngineError.notFound(what: "partition \(partition.values) of table \(partition.databaseName).\(partition.tableName) in the Data Catalog (EntityNotFoundException)")
        }
        var next = partition
        next.databaseName = partition.databaseName.lowercased()
        next.tableName = partition.tableName.lowercased()
        next.createTime = try RunJSON.decode(CatalogPartition.self, doc).createTime
        try db.execute(sql: "UPDATE catalog_partitions SET document = ? WHERE database = ? AND table_name = ? AND partition_values = ?",
                       arguments: [try RunJSON.encode(next), next.databaseName, next.tableName, key])
    }

    /// `DeletePartition` on an open transaction (no error when it is already gone).
    static func deletePartition(_ db: Database, database: String, table: String, values: [String]) throws {
        try db.execute(sql: "DELETE FROM catalog_partitions WHERE database = ? AND table_name = ? AND partition_values = ?",
                       arguments: [database.lowercased(), table.lowercased(), try RunJSON.encode(values)])
    }

    /// Every table of a database, by name.
    static func tables(_ db: Database, database: String) throws -> [CatalogTable] {
        try String.fetchAll(db, sql: "SELECT document FROM catalog_tables WHERE database = ? ORDER BY name",
                            arguments: [database.lowercased()]).map { try RunJSON.decode(CatalogTable.self, $0) }
    }

    /// The database, or nil.
    static func findDatabase(_ db: Database, _ name: String) throws -> CatalogDatabase? {
        try String.fetchOne(db, sql: "SELECT document FROM catalog_databases WHERE name = ?", arguments: [name.lowercased()])
            .map { try RunJSON.decode(CatalogDatabase.self, $0) }
    }
}
