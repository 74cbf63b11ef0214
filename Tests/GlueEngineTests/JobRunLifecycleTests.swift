import Foundation
import GRDB
import Testing
@testable import GlueEngine

/// Run ids, counters, concurrency, dead processes, bounded execution and the run record.
@Suite struct JobRunLifecycleTests {
    @Test func runIdsLookLikeGlues() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let id = try f.run().record.runId
            #expect(id.hasPrefix("jr_") && id.count == 67)
            #expect(id.dropFirst(3).allSatisfy { "0123456789abcdef".contains($0) })
        }
    }

    @Test func runVersionAndAttemptCountersMoveAsGlueDocuments() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let r1 = try f.run()
            var entry = try f.bookmarks.entry(jobName: "nightly")
            #expect((entry.version, entry.run, entry.attempt) == (1, 1, 1))
            #expect(entry.runId == r1.record.runId && entry.previousRunId == nil)
            let failed = try f.run(commit: false, fail: true)
            #expect(failed.record.attempt == 1)
            entry = try f.bookmarks.entry(jobName: "nightly")
            #expect((entry.version, entry.run, entry.attempt) == (1, 1, 1), "a failed attempt changes nothing visible")
            let r3 = try f.run()
            #expect(r3.record.attempt == 2)
            entry = try f.bookmarks.entry(jobName: "nightly")
            #expect((entry.version, entry.run, entry.attempt) == (2, 2, 2), "the run after a failed attempt is attempt 2")
            #expect(entry.previousRunId == r1.record.runId && entry.runId == r3.record.runId)
            #expect(r3.record.bookmarkBefore?.version == 1 && r3.record.bookmarkAfter?.version == 2)
            #expect(try f.bookmarks.entry(jobName: "nightly", runId: r1.record.runId).version == 1)
        }
    }

    @Test func commitTwiceIsHarmless() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let run = try JobRun.start(sandbox: f.sandbox, jobName: "nightly", arguments: ["job-bookmark-option": "job-bookmark-enable"],
                                       capacity: JobCapacity(), definition: nil)
            try run.jobInit()
            _ = try run.readS3(ctx: "source", connectionOptions: ["paths": .array([.string("s3://input/data/")])], format: "json", formatOptions: [:])
            try run.commit()
            try run.commit()
            let record = try run.finish(error: nil)
            #expect(try run.finish(error: EngineError.notFound(what: "x")) == record, "finish twice returns the record")
            #expect(try f.bookmarks.entry(jobName: "nightly").version == 1)
            #expect(try f.bookmarks.history(jobName: "nightly").count == 1)
        }
    }

    @Test func isFailFastWorksAsAnS3ConnectionOptionToo() throws {
        try RunFixture.with { f in
            _ = try f.sandbox.store.put(try storeURI("s3://input/data/bad.json"), bytes: Array("{\"a\": 1}\n{\"a\": \n".utf8), lastModified: nil)
            func read(_ connection: [String: Value]) throws -> DynamicFrame {
                let run = try JobRun.start(sandbox: f.sandbox, jobName: "adhoc-\(connection.count)", arguments: [:], capacity: JobCapacity(), definition: nil)
                defer { _ = try? run.finish(error: nil) }
                return try run.readS3(ctx: nil, connectionOptions: connection, format: "json", formatOptions: [:])
            }
            let paths: [String: Value] = ["paths": .array([.string("s3://input/data/")])]
            #expect(try read(paths).errors.count == 1, "without it the malformed record is an error record")
            #expect(throws: EngineError.self) { try read(paths.merging(["isFailFast": .string("true")]) { $1 }) }
        }
    }

    @Test func maxConcurrentRunsRefusesTheRunTooMany() throws {
        try RunFixture.with { f in
            let adHoc = try JobRun.start(sandbox: f.sandbox, jobName: "adhoc", arguments: [:], capacity: JobCapacity(), definition: nil)
            #expect(throws: EngineError.conflict(exception: "ConcurrentRunsExceededException",
                                                 message: "Concurrent runs exceeded for adhoc: 1 running, MaxConcurrentRuns is 1")) {
                try JobRun.start(sandbox: f.sandbox, jobName: "adhoc", arguments: [:], capacity: JobCapacity(), definition: nil)
            }
            try adHoc.finish(error: nil)
            _ = try JobRun.start(sandbox: f.sandbox, jobName: "adhoc", arguments: [:], capacity: JobCapacity(), definition: nil)

            let two = try f.jobs.create(JobDefinition(name: "two", command: JobCommand(scriptLocation: "a.py"), maxConcurrentRuns: 2))
            _ = try JobRun.start(sandbox: f.sandbox, jobName: "two", arguments: [:], capacity: two.capacity(), definition: two)
            _ = try JobRun.start(sandbox: f.sandbox, jobName: "two", arguments: [:], capacity: two.capacity(), definition: two)
            #expect(throws: EngineError.self) {
                try JobRun.start(sandbox: f.sandbox, jobName: "two", arguments: [:], capacity: two.capacity(), definition: two)
            }
        }
    }

    @Test func aRunningRowWhoseProcessDiedIsMarkedFailed() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let run = try JobRun.start(sandbox: f.sandbox, jobName: "nightly", arguments: ["job-bookmark-option": "job-bookmark-enable"],
                                       capacity: JobCapacity(), definition: nil)
            try run.jobInit()
            let dead = try deadProcessId()
            try f.sandbox.database.write { db in
                try db.execute(sql: "UPDATE job_runs SET pid = ?, record = json_set(record, '$.pid', ?) WHERE run_id = ?",
                               arguments: [dead, dead, run.runId])
            }
            try f.pass(minutes: 2)
            let listed = try f.runs.list(jobName: "nightly")
            #expect(listed.count == 1)
            #expect(listed[0].status == .failed && listed[0].errorMessage == RunStore.deadProcessMessage)
            #expect(listed[0].executionTime == 120)
            #expect(try f.bookmarks.current(jobName: "nightly").failedAttempts == 1, "a dead run counts as a failed attempt")
            // The dead run no longer blocks MaxConcurrentRuns = 1.
            #expect(try f.run().keys == ["data/a.json"])
        }
    }

    @Test func aRunWhoseProcessIdWasReusedIsDeadToo() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let run = try JobRun.start(sandbox: f.sandbox, jobName: "nightly", arguments: [:], capacity: JobCapacity(), definition: nil)
            // The parent process is alive, but it is not the process that started the run.
            let reused = getppid()
            try f.sandbox.database.write { db in
                try db.execute(sql: "UPDATE job_runs SET pid = ?, record = json_set(record, '$.pid', ?, '$.processStart', '1') WHERE run_id = ?",
                               arguments: [reused, reused, run.runId])
            }
            let listed = try f.runs.list(jobName: "nightly")
            #expect(listed[0].status == .failed && listed[0].errorMessage == RunStore.deadProcessMessage)
            #expect(try f.run().keys == ["data/a.json"], "the reused id no longer blocks MaxConcurrentRuns = 1")
        }
    }

    @Test func boundedFilesLeavesTheRestForTheNextRun() throws {
        try RunFixture.with { f in
            for i in 1...5 { try f.put("data/\(i).json", at: "2024-01-01T0\(i):00:00Z") }
            let bounded: [String: Value] = ["boundedFiles": .string("2")]
            let r1 = try f.run(options: bounded)
            #expect(r1.keys == ["data/1.json", "data/2.json"] && r1.record.sources[0].objectsLeft == 3)
            #expect(try f.run(options: bounded).keys == ["data/3.json", "data/4.json"])
            #expect(try f.run(options: bounded).keys == ["data/5.json"])
            #expect(try f.run(options: bounded).keys.isEmpty)
        }
    }

    @Test func boundedSizeAndTheOptionChecks() throws {
        try RunFixture.with { f in
            for i in 1...3 { try f.put("data/\(i).json", at: "2024-01-01T0\(i):00:00Z") }  // 22 bytes each
            #expect(try f.run(options: ["boundedSize": .long(50)]).keys == ["data/1.json", "data/2.json"])
            #expect(try f.run(options: ["boundedSize": .long(1)]).keys == ["data/3.json"], "at least one file per run")
            #expect(throws: EngineError.self) { try f.run(options: ["boundedSize": .long(1), "boundedFiles": .long(1)]) }
            #expect(throws: EngineError.self) { try f.run(options: ["groupFiles": .string("byFolder")]) }
            #expect(throws: EngineError.self) { try f.run(options: ["groupSize": .string("big")]) }
            let grouped = try f.run(option: .disable, options: ["groupFiles": .string("inPartition"), "groupSize": .string("1048576")])
            #expect(grouped.keys.count == 3, "grouping changes no data")
            #expect(grouped.record.sources[0].groupFiles == "inPartition" && grouped.record.sources[0].groupSize == 1_048_576)
        }
    }

    @Test func theRecordHoldsStatsCostAndArguments() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            try f.put("data/b.json", at: "2024-01-01T09:00:00Z")
            let out = try f.run(arguments: ["extra": "1"], write: "s3://out/daily/")
            let r = out.record
            #expect(r.status == .succeeded && r.committed && r.jobInitialized)
            #expect(r.arguments["extra"] == "1" && r.bookmarkOption == .enable)
            let source = try #require(r.sources.first)
            #expect(source.transformationContext == "source" && source.connectionType == "s3" && source.format == "json")
            #expect(source.objectsRead == 2 && source.recordsRead == 2 && source.bytesRead > 0)
            #expect(source.objects == ["s3://input/data/a.json", "s3://input/data/b.json"])
            let sink = try #require(r.sinks.first)
            #expect(sink.objectsWritten == 1 && sink.recordsWritten == 2 && sink.path == "s3://out/daily/")
            #expect(try f.sandbox.store.list(try storeURI("s3://out/daily/")).count == 1)
            let cost = try #require(r.cost)
            #expect(cost.billedSeconds >= 60 && cost.dpu == 10 && cost.flexUSD != nil)
            #expect(try f.runs.get(runId: r.runId) == r)
            #expect(throws: EngineError.self) { try f.runs.get(runId: "jr_missing") }
        }
    }

    @Test func runsAreListedNewestFirstPerJob() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let a = try f.run("a")
            let b = try f.run("b")
            let a2 = try f.run("a")
            #expect(try f.runs.list().map(\.runId) == [a2.record.runId, b.record.runId, a.record.runId])
            #expect(try f.runs.list(jobName: "a").map(\.runId) == [a2.record.runId, a.record.runId])
        }
    }

    @Test func startRefusesBadArgumentsAndCapacity() throws {
        try RunFixture.with { (f: RunFixture) throws in
            #expect(throws: EngineError.self) {
                try JobRun.start(sandbox: f.sandbox, jobName: "j", arguments: ["job-bookmark-option": "on"], capacity: JobCapacity(), definition: nil)
            }
            #expect(throws: EngineError.self) {
                try JobRun.start(sandbox: f.sandbox, jobName: "j", arguments: [:],
                                 capacity: JobCapacity(jobType: .pythonshell, executionClass: .flex), definition: nil)
            }
            #expect(try f.runs.list().isEmpty)
        }
    }

    @Test func crashPointsParse() {
        #expect(CrashPoint.parse("sink-staged")! == (CrashPoint.sinkStaged, 1))
        #expect(CrashPoint.parse("commit-in-transaction:3")! == (CrashPoint.commitInTransaction, 3))
        #expect(CrashPoint.parse("nowhere") == nil && CrashPoint.parse("sink-staged:0") == nil && CrashPoint.parse(nil) == nil)
    }
}
