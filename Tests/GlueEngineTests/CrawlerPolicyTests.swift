import Foundation
import Testing
@testable import GlueEngine

/// Recrawls: schema drift and deletions under each SchemaChangePolicy, and incremental crawls.
@Suite struct CrawlerPolicyTests {
    /// A first crawl of `events/day=1/` ({id,name}), then `day=2/` arrives with a new column.
    func drift(_ update: CrawlerDefinition.UpdateBehavior) throws -> (CrawlerLab, CrawlReport) {
        let lab = try CrawlerLab()
        try lab.put("s3://lake/events/day=1/a.json", jsonLines(1...3) { ",\"name\":\"n\($0)\"" })
        try lab.crawler(["s3://lake/events/"], update: update)
        _ = try lab.crawl()
        try lab.put("s3://lake/events/day=2/b.json", jsonLines(4...5) { ",\"name\":\"n\($0)\",\"email\":\"e\($0)@x\"" })
        return (lab, try lab.crawl())
    }

    @Test func newColumnsMakeANewTableVersionUnderUpdateInDatabase() throws {
        let (lab, report) = try drift(.updateInDatabase)
        defer { lab.remove() }
        #expect(report.tablesUpdated == [.init(name: "events", versionId: 1, changes: [.columnAdded(name: "email", type: "string")])])
        #expect(report.partitionsAdded.map(\.description) == ["events [2]"])
        #expect(report.logged.isEmpty)
        #expect(try lab.columns("events") == ["id int", "name string", "email string"])
        let versions = try lab.catalog.tableVersions(database: "lake", name: "events")
        #expect(versions.map(\.versionId) == [1, 0])
        #expect(versions[1].storageDescriptor.columns.map(\.name) == ["id", "name"])
        // The old partition keeps its own schema; the new one has the new column.
        let partitions = try lab.catalog.partitions(database: "lake", table: "events")
        #expect(partitions.map { $0.storageDescriptor.columns.map(\.name) } == [["id", "name"], ["id", "name", "email"]])

        // Nothing changed since: no new version.
        let again = try lab.crawl()
        #expect(again.tablesUpdated.isEmpty && again.tablesUnchanged == ["events"] && again.partitionsAdded.isEmpty)
        #expect(try lab.catalog.table(database: "lake", name: "events").versionId == 1)
    }

    @Test func logKeepsTheTableAndReportsTheChange() throws {
        let (lab, report) = try drift(.log)
        defer { lab.remove() }
        #expect(report.tablesUpdated.isEmpty)
        #expect(report.logged.map(\.description) == ["events: would update the table (a new version) (column added: email string)"])
        // New partitions are created whatever the policy.
        #expect(report.partitionsAdded.map(\.description) == ["events [2]"])
        let table = try lab.catalog.table(database: "lake", name: "events")
        #expect(table.versionId == 0)
        #expect(try lab.columns("events") == ["id int", "name string"])
    }

    @Test func mergeNewColumnsOnlyAdds() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/t/a.csv", "id,price,note\n1,2,x\n")
        try lab.crawler(["s3://lake/t/"], configuration: #"{"Version":1.0,"CrawlerOutput":{"Tables":{"AddOrUpdateBehavior":"MergeNewColumns"}}}"#)
        _ = try lab.crawl()
        try lab.put("s3://lake/t/a.csv", "id,price,extra\n1,2.5,7\n")
        let report = try lab.crawl()
        #expect(report.tablesUpdated.map(\.changes) == [[.columnAdded(name: "extra", type: "bigint")]])
        #expect(report.logged.first?.changes == [.columnRetyped(name: "price", from: "bigint", to: "double"), .columnRemoved(name: "note", type: "string")])
        #expect(try lab.columns("t") == ["id bigint", "price bigint", "note string", "extra bigint"])
    }

    /// Two tables under `data/` (dissimilar schemas), then `customers/` is deleted.
    func deletedFolder(_ delete: CrawlerDefinition.DeleteBehavior) throws -> (CrawlerLab, CrawlReport) {
        let lab = try CrawlerLab()
        try lab.put("s3://lake/data/orders/o.json", "{\"order_id\":1,\"amount\":9.5}\n")
        try lab.put("s3://lake/data/customers/c.json", "{\"cid\":1,\"name\":\"ann\",\"city\":\"rome\"}\n")
        try lab.crawler(["s3://lake/data/"], delete: delete)
        #expect(try lab.crawl().tablesCreated.map(\.name) == ["customers", "orders"])
        try lab.deletePrefix("s3://lake/data/customers/")
        return (lab, try lab.crawl())
    }

