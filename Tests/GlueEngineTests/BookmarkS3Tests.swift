import Testing
@testable import GlueEngine

/// Small timelines in minutes: `m(600)` is 10:00 on an arbitrary day, in µs.
private func m(_ minutes: Int64) -> Int64 { 1_700_000_000_000_000 + minutes * 60_000_000 }
private func obj(_ key: String, _ minute: Int64) -> ObjectInfo {
    ObjectInfo(bucket: "lab", key: key, size: 10, etag: "e-\(key)-\(minute)", lastModified: m(minute))
}
private let sig = S3Bookmark.pathSignature(paths: ["s3://lab/in/"])
private func keys(_ objects: [ObjectInfo]) -> [String] { objects.map(\.key) }

@Suite("Bookmark S3")
struct BookmarkS3Tests {
    @Test("first run reads every object, second run only the new ones")
    func firstThenNew() throws {
        let first = [obj("a", 540), obj("b", 590)]
        let r1 = try S3Bookmark.select(objects: first, state: nil, pathSignature: sig, runStart: m(600))
        #expect(keys(r1.toRead) == ["a", "b"])
        #expect(r1.newState.highWater == m(600))
        #expect(r1.newState.seen == ["b": m(590)])  // only b is inside the band 09:45–10:00

        let r2 = try S3Bookmark.select(
            objects: first + [obj("c", 620)], state: r1.newState, pathSignature: sig, runStart: m(630))
        #expect(keys(r2.toRead) == ["c"])
        #expect(r2.deferred.isEmpty)
    }

    @Test("an object overwritten under the same key is read again (AWS docs)")
    func overwriteReadAgain() throws {
        let r1 = try S3Bookmark.select(objects: [obj("a", 500)], state: nil, pathSignature: sig, runStart: m(600))
        let r2 = try S3Bookmark.select(objects: [obj("a", 625)], state: r1.newState, pathSignature: sig, runStart: m(630))
        #expect(keys(r2.toRead) == ["a"])
        #expect(r2.toRead.first?.lastModified == m(625))
        // Overwritten with a back-dated time still inside the band: a new version, read again.
        let r3 = try S3Bookmark.select(objects: [obj("b", 595)], state: nil, pathSignature: sig, runStart: m(600))
        let r4 = try S3Bookmark.select(objects: [obj("b", 597)], state: r3.newState, pathSignature: sig, runStart: m(610))
        #expect(keys(r4.toRead) == ["b"])
    }

    @Test("the worked example of the doc comment: late object in the band read, older one missed")
    func lateArrivals() throws {
        let r1 = try S3Bookmark.select(
            objects: [obj("a", 540), obj("b", 590)], state: nil, pathSignature: sig, runStart: m(600))
        let listing = [obj("a", 625), obj("b", 590), obj("c", 620), obj("d", 595), obj("e", 570)]
        let r2 = try S3Bookmark.select(objects: listing, state: r1.newState, pathSignature: sig, runStart: m(630))
        #expect(keys(r2.toRead) == ["d", "c", "a"])  // by last-modified
        #expect(!keys(r2.toRead).contains("e"))      // older than the band: missed for good
        #expect(r2.newState == S3BookmarkState(pathSignature: sig, highWater: m(630), seen: ["a": m(625), "c": m(620)]))
        // And e stays missed on every later run.
        let r3 = try S3Bookmark.select(objects: listing, state: r2.newState, pathSignature: sig, runStart: m(700))
        #expect(r3.toRead.isEmpty)
    }

    @Test("the band edge: exactly maxBand before the previous run is outside")
    func bandEdge() throws {
        let r1 = try S3Bookmark.select(objects: [], state: nil, pathSignature: sig, runStart: m(600))
        let r2 = try S3Bookmark.select(
            objects: [obj("edge", 585), obj("inside", 586)], state: r1.newState, pathSignature: sig,
            runStart: m(660))
        #expect(keys(r2.toRead) == ["inside"])
        // A smaller band (5 minutes, in ms as Glue's option) misses the same late object.
        let r3 = try S3Bookmark.select(
            objects: [obj("inside", 586)], state: r1.newState, pathSignature: sig, runStart: m(660), maxBand: 300_000)
        #expect(r3.toRead.isEmpty)
    }

