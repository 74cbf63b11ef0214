import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// Order events: order 1 updated twice (the last FR event wins), order 2 cancelled at last,
/// order 3 once, order 4 (DE) twice.
private func putOrderEvents(_ lab: ScriptLab) throws {
    try lab.put("s3://raw/events/day1.json", """
        {"order_id":1,"country":"FR","qty":1,"price":10.0,"status":"new","updated_at":"2024-01-01T09:00:00"}
        {"order_id":2,"country":"FR","qty":3,"price":2.5,"status":"new","updated_at":"2024-01-01T09:10:00"}
        {"order_id":4,"country":"DE","qty":1,"price":7.25,"status":"new","updated_at":"2024-01-01T09:20:00"}

        """)
    try lab.put("s3://raw/events/day2.json", """
        {"order_id":1,"country":"FR","qty":2,"price":10.0,"status":"paid","updated_at":"2024-01-02T08:00:00"}
        {"order_id":2,"country":"FR","qty":3,"price":2.5,"status":"cancelled","updated_at":"2024-01-02T08:30:00"}
        {"order_id":3,"country":"FR","qty":4,"price":1.5,"status":"paid","updated_at":"2024-01-02T09:00:00"}
        {"order_id":4,"country":"DE","qty":2,"price":7.25,"status":"paid","updated_at":"2024-01-02T10:00:00"}

        """)
}

