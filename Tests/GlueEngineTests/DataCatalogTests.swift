import Foundation
import Testing
@testable import GlueEngine

/// A fresh sandbox with its clock stopped at 2024-01-01T10:00:00Z and its catalog.
struct CatalogFixture {
    let sandbox: Sandbox
    let catalog: DataCatalog

    static func with(_ body: (CatalogFixture) throws -> Void) throws {
        try TempHome.with { home in
            let sandbox = try Sandbox.open(home: home, name: "catalog")
            try sandbox.clock.freeze()
            try sandbox.clock.set(storeTime("2024-01-01T10:00:00Z"))
            try body(CatalogFixture(sandbox: sandbox, catalog: DataCatalog(sandbox: sandbox)))
        }
    }

    func pass(minutes: Int64) throws { try sandbox.clock.advance(by: minutes * 60_000_000) }

    /// `sales.orders`: CSV at s3://shop/orders/, partitioned by year and month.
    static func orders(_ database: String = "sales", name: String = "orders", columns: [CatalogColumn]? = nil) -> CatalogTable {
        CatalogTable(
            databaseName: database, name: name, parameters: ["classification": "csv"],
            storageDescriptor: StorageDescriptor(
                columns: columns ?? [CatalogColumn(name: "id", type: "bigint"), CatalogColumn(name: "amount", type: "double")],
                location: "s3://shop/orders/", serdeLibrary: "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe",
                serdeParameters: ["field.delim": ","]),
            partitionKeys: [CatalogColumn(name: "year", type: "string"), CatalogColumn(name: "month", type: "string")])
    }

    static func partition(_ year: String, _ month: String, table: String = "orders") -> CatalogPartition {
        CatalogPartition(databaseName: "sales", tableName: table, values: [year, month],
                         storageDescriptor: StorageDescriptor(columns: [], location: "s3://shop/orders/year=\(year)/month=\(month)/"))
    }
}

/// Databases and tables: CreateDatabase/GetDatabase(s)/DeleteDatabase, CreateTable/GetTable(s)/DeleteTable.
@Suite struct DataCatalogTests {
    @Test func databasesAreStoredLowercaseAndFoundWhateverTheCase() throws {
        try CatalogFixture.with { f in
            let made = try f.catalog.createDatabase(CatalogDatabase(name: "Sales", description: "shop sales", locationUri: "s3://shop/"))
            #expect(made.name == "sales" && made.createTime == storeTime("2024-01-01T10:00:00Z"))
            #expect(try f.catalog.database("SALES") == made)
            try f.catalog.createDatabase(CatalogDatabase(name: "hr"))
            #expect(try f.catalog.databases().map(\.name) == ["hr", "sales"])
        }
    }

