import Foundation
import Testing
@testable import GlueEngine

/// `create_dynamic_frame.from_catalog` through `JobRun.readCatalog`.
@Suite struct JobRunCatalogReadTests {
    @Test func pushDownReadsOnlyTheMatchingPartitionsObjects() throws {
        try CatalogRunFixture.with { f in
            try f.monthlyOrders()
            let (frame, record) = try f.run { run in
                try run.readCatalog(ctx: "orders", database: "sales", table: "orders", pushDownPredicate: "month = '04'")
            }
            let source = try #require(record.sources.first)
            #expect(source.partitionsTotal == 12 && source.partitionsMatched == 1, "push-down read 1 of 12 partitions")
            #expect(source.objectsRead == 2, "only month=04's two objects were opened")
            #expect(source.objects == ["s3://lake/orders/year=2024/month=04/part-0.json", "s3://lake/orders/year=2024/month=04/part-1.json"])
            #expect(source.catalogTable == "sales.orders" && source.pushDownPredicate == "month = '04'")
            #expect(frame.count() == 2)
            #expect(frame.name == "orders")

            let (all, everything) = try f.run("full") { try $0.readCatalog(ctx: nil, database: "sales", table: "orders") }
            #expect(all.count() == 24 && everything.sources[0].objectsRead == 24 && everything.sources[0].partitionsMatched == 12)
        }
    }