@Suite("Spark in job scripts")
struct SparkJobTests {
    @Test("a Glue script dedupes with row_number, aggregates with DataFrames and writes Parquet")
    func latestOrders() throws {
        let lab = try ScriptLab()
        try putOrderEvents(lab)
        let result = try lab.runFixture("spark_latest_orders.py", job: "latest",
                                        arguments: ["input_path": "s3://raw/events/", "output_path": "s3://curated/revenue/"])
        #expect(result.error == nil)
        #expect(result.status == .succeeded)
        let golden = try fixture("spark_latest_orders.out").split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(result.output == golden)
        #expect(result.record.sinks.map(\.recordsWritten) == [2])
        let written = try lab.frame("s3://curated/revenue/", format: .parquet)
        #expect(written.records.map { Value.structure($0).jsonText() }.sorted() == [
            #"{"country":"DE","revenue":14.5,"orders":1,"last_update":"2024-01-02T10:00:00"}"#,
            #"{"country":"FR","revenue":26.0,"orders":2,"last_update":"2024-01-02T09:00:00"}"#,
        ])
    }

    @Test("the hand-written orders script runs unchanged: filter, groupBy().agg, orderBy(F.desc)")
    func handwrittenOrders() throws {
        let lab = try ScriptLab()
        try lab.put("s3://raw/orders/a.json", """
            {"order_id":1,"country":"fr","price":10.0,"qty":2}
            {"order_id":2,"country":"UK","price":"4.5","qty":1}
            {"order_id":3,"country":"de","price":3.0,"qty":0}
            {"order_id":4,"country":"FR","price":1.0,"qty":3}

            """)
        let result = try lab.runFixture("handwritten_orders.py", job: "orders", arguments: ["input_path": "s3://raw/orders/"])
        #expect(result.error == nil)
        #expect(result.output.suffix(7) == [
            "+-------+-----+------+",
            "|country|total|orders|",
            "+-------+-----+------+",
            "|FR     |11.0 |2     |",
            "|GB     |4.5  |1     |",
            "+-------+-----+------+",
            "",
        ])
        #expect(try lab.keys("s3://sales-curated/by_country/").count == 1)
    }

    @Test("spark.read reads through the run (recorded, untracked), df.write writes through it")
    func readAndWrite() throws {
        let lab = try ScriptLab()
        try lab.put("s3://raw/people/p.csv", "id,name,age\n1,ann,31\n2,bob,\n3,cy,27\n")
        let script = """
            from awsglue.context import GlueContext
            from pyspark.context import SparkContext
            from pyspark.sql import functions as F
            spark = GlueContext(SparkContext()).spark_session
            df = spark.read.option("header", True).option("inferSchema", "true").csv("s3://raw/people/")
            print(df.dtypes)
            df.filter(F.col("age").isNotNull()).write.mode("overwrite").parquet("s3://out/people/")
            df.write.format("json").mode("append").save("s3://out/people_json/")
            df.write.mode("append").json("s3://out/people_json/")
            df.write.mode("ignore").json("s3://out/people_json/")
            print(spark.read.parquet("s3://out/people/").orderBy("id").collect())
            """
        let result = try lab.run(script, option: nil)
        #expect(result.error == nil)
        #expect(result.output == [
            "[('id', 'int'), ('name', 'string'), ('age', 'int')]",
            "[Row(id=1, name='ann', age=31), Row(id=3, name='cy', age=27)]",
        ])
        let sources = result.record.sources
        #expect(sources.count == 2)
        #expect(sources[0].transformationContext == nil && sources[0].bookmarkPlan == "untracked")
        #expect(sources[0].objects == ["s3://raw/people/p.csv"] && sources[0].recordsRead == 3)
        #expect(result.record.sinks.map(\.path) == ["s3://out/people/", "s3://out/people_json/", "s3://out/people_json/"])
        #expect(try lab.keys("s3://out/people_json/").filter { $0.hasPrefix("part-") }.count == 2)
        #expect(try lab.jsonRecords("s3://out/people_json/").count == 6)
    }

    @Test("save modes: errorifexists refuses a path with objects, overwrite replaces them")
    func saveModes() throws {
        let lab = try ScriptLab()
        try lab.put("s3://out/t/old.json", "{\"x\":0}\n")
        let base = """
            from awsglue.context import GlueContext
            from pyspark.context import SparkContext
            spark = GlueContext(SparkContext()).spark_session
            df = spark.createDataFrame([(1, "a"), (2, "b")], ["x", "y"])

            """
        let refused = try lab.run(base + "df.write.json(\"s3://out/t/\")\n", option: nil)
        #expect(refused.error?.description == "job.py:5:1: AnalysisException: [PATH_ALREADY_EXISTS] Path s3://out/t/ already exists. Set mode as \"overwrite\" to overwrite the existing path.")
        let badMode = try lab.run(base + "df.write.mode(\"replace\").json(\"s3://out/t/\")\n", option: nil)
        #expect(badMode.error?.description.contains("Unknown save mode: replace.") == true)
        let replaced = try lab.run(base + "df.write.mode(\"overwrite\").json(\"s3://out/t/\")\n", option: nil)
        #expect(replaced.error == nil)
        #expect(try lab.jsonRecords("s3://out/t/") == [#"{"x":1,"y":"a"}"#, #"{"x":2,"y":"b"}"#])
    }

    @Test("temp views are per run and shared by every session object; spark.table reads them")
    func views() throws {
        let lab = try ScriptLab()
        let script = """
            from awsglue.context import GlueContext
            from pyspark.context import SparkContext
            from pyspark.sql import SparkSession
            spark = GlueContext(SparkContext()).spark_session
            spark.createDataFrame([{"a": 1}, {"a": 2}]).createOrReplaceTempView("Nums")
            other = SparkSession.builder.appName("x").getOrCreate()
            print(other.table("nums").count(), spark.catalog.tableExists("NUMS"))
            spark.createDataFrame([{"a": 3}]).createTempView("nums")
            """
        let result = try lab.run(script, option: nil)
        #expect(result.output == ["2 True"])
        #expect(result.error?.description == "job.py:8:1: Exception: [TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view `nums` because it already exists.")
    }

    @Test("unsupported calls fail with the method's name and the script position")
    func unsupported() throws {
        let lab = try ScriptLab()
        let base = """
            from awsglue.context import GlueContext
            from pyspark.context import SparkContext
            spark = GlueContext(SparkContext()).spark_session
            df = spark.createDataFrame([(1, "a")], "id INT, name STRING")

            """
        func failure(_ line: String) throws -> String { try lab.run(base + line, option: nil).error?.description ?? "ok" }
        let rdd = try failure("rows = df.rdd.map(lambda r: r)\n")
        #expect(rdd == "job.py:5:11: AttributeError: 'DataFrame' object has no attribute 'rdd' (not available in gluelab; gluelab runs DataFrames without RDDs; use DataFrame columns or DynamicFrame transforms)")
        let pandas = try failure("p = df.toPandas()\n")
        #expect(pandas == "job.py:5:8: AttributeError: 'DataFrame' object has no attribute 'toPandas' (not available in gluelab; gluelab has no pandas; use collect(), take(n) or show())")
        let typo = try failure("x = df.nope\n")
        #expect(typo == "job.py:5:8: AttributeError: 'DataFrame' object has no attribute 'nope'")
        let table = try failure("df.write.saveAsTable(\"t\")\n")
        #expect(table.hasPrefix("job.py:5:10: AttributeError: 'DataFrameWriter' object has no attribute 'saveAsTable' (not available in gluelab; df.write saves"))
        let explode = try failure("from pyspark.sql import functions as F\ndf.select(F.explode('name'))\n")
        #expect(explode == "job.py:6:13: AttributeError: module 'pyspark.sql.functions' has no attribute 'explode' (not available in gluelab)")
    }
}
