import Foundation
import Testing

/// `gluelab crawler create|get|list|run|delete` against the built binary.
@Suite struct CrawlerCommandTests {
    @Test func createRunDriftGetListDelete() throws {
        let g = try GluelabProcess()
        let jan = try g.file("jan.csv", "id,amount,item\n1,9.5,pen\n2,12.25,ink\n")
        let mar = try g.file("mar.csv", "id,amount,item,coupon\n3,1,pen,x\n")
        _ = try g.ok(["s3", "put", jan, "s3://lake/sales/year=2024/month=01/part-0.csv"])
        _ = try g.ok(["s3", "put", jan, "s3://lake/sales/year=2024/month=02/part-0.csv"])

        let created = try g.ok(["crawler", "create", "sales", "--database", "lake", "--s3-target", "s3://lake/sales/",
                                "--exclusions", "[\"**.tmp\"]", "--table-prefix", "raw_"])
        #expect(created == "created crawler sales (database lake, s3://lake/sales/, UPDATE_IN_DATABASE/DEPRECATE_IN_DATABASE, CRAWL_EVERYTHING)\n")

        let first = try g.ok(["crawler", "run", "sales"])
        #expect(first.hasPrefix("""
            crawler sales SUCCEEDED: database lake (created)
            listed 2 objects, sampled 2 (74 bytes, 4 records)
            tables created (1):
              raw_sales  s3://lake/sales/  csv  id bigint, amount double, item string  partitioned by year, month
            partitions added (2):
              raw_sales [2024, 01]
              raw_sales [2024, 02]
            cost: 2 DPU × 600 s billed = 0.3333 DPU-hours → $0.15 (STANDARD at $0.44/DPU-hour)
              - Crawler: 2 DPU
            """))

        _ = try g.ok(["s3", "put", mar, "s3://lake/sales/year=2024/month=03/part-0.csv"])
        let second = try g.ok(["crawler", "run", "sales"])
        #expect(second.contains("""
            tables updated (1):
              raw_sales -> version 1
                column added: coupon string
            partitions added (1):
              raw_sales [2024, 03]
            """))

        let json = try g.ok(["crawler", "run", "sales", "--json"])
        #expect(json.contains("\"tablesUnchanged\":[\"raw_sales\"]") && json.contains("\"billedSeconds\":600.0,\"dpu\":2.0,\"costUSD\":0.1467"))

        let get = try g.ok(["crawler", "get", "sales", "--json"])
        #expect(get.hasPrefix("{\"Name\":\"sales\",\"Targets\":{\"S3Targets\":[{\"Path\":\"s3://lake/sales/\",\"Exclusions\":[\"**.tmp\"]}],\"JdbcTargets\":[]},\"DatabaseName\":\"lake\","))
        #expect(get.contains("\"SchemaChangePolicy\":{\"UpdateBehavior\":\"UPDATE_IN_DATABASE\",\"DeleteBehavior\":\"DEPRECATE_IN_DATABASE\"},\"State\":\"READY\",\"TablePrefix\":\"raw_\""))
        #expect(get.contains("\"LastCrawl\":{\"Status\":\"SUCCEEDED\""))
        let text = try g.ok(["crawler", "get", "sales"])
        #expect(text.contains("RecrawlPolicy: CRAWL_EVERYTHING\n") && text.contains("LastCrawl: SUCCEEDED at "))

        let list = try g.ok(["crawler", "list"]).split(separator: "\n")
        #expect(list.count == 2 && list[0].hasPrefix("NAME") && list[1].hasPrefix("sales  READY  lake"))

        #expect(try g.ok(["crawler", "delete", "sales"]) == "deleted crawler sales; the tables it made stay in the catalog\n")
        let gone = try g.run(["crawler", "run", "sales"])
        #expect(gone.status == 1 && gone.stderr == "error: not found: crawler sales (EntityNotFoundException)\n")
    }

    @Test func newFoldersOnlyForcesLogAndRefusesOtherBehaviours() throws {
        let g = try GluelabProcess()
        let made = try g.ok(["crawler", "create", "inc", "--database", "lake", "--s3-target", "s3://lake/x/",
                             "--recrawl-behavior", "CRAWL_NEW_FOLDERS_ONLY"])
        #expect(made.contains("LOG/LOG, CRAWL_NEW_FOLDERS_ONLY"))
        let bad = try g.run(["crawler", "create", "inc2", "--database", "lake", "--s3-target", "s3://lake/x/",
                             "--recrawl-behavior", "CRAWL_NEW_FOLDERS_ONLY", "--update-behavior", "UPDATE_IN_DATABASE"])
        #expect(bad.status == 1 && bad.stderr.contains("can have only LOG DeleteBehavior value and LOG UpdateBehavior value"))
        let typo = try g.run(["crawler", "create", "c", "--database", "lake", "--s3-target", "s3://lake/x/", "--delete-behavior", "DROP"])
        #expect(typo.status == 1 && typo.stderr.contains("expected DEPRECATE_IN_DATABASE, DELETE_FROM_DATABASE, LOG"))
        let none = try g.run(["crawler", "create", "c", "--database", "lake"])
        #expect(none.status == 1 && none.stderr.contains("a crawler needs at least one S3 or JDBC target"))
        let empty = try g.run(["crawler", "run", "inc"])
        #expect(empty.status == 0 && empty.stdout.contains("listed 0 objects"))
    }
}
