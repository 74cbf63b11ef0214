import Foundation
import Testing
@testable import GlueEngine

private func m(_ minutes: Int64) -> Int64 { 1_700_000_000_000_000 + minutes * 60_000_000 }
private func obj(_ key: String, _ minute: Int64) -> ObjectInfo {
    ObjectInfo(bucket: "lab", key: key, size: 1, etag: key, lastModified: m(minute))
}
private let sig = S3Bookmark.pathSignature(paths: ["s3://lab/in/"])

/// A tiny job driver, as the script runner will use the API: plan, select, commit.
private struct Driver {
    var bookmark = JobBookmark(jobName: "orders")
    var history: [JobBookmark] = []
    var listing: [ObjectInfo] = []

    /// Runs once with source ctx `ctx`; returns the keys read.
    mutating func run(_ id: String, at minute: Int64, _ settings: BookmarkSettings, ctx: String? = "src",
                      commit: Bool = true) throws -> [String] {
        let plan = try bookmark.plan(ctx: ctx, settings: settings, history: history)
        var updates: [String: BookmarkEntryState] = [:]
        let read: [ObjectInfo]
        switch plan {
        case .untracked, .full:
            read = listing
        case .incremental(let state, let saves):
            let sel = try S3Bookmark.select(objects: listing, state: state?.s3, pathSignature: sig, runStart: m(minute))
            read = sel.toRead
            if saves, let ctx { updates[ctx] = .s3(sel.newState) }
        case .range(let from, let to):
            read = S3Bookmark.selectRange(objects: listing, from: from?.s3, to: to?.s3, pathSignature: sig)
        }
        if commit {
            bookmark = bookmark.committed(runId: id, option: settings.option, updates: updates)
            if settings.option == .enable { history.append(bookmark) }
        } else {
            bookmark = bookmark.failed()
        }
        return read.map(\.key)
    }
}

private let enable = BookmarkSettings(option: .enable)
private let pause = BookmarkSettings(option: .pause)

