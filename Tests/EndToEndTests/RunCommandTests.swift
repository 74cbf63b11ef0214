import Foundation
import Testing

/// `gluelab run SCRIPT.py` and `gluelab job run NAME` against the built binary: the report
/// (human and `--json`), failures, job arguments, run history, bookmark reset, MaxConcurrentRuns.
@Suite struct RunCommandTests {
    static let inputs: [(name: String, rows: [(Int, String)])] = [
        ("a.csv", [(1, "fr"), (2, "de"), (3, "fr")]),
        ("b.csv", [(4, "it"), (5, "de")]),
    ]

    /// The report with run ids masked.
    static func masked(_ text: String) -> String {
        text.replacingOccurrences(of: #"jr_[0-9a-f]{64}"#, with: "jr_<RUN_ID>", options: .regularExpression)
    }

    @Test func jsonReportHasTheRunsFigures() throws {
        let g = try GluelabProcess()
        let job = try KillJob(g)
        try job.put(Self.inputs)
        let sizes = try g.jsonLines(["s3", "ls", "s3://raw/orders/", "-r"]).compactMap { $0.int("size") }
        // --json and --sandbox are gluelab's even after the script.
        let r = try g.run(job.runArguments + ["--json", "--sandbox", "playground"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let report = try GluelabProcess.object(r.stdout.trimmingCharacters(in: .newlines))
        #expect(report.string("runId")?.range(of: #"^jr_[0-9a-f]{64}$"#, options: .regularExpression) != nil)
        #expect(report.string("status") == "SUCCEEDED")
        #expect(report.int("errorsCount") == 0)
        let sources = report.objects("sources")
        try #require(sources.count == 1)
        #expect(sources[0].string("transformationContext") == "orders")
        #expect(sources[0].int("objectsRead") == 2 && sources[0].int("recordsRead") == 5)
        #expect(sources[0].int("bytesRead") == sizes.reduce(0, +) && sizes.count == 2)
        let sinks = report.objects("sinks")
        #expect(sinks.map { $0.string("transformationContext") ?? "" } == ["parquet_sink", "json_sink"])
        #expect(sinks.map { $0.int("recordsWritten") ?? -1 } == [5, 5])
        #expect(sinks.map { $0.int("objectsWritten") ?? -1 } == [3, 1])  // country=de, fr, it; one JSON part
        let cost = report["cost"] as? JSONObject ?? [:]
        #expect(cost.int("billedSeconds") == 60 && (cost["dpu"] as? Double) == 10)
        #expect((cost["standardUSD"] as? Double) == 0.0733 && (cost["chargedUSD"] as? Double) == 0.0733)
        // The same record in the history.
        #expect(try g.ok(["run-info", report.string("runId") ?? "?", "--json"]) == r.stdout)
    }

    @Test func humanReportMatchesGolden() throws {
        let g = try GluelabProcess()
        let job = try KillJob(g)
        try job.put(Self.inputs)
        let first = try g.ok(job.runArguments)
        // Nothing new: the bookmark makes the second run read nothing and write no part file.
        let second = try g.ok(job.runArguments)
        #expect(Self.masked(first + "---\n" + second) == (try GluelabProcess.golden("run-report.txt")))
    }

    @Test func failingScriptExitsOneWithLocatedError() throws {
        let g = try GluelabProcess()
        let script = try g.file("failing_job.py", try GluelabProcess.golden("failing_job.py"))
        let r = try g.run(["run", script])
        #expect(r.status == 1)
        let errors = r.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("error: run jr_") == true)
        #expect(errors.first?.hasSuffix(" FAILED: failing_job.py:6:13: NameError: name 'missing_name' is not defined") == true)
        #expect(r.stdout.hasPrefix("about to fail\nrun jr_"))
        #expect(r.stdout.contains(": FAILED (job-bookmark-disable)\n  error  failing_job.py:6:13: NameError: name 'missing_name' is not defined\n"))
        let runs = try g.jsonLines(["runs"])
        #expect(runs.count == 1 && runs[0].string("status") == "FAILED" && runs[0].string("jobName") == "failing_job")

        let syntax = try g.file("broken.py", "import sys\nx = (1 +\n")
        let s = try g.run(["run", syntax, "--json"])
        #expect(s.status == 1 && s.stderr.hasSuffix(" FAILED: broken.py:2:5: '(' was never closed\n"))
        #expect(s.stderr.split(separator: "\n").count == 1)
        #expect(try GluelabProcess.object(s.stdout.trimmingCharacters(in: .newlines)).string("status") == "FAILED")

        let missing = try g.run(["run", "nowhere.py"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: ") && missing.stderr.split(separator: "\n").count == 1)
    }

    @Test func jobRunWithDefaultArgumentsAndOverride() throws {
        let g = try GluelabProcess()
        let script = try g.file("args_job.py", try GluelabProcess.golden("args_job.py"))
        _ = try g.ok(["job", "create", "argsjob", "--script-location", script,
                      "--default-argument", "source=s3://in/default/", "--default-argument", "mode=full"])
        #expect(try g.ok(["job", "run", "argsjob"]).hasPrefix("job argsjob\nsource s3://in/default/\nmode full\nrun id matches True\n"))
        // A --KEY value of the run overrides the DefaultArgument; gluelab's options may follow it.
        let r = try g.run(["job", "run", "argsjob", "--mode", "incremental", "--json", "--sandbox", "playground"])
        #expect(r.status == 0)
        #expect(r.stderr == "job argsjob\nsource s3://in/default/\nmode incremental\nrun id matches True\n")  // script output, beside the JSON
        let report = try GluelabProcess.object(r.stdout.trimmingCharacters(in: .newlines))
        let arguments = report["arguments"] as? [String: String] ?? [:]
        #expect(arguments["mode"] == "incremental" && arguments["source"] == "s3://in/default/" && arguments["JOB_NAME"] == "argsjob")
        #expect(try g.ok(["job", "run", "argsjob", "--mode=x"]).contains("mode x\n"))

        // Another sandbox is another world: the job does not exist there.
        let elsewhere = try g.run(["job", "run", "argsjob", "--sandbox", "other"])
        #expect(elsewhere.status == 1 && elsewhere.stderr.hasPrefix("error: not found: job argsjob"))
        _ = try g.ok(["run", script, "--source", "s3://x/", "--mode", "m", "--sandbox", "other"])
        #expect(try g.jsonLines(["runs", "--sandbox", "other"]).map { $0.string("jobName") } == ["args_job"])

        let runs = try g.jsonLines(["runs"])
        #expect(runs.count == 3 && runs.allSatisfy { $0.string("jobName") == "argsjob" && $0.string("status") == "SUCCEEDED" })
        let table = try g.ok(["runs"]).split(separator: "\n")
        #expect(table.count == 4 && table[0].hasPrefix("RUN ID") && table[1].hasPrefix(runs[0].string("runId") ?? "?"))
        let info = try g.ok(["run-info", runs[2].string("runId") ?? "?"])
        #expect(info.contains("argsjob") && info.contains("SUCCEEDED"))
    }

    @Test func bookmarkResetThenRerunReadsEverything() throws {
        let g = try GluelabProcess()
        let job = try KillJob(g)
        try job.put(Self.inputs)
        func read() throws -> [String] {
            try g.jsonLines(job.runArguments)[0].objects("sources").flatMap { $0.strings("objects") }
        }
        #expect(try read() == ["s3://raw/orders/a.csv", "s3://raw/orders/b.csv"])
        #expect(try read() == [])
        _ = try g.ok(["bookmark", "reset", "kill_orders"])
        #expect(try job.bookmark().string("RunId") == nil)
        #expect(try read() == ["s3://raw/orders/a.csv", "s3://raw/orders/b.csv"])
        #expect(try job.bookmark().int("Version") == 4)  // commit, commit, reset, commit
        let counted = try g.jsonLines(["frame", "count", "s3://lake/orders_json/", "--format", "json"])[0]
        #expect(counted.int("count") == 10)  // read twice, written twice
    }

    /// `MaxConcurrentRuns`: a run beyond it is refused as StartJobRun refuses it, while one
    /// run is busy (a long `for` loop); raised to 2, the second run is accepted.
    @Test func concurrentRunsBeyondTheLimitAreRefused() throws {
        let g = try GluelabProcess()
        let script = try g.file("slow_job.py", try GluelabProcess.golden("slow_job.py"))
        _ = try g.ok(["job", "create", "slow", "--script-location", script, "--default-argument", "loops=40000000"])
        let busy = try g.launch(["job", "run", "slow"])
        defer { busy.kill(); _ = busy.wait() }
        // Wait until the busy run's RUNNING row exists.
        let deadline = Date().addingTimeInterval(20)
        while try g.jsonLines(["runs"]).first?.string("status") != "RUNNING" {
            try #require(Date() < deadline && busy.process.isRunning, "the busy run did not start")
            Thread.sleep(forTimeInterval: 0.05)
        }
        let refused = try g.run(["job", "run", "slow", "--loops", "0"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: ConcurrentRunsExceededException: Concurrent runs exceeded for slow: 1 running, MaxConcurrentRuns is 1\n")
        #expect(refused.stdout.isEmpty)
        #expect(try g.jsonLines(["runs"]).count == 1)  // a refused run leaves no run behind

        _ = try g.ok(["job", "update", "slow", "--max-concurrent-runs", "2"])
        let accepted = try g.run(["job", "run", "slow", "--loops", "0"])
        #expect(accepted.status == 0 && accepted.stdout.hasPrefix("looped 0\n"), "\(accepted.stderr)")
        #expect(busy.process.isRunning, "the busy run ended too early for the test to mean anything")
        let (killed, first) = busy.wait()
        #expect(!killed && first.status == 0 && first.stdout.hasPrefix("looped 40000000\n"))
        #expect(try g.jsonLines(["runs"]).map { $0.string("status") } == ["SUCCEEDED", "SUCCEEDED"])
    }
}