    @Test("more band objects than maxFilesInBand: the newest are deferred to the next run")
    func maxFilesInBand() throws {
        let listing = [obj("old", 100), obj("b1", 591), obj("b2", 592), obj("b3", 593)]
        let r1 = try S3Bookmark.select(objects: listing, state: nil, pathSignature: sig, runStart: m(600), maxFilesInBand: 2)
        #expect(keys(r1.toRead) == ["old", "b1", "b2"])
        #expect(keys(r1.deferred) == ["b3"])
        #expect(r1.newState.seen["b3"] == nil)
        // Next run, long after: b3 is still picked up, nothing is read twice.
        let r2 = try S3Bookmark.select(objects: listing, state: r1.newState, pathSignature: sig, runStart: m(700), maxFilesInBand: 2)
        #expect(keys(r2.toRead) == ["b3"])
        #expect(r2.deferred.isEmpty)
        #expect(S3Bookmark.defaultMaxFilesInBand == 1000)
    }

    @Test("a changed path starts fresh; renaming the ctx starts fresh")
    func freshStart() throws {
        let listing = [obj("a", 500), obj("b", 590)]
        let r1 = try S3Bookmark.select(objects: listing, state: nil, pathSignature: sig, runStart: m(600))
        let other = S3Bookmark.pathSignature(paths: ["s3://lab/in/2024/"])
        let moved = try S3Bookmark.select(objects: listing, state: r1.newState, pathSignature: other, runStart: m(630))
        #expect(keys(moved.toRead) == ["a", "b"])
        #expect(moved.newState.pathSignature == other)

        var job = JobBookmark(jobName: "j")
        job = job.committed(runId: "jr_1", option: .enable, updates: ["src": .s3(r1.newState)])
        let settings = BookmarkSettings(option: .enable)
        #expect(try job.plan(ctx: "src", settings: settings) == .incremental(state: .s3(r1.newState), saves: true))
        #expect(try job.plan(ctx: "src_renamed", settings: settings) == .incremental(state: nil, saves: true))
        #expect(S3Bookmark.pathSignature(paths: ["s3://b/", "s3://a/", "s3://b/"]) == "s3://a/\ns3://b/")
    }

    @Test("pause range: the objects the runs between from and to read")
    func range() throws {
        let r1 = try S3Bookmark.select(objects: [obj("a", 500)], state: nil, pathSignature: sig, runStart: m(600))
        let l2 = [obj("a", 500), obj("b", 620)]
        let r2 = try S3Bookmark.select(objects: l2, state: r1.newState, pathSignature: sig, runStart: m(630))
        let l3 = l2 + [obj("c", 650)]
        let r3 = try S3Bookmark.select(objects: l3, state: r2.newState, pathSignature: sig, runStart: m(660))
        let now = l3 + [obj("d", 700)]
        #expect(keys(S3Bookmark.selectRange(objects: now, from: r1.newState, to: r3.newState, pathSignature: sig)) == ["b", "c"])
        #expect(keys(S3Bookmark.selectRange(objects: now, from: r1.newState, to: r2.newState, pathSignature: sig)) == ["b"])
        #expect(keys(S3Bookmark.selectRange(objects: now, from: nil, to: r1.newState, pathSignature: sig)) == ["a"])
    }

    @Test("bad options are refused")
    func badOptions() {
        #expect(throws: EngineError.self) {
            try S3Bookmark.select(objects: [], state: nil, pathSignature: sig, runStart: 0, maxBand: -1)
        }
        #expect(throws: EngineError.self) {
            try S3Bookmark.select(objects: [], state: nil, pathSignature: sig, runStart: 0, maxFilesInBand: -1)
        }
    }
}
