import Foundation
import GlueEngine
import Testing

/// `gluelab job`, `runs`, `run-info` and `bookmark` against the built binary; runs are made
/// with the engine in the test process, in the same temporary GLUELAB_HOME.
@Suite struct JobCommandTests {
    @Test func createGetListUpdateDelete() throws {
        let g = try GluelabProcess()
        let created = try g.ok(["job", "create", "nightly", "--script-location", "jobs/nightly.py",
                                "--default-arguments", "--job-bookmark-option=job-bookmark-enable",
                                "--default-argument", "source=s3://input/data/", "--worker-type", "G.1X", "--number-of-workers", "2"])
        #expect(created == "created job nightly (glueetl, Glue 5.0, G.1X × 2, MaxConcurrentRuns 1)\n")
        let json = try g.ok(["job", "get", "nightly", "--json"])
        #expect(json.hasPrefix("{\"Name\":\"nightly\",\"CreatedOn\":"))
        #expect(json.contains("\"ExecutionProperty\":{\"MaxConcurrentRuns\":1}"))
        #expect(json.contains("\"Command\":{\"Name\":\"glueetl\",\"ScriptLocation\":\"jobs/nightly.py\"}"))
        #expect(json.contains("\"DefaultArguments\":{\"--job-bookmark-option\":\"job-bookmark-enable\",\"--source\":\"s3://input/data/\"}"))
        #expect(json.contains("\"WorkerType\":\"G.1X\",\"NumberOfWorkers\":2,\"GlueVersion\":\"5.0\",\"ExecutionClass\":\"STANDARD\""))

        let taken = try g.run(["job", "create", "nightly", "--script-location", "x.py"])
        #expect(taken.status == 1 && taken.stderr == "error: AlreadyExistsException: Job with name nightly already exists\n")
        let flex = try g.run(["job", "create", "shell", "--script-location", "x.py", "--command", "pythonshell", "--execution-class", "FLEX"])
        #expect(flex.status == 1 && flex.stderr.contains("Flex runs only Spark ETL (glueetl) jobs"))

        _ = try g.ok(["job", "create", "another", "--script-location", "a.py", "--command", "pythonshell", "--max-capacity", "1"])
        let list = try g.ok(["job", "list"])
        #expect(list.split(separator: "\n").map { $0.split(separator: " ").first ?? "" } == ["NAME", "another", "nightly"])
        #expect(try g.ok(["job", "list", "--json"]).split(separator: "\n").count == 2)

        #expect(try g.ok(["job", "update", "nightly", "--max-concurrent-runs", "3", "--remove-default-argument", "source"]) == "updated job nightly\n")
        let updated = try g.ok(["job", "get", "nightly"])
        #expect(updated.contains("MaxConcurrentRuns: 3\n") && !updated.contains("--source") && updated.contains("Capacity: G.1X × 2\n"))

        #expect(try g.ok(["job", "delete", "another"]) == "deleted job another (it had no bookmark); its run history stays\n")
        let gone = try g.run(["job", "get", "another"])
        #expect(gone.status == 1 && gone.stderr.hasPrefix("error: not found: job another"))
    }

