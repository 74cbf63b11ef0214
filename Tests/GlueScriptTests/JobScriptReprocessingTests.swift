import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// "Why does my job reprocess data with bookmarks enabled?" (fact sheet §4.7), lived through
/// scripts: each cause, with what every run read and wrote, and the bookmark entry it left.
///
/// Every scenario starts at 10:00 with `a.json` (orders 1, 2, modified 09:00); an hour passes
/// between runs, and new objects land in between.
@Suite("Job scripts: reprocessing causes")
struct JobScriptReprocessingTests {
    /// A lab with `a.json` in place.
    func lab() throws -> ScriptLab {
        let lab = try ScriptLab()
        try lab.order("a", ids: [1, 2], at: ScriptLab.time("2024-01-01T09:00:00Z"))
        return lab
    }

    /// An hour passes, then `name.json` lands holding `ids`.
    func later(_ lab: ScriptLab, _ name: String, ids: [Int]) throws {
        try lab.pass(minutes: 30)
        try lab.order(name, ids: ids)
        try lab.pass(minutes: 30)
    }

    /// The order ids in the job's output, sorted (duplicates kept).
    func written(_ lab: ScriptLab) throws -> [Int64] {
        try lab.frame("s3://curated/orders/", format: .json).records.compactMap { $0["order_id"].integerValue }.sorted()
    }

    @Test func bookmarksEnabledAndWorkingReadOnlyTheNewObject() throws {
        let lab = try lab()
        let first = try lab.runFixture(incremental, arguments: incrementalArgs)
        try later(lab, "b", ids: [3])
        let second = try lab.runFixture(incremental, arguments: incrementalArgs)

        #expect(first.read == ["a.json"])
        #expect(first.output == ["read 2 orders"])
        #expect(second.read == ["b.json"])
        #expect(second.output == ["read 1 orders"])
        #expect(second.record.sources.map(\.bookmarkPlan) == ["incremental"])
        #expect(try written(lab) == [1, 2, 3])
        let entry = try #require(second.bookmark)
        #expect((entry.version, entry.run, entry.attempt) == (2, 2, 1))
        #expect(entry.runId == second.runId)
        #expect(entry.previousRunId == first.runId)
        #expect(try lab.bookmarks.entry(jobName: "nightly") == entry)
    }

    @Test func missingJobCommitRereadsEverythingNextRun() throws {
        let lab = try lab()
        let first = try lab.runFixture("incremental_orders_no_commit.py", arguments: incrementalArgs)
        try later(lab, "b", ids: [3])
        let second = try lab.runFixture("incremental_orders_no_commit.py", arguments: incrementalArgs)

        #expect(first.status == .succeeded)
        #expect(first.record.committed == false)
        #expect(first.read == ["a.json"])
        #expect(second.read == ["a.json", "b.json"])
        #expect(try written(lab) == [1, 1, 2, 2, 3])  // orders 1 and 2 written twice
        #expect(second.bookmark?.version == 0)
        #expect(second.bookmark?.jobBookmark == "{}")
        // Succeeding without job.commit() is not a failed attempt: the bookmark is untouched.
        #expect(second.record.attempt == 1)
    }

    @Test func missingTransformationCtxAlwaysReadsAll() throws {
        let lab = try lab()
        var reads: [[String]] = []
        for name in ["b", "c"] {
            reads.append(try lab.runFixture("incremental_orders_no_ctx.py", arguments: incrementalArgs).read)
            try later(lab, name, ids: [name == "b" ? 3 : 4])
        }
        let third = try lab.runFixture("incremental_orders_no_ctx.py", arguments: incrementalArgs)
        reads.append(third.read)

        #expect(reads == [["a.json"], ["a.json", "b.json"], ["a.json", "b.json", "c.json"]])
        #expect(third.record.sources.map(\.bookmarkPlan) == ["untracked"])
        #expect(try written(lab) == [1, 1, 1, 2, 2, 2, 3, 3, 4])
        // The commits went through, but there was nothing to track.
        let entry = try #require(third.bookmark)
        #expect((entry.version, entry.run) == (3, 3))
        #expect(entry.jobBookmark == "{}")
    }

    @Test func pauseReadsTheSameDeltaEveryRunAndNeverSaves() throws {
        let lab = try lab()
        let first = try lab.runFixture(incremental, arguments: incrementalArgs)
        try later(lab, "b", ids: [3])
        let paused = try (0..<2).map { _ in
            let r = try lab.runFixture(incremental, option: .pause, arguments: incrementalArgs)
            try lab.pass(minutes: 60)
            return r
        }
        let resumed = try lab.runFixture(incremental, arguments: incrementalArgs)

        #expect(paused.map(\.read) == [["b.json"], ["b.json"]])
        for run in paused {
            #expect(run.status == .succeeded && run.record.committed)
            #expect(run.bookmark?.version == 1)
            #expect(run.bookmark?.runId == first.runId)
        }
        // Back on enable, the delta is still new: paused runs saved nothing.
        #expect(resumed.read == ["b.json"])
        #expect(resumed.bookmark?.previousRunId == first.runId)
        #expect(try written(lab) == [1, 2, 3, 3, 3])
    }

    @Test func renamedTransformationCtxStartsFresh() throws {
        let lab = try lab()
        _ = try lab.runFixture(incremental, arguments: incrementalArgs)
        try later(lab, "b", ids: [3])
        let renamed = try fixture(incremental).replacingOccurrences(of: "transformation_ctx=\"orders\"", with: "transformation_ctx=\"orders_v2\"")
        let second = try lab.run(renamed, arguments: incrementalArgs)

        #expect(second.read == ["a.json", "b.json"])
        #expect(second.record.sources.first?.transformationContext == "orders_v2")
        // The old ctx's state stays in the bookmark, unused.
        let json = try #require(second.bookmark?.jobBookmark)
        #expect(json.contains("\"orders\"") && json.contains("\"orders_v2\""))
    }

