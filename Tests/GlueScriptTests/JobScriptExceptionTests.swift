import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// Job scripts that fail on purpose (`raise`, `assert`) or survive a failing call (`try`): the
/// run's status, its one-line error and what the job left behind.
@Suite("Job scripts: exceptions")
struct JobScriptExceptionTests {
    static let header = """
        import sys
        from awsglue.context import GlueContext
        from awsglue.dynamicframe import DynamicFrame
        from awsglue.job import Job
        from awsglue.utils import getResolvedOptions
        from pyspark.context import SparkContext
        args = getResolvedOptions(sys.argv, ["JOB_NAME"])
        glueContext = GlueContext(SparkContext.getOrCreate())
        job = Job(glueContext)
        job.init(args["JOB_NAME"], args)

        """

    @Test func aBatchFunctionThatRaisesFailsTheStreamingRun() throws {
        let lab = try ScriptLab()
        _ = try lab.sandbox.topics.create(name: "clicks")
        let source = try fixture("streaming_clicks.py").replacingOccurrences(
            of: "    if data_frame.count() > 0:\n",
            with: "    if data_frame.count() > 1:\n        raise ValueError(\"batch %d has %d rows, at most 1 expected\" % (batchId, data_frame.count()))\n    if data_frame.count() > 0:\n")
            .replacingOccurrences(of: "\"windowSize\": \"100 seconds\",", with: "\"windowSize\": \"100 seconds\", \"batchMaxRetries\": 0,")
        _ = try lab.sandbox.topics.produce(topic: "clicks", messages: [(key: nil, value: Array(#"{"page":"home"}"#.utf8))])
        try lab.pass(minutes: 3)
        _ = try lab.sandbox.topics.produce(topic: "clicks", messages: ["cart", "pay"].map { (key: nil, value: Array("{\"page\":\"\($0)\"}".utf8)) })
        let result = try lab.run(source, file: "streaming_clicks.py", job: "clicks", option: nil)

        let expected = "streaming_clicks.py:28:9: ValueError: batch 1 has 2 rows, at most 1 expected"
        #expect(result.status == .failed)
        #expect(result.error?.description == expected)
        #expect(result.record.errorMessage == expected)
        #expect(result.output == ["batch 0 rows 1"])
        #expect(try lab.jsonRecords("s3://clicks-lake/events/") == [#"{"page":"home"}"#])
    }

    @Test func aValidationRaiseFailsTheRunAndKeepsTheBookmark() throws {
        let lab = try ScriptLab()
        let source = Self.header + """
            orders = glueContext.create_dynamic_frame.from_options(
                connection_type="s3", connection_options={"paths": ["s3://raw/orders/"]},
                format="json", transformation_ctx="orders")
            count = orders.count()
            if count == 0:
                raise Exception("no input under s3://raw/orders/")
            assert orders.toDF().filter("qty <= 0").count() == 0, "orders with qty <= 0"
            job.commit()
            """ + "\n"
        try lab.put("s3://raw/orders/empty.json", "")
        let empty = try lab.run(source)
        #expect(empty.status == .failed)
        #expect(empty.record.errorMessage == "job.py:16:5: Exception: no input under s3://raw/orders/")

        try lab.order("a", ids: [1, 2], qty: 0)
        let bad = try lab.run(source)
        #expect(bad.status == .failed)
        #expect(bad.record.errorMessage == "job.py:17:1: AssertionError: orders with qty <= 0")
        // The failed runs never committed: the file is still new for the next run.
        try lab.order("b", ids: [3], qty: 2)
        try lab.sandbox.store.delete(try S3URI(parsing: "s3://raw/orders/a.json"))
        let good = try lab.run(source)
        #expect(good.status == .succeeded)
        #expect(good.read.sorted() == ["b.json", "empty.json"])
    }

    @Test func tryAroundAFailingReadLetsTheJobContinue() throws {
        let lab = try ScriptLab()
        try lab.order("a", ids: [1, 2, 3])
        let source = Self.header + """
            from py4j.protocol import Py4JJavaError
            try:
                orders = glueContext.create_dynamic_frame.from_catalog(database="sales", table_name="orders")
            except Py4JJavaError as e:
                print("catalog read failed:", e)
                orders = glueContext.create_dynamic_frame.from_options(
                    connection_type="s3", connection_options={"paths": ["s3://raw/orders/"]}, format="json")
            finally:
                print("read attempted")
            try:
                glueContext.spark_session.read.json("s3://missing-bucket/in/")
            except Exception as e:
                print(type(e).__name__, isinstance(e, Exception), isinstance(e, ValueError))
            glueContext.write_dynamic_frame.from_options(
                frame=orders, connection_type="s3", connection_options={"path": "s3://curated/orders/"}, format="json")
            print("wrote", orders.count())
            job.commit()
            """ + "\n"
        let result = try lab.run(source)
        #expect(result.status == .succeeded)
        #expect(result.error == nil)
        #expect(result.output == [
            "catalog read failed: not found: database sales in the Data Catalog (EntityNotFoundException)",
            "read attempted",
            "Py4JJavaError True False",
            "wrote 3",
        ])
        #expect(try lab.jsonRecords("s3://curated/orders/").count == 3)
    }

    @Test func aReRaisedEngineErrorFailsTheRunWithTheEnginesMessage() throws {
        let lab = try ScriptLab()
        let source = Self.header + """
            try:
                orders = glueContext.create_dynamic_frame.from_catalog(database="sales", table_name="orders")
            except Exception as e:
                print("ERROR", e)
                raise
            """ + "\n"
        let result = try lab.run(source)
        #expect(result.status == .failed)
        #expect(result.output == ["ERROR not found: database sales in the Data Catalog (EntityNotFoundException)"])
        #expect(result.record.errorMessage == "job.py:12:14: not found: database sales in the Data Catalog (EntityNotFoundException)")
    }

    @Test func aRaiseInAMapFunctionBecomesAnErrorRecord() throws {
        let lab = try ScriptLab()
        try lab.order("a", ids: [1, 2, 3])
        let source = Self.header + """
            from awsglue.transforms import Map
            orders = glueContext.create_dynamic_frame.from_options(
                connection_type="s3", connection_options={"paths": ["s3://raw/orders/"]}, format="json")
            def check(rec):
                if rec["order_id"] == 2:
                    raise ValueError("order 2 is bad")
                return rec
            checked = Map.apply(frame=orders, f=check)
            print(checked.count(), checked.errorsCount())
            job.commit()
            """ + "\n"
        let result = try lab.run(source)
        #expect(result.status == .succeeded)
        #expect(result.output == ["2 1"])
    }

    @Test func aScriptsOwnKeyboardInterruptFailsTheRunOnlyCtrlCStopsIt() throws {
        let lab = try ScriptLab()
        let result = try lab.run(Self.header + "raise KeyboardInterrupt(\"bye\")\n")
        #expect(result.status == .failed)
        #expect(result.record.errorMessage == "job.py:11:1: KeyboardInterrupt: bye")
    }
}
