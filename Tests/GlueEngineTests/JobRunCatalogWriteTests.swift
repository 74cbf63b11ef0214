import Foundation
import Testing
@testable import GlueEngine

/// `write_dynamic_frame.from_catalog`, `getSink(..., enableUpdateCatalog=True)` and
/// `from_jdbc_conf` through `JobRun`, and the catalog schema for `match_catalog`.
@Suite struct JobRunCatalogWriteTests {
    static func sales(_ rows: [(Int, String, Double)], extra: String? = nil) -> DynamicFrame {
        DynamicFrame(name: "sales", records: rows.map { id, day, amount in
            var fields: [(String, Value)] = [("id", .long(Int64(id))), ("amount", .double(amount)), ("day", .string(day))]
            if let extra { fields.insert((extra, .string("x\(id)")), at: 2) }
            return DynamicRecord(fields)
        })
    }

    func dailyTable(_ f: CatalogRunFixture, format: String = "json") throws {
        try f.catalog.createTable(CatalogTable(
            databaseName: "sales", name: "daily", parameters: ["classification": format],
            storageDescriptor: StorageDescriptor(columns: [CatalogColumn(name: "id", type: "bigint"), CatalogColumn(name: "amount", type: "double")],
                                                 location: "s3://lake/daily/"),
            partitionKeys: [CatalogColumn(name: "day", type: "string")]))
    }

    @Test func fromCatalogWritesToTheTablesLocationAndFormat() throws {
        try CatalogRunFixture.with { f in
            try dailyTable(f)
            let frame = Self.sales([(1, "2024-01-01", 2.5), (2, "2024-01-02", 4.0)])
            let (stats, record) = try f.run { try $0.writeCatalog(frame: frame, ctx: "sink", database: "sales", table: "daily") }
            #expect(try f.keys(under: "s3://lake/daily/").map { $0.components(separatedBy: "/part-")[0] } == ["day=2024-01-01", "day=2024-01-02"])
            #expect(stats.format == "json" && stats.catalogTable == "sales.daily" && stats.partitionsAdded == nil)
            #expect(record.sinks.first?.catalogTable == "sales.daily")
            #expect(try f.catalog.partitions(database: "sales", table: "daily").isEmpty, "without enableUpdateCatalog the catalog is untouched")
        }
    }

    @Test func enableUpdateCatalogAddsPartitionsAndANewVersionForANewColumn() throws {
        try CatalogRunFixture.with { f in
            try dailyTable(f)
            let options: [String: Value] = ["enableUpdateCatalog": .boolean(true), "partitionKeys": .array([.string("day")]),
                                            "updateBehavior": .string("UPDATE_IN_DATABASE")]
            let (first, _) = try f.run {
                try $0.writeCatalog(frame: Self.sales([(1, "2024-01-01", 2.5)]), ctx: "sink", database: "sales", table: "daily", additionalOptions: options)
            }
            #expect(first.partitionsAdded == 1 && first.catalogTableVersion == nil, "same schema: no new version")
            let (second, _) = try f.run {
                try $0.writeCatalog(frame: Self.sales([(2, "2024-01-02", 1.0), (3, "2024-01-01", 9.0)], extra: "channel"), ctx: "sink",
                                    database: "sales", table: "daily", additionalOptions: options)
            }
            #expect(second.partitionsAdded == 1 && second.catalogTableVersion == 1)
            let partitions = try f.catalog.partitions(database: "sales", table: "daily")
            #expect(partitions.map(\.values) == [["2024-01-01"], ["2024-01-02"]])
            #expect(partitions.map(\.storageDescriptor.location) == ["s3://lake/daily/day=2024-01-01/", "s3://lake/daily/day=2024-01-02/"])
            let versions = try f.catalog.tableVersions(database: "sales", name: "daily")
            #expect(versions.map(\.versionId) == [1, 0])
            #expect(versions[0].storageDescriptor.columns.map { "\($0.name):\($0.type)" } == ["id:bigint", "amount:double", "channel:string"])

            // The new partition is readable through the catalog, with its partition column.
            let (read, _) = try f.run("reader") { try $0.readCatalog(ctx: nil, database: "sales", table: "daily", pushDownPredicate: "day = '2024-01-02'") }
            #expect(read.records.map { $0.jsonText() } == [#"{"id":2,"amount":1.0,"channel":"x2","day":"2024-01-02"}"#])
        }
    }

    @Test func logBehaviourKeepsTheSchemaAndAddsPartitionsOnlyForKnownColumns() throws {
        try CatalogRunFixture.with { f in
            try dailyTable(f)
            let options: [String: Value] = ["enableUpdateCatalog": .boolean(true), "updateBehavior": .string("LOG")]
            let (known, _) = try f.run {
                try $0.writeCatalog(frame: Self.sales([(1, "2024-01-01", 2.5)]), ctx: nil, database: "sales", table: "daily", additionalOptions: options)
            }
            #expect(known.partitionsAdded == 1)
            let (extra, _) = try f.run {
                try $0.writeCatalog(frame: Self.sales([(2, "2024-01-02", 1.0)], extra: "channel"), ctx: nil, database: "sales", table: "daily",
                                    additionalOptions: options)
            }
            #expect(extra.partitionsAdded == 0 && extra.catalogNote?.contains("channel") == true)
            #expect(try f.catalog.table(database: "sales", name: "daily").versionId == 0)
        }
    }

