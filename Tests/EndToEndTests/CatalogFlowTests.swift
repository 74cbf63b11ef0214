import Foundation
import Testing

/// Crawl partitioned CSV, look at the catalog, then read it from a job with a push-down
/// predicate: the whole issue-5 path through the real binary.
@Suite struct CatalogFlowTests {
    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func crawledTableIsReadOnlyWhereThePredicateKeepsPartitions() throws {
        let g = try GluelabProcess()
        for month in ["01", "02", "03"] {
            let csv = try g.file("\(month).csv", "order_id,country,price\n\(month)1,GB,9.5\n\(month)2,FR,3.5\n")
            _ = try g.ok(["s3", "put", csv, "s3://sales-lake/orders/year=2024/month=\(month)/part-\(month).csv"])
        }
        _ = try g.ok(["crawler", "create", "orders-crawler", "--database", "sales", "--s3-target", "s3://sales-lake/orders/"])
        let crawl = try g.ok(["crawler", "run", "orders-crawler"])
        #expect(crawl.contains("tables created (1):"))
        #expect(crawl.contains("orders  s3://sales-lake/orders/  csv  order_id bigint, country string, price double  partitioned by year, month"))

        let kept = try Self.json(try g.ok(["catalog", "get-partitions", "--database", "sales", "--table", "orders",
                                           "--expression", "month = '02'", "--json"]))
        let partitions = try #require(kept["Partitions"] as? [[String: Any]])
        #expect(partitions.count == 1)
        #expect(partitions.first?["Values"] as? [String] == ["2024", "02"])

        let script = try #require(Bundle.module.url(forResource: "Golden/monthly_from_catalog.py", withExtension: nil)).path
        let run = try Self.json(try g.ok(["run", script, "--month", "02", "--job-bookmark-option", "job-bookmark-enable", "--json"]))
        let source = try #require((run["sources"] as? [[String: Any]])?.first)
        #expect(source["catalogTable"] as? String == "sales.orders")
        #expect(source["partitionsMatched"] as? Int == 1 && source["partitionsTotal"] as? Int == 3)
        #expect(source["objectsRead"] as? Int == 1, "only the object of month=02 is opened")
        #expect(source["recordsRead"] as? Int == 2)
        let written = try g.ok(["frame", "show", "s3://sales-lake/monthly/", "--format", "json"])
        #expect(written.contains("\"order_id\": 21") && written.contains("\"year\": \"2024\""), "partition columns come with from_catalog")

        // A bad predicate names the column and the table's partition keys.
        let bad = try g.run(["catalog", "get-partitions", "--database", "sales", "--table", "orders", "--expression", "day = '01'"])
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("day") && bad.stderr.contains("year") && bad.stderr.contains("month"))
    }
}