@Suite("Bookmark job")
struct BookmarkJobTests {
    @Test("option values parse as Glue's; from/to both or neither")
    func options() throws {
        #expect(try BookmarkOption(parsing: "job-bookmark-enable") == .enable)
        #expect(try BookmarkOption(parsing: "job-bookmark-pause") == .pause)
        #expect(throws: EngineError.self) { try BookmarkOption(parsing: "enable") }
        #expect(try BookmarkSettings(arguments: [:]) == BookmarkSettings(option: .disable))
        let ranged = try BookmarkSettings(arguments: [
            "job-bookmark-option": "job-bookmark-pause", "job-bookmark-from": "jr_1", "job-bookmark-to": "jr_3"])
        #expect(ranged.range == BookmarkRunRange(fromRunId: "jr_1", toRunId: "jr_3"))
        #expect(throws: EngineError.self) {
            try BookmarkSettings(arguments: ["job-bookmark-option": "job-bookmark-pause", "job-bookmark-from": "jr_1"])
        }
        #expect(throws: EngineError.self) {
            try BookmarkSettings(arguments: ["job-bookmark-option": "job-bookmark-pause", "job-bookmark-to": "jr_1"])
        }
        #expect(throws: EngineError.self) {
            try BookmarkSettings(arguments: [
                "job-bookmark-option": "job-bookmark-enable", "job-bookmark-from": "a", "job-bookmark-to": "b"])
        }
    }

    @Test("commit numbering: version and run up per commit, attempt counts failed attempts")
    func numbering() throws {
        var d = Driver()
        d.listing = [obj("a", 500)]
        #expect(try d.run("jr_1", at: 600, enable) == ["a"])
        #expect((d.bookmark.version, d.bookmark.run, d.bookmark.attempt) == (1, 1, 1))
        #expect(d.bookmark.runId == "jr_1" && d.bookmark.previousRunId == nil)

        d.listing.append(obj("b", 610))
        #expect(try d.run("jr_2", at: 620, enable, commit: false) == ["b"])  // failed before commit
        #expect((d.bookmark.version, d.bookmark.run) == (1, 1))
        #expect(try d.run("jr_3", at: 630, enable) == ["b"])  // reprocessed: state was not saved
        #expect((d.bookmark.version, d.bookmark.run, d.bookmark.attempt) == (2, 2, 2))
        #expect(d.bookmark.previousRunId == "jr_1" && d.bookmark.runId == "jr_3")

        let entry = try d.bookmark.entry()
        #expect(entry.jobName == "orders" && entry.version == 2 && entry.run == 2 && entry.attempt == 2)
        let json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(entry)) as? [String: Any]
        #expect(Set(json?.keys.map { $0 } ?? []) == ["JobName", "Version", "Run", "Attempt", "PreviousRunId", "RunId", "JobBookmark"])
        let states = try JSONDecoder().decode([String: BookmarkEntryState].self, from: Data(entry.jobBookmark.utf8))
        #expect(states == d.bookmark.entries)
        #expect(entry.jobBookmark.contains(#""type":"s3""#))
    }

    @Test("pause reads the same delta twice without advancing")
    func pauseTwice() throws {
        var d = Driver()
        d.listing = [obj("a", 500)]
        _ = try d.run("jr_1", at: 600, enable)
        let saved = d.bookmark
        d.listing.append(obj("b", 640))
        #expect(try d.run("jr_2", at: 650, pause) == ["b"])
        #expect(try d.run("jr_3", at: 660, pause) == ["b"])
        #expect(d.bookmark == saved)
        #expect(try d.run("jr_4", at: 670, enable) == ["b"])
        #expect(try d.run("jr_5", at: 680, enable).isEmpty)
    }

    @Test("disable reads everything and saves nothing; no ctx means untracked")
    func disableAndUntracked() throws {
        var d = Driver()
        d.listing = [obj("a", 500)]
        _ = try d.run("jr_1", at: 600, enable)
        #expect(try d.run("jr_2", at: 610, BookmarkSettings(option: .disable)) == ["a"])
        #expect(d.bookmark.version == 1)
        #expect(try d.bookmark.plan(ctx: nil, settings: enable) == .untracked)
        #expect(try d.bookmark.plan(ctx: "", settings: enable) == .untracked)
        #expect(try d.run("jr_3", at: 620, enable, ctx: nil) == ["a"])  // untracked: all, every time
        #expect(d.bookmark.entries.keys.sorted() == ["src"])
        #expect(!BookmarkReadPlan.untracked.saves)
    }

    @Test("pause from/to reads what the runs in between read")
    func pauseRange() throws {
        var d = Driver()
        d.listing = [obj("a", 500)]
        _ = try d.run("jr_1", at: 600, enable)
        d.listing.append(obj("b", 640))
        _ = try d.run("jr_2", at: 650, enable)
        d.listing.append(obj("c", 700))
        _ = try d.run("jr_3", at: 710, enable)
        d.listing.append(obj("d", 760))
        let saved = d.bookmark
        let range = BookmarkSettings(option: .pause, range: BookmarkRunRange(fromRunId: "jr_1", toRunId: "jr_3"))
        #expect(try d.run("jr_4", at: 800, range) == ["b", "c"])
        #expect(d.bookmark == saved)
        let unknown = BookmarkSettings(option: .pause, range: BookmarkRunRange(fromRunId: "jr_1", toRunId: "jr_9"))
        #expect(throws: EngineError.self) { try d.bookmark.plan(ctx: "src", settings: unknown, history: d.history) }
    }

    @Test("reset forgets every ctx: the next run reads everything")
    func reset() throws {
        var d = Driver()
        d.listing = [obj("a", 500), obj("b", 550)]
        _ = try d.run("jr_1", at: 600, enable)
        d.bookmark = d.bookmark.reset()
        #expect(d.bookmark.entries.isEmpty)
        #expect((d.bookmark.version, d.bookmark.run, d.bookmark.runId) == (2, 0, nil))
        #expect(try d.run("jr_2", at: 610, enable) == ["a", "b"])
        #expect(d.bookmark.version == 3)
    }

    @Test("rewind to a run: later runs reprocess only what came after it")
    func rewind() throws {
        var d = Driver()
        d.listing = [obj("a", 500)]
        _ = try d.run("jr_1", at: 600, enable)
        d.listing.append(obj("b", 640))
        _ = try d.run("jr_2", at: 650, enable)
        d.listing.append(obj("c", 700))
        _ = try d.run("jr_3", at: 710, enable)
        d.bookmark = try d.bookmark.rewound(to: "jr_1", history: d.history)
        #expect(d.bookmark.version == 4)
        #expect(d.bookmark.runId == "jr_1" && d.bookmark.run == 1)
        #expect(try d.run("jr_4", at: 800, enable) == ["b", "c"])
        #expect(throws: EngineError.self) { try d.bookmark.rewound(to: "nope", history: d.history) }
    }
}
