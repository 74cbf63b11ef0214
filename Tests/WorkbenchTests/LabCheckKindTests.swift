import Foundation
import GlueEngine
import Testing
@testable import Workbench

/// The check kinds report expected against actual, before and after the fixture's solutions.
@Suite struct LabCheckKindTests {
    func texts(_ results: [LabCheckResult]) -> [String] {
        results.map { "\($0.passed ? "ok" : "FAIL") \($0.what): \($0.expected) / \($0.actual)" }
    }

    @Test func lastRunExtrasReadTheRunRecord() throws {
        let f = try LabFixture("ops-lab")
        let run = try #require(try RunStore(sandbox: f.box).list(jobName: "copy").first)
        let bytes = run.sources.reduce(0) { $0 + $1.bytesRead }
        #expect(bytes > 0)
        let check = try LabFixture.check("""
            lastRun: {job: copy, bytesRead: \(bytes), objectsWritten: 1, attempt: 1, executionClass: FLEX, workerType: G.1X, error: boom}
            """)
        #expect(texts(try f.player.evaluate([check])) == [
            "ok copy last run bytes read: \(bytes) / \(bytes)",
            "ok copy last run objects written: 1 / 1",
            "ok copy last run attempt: 1 / 1",
            "ok copy last run execution class: FLEX / FLEX",
            "ok copy last run worker type: G.1X / G.1X",
            "FAIL copy last run error: contains \"boom\" / (no error)",
        ])
    }

    @Test func aFailedRunsErrorIsMatchedBySubstring() throws {
        var f = try LabFixture("ops-lab")
        try f.player.play(try LabFixture.action("deleteObjects: {prefix: 's3://raw/'}"))
        try f.player.play(try LabFixture.action("resetBookmark: {job: copy}"))
        try f.player.play(try LabFixture.action("run: {job: copy}"))
        let run = try #require(try RunStore(sandbox: f.box).list(jobName: "copy").first)
        let message = try #require(run.errorMessage)
        let word = String(message.split(separator: " ").last ?? "")
        let results = try f.player.evaluate([try LabFixture.check("lastRun: {job: copy, status: FAILED, error: '\(word)'}")])
        #expect(results.allSatisfy { $0.passed }, "\(results)")
    }

    @Test func compareHasItsOwnPassFlag() throws {
        var f = try LabFixture("ops-lab")
        try f.play(until: "rerun")
        let compare = f.step("rerun").checks[1]
        let before = try f.player.evaluate([compare])
        #expect(before.first?.passed == false)
        #expect(before.first?.expected.hasPrefix("greater than ") == true)
        try f.player.play(f.step("rerun").solution)
        let after = try #require(try f.player.evaluate([compare]).first)
        #expect(after.passed)
        #expect(after.what == "copy last run dpuSeconds")
        // G.2X doubles the DPUs of G.1X for the same modelled time.
        let runs = try RunStore(sandbox: f.box).list(jobName: "copy")
        let last = try #require(runs[0].cost), first = try #require(runs[1].cost)
        #expect(after.actual == LabCheckSpec.number(last.dpu * last.runSeconds))
        #expect(after.expected == "greater than \(LabCheckSpec.number(first.dpu * first.runSeconds)) (copy run -2 dpuSeconds)")
        let missing = try LabFixture.check("compare: {left: {job: copy, metric: costUSD, run: -9}, op: less, right: {job: copy, metric: costUSD}}")
        let none = try #require(try f.player.evaluate([missing]).first)
        #expect(none.actual == "(no run)")
        #expect(!none.passed)
    }

    @Test func numbersAreGrouped() {
        #expect(LabCheckSpec.number(4512) == "4,512")
        #expect(LabCheckSpec.number(0.0073) == "0.0073")
        #expect(LabCheckSpec.number(12.5) == "12.5")
    }

    @Test func rowsDistinctNullsAndBookmarkAbsent() throws {
        var f = try LabFixture("ops-lab")
        try f.play(until: "rerun")
        let checks = f.step("rerun").checks
        #expect(texts(try f.player.evaluate([checks[2], checks[3]])) == [
            "FAIL copy bookmark entry 'events': absent / present",
            "FAIL records under s3://out/events/: 6 / 3",
            "ok distinct values of user under s3://out/events/: 2 / 2",
            "FAIL null values of amount under s3://out/events/: 2 / 1",
        ])
    }

    @Test func jdbcRowsAreComparedAsText() throws {
        var f = try LabFixture("ops-lab")
        let check = f.step("jdbc").checks[0]
        #expect(texts(try f.player.evaluate([check])) == ["FAIL shop: SELECT id, name FROM t ORDER BY id: 1|a\n2|NULL / 1|a"])
        try f.player.play(f.step("jdbc").solution)
        #expect(try f.player.evaluate([check]).allSatisfy(\.passed))
    }

    @Test func jobAndCrawlerChecks() throws {
        let f = try LabFixture("ops-lab")
        #expect(texts(try f.player.evaluate(f.step("resize").checks)) == [
            "ok job copy type: glueetl / glueetl",
            "FAIL job copy worker type: G.2X / G.1X",
            "ok job copy number of workers: 2 / 2",
            "FAIL job copy execution class: STANDARD / FLEX",
            "ok job copy MaxConcurrentRuns: 2 / 2",
            "FAIL job copy argument --job-bookmark-option: job-bookmark-disable / job-bookmark-enable",
        ])
        #expect(texts(try f.player.evaluate([f.step("crawl").checks[0], try LabFixture.check("crawlerRun: {name: raw-crawler}"),
                                              try LabFixture.check("job: {name: nope}")])) == [
            "FAIL crawler raw-crawler last crawl tables created: 1 / (no crawl)",
            "FAIL crawler raw-crawler last crawl: SUCCEEDED / (no crawl)",
            "FAIL job nope: present / absent",
        ])
    }

    @Test func topicAndCheckpointChecks() throws {
        var f = try LabFixture("stream-lab")
        let checks = [try LabFixture.check("topic: {name: clicks, messages: 4}"), try LabFixture.check("topic: {name: nope, messages: 0}"),
                      try LabFixture.check("checkpoint: {location: 's3://checkpoints/clicks', batches: 0, offsets: '0:0'}")]
        #expect(texts(try f.player.evaluate(checks)) == [
            "ok messages in topic clicks: 4 / 4",
            "FAIL messages in topic nope: 0 / (no topic)",
            "FAIL committed batches in s3://checkpoints/clicks/: 0 / 0".replacingOccurrences(of: "FAIL", with: "ok"),
            "FAIL committed offsets in s3://checkpoints/clicks/: 0:0 / (no committed batch)",
        ])
        try f.player.play(f.step("two-batches").solution)
        try f.player.play(f.step("resume").solution)
        // The partitions' end offsets after all five messages.
        let info = try f.box.topics.info("clicks")
        let ends = info.partitions.map { "\($0.partition):\($0.endOffset)" }.joined(separator: ",")
        let done = try f.player.evaluate([try LabFixture.check("checkpoint: {location: 's3://checkpoints/clicks/', batches: 4, offsets: '\(ends)'}")])
        #expect(done.allSatisfy { $0.passed }, "\(done)")
    }
}
