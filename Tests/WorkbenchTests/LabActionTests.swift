import Foundation
import GlueEngine
import Testing
@testable import Workbench

/// Actions through ``LabActionPlayer``: each kind's effect, and `expectError`.
@Suite struct LabActionTests {
    @Test func jobActionsCreateUpdateAndDelete() throws {
        var f = try LabFixture("ops-lab")
        try f.player.play(try LabFixture.action("createJob: {name: nightly, script: copy_events.py, glueVersion: '4.0', timeout: 30}"))
        var job = try JobStore(sandbox: f.box).get("nightly")
        #expect(job.glueVersion.rawValue == "4.0")
        #expect(job.timeout == 30)
        try f.player.play(try LabFixture.action("updateJob: {name: nightly, numberOfWorkers: 5, workerType: G.2X}"))
        job = try JobStore(sandbox: f.box).get("nightly")
        #expect(job.numberOfWorkers == 5)
        #expect(job.timeout == 30)  // fields not given stay
        try f.player.play(try LabFixture.action("deleteJob: nightly"))
        #expect(try JobStore(sandbox: f.box).find("nightly") == nil)
    }

    @Test func anExpectedErrorIsKeptForActionError() throws {
        var f = try LabFixture("ops-lab")
        let refused = try LabFixture.action("""
            {createJob: {name: shell, script: copy_events.py, type: pythonshell, workerType: G.1X, numberOfWorkers: 2}, expectError: true}
            """)
        try f.player.play(refused)
        #expect(f.player.lastExpectedError?.contains("Python shell jobs take no WorkerType") == true)
        let check = try LabFixture.check("actionError: Python shell jobs take no WorkerType")
        #expect(try f.player.evaluate([check]).allSatisfy(\.passed))
        let wrong = try f.player.evaluate([try LabFixture.check("actionError: ConcurrentRunsExceeded")])
        #expect(wrong.map(\.passed) == [false])
        #expect(wrong.first?.expected == "contains \"ConcurrentRunsExceeded\"")
        // Without a player, nothing failed as expected.
        #expect(try check.evaluate(in: f.box).first?.actual == "(no action failed as expected)")
    }

    @Test func anExpectedErrorThatDoesNotHappenIsALabBug() throws {
        var f = try LabFixture("ops-lab")
        #expect(throws: WorkbenchError.self) { try f.player.play(try LabFixture.action("{advanceClock: 1m, expectError: true}")) }
        // And an unexpected failure is the action's own error.
        #expect(throws: (any Error).self) { try f.player.play(try LabFixture.action("deleteJob: nope")) }
    }

    @Test func aRunThatCannotStartIsAnActionError() throws {
        var f = try LabFixture("ops-lab")
        try f.player.play(try LabFixture.action("{run: {job: nope}, expectError: true}"))
        #expect(f.player.lastExpectedError?.contains("nope") == true)
    }

    @Test func clockObjectsBookmarkAndCrawlerActions() throws {
        var f = try LabFixture("ops-lab")
        try f.player.play(try LabFixture.action("setClock: 2024-03-02T00:00:00Z"))
        #expect(try f.box.clock.now() == Timestamps.parseISO8601("2024-03-02T00:00:00Z"))
        #expect(try BookmarkStore(sandbox: f.box).current(jobName: "copy").entries["events"] != nil)
        try f.player.play(try LabFixture.action("resetBookmark: {job: copy}"))
        #expect(try BookmarkStore(sandbox: f.box).current(jobName: "copy").entries["events"] == nil)
        // Rewinding to the last run (an index from the end) brings its bookmark back.
        try f.player.play(try LabFixture.action("resetBookmark: {job: copy, runId: '-1'}"))
        #expect(try BookmarkStore(sandbox: f.box).current(jobName: "copy").entries["events"] != nil)
        try f.player.play(try LabFixture.action("deleteObjects: {prefix: 's3://out/'}"))
        #expect(try f.box.store.list(S3URI(parsing: "s3://out/")).isEmpty)
        try f.player.play(try LabFixture.action("{deleteObjects: {prefix: 's3://out/'}, expectError: true}"))
        try f.player.play(try LabFixture.action("runCrawler: raw-crawler"))
        #expect(try CrawlerStore(sandbox: f.box).get("raw-crawler").lastCrawl?.tablesCreated == 1)
    }

    @Test func aStreamingRunStopsAfterItsBatchesAndResumesFromTheCheckpoint() throws {
        var f = try LabFixture("stream-lab")
        try f.player.play(try LabFixture.action("run: {job: clicks, interruptAfterBatches: 2}"))
        let stopped = try #require(try RunStore(sandbox: f.box).list(jobName: "clicks").first)
        #expect(stopped.status == .stopped)
        let commits = try f.box.store.list(S3URI(parsing: "s3://checkpoints/clicks/commits/"))
        #expect(commits.count == 2)
        try f.player.play(try LabFixture.action("produce: {topic: clicks, messages: [{key: u2, value: '{\"user\":\"u2\",\"n\":5}'}]}"))
        try f.player.play(try LabFixture.action("run: {job: clicks}"))
        #expect(try RunStore(sandbox: f.box).list(jobName: "clicks").first?.status == .succeeded)
        #expect(try f.box.store.list(S3URI(parsing: "s3://checkpoints/clicks/commits/")).count == 4)
        // Every message was written once or more (at-least-once), five distinct n.
        let rows = try LabFixture.check("rows: {path: 's3://clicks-lake/events/', format: json, distinct: n, distinctCount: 5}")
        #expect(try f.player.evaluate([rows]).allSatisfy(\.passed))
    }

    @Test func sqlAndProduceActions() throws {
        var f = try LabFixture("stream-lab")
        try f.player.play(try LabFixture.action("sql: {database: crm, statements: 'CREATE TABLE c (id INTEGER); INSERT INTO c VALUES (7)'}"))
        #expect(try f.player.evaluate([try LabFixture.check("jdbc: {database: crm, query: 'SELECT id FROM c', equals: '7'}")]).allSatisfy(\.passed))
        try f.player.play(try LabFixture.action("produce: {topic: clicks, messages: [{value: a, timestamp: '2024-03-01T09:10:00Z'}, {value: b}]}"))
        #expect(try f.box.topics.info("clicks").messages == 6)
        try f.player.play(try LabFixture.action("{produce: {topic: nope, messages: [{value: a}]}, expectError: true}"))
    }
}
