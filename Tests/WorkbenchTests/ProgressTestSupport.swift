import Foundation
import GlueEngine
@testable import Workbench

/// A clock tests move by hand.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var micros: Int64

    init(_ iso: String) { micros = Int64(iso: iso) }

    var now: Int64 {
        get { lock.withLock { micros } }
        set { lock.withLock { micros = newValue } }
    }

    func advance(days: Double) { now += Int64(days * 86_400_000_000) }

    func progressClock(timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> ProgressClock {
        ProgressClock(timeZone: timeZone) { [self] in self.now }
    }
}

extension Int64 {
    init(iso: String) {
        self = Timestamps.parseISO8601(iso)!
    }
}

/// A fresh temporary workspace.
func progressHome() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-progress-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A store with fuzzing off (reproducible intervals) on `clock`.
func openStore(_ home: URL, _ clock: TestClock, timeZone: TimeZone = TimeZone(identifier: "UTC")!) throws -> ProgressStore {
    try ProgressStore.open(home: home, clock: clock.progressClock(timeZone: timeZone), scheduler: FSRSScheduler())
}

let bookmarksQ1 = QuestionRef(id: "bm-1", topic: "bookmarks", domain: .ingestionAndTransformation)
let bookmarksQ2 = QuestionRef(id: "bm-2", topic: "bookmarks", domain: .ingestionAndTransformation)
let crawlerQ1 = QuestionRef(id: "cr-1", topic: "crawlers", domain: .dataStoreManagement)