    @Test func changedSourcePathStartsFresh() throws {
        let lab = try lab()
        _ = try lab.runFixture(incremental, arguments: incrementalArgs)
        try later(lab, "b", ids: [3])
        var moved = incrementalArgs
        moved["input_path"] = "s3://raw/"
        let second = try lab.runFixture(incremental, arguments: moved)
        #expect(second.read == ["a.json", "b.json"])
        #expect(second.bookmark?.jobBookmark.contains("\"pathSignature\":\"s3://raw/\"") == true)
    }

    @Test func resetReadsAllAgain() throws {
        let lab = try lab()
        _ = try lab.runFixture(incremental, arguments: incrementalArgs)
        try later(lab, "b", ids: [3])
        _ = try lab.runFixture(incremental, arguments: incrementalArgs)
        let reset = try lab.bookmarks.reset(jobName: "nightly")
        try lab.pass(minutes: 60)
        let third = try lab.runFixture(incremental, arguments: incrementalArgs)

        #expect((reset.before.version, reset.before.run) == (2, 2))
        #expect((reset.after.version, reset.after.run, reset.after.jobBookmark) == (3, 0, "{}"))
        #expect(third.read == ["a.json", "b.json"])
        #expect((third.bookmark?.version, third.bookmark?.run) == (4, 1))
        // The target is not cleaned: everything is written a second time.
        #expect(try written(lab) == [1, 1, 2, 2, 3, 3])
    }

    @Test func rewindToARunReadsWhatCameAfterIt() throws {
        let lab = try lab()
        let first = try lab.runFixture(incremental, arguments: incrementalArgs)
        try later(lab, "b", ids: [3])
        _ = try lab.runFixture(incremental, arguments: incrementalArgs)
        try later(lab, "c", ids: [4])
        _ = try lab.runFixture(incremental, arguments: incrementalArgs)
        let rewind = try lab.bookmarks.reset(jobName: "nightly", runId: first.runId)
        try lab.pass(minutes: 60)
        let fourth = try lab.runFixture(incremental, arguments: incrementalArgs)

        #expect(rewind.rewoundTo == first.runId)
        #expect((rewind.after.version, rewind.after.run, rewind.after.runId) == (4, 1, first.runId))
        #expect(fourth.read == ["b.json", "c.json"])
        #expect(fourth.bookmark?.previousRunId == first.runId)
    }

    @Test func deletedAndRecreatedJobLosesItsBookmark() throws {
        let lab = try lab()
        let definition = JobDefinition(name: "nightly", command: JobCommand(scriptLocation: "s3://scripts/incremental_orders.py"),
                                       defaultArguments: ["--job-bookmark-option": "job-bookmark-enable"])
        let created = try lab.jobs.create(definition)
        _ = try lab.runFixture(incremental, arguments: incrementalArgs, definition: created)
        try later(lab, "b", ids: [3])
        let deletion = try lab.jobs.delete("nightly")
        let recreated = try lab.jobs.create(definition)
        let second = try lab.runFixture(incremental, arguments: incrementalArgs, definition: recreated)

        #expect(deletion.bookmarkDeleted)
        #expect(deletion.snapshotsDeleted == 1)
        #expect(second.read == ["a.json", "b.json"])
        #expect((second.bookmark?.version, second.bookmark?.run, second.bookmark?.previousRunId) == (1, 1, nil))
    }

    @Test func runFailingBeforeCommitLeavesTheBookmarkAndCountsTheAttempt() throws {
        let lab = try lab()
        let broken = try fixture(incremental).replacingOccurrences(
            of: "job.commit()", with: "print(args[\"report_path\"])  # a bug after the write\njob.commit()")
        let failed = try lab.run(broken, file: "incremental_orders.py", arguments: incrementalArgs)
        try later(lab, "b", ids: [3])
        let fixed = try lab.runFixture(incremental, arguments: incrementalArgs)

        #expect(failed.status == .failed)
        #expect(failed.record.errorMessage == "incremental_orders.py:30:7: KeyError: 'report_path'")
        #expect(failed.read == ["a.json"])
        #expect((failed.bookmark?.version, failed.bookmark?.run, failed.bookmark?.jobBookmark) == (0, 0, "{}"))
        #expect(failed.record.attempt == 1)

        #expect(fixed.read == ["a.json", "b.json"])
        #expect(fixed.record.attempt == 2)
        let entry = try #require(fixed.bookmark)
        #expect((entry.version, entry.run, entry.attempt) == (1, 1, 2))
        // The failed run's write stayed: orders 1 and 2 are duplicated.
        #expect(try written(lab) == [1, 1, 2, 2, 3])
    }

    @Test func objectOverwrittenUnderTheSameKeyIsReadAgainInFull() throws {
        let lab = try lab()
        let first = try lab.runFixture(incremental, arguments: incrementalArgs)
        try lab.pass(minutes: 30)
        try lab.order("a", ids: [1, 2, 5])  // same key, newer last-modified
        try lab.pass(minutes: 30)
        let second = try lab.runFixture(incremental, arguments: incrementalArgs)

        #expect(first.read == ["a.json"])
        // AWS docs: last-modified time, not file names (DESIGN.md) — the exam-dump claim is wrong.
        #expect(second.read == ["a.json"])
        #expect(second.recordsRead == 3)
        #expect(try written(lab) == [1, 1, 2, 2, 5])
    }
}
