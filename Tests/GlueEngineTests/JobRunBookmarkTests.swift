import Foundation
import Testing
@testable import GlueEngine

/// Every bookmark rule of the fact sheet §4, through `JobRun` and the stores.
@Suite struct JobRunBookmarkTests {
    @Test func enableReadsOnlyNewObjectsAndAdvancesAtCommit() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            try f.put("data/b.json", at: "2024-01-01T09:10:00Z")
            let first = try f.run()
            #expect(first.keys == ["data/a.json", "data/b.json"])
            try f.pass(minutes: 60)
            try f.put("data/c.json")
            let second = try f.run()
            #expect(second.keys == ["data/c.json"])
            let third = try f.run()
            #expect(third.keys.isEmpty, "nothing new")
            #expect(third.record.sources.first?.bookmarkPlan == "incremental")
        }
    }

    @Test func aRunWithoutCommitLeavesTheBookmarkSoTheNextRunReadsAgain() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let uncommitted = try f.run(commit: false)
            #expect(uncommitted.keys == ["data/a.json"])
            #expect(uncommitted.record.status == .succeeded && !uncommitted.record.committed)
            #expect(try f.bookmarks.current(jobName: "nightly").version == 0)
            let next = try f.run()
            #expect(next.keys == ["data/a.json"], "the state did not move, so the same object is read again")
            #expect(try f.bookmarks.current(jobName: "nightly").version == 1)
        }
    }

    @Test func aRunFailingBeforeCommitReReadsOnTheNextRun() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let failed = try f.run(commit: false, fail: true)
            #expect(failed.record.status == .failed)
            try f.pass(minutes: 5)
            try f.put("data/b.json")
            #expect(try f.run().keys == ["data/a.json", "data/b.json"], "same files plus the new ones: duplicated output")
        }
    }

    @Test func disableReadsEverythingAndSavesNothing() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            _ = try f.run(option: .disable)
            let again = try f.run(option: nil)  // no option: disable is the default
            #expect(again.keys == ["data/a.json"])
            #expect(again.record.sources.first?.bookmarkPlan == "full")
            let bookmark = try f.bookmarks.current(jobName: "nightly")
            #expect(bookmark.version == 0 && bookmark.run == 0 && bookmark.entries.isEmpty)
        }
    }

    @Test func pauseReadsTheDeltaAndNeverSaves() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            _ = try f.run()
            try f.pass(minutes: 60)
            try f.put("data/b.json")
            let before = try f.bookmarks.current(jobName: "nightly")
            #expect(try f.run(option: .pause).keys == ["data/b.json"])
            #expect(try f.run(option: .pause).keys == ["data/b.json"], "every paused run sees the same delta")
            #expect(try f.bookmarks.current(jobName: "nightly") == before)
            #expect(try f.run().keys == ["data/b.json"], "enable picks up where the last commit left")
        }
    }

    @Test func pauseFromToReadsWhatTheRunsInBetweenRead() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let r1 = try f.run()
            try f.pass(minutes: 60)
            try f.put("data/b.json")
            let r2 = try f.run()
            try f.pass(minutes: 60)
            try f.put("data/c.json")
            let r3 = try f.run()
            #expect([r1.keys, r2.keys, r3.keys] == [["data/a.json"], ["data/b.json"], ["data/c.json"]])
            let ranged = try f.run(option: .pause, arguments: ["job-bookmark-from": r1.record.runId, "job-bookmark-to": r3.record.runId])
            #expect(ranged.keys == ["data/b.json", "data/c.json"], "after from, up to and including to")
            #expect(ranged.record.sources.first?.bookmarkPlan == "range")
            #expect(throws: EngineError.self) {
                try f.run(option: .pause, arguments: ["job-bookmark-from": r1.record.runId, "job-bookmark-to": "jr_nope"])
            }
        }
    }

    @Test func resetMakesTheNextRunReadEverything() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let first = try f.run()
            let reset = try f.bookmarks.reset(jobName: "nightly")
            #expect(reset.before.version == 1 && reset.after.version == 2 && reset.after.run == 0)
            #expect(reset.after.jobBookmark == "{}")
            let again = try f.run()
            #expect(again.keys == ["data/a.json"])
            #expect(first.record.runId != again.record.runId)
        }
    }

    @Test func rewindGoesBackToTheStateAfterARun() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let r1 = try f.run()
            try f.pass(minutes: 60)
            try f.put("data/b.json")
            _ = try f.run()
            let rewind = try f.bookmarks.reset(jobName: "nightly", runId: r1.record.runId)
            #expect(rewind.rewoundTo == r1.record.runId && rewind.after.runId == r1.record.runId)
            #expect(rewind.after.version == 3, "two commits and the rewind")
            try f.pass(minutes: 60)
            try f.put("data/c.json")
            #expect(try f.run().keys == ["data/b.json", "data/c.json"])
            #expect(throws: EngineError.self) { try f.bookmarks.reset(jobName: "nightly", runId: "jr_unknown") }
        }
    }

    @Test func aSourceWithoutCtxIsUntracked() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            _ = try f.run(ctx: nil)
            let again = try f.run(ctx: nil)
            #expect(again.keys == ["data/a.json"])
            #expect(again.record.sources.first?.bookmarkPlan == "untracked")
            #expect(try f.bookmarks.current(jobName: "nightly").entries.isEmpty)
        }
    }

    @Test func beforeJobInitEverySourceIsUntracked() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            _ = try f.run()
            let noInit = try f.run(initJob: false)
            #expect(noInit.keys == ["data/a.json"])
            #expect(noInit.record.sources.first?.bookmarkPlan == "untracked")
            #expect(try f.bookmarks.current(jobName: "nightly").run == 1, "commit without job.init saves nothing")
        }
    }

    @Test func renamedCtxOrChangedPathStartsFresh() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            try f.put("other/x.json", at: "2024-01-01T09:00:00Z")
            _ = try f.run()
            #expect(try f.run(ctx: "renamed").keys == ["data/a.json"], "a new ctx has no state")
            #expect(try f.run(ctx: "source", paths: ["s3://input/data/", "s3://input/other/"]).keys == ["data/a.json", "other/x.json"],
                    "another path list invalidates the ctx's state")
        }
    }

    @Test func deletingAJobDeletesItsBookmark() throws {
        try RunFixture.with { f in
            let definition = try f.jobs.create(JobDefinition(name: "nightly", command: JobCommand(scriptLocation: "job.py")))
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            _ = try f.run(definition: definition)
            #expect(try f.bookmarks.history(jobName: "nightly").count == 1)
            let deletion = try f.jobs.delete("nightly")
            #expect(deletion.bookmarkDeleted && deletion.snapshotsDeleted == 1)
            #expect(try f.bookmarks.current(jobName: "nightly").version == 0)
            #expect(try f.runs.list(jobName: "nightly").count == 1, "run history stays")
            _ = try f.jobs.create(JobDefinition(name: "nightly", command: JobCommand(scriptLocation: "job.py")))
            #expect(try f.run().keys == ["data/a.json"], "a recreated job starts without a bookmark")
        }
    }

    @Test func anOverwrittenObjectIsReadAgain() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            _ = try f.run()
            try f.pass(minutes: 60)
            try f.put("data/a.json")  // same key, new last-modified
            #expect(try f.run().keys == ["data/a.json"], "AWS: last-modified time, not file names")
        }
    }

    @Test func aLateObjectInsideTheBandIsPickedUpAnOlderOneIsMissed() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            try f.put("data/b.json", at: "2024-01-01T09:50:00Z")
            _ = try f.run()  // at 10:00
            try f.pass(minutes: 30)
            try f.put("data/c.json", at: "2024-01-01T10:20:00Z")
            try f.put("data/d.json", at: "2024-01-01T09:55:00Z")  // late, inside the 15-minute band
            try f.put("data/e.json", at: "2024-01-01T09:30:00Z")  // late, older than the band
            #expect(try f.run().keys == ["data/c.json", "data/d.json"])
            #expect(try f.run(option: .disable).keys.contains("data/e.json"), "e exists; only the bookmark misses it")
        }
    }

    @Test func maxFilesInBandDefersTheRestToTheNextRun() throws {
        try RunFixture.with { f in
            for i in 1...3 { try f.put("data/\(i).json", at: "2024-01-01T09:5\(i):00Z") }
            let first = try f.run(ctx: "source", options: ["maxFilesInBand": .long(2)])
            #expect(first.keys == ["data/1.json", "data/2.json"] && first.record.sources[0].objectsLeft == 1)
            try f.pass(minutes: 1)
            #expect(try f.run(ctx: "source", options: ["maxFilesInBand": .long(2)]).keys == ["data/3.json"])
        }
    }
}
