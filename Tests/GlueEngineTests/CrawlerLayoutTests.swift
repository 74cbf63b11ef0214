import Foundation
import Testing
@testable import GlueEngine

/// What tables and partitions a crawl makes of folders and files: the first crawl of a target.
@Suite struct CrawlerLayoutTests {
    @Test func partitionedCSVWithHeaderIsOneTableWithPartitionKeys() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/sales/year=2024/month=01/part-0.csv", "id,amount,item\n1,9.5,pen\n2,12.25,ink\n")
        try lab.put("s3://lake/sales/year=2024/month=02/part-0.csv", "id,amount,item\n3,4.0,pad\n")
        try lab.put("s3://lake/sales/year=2024/month=02/_SUCCESS", "")
        try lab.crawler(["s3://lake/sales/"])
        let report = try lab.crawl()

        #expect(report.databaseCreated)
        #expect(report.tablesCreated.map(\.name) == ["sales"])
        #expect(report.partitionsAdded.map(\.description) == ["sales [2024, 01]", "sales [2024, 02]"])
        #expect(report.skipped.isEmpty)
        let table = try lab.catalog.table(database: "lake", name: "sales")
        #expect(try lab.columns("sales") == ["id bigint", "amount double", "item string"])
        #expect(table.partitionKeys == [CatalogColumn(name: "year", type: "string"), CatalogColumn(name: "month", type: "string")])
        #expect(table.storageDescriptor.location == "s3://lake/sales/")
        #expect(table.parameters["classification"] == "csv")
        #expect(table.parameters["skip.header.line.count"] == "1")
        #expect(table.parameters["delimiter"] == ",")
        #expect(table.parameters["UPDATED_BY_CRAWLER"] == "c")
        #expect(table.parameters["objectCount"] == "2")
        #expect(table.storageDescriptor.serdeLibrary == "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe")
        #expect(table.storageDescriptor.inputFormat == "org.apache.hadoop.mapred.TextInputFormat")
        #expect(table.createdBy == "c")
        let partitions = try lab.catalog.partitions(database: "lake", table: "sales")
        #expect(partitions.map(\.values) == [["2024", "01"], ["2024", "02"]])
        #expect(partitions.map(\.storageDescriptor.location) == ["s3://lake/sales/year=2024/month=01/", "s3://lake/sales/year=2024/month=02/"])
    }

    @Test func unnamedFoldersArePartition0And1() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/logs/2024/01/a.json", jsonLines(1...2) { ",\"msg\":\"m\($0)\"" })
        try lab.put("s3://lake/logs/2024/02/b.json", jsonLines(3...3) { ",\"msg\":\"m\($0)\"" })
        try lab.crawler(["s3://lake/logs"])
        let report = try lab.crawl()
        #expect(report.tablesCreated.map(\.partitionKeys) == [["partition_0", "partition_1"]])
        #expect(try lab.columns("logs") == ["id int", "msg string"])
        let table = try lab.catalog.table(database: "lake", name: "logs")
        #expect(table.storageDescriptor.serdeLibrary == "org.openx.data.jsonserde.JsonSerDe")
        #expect(table.storageDescriptor.serdeParameters["paths"] == "id,msg")
        #expect(try lab.catalog.partitions(database: "lake", table: "logs").map(\.values) == [["2024", "01"], ["2024", "02"]])
    }

    @Test func dissimilarFoldersMakeSeparateTablesUnlessCombined() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/mix/year=2017/a.json", "{\"a\":1,\"b\":2}\n")
        try lab.put("s3://lake/mix/year=2018/b.json", "{\"c\":1,\"d\":2}\n")
        try lab.crawler(["s3://lake/mix/"], name: "split", prefix: "raw_")
        #expect(try lab.crawl("split").tablesCreated.map(\.name) == ["raw_year_2017", "raw_year_2018"])

        try lab.crawlers.create(CrawlerDefinition(name: "combined", databaseName: "combo", s3Targets: [.init(path: "s3://lake/mix/")],
                                                  configuration: #"{"Version":1.0,"Grouping":{"TableGroupingPolicy":"CombineCompatibleSchemas"}}"#))
        let combined = try lab.crawl("combined")
        #expect(combined.tablesCreated.map(\.name) == ["mix"])
        #expect(combined.tablesCreated.first?.columns.map(\.name) == ["a", "b", "c", "d"])
        #expect(combined.tablesCreated.first?.partitionKeys == ["year"])
    }

    @Test func driftedColumnsStayOneTableAndSimilarFilesOneTable() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/events/a.json", jsonLines(1...2) { ",\"name\":\"n\($0)\"" })
        try lab.put("s3://lake/events/b.json", jsonLines(3...4) { ",\"name\":\"n\($0)\",\"email\":\"e\($0)\"" })
        try lab.put("s3://lake/events/notes.txt", "just words")
        try lab.crawler(["s3://lake/events/"])
        let report = try lab.crawl()
        #expect(report.tablesCreated.map(\.name) == ["events"])
        #expect(try lab.columns("events") == ["id int", "name string", "email string"])
        #expect(report.skipped.map(\.uri) == ["s3://lake/events/notes.txt"])
    }

    @Test func csvWithoutHeaderGetsPositionalNames() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/people/p.csv", "ann,paris\nbob,rome\n")
        try lab.put("s3://lake/pipes/p.csv", "id|city\n1|paris\n2|rome\n")
        try lab.crawler(["s3://lake/people/", "s3://lake/pipes/"])
        _ = try lab.crawl()
        #expect(try lab.columns("people") == ["col0 string", "col1 string"])
        #expect(try lab.catalog.table(database: "lake", name: "people").parameters["skip.header.line.count"] == nil)
        #expect(try lab.columns("pipes") == ["id bigint", "city string"])
        #expect(try lab.catalog.table(database: "lake", name: "pipes").storageDescriptor.serdeParameters == ["field.delim": "|"])
    }

    @Test func tableLevelAndInheritFromTable() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/root/sales/month=01/a.json", "{\"id\":1}\n")
        try lab.put("s3://lake/root/sales/month=02/b.json", "{\"id\":2,\"extra\":\"x\"}\n")
        try lab.crawler(["s3://lake/root/"], name: "plain")
        #expect(try lab.crawl("plain").tablesCreated.map(\.location) == ["s3://lake/root/"])
        #expect(try lab.catalog.partitions(database: "lake", table: "root").map { $0.storageDescriptor.columns.count } == [1, 2])

        let conf = #"{"Version":1.0,"CrawlerOutput":{"Partitions":{"AddOrUpdateBehavior":"InheritFromTable"}},"Grouping":{"TableLevelConfiguration":2}}"#
        try lab.crawler(["s3://lake/root/"], name: "leveled", configuration: conf, prefix: "l_")
        let report = try lab.crawl("leveled")
        #expect(report.tablesCreated.map(\.name) == ["l_sales"])
        #expect( report.tablesCreated.map(\.location) == ["s3://lake/root/sales/"])
        #expect(try lab.catalog.partitions(database: "lake", table: "l_sales").map { $0.storageDescriptor.columns.map(\.name) }
            == [["id", "extra"], ["id", "extra"]])
    }

    @Test func exclusionsAreGlobsRelativeToTheIncludePath() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/t/a.json", "{\"x\":1}\n")
        try lab.put("s3://lake/t/tmp/b.json", "{\"y\":\"oops\"}\n")
        try lab.crawlers.create(CrawlerDefinition(name: "c", databaseName: "lake",
                                                  s3Targets: [.init(path: "s3://lake/t/", exclusions: ["tmp/**"])]))
        let report = try lab.crawl()
        #expect(report.objectsListed == 1)
        #expect(try lab.columns("t") == ["x int"])
    }
}
