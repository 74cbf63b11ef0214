import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// The S3 bookmark's band (`maxBand`, `maxFilesInBand`), paused runs over a from/to range, and
/// concurrent runs, through the incremental job script.
@Suite("Job scripts: band, pause range, concurrency")
struct JobScriptBandTests {
    static let t0 = ScriptLab.time("2024-01-01T10:00:00Z")
    static let minute: Int64 = 60_000_000

    /// The incremental script with extra S3 `connection_options` (Python literal text).
    func script(options: String) throws -> String {
        try fixture(incremental).replacingOccurrences(of: "\"recurse\": True}", with: "\"recurse\": True, \(options)}")
    }

    /// Run 1 at 10:00 reads `a` (09:00); then two objects show up late, listed only now:
    /// `late` modified 09:55 (inside the 15-minute band before run 1) and `stale` modified 09:30
    /// (older than the band). Run 2 happens at 11:00.
    func lateArrivals(_ lab: ScriptLab, source: String) throws -> (ScriptLab.Result, ScriptLab.Result) {
        try lab.order("a", ids: [1], at: Self.t0 - 60 * Self.minute)
        let first = try lab.run(source, arguments: incrementalArgs)
        try lab.pass(minutes: 20)
        try lab.order("late", ids: [2], at: Self.t0 - 5 * Self.minute)
        try lab.order("stale", ids: [3], at: Self.t0 - 30 * Self.minute)
        try lab.pass(minutes: 40)
        let second = try lab.run(source, arguments: incrementalArgs)
        return (first, second)
    }

    @Test func lateObjectInsideTheBandIsPickedUpOneOlderIsMissed() throws {
        let lab = try ScriptLab()
        let (first, second) = try lateArrivals(lab, source: try fixture(incremental))
        #expect(first.read == ["a.json"])
        #expect(second.read == ["late.json"])
        // stale.json is missed for good: a third run does not read it either.
        try lab.pass(minutes: 60)
        #expect(try lab.runFixture(incremental, arguments: incrementalArgs).read == [])
        #expect(try lab.keys("s3://raw/orders/") == ["a.json", "late.json", "stale.json"])
    }

    @Test func aWiderMaxBandCatchesTheOlderLateObject() throws {
        let lab = try ScriptLab()
        let (_, second) = try lateArrivals(lab, source: try script(options: "\"maxBand\": \"3600000\""))
        #expect(second.read == ["stale.json", "late.json"])  // oldest first
    }

    @Test func maxFilesInBandDefersTheRestToTheNextRun() throws {
        let lab = try ScriptLab()
        for (i, name) in ["p", "q", "r"].enumerated() {
            try lab.order(name, ids: [i], at: Self.t0 - Int64(10 - 2 * i) * Self.minute)
        }
        let source = try script(options: "\"maxFilesInBand\": 2")
        let first = try lab.run(source, arguments: incrementalArgs)
        try lab.pass(minutes: 60)
        let second = try lab.run(source, arguments: incrementalArgs)

        #expect(first.read == ["p.json", "q.json"])
        #expect(first.record.sources.first?.objectsLeft == 1)
        #expect(second.read == ["r.json"])
        #expect(second.record.sources.first?.objectsLeft == 0)
    }

    /// Three enabled runs, each reading one new object: `a`, then `b`, then `c`.
    func threeRuns(_ lab: ScriptLab) throws -> [ScriptLab.Result] {
        try ["a", "b", "c"].enumerated().map { i, name in
            try lab.order(name, ids: [i + 1])
            try lab.pass(minutes: 60)
            return try lab.runFixture(incremental, arguments: incrementalArgs)
        }
    }

    @Test func pauseWithFromAndToReadsExactlyTheRangeBetweenTwoRuns() throws {
        let lab = try ScriptLab()
        let runs = try threeRuns(lab)
        #expect(runs.map(\.read) == [["a.json"], ["b.json"], ["c.json"]])
        try lab.order("d", ids: [4])
        try lab.pass(minutes: 60)

        func paused(from: Int, to: Int) throws -> ScriptLab.Result {
            try lab.runFixture(incremental, option: .pause, arguments: incrementalArgs.merging([
                "job-bookmark-from": runs[from].runId, "job-bookmark-to": runs[to].runId,
            ]) { a, _ in a })
        }
        let oneToThree = try paused(from: 0, to: 2)
        let oneToTwo = try paused(from: 0, to: 1)
        #expect(oneToThree.read == ["b.json", "c.json"])
        #expect(oneToThree.record.sources.map(\.bookmarkPlan) == ["range"])
        #expect(oneToTwo.read == ["b.json"])
        // The state is not updated: the next enabled run reads only d.
        #expect(oneToTwo.bookmark?.version == 3)
        #expect(try lab.runFixture(incremental, arguments: incrementalArgs).read == ["d.json"])
    }

