import Foundation
import Testing

/// Crash safety of `gluelab run`, tested by killing real runs of `Golden/kill_orders.py`
/// (S3 CSV → Parquet partitioned + JSON, bookmark enabled) with SIGKILL.
@Suite struct RunKillTests {
    /// What a kill at a crash point (`GLUELAB_CRASH_AT`) leaves: how many of the two sinks the
    /// killed run published (parquet first, then json), and whether it committed its bookmark.
    struct Point: CustomTestStringConvertible, Sendable {
        var name: String
        var published: Int
        var committed: Bool
        var testDescription: String { name }
    }

    static let points: [Point] = [
        Point(name: "run-started", published: 0, committed: false),
        Point(name: "sink-staged", published: 0, committed: false),
        Point(name: "sink-staged:2", published: 1, committed: false),
        Point(name: "sink-renamed", published: 0, committed: false),
        Point(name: "sink-renamed:2", published: 1, committed: false),
        Point(name: "sink-published", published: 1, committed: false),
        Point(name: "sink-published:2", published: 2, committed: false),
        Point(name: "commit-before", published: 2, committed: false),
        Point(name: "commit-in-transaction", published: 2, committed: false),
        Point(name: "commit-done", published: 2, committed: true),
        Point(name: "finish-before", published: 2, committed: true),
    ]

    static let baselineFiles: [(name: String, rows: [(Int, String)])] = [
        ("a.csv", [(1, "fr"), (2, "de"), (3, "fr")]),
        ("b.csv", [(4, "it"), (5, "de")]),
    ]
    static let newFile: (name: String, rows: [(Int, String)]) = ("c.csv", [(6, "fr"), (7, "es"), (8, "es")])

    @Test(arguments: points)
    func killAtCrashPoint(_ point: Point) throws {
        let g = try GluelabProcess()
        var job = try KillJob(g)
        try job.put(Self.baselineFiles)
        _ = try g.ok(job.runArguments)
        let baselineBookmark = try job.bookmark()
        let baselineRuns = try job.checkInvariants("\(point.name) baseline")
        #expect(baselineRuns.count == 1 && baselineBookmark.int("Version") == 1)

        try job.put([Self.newFile])
        let (killed, result) = try g.run(job.runArguments, environment: ["GLUELAB_CRASH_AT": point.name])
        #expect(killed, "\(point.name): the run was not killed by SIGKILL: status \(result.status), \(result.stderr)")

        let runs = try job.checkInvariants(point.name)
        try #require(runs.count == 2)
        let dead = runs[0]
        #expect(dead.string("status") == "FAILED")
        #expect(dead.string("errorMessage") == "the gluelab process ended without finishing the run")
        #expect(dead.bool("committed") == point.committed)
        #expect(dead.objects("sinks").map { $0.string("transformationContext") ?? "" }
                    == Array(KillJob.sinks.prefix(point.published).map(\.ctx)))
        let bookmark = try job.bookmark()
        if point.committed {
            #expect(bookmark.string("RunId") == dead.string("runId") && bookmark.int("Version") == 2)
        } else {
            #expect(KillJob.sameBookmark(bookmark, baselineBookmark), "\(point.name): bookmark moved: \(bookmark)")
        }

        // The next run reads exactly what the bookmark says is new: c.csv again unless the killed
        // run committed it.
        let rerun = try g.jsonLines(job.runArguments)[0]
        #expect(rerun.string("status") == "SUCCEEDED")
        let readAgain = rerun.objects("sources").flatMap { $0.strings("objects") }
        #expect(readAgain == (point.committed ? [] : ["s3://raw/orders/c.csv"]))
        let after = try job.checkInvariants("\(point.name) rerun")
        #expect(job.readByCommittedRuns(after, context: point.name) == ["s3://raw/orders/a.csv", "s3://raw/orders/b.csv", "s3://raw/orders/c.csv"])

