import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// JDBC bookmark keys (fact sheet §4.5) through a job script reading the sandbox's `shop`
/// database with a PostgreSQL URL; the script shows the rows each run read.
@Suite("Job scripts: JDBC bookmark keys")
struct JobScriptJDBCTests {
    /// A job reading `dbtable` with the extra connection options `options` (Python literal
    /// text, e.g. `"jobBookmarkKeys": ["id"]`), showing the rows read.
    func script(_ dbtable: String, options: String = "") -> String {
        """
        import sys
        from awsglue.utils import getResolvedOptions
        from pyspark.context import SparkContext
        from awsglue.context import GlueContext
        from awsglue.job import Job

        args = getResolvedOptions(sys.argv, ["JOB_NAME"])
        glueContext = GlueContext(SparkContext.getOrCreate())
        job = Job(glueContext)
        job.init(args["JOB_NAME"], args)

        rows = glueContext.create_dynamic_frame.from_options(
            connection_type="postgresql",
            connection_options={
                "url": "jdbc:postgresql://shop-db.example.internal:5432/shop",
                "dbtable": "\(dbtable)",
                "user": "etl",
                "password": "not-a-real-password",\(options.isEmpty ? "" : "\n        " + options + ",")
            },
            transformation_ctx="rows",
        )
        rows.show()
        job.commit()

        """
    }

    /// Runs `source` twice with `change` (SQL) in between; returns the shown rows of each run.
    func twice(_ lab: ScriptLab, _ source: String, change: String) throws -> ([String], [String], ScriptLab.Result) {
        let first = try lab.run(source, file: "jdbc_job.py")
        try lab.pass(minutes: 60)
        try lab.sql(change)
        let second = try lab.run(source, file: "jdbc_job.py")
        #expect(first.error == nil && second.error == nil)
        return (first.output, second.output, second)
    }

    @Test func newRowsOnly() throws {
        let lab = try ScriptLab()
        try lab.sql("""
            CREATE TABLE events (id INTEGER, kind TEXT);
            INSERT INTO events VALUES (1, 'view'), (2, 'click'), (3, 'view');
            """)
        let (first, second, run) = try twice(lab, script("public.events", options: #""jobBookmarkKeys": ["id"], "jobBookmarkKeysSortOrder": "asc""#),
                                             change: "INSERT INTO events VALUES (4, 'buy'), (5, 'view')")
        #expect(first == [#"{"id": 1, "kind": "view"}"#, #"{"id": 2, "kind": "click"}"#, #"{"id": 3, "kind": "view"}"#])
        #expect(second == [#"{"id": 4, "kind": "buy"}"#, #"{"id": 5, "kind": "view"}"#])
        #expect(run.recordsRead == 2)
        #expect(run.record.sources.map(\.paths) == [["shop.events"]])
        #expect((run.bookmark?.version, run.bookmark?.run) == (2, 2))
    }

    @Test func updatedRowsAndBackFilledRowsAreMissed() throws {
        let lab = try ScriptLab()
        try lab.sql("""
            CREATE TABLE events (id INTEGER, kind TEXT);
            INSERT INTO events VALUES (2, 'view'), (3, 'click'), (4, 'view');
            """)
        let (_, second, _) = try twice(lab, script("events", options: #""jobBookmarkKeys": ["id"]"#), change: """
            UPDATE events SET kind = 'refund' WHERE id = 3;
            INSERT INTO events VALUES (1, 'late'), (5, 'buy');
            """)
        // The update of 3 and the back-filled 1 (below the saved key 4) are never read.
        #expect(second == [#"{"id": 5, "kind": "buy"}"#])
    }

    @Test func descendingKeysReadOnlySmallerKeys() throws {
        let lab = try ScriptLab()
        try lab.sql("""
            CREATE TABLE countdown (remaining INTEGER, note TEXT);
            INSERT INTO countdown VALUES (100, 'start'), (90, 'a'), (80, 'b');
            """)
        let (first, second, run) = try twice(
            lab, script("countdown", options: #""jobBookmarkKeys": ["remaining"], "jobBookmarkKeysSortOrder": "desc""#),
            change: "INSERT INTO countdown VALUES (70, 'c'), (95, 'above the mark')")
        #expect(first == [#"{"remaining": 100, "note": "start"}"#, #"{"remaining": 90, "note": "a"}"#, #"{"remaining": 80, "note": "b"}"#])
        #expect(second == [#"{"remaining": 70, "note": "c"}"#])
        #expect(run.bookmark?.jobBookmark.contains("\"sortOrder\":\"desc\"") == true)
    }

    @Test func withoutKeysThePrimaryKeyIsTheBookmark() throws {
        let lab = try ScriptLab()
        try lab.sql("""
            CREATE TABLE orders (order_id INTEGER PRIMARY KEY, amount REAL);
            INSERT INTO orders VALUES (1, 5.0), (2, 7.5);
            """)
        let (first, second, run) = try twice(lab, script("public.orders"), change: "INSERT INTO orders VALUES (3, 1.0)")
        #expect(first == [#"{"order_id": 1, "amount": 5.0}"#, #"{"order_id": 2, "amount": 7.5}"#])
        #expect(second == [#"{"order_id": 3, "amount": 1.0}"#])
        #expect(run.bookmark?.jobBookmark.contains("\"keys\":[\"order_id\"]") == true)
    }

    @Test func aCompoundKeyComparesLexicographically() throws {
        let lab = try ScriptLab()
        try lab.sql("""
            CREATE TABLE readings (day INTEGER, seq INTEGER, value REAL);
            INSERT INTO readings VALUES (1, 1, 0.5), (1, 2, 0.7), (2, 1, 0.9);
            """)
        let (first, second, _) = try twice(
            lab, script("readings", options: #""jobBookmarkKeys": ["day", "seq"]"#),
            change: "INSERT INTO readings VALUES (2, 2, 1.1), (3, 1, 1.3), (1, 3, 9.9)")
        #expect(first.count == 3)
        // (1, 3) sorts below the saved (2, 1): missed.
        #expect(second == [#"{"day": 2, "seq": 2, "value": 1.1}"#, #"{"day": 3, "seq": 1, "value": 1.3}"#])
    }

    @Test func aBookmarkKeyIsMatchedCaseSensitively() throws {
        let lab = try ScriptLab()
        try lab.sql("CREATE TABLE events (id INTEGER, kind TEXT); INSERT INTO events VALUES (1, 'view');")
        let result = try lab.run(script("events", options: #""jobBookmarkKeys": ["ID"]"#), file: "jdbc_job.py")
        #expect(result.status == .failed)
        #expect(result.record.errorMessage?.hasPrefix("jdbc_job.py:12:8: ") == true)
        #expect(result.record.errorMessage?.contains("jobBookmarkKeys") == true)
    }
}
