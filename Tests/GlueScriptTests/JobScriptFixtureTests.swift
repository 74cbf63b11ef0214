import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// The fixture job scripts, run unchanged as job runs, do what they say.
@Suite("Job scripts run unchanged")
struct JobScriptFixtureTests {
    @Test func studioCsvToGlueParquetPartitionedByCountry() throws {
        let lab = try ScriptLab()
        try lab.put("s3://sales-raw/orders/2024/01/orders.csv", """
            order_id,country,price,qty,order_date
            1,FR,10.50,2,2024-01-01
            2,DE,3,1,2024-01-02
            3,FR,1.25,4,2024-01-03

            """)
        let result = try lab.runFixture("studio_csv_to_parquet.py", job: "studio")
        #expect(result.error == nil)
        #expect(result.status == .succeeded)
        #expect(result.read == ["orders.csv"])
        #expect(result.recordsRead == 3)
        #expect(result.record.sinks.map(\.recordsWritten) == [3])

        // Hive-style folders, one per country, snappy Parquet part files.
        let keys = try lab.keys("s3://sales-curated/orders/")
        #expect(keys.count == 2)
        #expect(keys[0].hasPrefix("country=DE/part-") && keys[0].hasSuffix(".snappy.parquet"))
        #expect(keys[1].hasPrefix("country=FR/part-") && keys[1].hasSuffix(".snappy.parquet"))

        // Readable back, with the Change Schema node's types; the partition column lives in the path.
        let fr = try lab.frame("s3://sales-curated/orders/country=FR/", format: .parquet)
        #expect(fr.schema().treeString() == """
            root
            |-- order_id: long
            |-- price: double
            |-- qty: int
            |-- order_date: date

            """)
        #expect(fr.records.map { Value.structure($0).jsonText() } == [
            #"{"order_id":1,"price":10.5,"qty":2,"order_date":"2024-01-01"}"#,
            #"{"order_id":3,"price":1.25,"qty":4,"order_date":"2024-01-03"}"#,
        ])
        #expect(try lab.frame("s3://sales-curated/orders/country=DE/", format: .parquet).count() == 1)
        // Studio scripts pass transformation_ctx everywhere: the bookmark tracks the source node.
        #expect(result.bookmark?.jobBookmark.contains("AmazonS3_node1721668076348") == true)
    }

    @Test func legacyGeneratedScriptResolvesTheChoiceIntoAStruct() throws {
        let lab = try ScriptLab()
        try lab.put("s3://sales-raw/orders/a.json", #"{"order_id":1,"country":"FR","price":2.5,"qty":2}"# + "\n")
        try lab.put("s3://sales-raw/orders/b.json", #"{"order_id":2,"country":"DE","price":"n/a","qty":1}"# + "\n")
        let result = try lab.runFixture("legacy_generated_s3.py", job: "legacy")
        #expect(result.error == nil)
        #expect(result.read == ["a.json", "b.json"])
        let out = try lab.frame("s3://sales-curated/orders/", format: .parquet)
        #expect(out.schema().treeString() == """
            root
            |-- order_id: long
            |-- country: string
            |-- price: struct
            |    |-- double: double
            |    |-- string: string
            |-- qty: int

            """)
        #expect(out.records.map { Value.structure($0).jsonText() }.sorted() == [
            #"{"order_id":1,"country":"FR","price":{"double":2.5},"qty":2}"#,
            #"{"order_id":2,"country":"DE","price":{"string":"n/a"},"qty":1}"#,
        ])
    }

    @Test func handWrittenFramesScriptPrintsAndFilters() throws {
        let lab = try ScriptLab()
        try lab.put("s3://raw-in/day/orders.json", """
            {"order_id":1,"country":"UK","price":"2.5","qty":2}
            {"order_id":2,"country":"FR","price":4,"qty":0}
            {"order_id":3,"price":1.5,"qty":3}
            {"order_id":4,"country":"de","price":10.0,"qty":1}

            """)
        let result = try lab.runFixture("handwritten_frames.py", job: "clean", option: nil,
                                        arguments: ["input_path": "s3://raw-in/day/", "output_path": "s3://out-lake/clean/"])
        #expect(result.error == nil)
        #expect(result.output == [
            "read 4 orders",
            "root",
            "|-- order_id: int",
            "|-- country: string",
            "|-- price: choice",
            "|    |-- double",
            "|    |-- int",
            "|    |-- string",
            "|-- qty: int",
            "",
            "INFO writing 3 orders",
        ])
        // No bookmark option: Glue's default, disable — the source reads in full, nothing saved.
        #expect(result.record.bookmarkOption == .disable)
        #expect(result.record.sources.map(\.bookmarkPlan) == ["full"])
        #expect(result.bookmark?.version == 0)

        // Filter dropped qty 0; Map mapped UK to GB, upper-cased de, grouped the missing country.
        let keys = try lab.keys("s3://out-lake/clean/").map { $0.split(separator: "/").first.map(String.init) ?? "" }
        #expect(keys == ["country=DE", "country=GB", "country=unknown"])
        let gb = try lab.frame("s3://out-lake/clean/country=GB/", format: .csv, options: ["withHeader": .boolean(true)])
        #expect(gb.records.map { Value.structure($0).jsonText() } == [#"{"order_id":1,"total":5.0,"gross":6.0}"#])
    }

    @Test func jdbcOrdersToS3ReadsOnlyNewRowsOnTheSecondRun() throws {
        let lab = try ScriptLab()
        try lab.sql("""
            CREATE TABLE orders (order_id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL);
            INSERT INTO orders VALUES (1, 10, 5.0), (2, 11, 7.5), (3, 10, 1.0);
            """)
        let first = try lab.runFixture("jdbc_orders_to_s3.py", job: "jdbc")
        #expect(first.error == nil)
        #expect(first.recordsRead == 3)
        #expect(first.record.sources.map(\.paths) == [["shop.orders"]])
        #expect(try lab.jsonRecords("s3://shop-lake/orders/").count == 3)

        try lab.sql("INSERT INTO orders VALUES (4, 12, 9.0), (5, 11, 2.0)")
        let second = try lab.runFixture("jdbc_orders_to_s3.py", job: "jdbc")
        #expect(second.recordsRead == 2)
        #expect(second.bookmark?.run == 2)
        #expect(try lab.jsonRecords("s3://shop-lake/orders/").map { $0.prefix(14) } == [
            #"{"order_id":1,"#, #"{"order_id":2,"#, #"{"order_id":3,"#, #"{"order_id":4,"#, #"{"order_id":5,"#,
        ])
    }

    @Test func streamingClicksWritesEachMicroBatch() throws {
        let lab = try ScriptLab()
        _ = try lab.sandbox.topics.create(name: "clicks")
        try produce(lab, ["{\"page\":\"home\"}", "{\"page\":\"cart\"}"])
        try lab.pass(minutes: 5)
        try produce(lab, ["{\"page\":\"pay\"}"])
        let result = try lab.runFixture("streaming_clicks.py", job: "clicks", option: nil)
        #expect(result.error == nil)
        #expect(result.output == ["batch 0 rows 2", "batch 1 rows 1"])
        #expect(result.record.sources.map(\.bookmarkPlan) == ["checkpoint"])
        #expect(result.recordsRead == 3)
        #expect(try lab.jsonRecords("s3://clicks-lake/events/") == [
            #"{"page":"cart"}"#, #"{"page":"home"}"#, #"{"page":"pay"}"#,
        ])
        // The checkpoint lives under TempDir/JOB_NAME/checkpoint/, as the script builds it.
        #expect(try !lab.keys("s3://gluelab-assets/temporary/clicks/checkpoint/").isEmpty)
    }

    @Test func studioSqlQueryNodeRunsUnchanged() throws {
        let lab = try ScriptLab()
        try lab.put("s3://shop-landing/orders/o.json", [
            #"{"order_date":"2024-01-01","country":"FR","price":2.5,"qty":2}"#,
            #"{"order_date":"2024-01-01","country":"FR","price":1.0,"qty":1}"#,
            #"{"order_date":"2024-01-02","country":"GB","price":3.0,"qty":0}"#,
        ].joined(separator: "\n") + "\n")
        _ = try DataCatalog(sandbox: lab.sandbox).createDatabase(CatalogDatabase(name: "shop"))
        let result = try lab.runFixture("studio_sql_query.py", job: "daily")
        #expect(result.status == .succeeded, "\(String(describing: result.error))")
        #expect(result.recordsRead == 3)
        // spark.sql grouped the orders (qty > 0 only); getSink wrote them partitioned by date
        // and added the partition to the catalog table it created.
        #expect(try lab.frame("s3://shop-curated/daily_totals/", format: .parquet).records.map { Value.structure($0).jsonText() }
                == [#"{"country":"FR","revenue":6.0}"#])
        let partitions = try DataCatalog(sandbox: lab.sandbox).partitions(database: "shop", table: "daily_totals")
        #expect(partitions.map(\.values) == [["2024-01-01"]])
    }

    func produce(_ lab: ScriptLab, _ values: [String]) throws {
        _ = try lab.sandbox.topics.produce(topic: "clicks", messages: values.map { (key: nil, value: Array($0.utf8)) })
    }
}