    @Test func aTakenDatabaseNameIsAlreadyExistsWhateverTheCase() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            #expect(throws: EngineError.conflict(exception: "AlreadyExistsException", message: "Database sales already exists")) {
                try f.catalog.createDatabase(CatalogDatabase(name: "SALES"))
            }
        }
    }

    @Test func missingObjectsAreEntityNotFound() throws {
        try CatalogFixture.with { f in
            #expect(throws: EngineError.notFound(what: "database nope in the Data Catalog (EntityNotFoundException)")) {
                try f.catalog.database("nope")
            }
            // A table in a missing database names the database.
            #expect(throws: EngineError.notFound(what: "database nope in the Data Catalog (EntityNotFoundException)")) {
                try f.catalog.table(database: "nope", name: "orders")
            }
            #expect(throws: EngineError.notFound(what: "database nope in the Data Catalog (EntityNotFoundException)")) {
                try f.catalog.createTable(CatalogFixture.orders("nope"))
            }
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            #expect(throws: EngineError.notFound(what: "table orders in database sales of the Data Catalog (EntityNotFoundException)")) {
                try f.catalog.table(database: "Sales", name: "Orders")
            }
            #expect(try f.catalog.findTable(database: "sales", name: "orders") == nil)
            #expect(throws: EngineError.self) { try f.catalog.deleteTable(database: "sales", name: "orders") }
            #expect(throws: EngineError.self) { try f.catalog.deleteDatabase("nope") }
        }
    }

    @Test func badNamesAreRefused() throws {
        try CatalogFixture.with { f in
            for name in ["", String(repeating: "a", count: 256), "a/b", "tab\tname"] {
                #expect(throws: EngineError.self) { try f.catalog.createDatabase(CatalogDatabase(name: name)) }
            }
            try f.catalog.createDatabase(CatalogDatabase(name: String(repeating: "a", count: 255)))
        }
    }

    @Test func tablesAreStoredLowercaseWithTimesAndVersionZero() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            let made = try f.catalog.createTable(CatalogFixture.orders("SALES", name: "Orders"))
            #expect(made.databaseName == "sales" && made.name == "orders")
            #expect(made.versionId == 0 && made.createTime == storeTime("2024-01-01T10:00:00Z") && made.updateTime == made.createTime)
            #expect(made.classification == "csv" && made.tableType == "EXTERNAL_TABLE")
            #expect(made.allColumns.map(\.name) == ["id", "amount", "year", "month"])
            #expect(try f.catalog.table(database: "sales", name: "ORDERS") == made)
            try f.catalog.createTable(CatalogFixture.orders(name: "customers"))
            #expect(try f.catalog.tables(database: "sales").map(\.name) == ["customers", "orders"])
            #expect(throws: EngineError.conflict(exception: "AlreadyExistsException", message: "Table orders already exists in database sales")) {
                try f.catalog.createTable(CatalogFixture.orders(name: "ORDERS"))
            }
        }
    }

    @Test func columnTypesMustBeHiveTypesAndNamesUnique() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            #expect(throws: EngineError.self) {
                try f.catalog.createTable(CatalogFixture.orders(columns: [CatalogColumn(name: "id", type: "long")]))
            }
            // A data column named like a partition key, in any case.
            #expect(throws: EngineError.invalidOption(name: "column", value: "year", reason: "table orders names this column twice")) {
                try f.catalog.createTable(CatalogFixture.orders(columns: [CatalogColumn(name: "Year", type: "int")]))
            }
            let nested = [CatalogColumn(name: "id", type: "bigint"), CatalogColumn(name: "tags", type: "array<string>"),
                          CatalogColumn(name: "buyer", type: "struct<name:string,age:int>")]
            #expect(try f.catalog.createTable(CatalogFixture.orders(columns: nested)).storageDescriptor.columns == nested)
        }
    }

    @Test func deletingADatabaseDeletesItsTablesVersionsAndPartitions() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            try f.catalog.createDatabase(CatalogDatabase(name: "hr"))
            var t = try f.catalog.createTable(CatalogFixture.orders())
            t.description = "v1"
            try f.catalog.updateTable(t)
            try f.catalog.createPartitions([CatalogFixture.partition("2024", "01")])
            try f.catalog.createTable(CatalogFixture.orders("hr", name: "staff"))

            try f.catalog.deleteDatabase("SALES")
            #expect(try f.catalog.databases().map(\.name) == ["hr"])
            #expect(try f.catalog.tables(database: "hr").map(\.name) == ["staff"])
            // Made again, the database is empty: no table, no old versions, no partitions.
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            #expect(try f.catalog.tables(database: "sales").isEmpty)
            let again = try f.catalog.createTable(CatalogFixture.orders())
            #expect(try f.catalog.tableVersions(database: "sales", name: "orders") == [again])
            #expect(try f.catalog.partitions(database: "sales", table: "orders").isEmpty)
        }
    }

    @Test func deletingATableDeletesItsVersionsAndPartitionsOnly() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            var t = try f.catalog.createTable(CatalogFixture.orders())
            t.description = "v1"
            try f.catalog.updateTable(t)
            try f.catalog.createPartitions([CatalogFixture.partition("2024", "01")])
            try f.catalog.createTable(CatalogFixture.orders(name: "returns"))
            try f.catalog.createPartitions([CatalogFixture.partition("2024", "01", table: "returns")])

            try f.catalog.deleteTable(database: "sales", name: "Orders")
            #expect(try f.catalog.tables(database: "sales").map(\.name) == ["returns"])
            #expect(try f.catalog.partitions(database: "sales", table: "returns").count == 1)
            let again = try f.catalog.createTable(CatalogFixture.orders())
            #expect(again.versionId == 0)
            #expect(try f.catalog.tableVersions(database: "sales", name: "orders").map(\.versionId) == [0])
            #expect(try f.catalog.partitions(database: "sales", table: "orders").isEmpty)
        }
    }
}