    @Test func getSinkCreatesTheTableWhenMissing() throws {
        try CatalogRunFixture.with { f in
            let options: [String: Value] = ["path": .string("s3://lake/totals"), "enableUpdateCatalog": .boolean(true),
                                            "updateBehavior": .string("UPDATE_IN_DATABASE"), "partitionKeys": .array([.string("day")])]
            let (stats, _) = try f.run {
                try $0.writeS3(frame: Self.sales([(1, "2024-01-01", 2.5), (2, "2024-01-02", 3.0)]), ctx: "sink", connectionOptions: options,
                               format: "glueparquet", formatOptions: ["compression": .string("snappy")], catalogDatabase: "sales", catalogTable: "totals")
            }
            #expect(stats.partitionsAdded == 2 && stats.catalogTableVersion == 0)
            let table = try f.catalog.table(database: "sales", name: "totals")
            #expect(table.classification == "parquet" && table.storageDescriptor.location == "s3://lake/totals/")
            #expect(table.storageDescriptor.columns.map { "\($0.name):\($0.type)" } == ["id:bigint", "amount:double"])
            #expect(table.partitionKeys.map { "\($0.name):\($0.type)" } == ["day:string"])
            let (read, _) = try f.run("reader") { try $0.readCatalog(ctx: nil, database: "sales", table: "totals") }
            #expect(read.count() == 2)
        }
    }

    @Test func sinkRefusalsHappenBeforeAnythingIsWritten() throws {
        try CatalogRunFixture.with { f in
            try dailyTable(f)
            let wrongKeys = catalogFailure {
                try f.run { try $0.writeCatalog(frame: Self.sales([(1, "d", 1)]), ctx: nil, database: "sales", table: "daily",
                                                additionalOptions: ["enableUpdateCatalog": .boolean(true), "partitionKeys": .array([.string("id")])]) }
            }
            #expect(wrongKeys.contains("must be the partition keys of table sales.daily, in the same order: [day]"))
            let parquet = catalogFailure {
                try f.run { try $0.writeS3(frame: Self.sales([(1, "d", 1)]), ctx: nil,
                                           connectionOptions: ["path": .string("s3://lake/x/"), "enableUpdateCatalog": .boolean(true)],
                                           format: "parquet", formatOptions: [:], catalogDatabase: "sales", catalogTable: "x") }
            }
            #expect(parquet.contains("only for json, csv, avro and glueparquet sinks"))
            let noDatabase = catalogFailure {
                try f.run { try $0.writeS3(frame: Self.sales([(1, "d", 1)]), ctx: nil,
                                           connectionOptions: ["path": .string("s3://lake/x/"), "enableUpdateCatalog": .boolean(true)],
                                           format: "json", formatOptions: [:], catalogDatabase: "hr", catalogTable: "x") }
            }
            #expect(noDatabase == "not found: database hr in the Data Catalog (EntityNotFoundException)")
            let nested = catalogFailure {
                let frame = DynamicFrame(records: [DynamicRecord([("id", .long(1)), ("who", .structure(DynamicRecord([("tags", .array([.string("a")]))])))])])
                try f.run { try $0.writeS3(frame: frame, ctx: nil, connectionOptions: ["path": .string("s3://lake/x/"), "enableUpdateCatalog": .boolean(true)],
                                           format: "json", formatOptions: [:], catalogDatabase: "sales", catalogTable: "x") }
            }
            #expect(nested.contains("nested schemas such as arrays inside structs"))
            #expect(try f.sandbox.store.list(try storeURI("s3://lake/")).isEmpty)
        }
    }

    @Test func catalogSchemaGivesHiveTypesAsEngineTypes() throws {
        try CatalogRunFixture.with { f in
            try dailyTable(f)
            let (schema, _) = try f.run { try $0.catalogSchema(database: "sales", table: "daily") }
            #expect(schema.treeString() == "root\n|-- id: long\n|-- amount: double\n|-- day: string\n")
        }
    }

    @Test func fromJdbcConfWritesThroughTheConnection() throws {
        try CatalogRunFixture.with { f in
            _ = try JDBCDatabases(sandbox: f.sandbox).run(sql: "CREATE TABLE totals (id INTEGER, amount REAL, day TEXT)", database: "dw")
            try f.catalog.createConnection(CatalogConnection(name: "dw", properties: ["JDBC_CONNECTION_URL": "jdbc:mysql://db:3306/dw"]))
            let (stats, _) = try f.run {
                try $0.writeJDBC(frame: Self.sales([(1, "2024-01-01", 2.5)]), ctx: "out", catalogConnection: "dw",
                                 connectionOptions: ["dbtable": .string("totals")])
            }
            #expect(stats.recordsWritten == 1 && stats.connectionType == "mysql")
            let rows = try JDBCDatabases(sandbox: f.sandbox).run(sql: "SELECT count(*) AS n FROM totals", database: "dw")
            #expect(rows == [.rows(columns: ["n"], rows: [[.long(1)]])])
        }
    }
}