    @Test func partitionColumnsAreAddedAndTypedByTheKeys() throws {
        try CatalogRunFixture.with { f in
            try f.monthlyOrders(months: 3...4, objectsPerMonth: 1)
            let (frame, _) = try f.run { try $0.readCatalog(ctx: nil, database: "sales", table: "orders", pushDownPredicate: "year = 2024 and month in ('03')") }
            #expect(frame.records.map { $0.jsonText() } == [#"{"id":300,"amount":3.5,"year":2024,"month":"03"}"#])
            #expect(frame.schema().treeString() == """
                root
                |-- id: int
                |-- amount: double
                |-- year: int
                |-- month: string

                """)
        }
    }

    @Test func onlyCatalogPartitionsAreRead() throws {
        try CatalogRunFixture.with { f in
            try f.monthlyOrders(months: 1...2, objectsPerMonth: 1)
            try f.addMonth(3, objects: 1, register: false)  // data written, partition not in the catalog
            let (frame, record) = try f.run { try $0.readCatalog(ctx: nil, database: "sales", table: "orders") }
            #expect(frame.count() == 2 && record.sources[0].partitionsTotal == 2)
            try f.addPartition(["2024", "03"])
            let (again, _) = try f.run { try $0.readCatalog(ctx: nil, database: "sales", table: "orders") }
            #expect(again.count() == 3)
        }
    }

    @Test func bookmarksWorkThroughFromCatalog() throws {
        try CatalogRunFixture.with { f in
            try f.monthlyOrders(months: 1...2, objectsPerMonth: 1)
            let (first, r1) = try f.run { try $0.readCatalog(ctx: "src", database: "sales", table: "orders") }
            #expect(first.count() == 2 && r1.sources[0].bookmarkPlan == "incremental")

            try f.base.pass(minutes: 30)
            try f.putJSON("s3://lake/orders/year=2024/month=02/late.json", [#"{"id":299,"amount":1.0}"#])
            try f.addMonth(3, objects: 1)  // a new partition between runs
            let (second, r2) = try f.run { try $0.readCatalog(ctx: "src", database: "sales", table: "orders") }
            #expect(r2.sources[0].objects == ["s3://lake/orders/year=2024/month=02/late.json",
                                              "s3://lake/orders/year=2024/month=03/part-0.json"])
            #expect(second.records.map { $0["id"].plainText }.sorted() == ["299", "300"])

            try f.base.pass(minutes: 30)
            let (third, r3) = try f.run { try $0.readCatalog(ctx: "src", database: "sales", table: "orders") }
            #expect(third.count() == 0 && r3.sources[0].objectsRead == 0)
        }
    }

    /// The bookmark's path signature is the table's location, not the predicate: a wider
    /// predicate later does not bring back older objects.
    @Test func changingThePredicateKeepsTheBookmark() throws {
        try CatalogRunFixture.with { f in
            try f.monthlyOrders(months: 1...2, objectsPerMonth: 1)
            try f.base.pass(minutes: 60)  // the data landed an hour before the first run
            let (jan, _) = try f.run { try $0.readCatalog(ctx: "src", database: "sales", table: "orders", pushDownPredicate: "month = '01'") }
            #expect(jan.count() == 1)
            try f.base.pass(minutes: 30)
            let (both, _) = try f.run { try $0.readCatalog(ctx: "src", database: "sales", table: "orders", pushDownPredicate: "month in ('01', '02')") }
            #expect(both.count() == 0, "February's object is older than the bookmark (and its band): counted as processed")
        }
    }

    @Test func csvTablesUseTheirSerDeAndColumnNames() throws {
        try CatalogRunFixture.with { f in
            try f.catalog.createTable(CatalogTable(
                databaseName: "sales", name: "people", parameters: ["classification": "csv", "skip.header.line.count": "1"],
                storageDescriptor: StorageDescriptor(columns: [CatalogColumn(name: "name", type: "string"), CatalogColumn(name: "age", type: "bigint")],
                                                     location: "s3://lake/people/", serdeParameters: ["field.delim": "|"])))
            try f.sandbox.store.put(try storeURI("s3://lake/people/a.csv"), bytes: Array("name|age\nann|31\nbob|42\n".utf8))
            try f.catalog.createTable(CatalogTable(
                databaseName: "sales", name: "raw", parameters: ["classification": "csv"],
                storageDescriptor: StorageDescriptor(columns: [CatalogColumn(name: "name", type: "string"), CatalogColumn(name: "age", type: "bigint")],
                                                     location: "s3://lake/raw/")))
            try f.sandbox.store.put(try storeURI("s3://lake/raw/a.csv"), bytes: Array("cy,27\n".utf8))
            let (people, _) = try f.run { try $0.readCatalog(ctx: nil, database: "sales", table: "people") }
            #expect(people.records.map { $0.jsonText() } == [#"{"name":"ann","age":31}"#, #"{"name":"bob","age":42}"#])
            let (raw, _) = try f.run { try $0.readCatalog(ctx: nil, database: "sales", table: "raw") }
            #expect(raw.records.map { $0.jsonText() } == [#"{"name":"cy","age":27}"#], "header-less columns take the catalog's names")
        }
    }

    @Test func errorsAreGlueLike() throws {
        try CatalogRunFixture.with { f in
            try f.monthlyOrders(months: 1...1, objectsPerMonth: 1)
            let missingTable = catalogFailure { try f.run { try $0.readCatalog(ctx: nil, database: "sales", table: "nope") } }
            #expect(missingTable == "not found: table nope in database sales of the Data Catalog (EntityNotFoundException)")
            let missingDatabase = catalogFailure { try f.run { try $0.readCatalog(ctx: nil, database: "hr", table: "orders") } }
            #expect(missingDatabase == "not found: database hr in the Data Catalog (EntityNotFoundException)")
            let badColumn = catalogFailure { try f.run { try $0.readCatalog(ctx: nil, database: "sales", table: "orders", pushDownPredicate: "amount > 3") } }
            #expect(badColumn.contains("column amount (at character 1) is not a partition key") && badColumn.contains("partition keys of table sales.orders: year, month"))
        }
    }

    @Test func jdbcTablesReadThroughTheirConnectionWithBookmarkKeys() throws {
        try CatalogRunFixture.with { f in
            _ = try JDBCDatabases(sandbox: f.sandbox).run(sql: """
                CREATE TABLE customers (code TEXT PRIMARY KEY, seq INTEGER, name TEXT);
                INSERT INTO customers VALUES ('c', 1, 'ann'), ('a', 2, 'bob');
                """, database: "crm")
            try f.catalog.createConnection(CatalogConnection(name: "crm-pg", properties: ["JDBC_CONNECTION_URL": "jdbc:postgresql://db:5432/crm"]))
            try f.catalog.createTable(CatalogTable(
                databaseName: "sales", name: "crm_public_customers", parameters: ["classification": "postgresql", "connectionName": "crm-pg"],
                storageDescriptor: StorageDescriptor(columns: [CatalogColumn(name: "code", type: "string"), CatalogColumn(name: "seq", type: "int"),
                                                               CatalogColumn(name: "name", type: "string")],
                                                     location: "crm.public.customers")))
            let keys: [String: Value] = ["jobBookmarkKeys": .array([.string("seq")]), "jobBookmarkKeysSortOrder": .string("asc")]
            let (first, r1) = try f.run { try $0.readCatalog(ctx: "crm", database: "sales", table: "crm_public_customers", additionalOptions: keys) }
            #expect(columnText(first, "name") == ["ann", "bob"])
            #expect(r1.sources[0].connectionType == "postgresql" && r1.sources[0].catalogTable == "sales.crm_public_customers")
            _ = try JDBCDatabases(sandbox: f.sandbox).run(sql: "INSERT INTO customers VALUES ('b', 3, 'cy')", database: "crm")
            let (second, _) = try f.run { try $0.readCatalog(ctx: "crm", database: "sales", table: "crm_public_customers", additionalOptions: keys) }
            #expect(columnText(second, "name") == ["cy"], "the bookmark on seq reads only the new row")
        }
    }
}
