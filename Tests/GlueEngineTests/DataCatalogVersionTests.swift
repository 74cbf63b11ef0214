import Foundation
import Testing
@testable import GlueEngine

/// UpdateTable / GetTableVersions, BatchCreatePartition / GetPartitions / DeletePartition,
/// CreateConnection / GetConnection(s) / DeleteConnection.
@Suite struct DataCatalogVersionTests {
    @Test func everyUpdateKeepsThePreviousVersionListedNewestFirst() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            let v0 = try f.catalog.createTable(CatalogFixture.orders())
            try f.pass(minutes: 5)
            var next = v0
            next.storageDescriptor.columns.append(CatalogColumn(name: "channel", type: "string"))
            let v1 = try f.catalog.updateTable(next)
            #expect(v1.versionId == 1 && v1.createTime == v0.createTime && v1.updateTime == storeTime("2024-01-01T10:05:00Z"))
            try f.pass(minutes: 5)
            next = v1
            next.storageDescriptor.location = "s3://shop/orders-v2/"
            let v2 = try f.catalog.updateTable(next)

            #expect(try f.catalog.table(database: "sales", name: "orders") == v2)
            let versions = try f.catalog.tableVersions(database: "SALES", name: "ORDERS")
            #expect(versions == [v2, v1, v0])
            #expect(versions.map(\.versionId) == [2, 1, 0])
            #expect(versions[2].storageDescriptor.columns.map(\.name) == ["id", "amount"])
        }
    }

    @Test func anUpdateFindsTheTableWhateverTheCaseAndKeepsItsNameAndCreator() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            var input = CatalogFixture.orders()
            input.createdBy = "crawler:shop"
            let v0 = try f.catalog.createTable(input)
            var next = CatalogFixture.orders("SALES", name: "Orders")
            next.createdBy = nil
            next.versionId = 41
            next.createTime = 7
            let v1 = try f.catalog.updateTable(next)
            #expect(v1.name == "orders" && v1.databaseName == "sales")
            #expect(v1.versionId == 1 && v1.createTime == v0.createTime)
            // UpdateTable's TableInput has no CreatedBy: the creator stays.
            #expect(v1.createdBy == "crawler:shop")
        }
    }

    @Test func anUpdateWithBadColumnsChangesNothing() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            let v0 = try f.catalog.createTable(CatalogFixture.orders())
            var bad = v0
            bad.storageDescriptor.columns = [CatalogColumn(name: "id", type: "number")]
            #expect(throws: EngineError.self) { try f.catalog.updateTable(bad) }
            #expect(try f.catalog.tableVersions(database: "sales", name: "orders") == [v0])
            #expect(throws: EngineError.self) { try f.catalog.updateTable(CatalogFixture.orders(name: "missing")) }
        }
    }

    @Test func partitionsAreAddedOnceAndListedByValues() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            try f.catalog.createTable(CatalogFixture.orders())
            #expect(try f.catalog.createPartitions([CatalogFixture.partition("2024", "02"), CatalogFixture.partition("2024", "01")]) == 2)
            try f.pass(minutes: 1)
            // Again with one new: only the new one is added; the old one keeps its time and location.
            var changed = CatalogFixture.partition("2024", "01")
            changed.storageDescriptor.location = "s3://elsewhere/"
            #expect(try f.catalog.createPartitions([changed, CatalogFixture.partition("2024", "03"), CatalogFixture.partition("2024", "03")]) == 1)
            let parts = try f.catalog.partitions(database: "Sales", table: "Orders")
            #expect(parts.map(\.values) == [["2024", "01"], ["2024", "02"], ["2024", "03"]])
            #expect(parts[0].storageDescriptor.location == "s3://shop/orders/year=2024/month=01/")
            #expect(parts[0].createTime == storeTime("2024-01-01T10:00:00Z") && parts[2].createTime == storeTime("2024-01-01T10:01:00Z"))
            #expect(parts.allSatisfy { $0.databaseName == "sales" && $0.tableName == "orders" })

            try f.catalog.deletePartition(database: "sales", table: "orders", values: ["2024", "02"])
            #expect(try f.catalog.partitions(database: "sales", table: "orders").map(\.values) == [["2024", "01"], ["2024", "03"]])
            #expect(throws: EngineError.self) { try f.catalog.deletePartition(database: "sales", table: "orders", values: ["2024", "02"]) }
        }
    }

    @Test func partitionValuesMustMatchThePartitionKeys() throws {
        try CatalogFixture.with { f in
            try f.catalog.createDatabase(CatalogDatabase(name: "sales"))
            try f.catalog.createTable(CatalogFixture.orders())
            var short = CatalogFixture.partition("2024", "01")
            short.values = ["2024"]
            #expect(throws: EngineError.invalidOption(name: "partition values", value: "2024", reason: "table orders has 2 partition keys")) {
                try f.catalog.createPartitions([CatalogFixture.partition("2024", "02"), short])
            }
            // The batch is one transaction: the good partition before the bad one was not kept.
            #expect(try f.catalog.partitions(database: "sales", table: "orders").isEmpty)
            #expect(throws: EngineError.self) { try f.catalog.createPartitions([CatalogFixture.partition("2024", "01", table: "nope")]) }
        }
    }

    @Test func jdbcConnectionsAreKeptWithTheirProperties() throws {
        try CatalogFixture.with { f in
            let made = try f.catalog.createConnection(CatalogConnection(
                name: "shop-db", connectionType: "jdbc",
                properties: ["JDBC_CONNECTION_URL": "jdbc:postgresql://db.example:5432/shop", "USERNAME": "etl", "PASSWORD": "s3cret"]))
            #expect(made.connectionType == "JDBC" && made.creationTime == storeTime("2024-01-01T10:00:00Z"))
            #expect(try f.catalog.connection("shop-db") == made)
            #expect(made.url == "jdbc:postgresql://db.example:5432/shop")
            try f.catalog.createConnection(CatalogConnection(name: "crm", properties: ["JDBC_CONNECTION_URL": "jdbc:mysql://crm:3306/crm"]))
            #expect(try f.catalog.connections().map(\.name) == ["crm", "shop-db"])
            #expect(throws: EngineError.conflict(exception: "AlreadyExistsException", message: "Connection crm already exists")) {
                try f.catalog.createConnection(CatalogConnection(name: "crm", properties: ["JDBC_CONNECTION_URL": "jdbc:mysql://crm:3306/crm"]))
            }
            try f.catalog.deleteConnection("crm")
            #expect(try f.catalog.connections().map(\.name) == ["shop-db"])
            #expect(throws: EngineError.notFound(what: "connection crm in the Data Catalog (EntityNotFoundException)")) {
                try f.catalog.connection("crm")
            }
            #expect(throws: EngineError.self) { try f.catalog.deleteConnection("crm") }
        }
    }

    @Test func aConnectionNeedsAValidJDBCURLAndName() throws {
        try CatalogFixture.with { f in
            #expect(throws: EngineError.invalidOption(name: "JDBC_CONNECTION_URL", value: "",
                                                     reason: "a JDBC connection needs its URL, e.g. jdbc:postgresql://host:5432/shop")) {
                try f.catalog.createConnection(CatalogConnection(name: "c", properties: [:]))
            }
            for url in ["postgresql://host/db", "jdbc:postgresql://host", "jdbc:db2://host/db"] {
                #expect(throws: EngineError.self) {
                    try f.catalog.createConnection(CatalogConnection(name: "c", properties: ["JDBC_CONNECTION_URL": url]))
                }
            }
            #expect(throws: EngineError.self) {
                try f.catalog.createConnection(CatalogConnection(name: "c", connectionType: "KAFKA", properties: ["JDBC_CONNECTION_URL": "jdbc:mysql://h/d"]))
            }
            #expect(throws: EngineError.self) {
                try f.catalog.createConnection(CatalogConnection(name: "", properties: ["JDBC_CONNECTION_URL": "jdbc:mysql://h/d"]))
            }
            let left = try f.catalog.connections()
            #expect(left.isEmpty)
        }
    }

    @Test func theCatalogSurvivesReopeningTheSandbox() throws {
        try TempHome.with { home in
            let first = DataCatalog(sandbox: try Sandbox.open(home: home, name: "keep"))
            try first.createDatabase(CatalogDatabase(name: "sales"))
            let t = try first.createTable(CatalogFixture.orders())
            let again = DataCatalog(sandbox: try Sandbox.open(home: home, name: "keep"))
            #expect(try again.table(database: "sales", name: "orders") == t)
        }
    }
}