    @Test func fromWithoutToAndToWithoutFromAreRefused() throws {
        let lab = try ScriptLab()
        let runs = try threeRuns(lab)
        let id = runs[0].runId
        for (given, missing) in [("job-bookmark-from", "job-bookmark-to"), ("job-bookmark-to", "job-bookmark-from")] {
            let error = #expect(throws: EngineError.self) {
                try lab.runFixture(incremental, option: .pause, arguments: incrementalArgs.merging([given: id]) { a, _ in a })
            }
            #expect(error?.description == "invalid option \(given)=\"\(id)\": --\(missing) must be given too (both or neither)")
        }
        let withEnable = #expect(throws: EngineError.self) {
            try lab.runFixture(incremental, arguments: incrementalArgs.merging([
                "job-bookmark-from": id, "job-bookmark-to": runs[1].runId,
            ]) { a, _ in a })
        }
        #expect(withEnable?.description.hasSuffix("apply only with job-bookmark-pause, not job-bookmark-enable") == true)
    }

    @Test func aRangeNamingAnUnknownRunFailsAtJobInit() throws {
        let lab = try ScriptLab()
        let runs = try threeRuns(lab)
        let result = try lab.runFixture(incremental, option: .pause, arguments: incrementalArgs.merging([
            "job-bookmark-from": "jr_nope", "job-bookmark-to": runs[1].runId,
        ]) { a, _ in a })
        #expect(result.status == .failed)
        #expect(result.record.errorMessage?.hasPrefix("incremental_orders.py:12:1: not found: bookmark of run jr_nope of job nightly") == true)
        #expect(result.read == [])
    }

    @Test func twoOverlappingRunsBothReadTheSameDelta() throws {
        let lab = try ScriptLab()
        let job = try lab.jobs.create(JobDefinition(name: "nightly", command: JobCommand(scriptLocation: "s3://scripts/j.py"),
                                                    maxConcurrentRuns: 2))
        try lab.order("a", ids: [1], at: Self.t0 - 60 * Self.minute)
        let first = try lab.runFixture(incremental, arguments: incrementalArgs, definition: job)
        try lab.pass(minutes: 30)
        try lab.order("b", ids: [2])
        try lab.pass(minutes: 30)

        // Interleaved: start A, start B, both init, both read, both commit.
        let runA = try lab.start(definition: job)
        try lab.pass(minutes: 1)
        let runB = try lab.start(definition: job)
        try runA.jobInit()
        try runB.jobInit()
        let options: [String: Value] = ["paths": .array([.string("s3://raw/orders/")]), "recurse": .boolean(true)]
        let frameA = try runA.readS3(ctx: "orders", connectionOptions: options, format: "json", formatOptions: [:])
        let frameB = try runB.readS3(ctx: "orders", connectionOptions: options, format: "json", formatOptions: [:])
        try runA.commit()
        try runB.commit()
        let a = try runA.finish(error: nil)
        let b = try runB.finish(error: nil)

        #expect(first.read == ["a.json"])
        #expect(a.sources.flatMap(\.objects) == ["s3://raw/orders/b.json"])
        #expect(b.sources.flatMap(\.objects) == ["s3://raw/orders/b.json"])
        #expect(frameA.count() == 1 && frameB.count() == 1)  // order 2 processed twice
        #expect((a.status, b.status) == (.succeeded, .succeeded))
        // B's commit came last and replaced A's state.
        let entry = try lab.bookmarks.entry(jobName: "nightly")
        #expect((entry.version, entry.run, entry.runId, entry.previousRunId) == (3, 3, b.runId, a.runId))
    }

    @Test func maxConcurrentRunsOneRefusesTheSecondStart() throws {
        let lab = try ScriptLab()
        try lab.order("a", ids: [1])
        let job = try lab.jobs.create(JobDefinition(name: "nightly", command: JobCommand(scriptLocation: "s3://scripts/j.py")))
        let running = try lab.start(definition: job)
        let error = #expect(throws: EngineError.self) {
            try lab.runFixture(incremental, arguments: incrementalArgs, definition: job)
        }
        #expect(error?.description
            == "ConcurrentRunsExceededException: Concurrent runs exceeded for nightly: 1 running, MaxConcurrentRuns is 1")
        try running.finish(error: nil)
        #expect(try lab.runFixture(incremental, arguments: incrementalArgs, definition: job).read == ["a.json"])
    }
}
