import Foundation
@testable import GlueEngine

/// A temporary `GLUELAB_HOME` for one test, removed afterwards.
struct TempHome {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }

    /// Runs `body` with a fresh home, then removes it.
    @discardableResult
    static func with<T>(_ body: (URL) throws -> T) throws -> T {
        let home = try TempHome()
        defer { home.remove() }
        return try body(home.url)
    }
}

/// A real-time source tests can move by hand.
final class FakeRealTime: @unchecked Sendable {
    private let lock = NSLock()
    private var micros: Int64

    init(_ micros: Int64) { self.micros = micros }

    var source: @Sendable () -> Int64 { { [self] in lock.withLock { micros } } }

    func pass(_ delta: Int64) { lock.withLock { micros += delta } }
}

/// Parses an ISO instant the test knows to be valid.
func storeTime(_ s: String) -> Int64 { Timestamps.parseISO8601(s)! }

/// An s3:// address the test knows to be valid.
func storeURI(_ s: String) throws -> S3URI { try S3URI(parsing: s) }