        // Glue's at-least-once rule: a sink that completed before a kill prior to job.commit()
        // stays (S3 writes are not undone), and the rerun writes the same rows again — so those
        // rows are there twice. Sinks not completed before the kill, and every sink of a run
        // that committed, hold each row once.
        for (i, sink) in KillJob.sinks.enumerated() {
            let copies = !point.committed && i < point.published ? 2 : 1
            let rows = try g.jsonLines(["frame", "count", sink.prefix, "--format", sink.format])[0].int("count")
            #expect(rows == 5 + 3 * copies, "\(point.name): \(sink.ctx) holds \(rows ?? -1) rows")
        }
    }

    /// SIGKILL at random instants of runs over 20 objects (5 000 rows each) arriving a few at a
    /// time; the invariants hold after each kill, and in the end every input object was read by
    /// exactly one committed run. The seed is printed with every failure; set
    /// `GLUELAB_KILL_SEED` to replay it.
    @Test func killAtRandomTimes() throws {
        let seed = UInt64(ProcessInfo.processInfo.environment["GLUELAB_KILL_SEED"] ?? "") ?? UInt64.random(in: 1...UInt64.max)
        var rng = SplitMix64(seed: seed)
        let g = try GluelabProcess()
        var job = try KillJob(g)
        let countries = ["fr", "de", "it", "es"]
        func files(_ range: Range<Int>) -> [(name: String, rows: [(Int, String)])] {
            range.map { f in (String(format: "part-%02d.csv", f), (0..<5_000).map { i in (f * 5_000 + i, countries[(f + i) % 4]) }) }
        }
        try job.put(files(0..<5))
        let started = Date()
        _ = try g.ok(job.runArguments)
        let perFile = Date().timeIntervalSince(started) / 5
        var runs = try job.checkInvariants("seed \(seed) baseline")

        var outcomes: [String] = []
        for attempt in 1...5 {
            try job.put(files((2 + attempt * 3)..<(5 + attempt * 3)))
            let before = runs
            let committedBefore = job.readByCommittedRuns(before, context: "seed \(seed)")
            let pending = 5 + attempt * 3 - committedBefore.count
            // Anywhere in a run over the pending files, now and then just after it ended.
            let delay = Double.random(in: 0...(perFile * Double(pending) * 1.2), using: &rng)
            let context = "seed \(seed) (GLUELAB_KILL_SEED), kill \(attempt) after \(String(format: "%.3f", delay)) s (\(pending) files of \(String(format: "%.2f", perFile)) s)"
            let process = try g.launch(job.runArguments)
            Thread.sleep(forTimeInterval: delay)
            process.kill()
            let (killed, result) = process.wait()
            #expect(killed || result.status == 0, "\(context): \(result.stderr)")
            runs = try job.checkInvariants(context)
            guard runs.count > before.count else {
                outcomes.append("killed before its run started")
                continue
            }
            let run = runs[0]
            outcomes.append("\(run.string("status") ?? "?") after \(run.objects("sinks").count) sinks\(run.bool("committed") == true ? ", committed" : "")")
            #expect(run.string("status") == "SUCCEEDED" || run.string("errorMessage") == "the gluelab process ended without finishing the run",
                    "\(context): \(run)")
            // What the run read (if it got that far) is exactly what was new for the bookmark.
            if !run.objects("sources").isEmpty {
                let read = Set(run.objects("sources").flatMap { $0.strings("objects") })
                #expect(read.isDisjoint(with: committedBefore), "\(context): read again \(read.intersection(committedBefore))")
                #expect(read.count == pending, "\(context): read \(read.count) objects of \(pending) new")
            }
        }
        let last = try g.jsonLines(job.runArguments)[0]
        #expect(last.string("status") == "SUCCEEDED")
        runs = try job.checkInvariants("seed \(seed) final run, after kills: \(outcomes)")
        let all = Set(files(0..<20).map { "s3://raw/orders/\($0.name)" })
        #expect(job.readByCommittedRuns(runs, context: "seed \(seed)") == all, "seed \(seed): not every input was read once (\(outcomes))")
        // Every row reached each sink through exactly one committed run; runs killed before their
        // commit may have added copies (Glue's at-least-once rule).
        for sink in KillJob.sinks {
            let committedRows = runs.filter { $0.bool("committed") == true }
                .flatMap { $0.objects("sinks") }.filter { $0.string("transformationContext") == sink.ctx }
                .reduce(0) { $0 + ($1.int("recordsWritten") ?? 0) }
            #expect(committedRows == 100_000, "seed \(seed): \(sink.ctx) got \(committedRows) rows from committed runs (\(outcomes))")
        }
        if ProcessInfo.processInfo.environment["GLUELAB_KILL_VERBOSE"] != nil { print("seed \(seed): \(outcomes)") }
    }
}

/// A small seeded generator (SplitMix64), so a failing random kill can be replayed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
