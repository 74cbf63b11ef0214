import Foundation
import Testing
@testable import GlueEngine

/// The crawler's one widened type per column against the DynamicFrame's choice for the same
/// objects; JDBC targets; the report's cost.
@Suite struct CrawlerTypeTests {
    @Test func crawlerWidensWhereTheDynamicFrameKeepsAChoice() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/prices/a.csv", "id,price,code\n1,10,7\n2,10.5,x9\n3,11,8\n")
        try lab.crawler(["s3://lake/prices/"])
        _ = try lab.crawl()
        #expect(try lab.columns("prices") == ["id bigint", "price double", "code string"])

        let (frame, _) = try S3Source(store: lab.sandbox.store).read(paths: [try storeURI("s3://lake/prices/")], format: .csv,
                                                                     formatOptions: ["withHeader": .boolean(true)])
        #expect(frame.schema().treeString() == """
            root
            |-- id: long
            |-- price: choice
            |    |-- double
            |    |-- long
            |-- code: choice
            |    |-- long
            |    |-- string

            """)
    }

    @Test func aRareValueBeyondTheSampleIsMissedByTheCrawlerOnly() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        // 1,500 numeric provider ids, then one text id: the crawler samples the first 1,000 records.
        let rows = (1...1500).map { "\($0),\(1000 + $0)\n" }.joined() + "1501,n/a\n"
        try lab.put("s3://lake/medicaid/m.csv", "drg,provider id\n" + rows)
        try lab.crawler(["s3://lake/medicaid/"])
        let report = try lab.crawl()
        #expect(report.recordsSampled == 1000)
        #expect(try lab.columns("medicaid") == ["drg bigint", "provider id bigint"])
        let (frame, _) = try S3Source(store: lab.sandbox.store).read(paths: [try storeURI("s3://lake/medicaid/m.csv")], format: .csv,
                                                                     formatOptions: ["withHeader": .boolean(true)])
        #expect(frame.schema()["provider id"]?.type == .choice(ChoiceType([.long, .string])))
    }

    @Test func jdbcTargetImportsTableSchemas() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        let dbs = JDBCDatabases(sandbox: lab.sandbox)
        _ = try dbs.run(sql: """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer VARCHAR(40), total DECIMAL(10,2), placed TIMESTAMP);
            CREATE TABLE audit_log (at TEXT, note);
            """, database: "shop")
        try lab.catalog.createConnection(CatalogConnection(name: "shop-pg", properties: ["JDBC_CONNECTION_URL": "jdbc:postgresql://db:5432/shop"]))
        try lab.crawlers.create(CrawlerDefinition(name: "c", databaseName: "lake",
                                                  jdbcTargets: [.init(connectionName: "shop-pg", path: "shop/public/%", exclusions: ["shop/public/audit*"])]))
        let report = try lab.crawl()
        #expect(report.tablesCreated.map(\.name) == ["shop_public_orders"])
        let t = try lab.catalog.table(database: "lake", name: "shop_public_orders")
        #expect(try lab.columns("shop_public_orders") == ["id int", "customer string", "total decimal(10,2)", "placed timestamp"])
        #expect(t.storageDescriptor.location == "shop.public.orders")
        #expect(t.parameters["classification"] == "postgresql" && t.parameters["connectionName"] == "shop-pg")

        // A dropped table is deprecated like a deleted folder.
        _ = try dbs.run(sql: "DROP TABLE orders", database: "shop")
        #expect(try lab.crawl().tablesDeprecated == ["shop_public_orders"])

        try lab.crawlers.create(CrawlerDefinition(name: "bad", databaseName: "lake", jdbcTargets: [.init(connectionName: "shop-pg", path: "other/public/%")]))
        #expect(throws: EngineError.self) { try lab.crawl("bad") }
        #expect(try lab.crawlers.get("bad").lastCrawl?.status == "FAILED")
    }

    @Test func reportCarriesTheCostWithTheTenMinuteMinimum() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/t/a.json", "{\"x\":1}\n")
        try lab.crawler(["s3://lake/t/"])
        let report = try lab.crawl()
        #expect(report.objectsListed == 1 && report.objectsSampled == 1 && report.bytesSampled == 8)
        #expect(report.runSeconds == 30.27)
        #expect(report.cost.billedSeconds == 600 && report.cost.minimumSeconds == 600)
        #expect(Pricing.usd(report.cost.standardUSD) == "$0.15")
        #expect(report.cost.assumptions.contains { $0.contains("10-minute minimum per crawl") })
        let c = try lab.crawlers.get("c")
        #expect(c.state == .ready && c.lastCrawl?.status == "SUCCEEDED" && c.lastCrawl?.tablesCreated == 1)
        #expect(c.crawledFolders == ["s3://lake/t/"])
    }

    @Test func parquetSchemaComesFromTheFooter() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        let frame = DynamicFrame(records: [DynamicRecord([("id", .long(1)), ("name", .string("a"))])])
        let (bytes, _) = try ParquetWriterTests.write(frame)
        try lab.sandbox.store.put(try storeURI("s3://lake/pq/part-0.parquet"), bytes: bytes)
        try lab.crawler(["s3://lake/pq/"])
        _ = try lab.crawl()
        let t = try lab.catalog.table(database: "lake", name: "pq")
        #expect(try lab.columns("pq") == ["id bigint", "name string"])
        #expect(t.storageDescriptor.serdeLibrary == "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe")
        #expect(t.parameters["recordCount"] == "1")
    }
}
