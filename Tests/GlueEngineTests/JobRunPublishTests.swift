import Foundation
import Testing
@testable import GlueEngine

/// The sink's output committer: staged files are invisible; a publish shows all or nothing;
/// a publish killed inside its transaction is cleaned up at the next open.
@Suite struct JobRunPublishTests {
    @Test func stagedObjectsAreInvisibleUntilPublishedAllAtOnce() throws {
        try RunFixture.with { f in
            let store = f.sandbox.store
            let a = try store.stage(try storeURI("s3://out/p/a.json"), bytes: Array("{}\n".utf8))
            let b = try store.stage(try storeURI("s3://out/p/b.json"), bytes: Array("{}\n{}\n".utf8))
            #expect(try store.list(try storeURI("s3://out/")).isEmpty)
            #expect(!FileManager.default.fileExists(atPath: store.fileURL(for: a.uri).path))
            let infos = try store.publish([a, b])
            #expect(infos.map(\.key) == ["p/a.json", "p/b.json"])
            #expect(Set(infos.map(\.lastModified)).count == 1, "one instant for the whole write")
            #expect(try store.get(b.uri) == Data("{}\n{}\n".utf8))
            #expect(try stagingFiles(f).isEmpty)
        }
    }

    @Test func aFailedPublishShowsNothingAndLeavesNoFiles() throws {
        try RunFixture.with { f in
            let store = f.sandbox.store
            try store.put(try storeURI("s3://out/p/taken.json"), bytes: Array("old".utf8))
            let fresh = try store.stage(try storeURI("s3://out/p/new.json"), bytes: Array("new".utf8))
            let clash = try store.stage(try storeURI("s3://out/p/taken.json"), bytes: Array("x".utf8))
            #expect(throws: EngineError.self) { try store.publish([fresh, clash]) }
            #expect(try store.list(try storeURI("s3://out/")).map(\.key) == ["p/taken.json"])
            #expect(try store.get(try storeURI("s3://out/p/taken.json")) == Data("old".utf8))

            let again = try store.stage(try storeURI("s3://out/p/new.json"), bytes: Array("new".utf8))
            struct Stop: Error {}
            #expect(throws: EngineError.self) { try store.publish([again], lastModified: nil) { _ in throw Stop() } }
            #expect(try store.list(try storeURI("s3://out/")).map(\.key) == ["p/taken.json"])
            #expect(!FileManager.default.fileExists(atPath: store.fileURL(for: again.uri).path), "the renamed file was taken back")
            #expect(try stagingFiles(f).isEmpty)
        }
    }

    @Test func filesOfAPublishKilledInItsTransactionAreRemovedAtTheNextOpen() throws {
        try TempHome.with { home in
            let sandbox = try Sandbox.open(home: home, name: "crash")
            let store = sandbox.store
            try store.put(try storeURI("s3://out/p/kept.json"), bytes: Array("kept".utf8))
            let orphan = try store.stage(try storeURI("s3://out/p/part-1.json"), bytes: Array("half".utf8))
            // What a kill inside the publish transaction leaves: a journal of a dead process and
            // the file renamed into place, without its metadata row.
            let dead = try deadProcessId()
            _ = try store.writeJournal([orphan], pid: dead)
            let target = store.fileURL(for: orphan.uri).path
            #expect(rename(orphan.path, target) == 0)
            #expect(try store.list(try storeURI("s3://out/")).map(\.key) == ["p/kept.json"], "invisible: no row")

            let live = try store.stage(try storeURI("s3://out/p/part-2.json"), bytes: Array("live".utf8))
            _ = try store.writeJournal([live], pid: getpid())  // a publish of a live process: left alone

            let reopened = try Sandbox.open(home: home, name: "crash")
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(try reopened.store.get(try storeURI("s3://out/p/kept.json")) == Data("kept".utf8))
            let journals = try FileManager.default.contentsOfDirectory(atPath: store.journalFolder.path)
            #expect(journals.count == 1 && journals[0].hasPrefix("\(getpid())-"))
            // The key is free again.
            try reopened.store.put(orphan.uri, bytes: Array("whole".utf8))
            #expect(try reopened.store.get(orphan.uri) == Data("whole".utf8))
        }
    }

    @Test func aJobWriteIsPublishedWithItsRunRecord() throws {
        try RunFixture.with { f in
            try f.put("data/a.json", at: "2024-01-01T09:00:00Z")
            let run = try JobRun.start(sandbox: f.sandbox, jobName: "w", arguments: [:], capacity: JobCapacity(), definition: nil)
            let frame = try run.readS3(ctx: nil, connectionOptions: ["paths": .array([.string("s3://input/data/")])], format: "json", formatOptions: [:])
            let stats = try run.writeS3(frame: frame, ctx: "out", connectionOptions: ["path": .string("s3://out/w/")],
                                        format: "parquet", formatOptions: [:])
            #expect(stats.objectsWritten == 1 && stats.recordsWritten == 1)
            #expect(stats.objects[0].hasPrefix("s3://out/w/part-00000-") && stats.objects[0].hasSuffix(".snappy.parquet"))
            // Before finish, the row already lists the published write (a kill now keeps it visible).
            let row = try f.runs.get(runId: run.runId)
            #expect(row.status == .running && row.sinks.count == 1)
            #expect(throws: EngineError.self) {
                try run.writeS3(frame: frame, ctx: nil, connectionOptions: ["path": .string("s3://out/x/"), "compression": .string("gzip")],
                                format: "csv", formatOptions: [:])
            }
            #expect(try f.sandbox.store.list(try storeURI("s3://out/x/")).isEmpty)
            try run.finish(error: nil)
        }
    }

    @Test func s3SinkWritesStillWork() throws {
        try RunFixture.with { f in
            let frame = DynamicFrame(records: [DynamicRecord([("k", .long(1)), ("v", .string("a"))]),
                                               DynamicRecord([("k", .long(2)), ("v", .string("b"))])])
            let stats = try S3Sink(store: f.sandbox.store).write(frame, path: try storeURI("s3://out/s/"), format: .csv, partitionKeys: ["k"])
            #expect(stats.objectsWritten == 2)
            #expect(try f.sandbox.store.list(try storeURI("s3://out/s/")).count == 2)
        }
    }

    func stagingFiles(_ f: RunFixture) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: f.sandbox.root.appendingPathComponent(".staging").path)
    }
}
