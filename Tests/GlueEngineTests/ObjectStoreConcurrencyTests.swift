import Foundation
import Testing
@testable import GlueEngine

@Suite struct ObjectStoreConcurrencyTests {
    /// Writers racing on one key, readers reading it meanwhile: every read shows one whole
    /// version, and the final metadata describes the final bytes.
    @Test func concurrentWritersAndReadersSeeWholeObjects() async throws {
        let home = try TempHome()
        defer { home.remove() }
        let sandbox = try Sandbox.open(home: home.url, name: "race")
        let uri = try storeURI("s3://raw/hot.csv")
        let versions = (0..<4).map { w in Data(String(repeating: "writer \(w) line\n", count: 2000).utf8) }
        try sandbox.store.put(uri, bytes: versions[0])
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<4 {
                group.addTask {
                    // Each writer opens the sandbox itself, as another process would.
                    let own = try Sandbox.open(home: home.url, name: "race")
                    for _ in 0..<10 { try own.store.put(uri, bytes: versions[w]) }
                }
            }
            group.addTask {
                for _ in 0..<40 {
                    let bytes = try sandbox.store.get(uri)
                    #expect(versions.contains(bytes))
                }
            }
            try await group.waitForAll()
        }
        let final = try sandbox.store.get(uri)
        #expect(versions.contains(final))
        #expect(try sandbox.store.head(uri).etag == MD5.hex(final))
        #expect(try FileManager.default.contentsOfDirectory(atPath: sandbox.root.appendingPathComponent(".staging").path).isEmpty)
    }

    @Test func caseFoldingIsDetected() throws {
        let home = try TempHome()
        defer { home.remove() }
        #if os(Linux)
        #expect(!ObjectStore.foldsCase(in: home.url.path))
        #endif
        // The probe cleans up after itself.
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.url.path).isEmpty)
    }
}