    @Test func bookmarkGetResetAndRunHistory() throws {
        let g = try GluelabProcess()
        _ = try g.ok(["job", "create", "nightly", "--script-location", "jobs/nightly.py",
                      "--default-argument", "--job-bookmark-option=job-bookmark-enable"])
        let sandbox = try Sandbox.open(home: g.home, name: "playground")
        try sandbox.clock.freeze()
        try sandbox.clock.set(Timestamps.parseISO8601("2024-03-01T10:00:00Z")!)
        let definition = try JobStore(sandbox: sandbox).get("nightly")
        try sandbox.store.put(try S3URI(parsing: "s3://input/data/a.json"), bytes: Array("{\"id\":1}\n{\"id\":2}\n".utf8),
                              lastModified: Timestamps.parseISO8601("2024-03-01T09:00:00Z")!)

        func runOnce(fail: Bool = false) throws -> RunRecord {
            let request = definition.runRequest()
            let run = try JobRun.start(sandbox: sandbox, jobName: "nightly", arguments: request.arguments,
                                       capacity: request.capacity, definition: definition)
            try run.jobInit()
            let frame = try run.readS3(ctx: "src", connectionOptions: ["paths": .array([.string("s3://input/data/")])],
                                       format: "json", formatOptions: [:])
            try run.writeS3(frame: frame, ctx: "out", connectionOptions: ["path": .string("s3://output/daily/")], format: "json", formatOptions: [:])
            if !fail { try run.commit() }
            try sandbox.clock.advance(by: 90_000_000)
            return try run.finish(error: fail ? EngineError.transform(name: "script", message: "boom") : nil)
        }
        let r1 = try runOnce()
        try sandbox.store.put(try S3URI(parsing: "s3://input/data/b.json"), bytes: Array("{\"id\":3}\n".utf8))
        let r2 = try runOnce(fail: true)

        let entry = try g.ok(["bookmark", "get", "nightly"])
        #expect(entry.hasPrefix("JobName: nightly\nVersion: 1\nRun: 1\nAttempt: 1\nRunId: \(r1.runId)\nPreviousRunId: -\nJobBookmark: {\"src\":{\"s3\":"))
        let json = try g.ok(["bookmark", "get", "nightly", "--json", "--run-id", r1.runId])
        #expect(json.hasPrefix("{\"JobName\":\"nightly\",\"Version\":1,\"Run\":1,\"Attempt\":1,\"PreviousRunId\":null,\"RunId\":\"\(r1.runId)\",\"JobBookmark\":\"{"))
        let noSnapshot = try g.run(["bookmark", "get", "nightly", "--run-id", r2.runId])
        #expect(noSnapshot.status == 1 && noSnapshot.stderr.contains("only runs that committed"))

        let runs = try g.ok(["runs"]).split(separator: "\n").map(String.init)
        #expect(runs.count == 3)
        #expect(runs[0].hasPrefix("RUN ID") && runs[0].hasSuffix("COST"))
        #expect(runs[1].hasPrefix(r2.runId) && runs[1].contains("  FAILED  ") && runs[1].contains("2024-03-01T10:01:30Z"))
        #expect(runs[2].hasPrefix(r1.runId) && runs[2].contains("  SUCCEEDED  ") && runs[2].contains("1m30s"))
        let runsJSON = try g.ok(["runs", "--job", "nightly", "--json"]).split(separator: "\n").map(String.init)
        #expect(runsJSON.count == 2)
        #expect(runsJSON[1].hasPrefix("{\"runId\":\"\(r1.runId)\",\"jobName\":\"nightly\",\"status\":\"SUCCEEDED\",\"startedOn\":\"2024-03-01T10:00:00Z\",\"executionTime\":90,\"attempt\":1,\"objectsRead\":1,\"recordsRead\":2,\"recordsWritten\":2,\"errorsCount\":0,\"costUSD\":"))
        #expect(try g.ok(["runs", "--job", "other"]).isEmpty)

        let info = try g.ok(["run-info", r2.runId])
        #expect(info.contains("Status: FAILED\nError: script: boom\n"))
        #expect(info.contains("Bookmark option: job-bookmark-enable, not committed"))
        #expect(info.contains("Source src [s3, json]: s3://input/data/ — bookmark incremental\n  read 1 object, 1 record, 9 B\n    s3://input/data/b.json\n"))
        #expect(info.contains("Sink out [s3, json]: s3://output/daily/\n  wrote 1 object, 1 record"))
        #expect(info.contains("Bookmark before: version 1, run 1, attempt 1") && info.contains("Cost: 10 DPU × 60 s billed"))
        let infoJSON = try g.ok(["run-info", r1.runId, "--json"])
        for key in ["\"completedOn\":\"2024-03-01T10:01:30Z\"", "\"arguments\":{\"JOB_NAME\":\"nightly\",\"job-bookmark-option\":\"job-bookmark-enable\"}",
                    "\"committed\":true", "\"bookmarkBefore\":{\"JobName\":\"nightly\",\"Version\":0", "\"bookmarkAfter\":{\"JobName\":\"nightly\",\"Version\":1",
                    "\"sources\":[{\"transformationContext\":\"src\"", "\"objects\":[\"s3://input/data/a.json\"]", "\"cost\":{\"dpu\":10.0"] {
            #expect(infoJSON.contains(key), "run-info --json has \(key)")
        }
        let missing = try g.run(["run-info", "jr_nope"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: not found: job run jr_nope"))

        let rewind = try g.run(["bookmark", "reset", "nightly", "--run-id", r1.runId])
        #expect(rewind.stdout == "rewound the bookmark of nightly to run \(r1.runId): version 1 → 2, run 1 → 1; the next run reads what is new since that run\n")
        #expect(rewind.stderr.contains("the target is not cleaned"))
        #expect(try g.ok(["bookmark", "reset", "nightly"]) == "reset the bookmark of nightly: version 2 → 3, run 1 → 0; the next run reads every bookmarked source from the start (a streaming source keeps its checkpoint)\n")
        #expect(try g.ok(["bookmark", "get", "nightly", "--json"]).contains("\"Version\":3,\"Run\":0,\"Attempt\":0,\"PreviousRunId\":null,\"RunId\":null,\"JobBookmark\":\"{}\""))

        #expect(try g.ok(["job", "delete", "nightly"]) == "deleted job nightly and its bookmark (version 3, run 0, 1 run snapshot); its run history stays\n")
        #expect(try g.ok(["runs", "--job", "nightly"]).split(separator: "\n").count == 3, "run history stays")
        let unknown = try g.run(["bookmark", "get", "never"])
        #expect(unknown.status == 1 && unknown.stderr.contains("no such job and no run of it"))
    }
}
