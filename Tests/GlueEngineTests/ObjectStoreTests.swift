import Foundation
import Testing
@testable import GlueEngine

@Suite struct ObjectStoreTests {
    struct Boom: Error {}

    /// A sandbox whose clock is frozen at 2024-01-01T00:00:00Z.
    static func frozen(_ home: URL) throws -> Sandbox {
        let sandbox = try Sandbox.open(home: home, name: "store")
        try sandbox.clock.freeze()
        try sandbox.clock.set(storeTime("2024-01-01T00:00:00Z"))
        return sandbox
    }

    @Test func putGetHead() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            let uri = try storeURI("s3://raw/in/people.csv")
            let info = try store.put(uri, bytes: Array("id,name\n1,Ann\n".utf8))
            #expect(info == ObjectInfo(bucket: "raw", key: "in/people.csv", size: 14, etag: MD5.hex(Array("id,name\n1,Ann\n".utf8)),
                                       lastModified: storeTime("2024-01-01T00:00:00Z")))
            #expect(info.uri == uri)
            #expect(try store.head(uri) == info)
            #expect(try store.get(uri) == Data("id,name\n1,Ann\n".utf8))
            #expect(FileManager.default.fileExists(atPath: store.fileURL(for: uri).path))
            #expect(try store.checkedFileURL(for: uri).path.hasSuffix("/s3/raw/in/people.csv"))
            #expect(try store.listBuckets() == ["raw"])
        }
    }

    @Test func emptyObjectsWork() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            let info = try store.put(storeURI("s3://raw/_SUCCESS"), bytes: [UInt8]())
            #expect(info.size == 0)
            #expect(info.etag == "d41d8cd98f00b204e9800998ecf8427e")
            #expect(try store.get(storeURI("s3://raw/_SUCCESS")).isEmpty)
        }
    }

    @Test func missingObjectsAreNotFound() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            #expect(throws: EngineError.notFound(what: "object s3://raw/nope")) { try store.head(storeURI("s3://raw/nope")) }
            #expect(throws: EngineError.notFound(what: "object s3://raw/nope")) { try store.get(storeURI("s3://raw/nope")) }
            #expect(throws: EngineError.notFound(what: "object s3://raw/nope")) { try store.delete(storeURI("s3://raw/nope")) }
            // A file planted behind the store's back is not an object: metadata is the truth.
            let planted = store.fileURL(for: try storeURI("s3://raw/planted.csv"))
            try FileManager.default.createDirectory(at: planted.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: planted)
            #expect(throws: EngineError.self) { try store.head(storeURI("s3://raw/planted.csv")) }
            #expect(try store.list(storeURI("s3://raw/")).isEmpty)
        }
    }

    @Test func lastModifiedComesFromTheClockOrIsGiven() throws {
        try TempHome.with { home in
            let sandbox = try Self.frozen(home)
            let a = try sandbox.store.put(storeURI("s3://raw/a"), bytes: Array("a".utf8))
            try sandbox.clock.advance(by: Timestamps.parseDuration("1h")!)
            let b = try sandbox.store.put(storeURI("s3://raw/b"), bytes: Array("b".utf8))
            let c = try sandbox.store.put(storeURI("s3://raw/c"), bytes: Array("c".utf8), lastModified: storeTime("2023-06-01T08:00:00Z"))
            #expect(a.lastModified == storeTime("2024-01-01T00:00:00Z"))
            #expect(b.lastModified == storeTime("2024-01-01T01:00:00Z"))
            #expect(c.lastModified == storeTime("2023-06-01T08:00:00Z"))
            #expect(try sandbox.store.head(storeURI("s3://raw/c")).lastModified == storeTime("2023-06-01T08:00:00Z"))
            #expect(throws: EngineError.self) { try sandbox.store.put(storeURI("s3://raw/d"), bytes: [1], lastModified: -5) }
        }
    }

    @Test func overwriteBumpsLastModifiedAndEtag() throws {
        try TempHome.with { home in
            let sandbox = try Self.frozen(home)
            let uri = try storeURI("s3://raw/in/data.json")
            let first = try sandbox.store.put(uri, bytes: Array("{\"a\":1}\n".utf8))
            try sandbox.clock.advance(by: Timestamps.parseDuration("10m")!)
            let second = try sandbox.store.put(uri, bytes: Array("{\"a\":2}\n".utf8))
            #expect(second.lastModified == first.lastModified + 600_000_000)
            #expect(second.etag != first.etag)
            #expect(try sandbox.store.head(uri) == second)
            #expect(try sandbox.store.get(uri) == Data("{\"a\":2}\n".utf8))
            #expect(try sandbox.store.list(storeURI("s3://raw/")).count == 1)
        }
    }

    @Test func putFileStreamsAndWriteStreams() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            let big = Data((0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            let source = home.appendingPathComponent("big.bin")
            try big.write(to: source)
            let fromFile = try store.putFile(storeURI("s3://raw/big.bin"), from: source)
            #expect(fromFile.size == Int64(big.count))
            #expect(fromFile.etag == MD5.hex(big))
            #expect(try store.get(storeURI("s3://raw/big.bin")) == big)
            let written = try store.write(storeURI("s3://out/part-0000.csv")) { handle in
                try handle.write(contentsOf: Data("a,b\n".utf8))
                try handle.write(contentsOf: Data("1,2\n".utf8))
            }
            #expect(written.size == 8)
            #expect(written.etag == MD5.hex(Array("a,b\n1,2\n".utf8)))
            #expect(try store.get(storeURI("s3://out/part-0000.csv")) == Data("a,b\n1,2\n".utf8))
        }
    }

    @Test func failedWriteLeavesNoObjectNoStagingAndKeepsTheOldOne() throws {
        try TempHome.with { home in
            let sandbox = try Self.frozen(home)
            let store = sandbox.store
            let staging = sandbox.root.appendingPathComponent(".staging").path
            let old = try store.put(storeURI("s3://out/result.csv"), bytes: Array("old\n".utf8))
            #expect(throws: Boom.self) {
                try store.write(storeURI("s3://out/result.csv")) { handle in
                    try handle.write(contentsOf: Data("half of the new".utf8))
                    throw Boom()
                }
            }
            #expect(throws: Boom.self) {
                try store.write(storeURI("s3://out/fresh.csv")) { handle in
                    try handle.write(contentsOf: Data("partial".utf8))
                    throw Boom()
                }
            }
            #expect(try store.head(storeURI("s3://out/result.csv")) == old)
            #expect(try store.get(storeURI("s3://out/result.csv")) == Data("old\n".utf8))
            #expect(throws: EngineError.self) { try store.head(storeURI("s3://out/fresh.csv")) }
            #expect(!FileManager.default.fileExists(atPath: store.fileURL(for: try storeURI("s3://out/fresh.csv")).path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: staging).isEmpty)
            #expect(try store.list(storeURI("s3://out/")).map(\.key) == ["result.csv"])
        }
    }

    @Test func listByPrefixRecursiveOrNot() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            for key in ["in/b.csv", "in/a.csv", "in/2024/01/c.csv", "in/2024/d.json", "input/e.csv", "top.csv"] {
                try store.put(storeURI("s3://raw/\(key)"), bytes: Array(key.utf8))
            }
            try store.put(storeURI("s3://other/in/x.csv"), bytes: [1])
            #expect(try store.list(storeURI("s3://raw/in/")).map(\.key) == ["in/2024/01/c.csv", "in/2024/d.json", "in/a.csv", "in/b.csv"])
            #expect(try store.list(storeURI("s3://raw/in/"), recurse: false).map(\.key) == ["in/a.csv", "in/b.csv"])
            #expect(try store.list(storeURI("s3://raw/in")).map(\.key) == ["in/2024/01/c.csv", "in/2024/d.json", "in/a.csv", "in/b.csv", "input/e.csv"])
            #expect(try store.list(storeURI("s3://raw")).count == 6)
            #expect(try store.list(storeURI("s3://raw"), recurse: false).map(\.key) == ["top.csv"])
            #expect(try store.list(storeURI("s3://raw/in/a.csv")).map(\.key) == ["in/a.csv"])
            #expect(try store.list(storeURI("s3://nobucket/")).isEmpty)
            #expect(try store.listBuckets() == ["other", "raw"])
            // Hadoop reading of a reader path: a folder, never a sibling with the same start.
            #expect(try store.listPath(storeURI("s3://raw/in")).map(\.key) == ["in/2024/01/c.csv", "in/2024/d.json", "in/a.csv", "in/b.csv"])
            #expect(try store.listPath(storeURI("s3://raw/in"), recurse: false).map(\.key) == ["in/a.csv", "in/b.csv"])
            #expect(try store.listPath(storeURI("s3://raw/top.csv")).map(\.key) == ["top.csv"])
        }
    }

    @Test func listWithExclusions() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            for key in ["in/a.csv", "in/readme.pdf", "in/2024/b.csv", "in/2024/c.pdf", "in/tmp/d.csv", "in/tmp/x/e.csv"] {
                try store.put(storeURI("s3://raw/\(key)"), bytes: Array(key.utf8))
            }
            let prefix = try storeURI("s3://raw/in/")
            #expect(try store.list(prefix, exclusions: ["**.pdf"]).map(\.key) == ["in/2024/b.csv", "in/a.csv", "in/tmp/d.csv", "in/tmp/x/e.csv"])
            #expect(try store.list(prefix, exclusions: ["s3://raw/in/tmp/**"]).map(\.key) == ["in/2024/b.csv", "in/2024/c.pdf", "in/a.csv", "in/readme.pdf"])
            #expect(try store.list(prefix, exclusions: ["in/tmp/**", "**.pdf"]).map(\.key) == ["in/2024/b.csv", "in/a.csv"])
            // `*` stays within one folder.
            #expect(try store.list(prefix, exclusions: ["in/*.csv"]).map(\.key) == ["in/2024/b.csv", "in/2024/c.pdf", "in/readme.pdf", "in/tmp/d.csv", "in/tmp/x/e.csv"])
            let glue = try ObjectStore.parseExclusions("[\"**.pdf\", \"s3://raw/in/tmp/**\"]")
            #expect(try store.list(prefix, recurse: true, exclusions: glue).map(\.key) == ["in/2024/b.csv", "in/a.csv"])
        }
    }

    @Test func deleteAndDeletePrefix() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            for key in ["in/a.csv", "in/deep/b.csv", "inbox/c.csv", "keep.csv"] {
                try store.put(storeURI("s3://raw/\(key)"), bytes: Array(key.utf8))
            }
            try store.delete(storeURI("s3://raw/in/deep/b.csv"))
            #expect(!FileManager.default.fileExists(atPath: store.root.appendingPathComponent("raw/in/deep").path))
            #expect(try store.list(storeURI("s3://raw/")).map(\.key) == ["in/a.csv", "inbox/c.csv", "keep.csv"])
            let gone = try store.deletePrefix(storeURI("s3://raw/in"))
            #expect(gone.map(\.key) == ["in/a.csv"])
            #expect(try store.list(storeURI("s3://raw/")).map(\.key) == ["inbox/c.csv", "keep.csv"])
            // Once `in/...` is gone, `in` may be an object.
            try store.put(storeURI("s3://raw/in"), bytes: Array("now a file".utf8))
            #expect(try store.get(storeURI("s3://raw/in")) == Data("now a file".utf8))
            try store.deletePrefix(storeURI("s3://raw/"))
            #expect(try store.listBuckets().isEmpty)
        }
    }

    @Test func copyMakesANewObjectWithANewTime() throws {
        try TempHome.with { home in
            let sandbox = try Self.frozen(home)
            let src = try sandbox.store.put(storeURI("s3://raw/a.csv"), bytes: Array("x\n".utf8))
            try sandbox.clock.advance(by: Timestamps.parseDuration("2h")!)
            let copy = try sandbox.store.copy(from: storeURI("s3://raw/a.csv"), to: storeURI("s3://archive/2024/a.csv"))
            #expect(copy.etag == src.etag)
            #expect(copy.size == src.size)
            #expect(copy.lastModified == storeTime("2024-01-01T02:00:00Z"))
            #expect(try sandbox.store.get(storeURI("s3://archive/2024/a.csv")) == Data("x\n".utf8))
            let given = try sandbox.store.copy(from: storeURI("s3://raw/a.csv"), to: storeURI("s3://raw/a.csv"), lastModified: storeTime("2024-05-05T00:00:00Z"))
            #expect(given.lastModified == storeTime("2024-05-05T00:00:00Z"))
            #expect(throws: EngineError.self) { try sandbox.store.copy(from: storeURI("s3://raw/none"), to: storeURI("s3://raw/x")) }
        }
    }

    @Test func keyAndFolderOfTheSameNameCannotBothExist() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            try store.put(storeURI("s3://raw/a"), bytes: [1])
            #expect(throws: EngineError.self) { try store.put(storeURI("s3://raw/a/b"), bytes: [2]) }
            try store.put(storeURI("s3://raw/x/y/z"), bytes: [3])
            #expect(throws: EngineError.self) { try store.put(storeURI("s3://raw/x/y"), bytes: [4]) }
            #expect(throws: EngineError.self) { try store.put(storeURI("s3://raw/x"), bytes: [4]) }
            #expect(throws: EngineError.self) { try store.put(storeURI("s3://raw/folder/"), bytes: [5]) }
            #expect(try store.list(storeURI("s3://raw/")).map(\.key) == ["a", "x/y/z"])
        }
    }

    @Test func pathsThatEscapeTheSandboxAreRefused() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            for bad in ["s3://raw/../../outside", "s3://raw//etc/passwd", "s3://raw/a\\..\\b", "s3://raw/./x"] {
                #expect(throws: EngineError.self, "\(bad)") { try store.put(S3URI(parsing: bad), bytes: [1]) }
            }
            #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("outside").path))
        }
    }

    @Test func symlinkPlantedInsideS3PointingOutsideIsRefused() throws {
        try TempHome.with { home in
            let store = try Self.frozen(home).store
            let outside = home.appendingPathComponent("outside", isDirectory: true)
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
            let bucket = store.root.appendingPathComponent("raw", isDirectory: true)
            try FileManager.default.createDirectory(at: bucket, withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(at: bucket.appendingPathComponent("link"), withDestinationURL: outside)
            // Writing through the link is refused, and nothing lands outside.
            #expect(throws: EngineError.self) { try store.put(storeURI("s3://raw/link/new.txt"), bytes: [1]) }
            #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("new.txt").path))
            // An object whose file is swapped for a link to the outside cannot be read.
            try store.put(storeURI("s3://raw/ok.txt"), bytes: Array("ok".utf8))
            let file = store.fileURL(for: try storeURI("s3://raw/ok.txt"))
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createSymbolicLink(at: file, withDestinationURL: outside.appendingPathComponent("secret.txt"))
            #expect(throws: EngineError.self) { try store.get(storeURI("s3://raw/ok.txt")) }
            #expect(throws: EngineError.self) { try store.copy(from: storeURI("s3://raw/ok.txt"), to: storeURI("s3://raw/stolen.txt")) }
            #expect(throws: EngineError.self) { try store.delete(storeURI("s3://raw/ok.txt")) }
            #expect(try Data(contentsOf: outside.appendingPathComponent("secret.txt")) == Data("secret".utf8))
        }
    }
}