    @Test func deletedFolderIsDeprecatedDeletedOrLogged() throws {
        let (deprecate, r1) = try deletedFolder(.deprecateInDatabase)
        defer { deprecate.remove() }
        #expect(r1.tablesDeprecated == ["customers"] && r1.tablesUnchanged == ["orders"])
        let t = try deprecate.catalog.table(database: "lake", name: "customers")
        #expect(t.parameters["DEPRECATED_BY_CRAWLER"] != nil && t.versionId == 1)
        // Deprecated once: a later crawl does not deprecate it again.
        #expect(try deprecate.crawl().tablesDeprecated.isEmpty)

        let (delete, r2) = try deletedFolder(.deleteFromDatabase)
        defer { delete.remove() }
        #expect(r2.tablesDeleted == ["customers"])
        #expect(try delete.catalog.findTable(database: "lake", name: "customers") == nil)

        let (log, r3) = try deletedFolder(.log)
        defer { log.remove() }
        #expect(r3.tablesDeleted.isEmpty && r3.tablesDeprecated.isEmpty)
        #expect(r3.logged.map(\.description) == ["customers: would delete or deprecate the table (its data is gone)"])
        #expect(try log.catalog.table(database: "lake", name: "customers").parameters["DEPRECATED_BY_CRAWLER"] == nil)
    }

    @Test func deletedPartitionFolderIsDeprecatedOrDeleted() throws {
        for behavior in [CrawlerDefinition.DeleteBehavior.deprecateInDatabase, .deleteFromDatabase] {
            let lab = try CrawlerLab()
            defer { lab.remove() }
            try lab.put("s3://lake/sales/month=01/a.csv", "id,amount\n1,2.5\n")
            try lab.put("s3://lake/sales/month=02/a.csv", "id,amount\n2,3.5\n")
            try lab.crawler(["s3://lake/sales/"], delete: behavior)
            _ = try lab.crawl()
            try lab.deletePrefix("s3://lake/sales/month=01/")
            let report = try lab.crawl()
            let partitions = try lab.catalog.partitions(database: "lake", table: "sales")
            if behavior == .deprecateInDatabase {
                #expect(report.partitionsDeprecated.map(\.description) == ["sales [01]"])
                #expect(partitions.map { $0.parameters["DEPRECATED_BY_CRAWLER"] != nil } == [true, false])
            } else {
                #expect(report.partitionsDeleted.map(\.description) == ["sales [01]"])
                #expect(partitions.map(\.values) == [["02"]])
            }
        }
    }

    @Test func newFoldersOnlyAddsOnlyNewPartitions() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        try lab.put("s3://lake/sales/month=01/a.csv", "id,amount\n1,2.5\n")
        try lab.put("s3://lake/sales/month=02/a.csv", "id,amount\n2,3.5\n")
        try lab.crawler(["s3://lake/sales/"], update: .log, delete: .log, recrawl: .crawlNewFoldersOnly)
        #expect(try lab.crawl().partitionsAdded.count == 2)
        // A new column in a known folder is not seen; a deleted folder is not noticed.
        try lab.put("s3://lake/sales/month=01/b.csv", "id,amount,coupon\n3,1.5,x\n")
        try lab.deletePrefix("s3://lake/sales/month=02/")
        try lab.put("s3://lake/sales/month=03/a.csv", "id,amount\n4,8.0\n")
        try lab.put("s3://lake/sales/month=04/a.csv", "sku,color,size,weight\nx,red,m,1\n")
        let report = try lab.crawl()
        #expect(report.objectsSampled == 2)
        #expect(report.partitionsAdded.map(\.description) == ["sales [03]"])
        #expect(report.skipped.map(\.uri) == ["s3://lake/sales/month=04/"])
        #expect(report.tablesUpdated.isEmpty && report.tablesDeprecated.isEmpty && report.partitionsDeprecated.isEmpty)
        let table = try lab.catalog.table(database: "lake", name: "sales")
        #expect(table.versionId == 0 && table.storageDescriptor.columns.map(\.name) == ["id", "amount"])
        #expect(try lab.catalog.partitions(database: "lake", table: "sales").map(\.values) == [["01"], ["02"], ["03"]])
    }

    @Test func newFoldersOnlyNeedsLogBehaviours() throws {
        let lab = try CrawlerLab()
        defer { lab.remove() }
        #expect(throws: EngineError.self) { try lab.crawler(["s3://lake/x/"], recrawl: .crawlNewFoldersOnly) }
        let bad = #"{"Version":1.0,"Grouping":{"TableGroupingPolicy":"Combine"}}"#
        #expect(throws: EngineError.self) { try lab.crawler(["s3://lake/x/"], configuration: bad) }
        try lab.crawler(["s3://lake/x/"])
        #expect(throws: EngineError.conflict(exception: "AlreadyExistsException", message: "Crawler with name c has already been created")) {
            try lab.crawler(["s3://lake/x/"])
        }
    }
}
