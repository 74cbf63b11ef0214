import Foundation
import GRDB
import Testing
@testable import Workbench

@Suite struct ProgressRecoveryTests {
    /// A workspace whose progress database has some history (checkpointed into the main file).
    func homeWithHistory(_ clock: TestClock) throws -> URL {
        let home = progressHome()
        let store = try openStore(home, clock)
        for i in 0..<30 {
            try store.recordAttempt(learner: "default", question: QuestionRef(id: "q\(i)", topic: "t\(i % 3)", domain: .dataStoreManagement),
                                    answer: String(repeating: "x", count: 200), correct: i % 2 == 0, timeTakenMillis: 30_000)
        }
        _ = try store.database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try store.database.close()
        return home
    }

    func damagedFiles(_ home: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.hasPrefix("progress.damaged-") }.sorted()
    }

    @Test func garbageIsMovedAsideWithItsBytesAndANewDatabaseWorks() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let home = try homeWithHistory(clock)
        let path = home.appendingPathComponent("progress.sqlite")
        let garbage = Data((0..<8192).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        try garbage.write(to: path)
        let store = try openStore(home, clock)
        #expect(try damagedFiles(home) == ["progress.damaged-20240301T090000Z.sqlite"])
        let moved = home.appendingPathComponent("progress.damaged-20240301T090000Z.sqlite")
        #expect(try Data(contentsOf: moved) == garbage, "the bytes are kept as they were")
        let notice = try #require(store.notice)
        #expect(notice.contains(moved.path) && notice.contains("damaged") && notice.contains("not a SQLite database"))
        #expect(!notice.contains("\n"))
        #expect(try store.summary(learner: "default").isEmpty)
        try store.recordAttempt(learner: "default", question: crawlerQ1, answer: "C", correct: true, timeTakenMillis: 1)
        #expect(try store.summary(learner: "default").questions.attempts == 1)
        #expect(try openStore(home, clock).notice == nil, "the new database is healthy")
    }

    @Test func aTruncatedFileIsMovedAsideToo() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let home = try homeWithHistory(clock)
        let path = home.appendingPathComponent("progress.sqlite")
        let full = try Data(contentsOf: path)
        #expect(full.count > 8192)
        let cut = full.prefix(full.count / 2 + 100)
        try cut.write(to: path)
        let store = try openStore(home, clock)
        let notice = try #require(store.notice)
        #expect(try damagedFiles(home).count == 1)
        #expect(try Data(contentsOf: home.appendingPathComponent(try damagedFiles(home)[0])) == cut)
        #expect(notice.contains("progress.damaged-20240301T090000Z.sqlite"))
        #expect(try store.summary(learner: "default").isEmpty)
    }

    @Test func corruptPagesAreFoundByTheCheck() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let home = try homeWithHistory(clock)
        let path = home.appendingPathComponent("progress.sqlite")
        var bytes = try Data(contentsOf: path)
        // Scribble over every page but the first (the header stays valid).
        for i in stride(from: 4096 + 10, to: bytes.count, by: 97) { bytes[i] = 0xA5 }
        try bytes.write(to: path)
        let store = try openStore(home, clock)
        #expect(store.notice != nil)
        #expect(try damagedFiles(home).count == 1)
    }

    @Test func itsWALFileGoesAlongAndASecondDamageGetsItsOwnName() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let home = progressHome()
        let path = home.appendingPathComponent("progress.sqlite").path
        try Data("not a database, not at all, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no, no".utf8).write(to: URL(fileURLWithPath: path))
        try Data("wal bytes".utf8).write(to: URL(fileURLWithPath: path + "-wal"))
        _ = try openStore(home, clock)
        #expect(try damagedFiles(home) == ["progress.damaged-20240301T090000Z.sqlite", "progress.damaged-20240301T090000Z.sqlite-wal"])
        try Data(repeating: 7, count: 4096).write(to: URL(fileURLWithPath: path))
        try? FileManager.default.removeItem(atPath: path + "-wal")
        try? FileManager.default.removeItem(atPath: path + "-shm")
        let again = try openStore(home, clock)
        #expect(again.notice?.contains("progress.damaged-20240301T090000Z-2.sqlite") == true)
    }

    @Test func aDatabaseFromANewerGluelabIsRefusedAndLeftAlone() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let home = try homeWithHistory(clock)
        let path = home.appendingPathComponent("progress.sqlite").path
        let db = try DatabaseQueue(path: path)
        try db.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v9-future')") }
        try db.close()
        #expect {
            try openStore(home, clock)
        } throws: { ($0 as? WorkbenchError)?.description.contains("newer gluelab") == true }
        #expect(try damagedFiles(home).isEmpty)
        let left = try DatabaseQueue(path: path)
        #expect(try left.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations") } == ["v1-progress", "v9-future"])
        #expect(try left.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM question_attempts") } == 30)
    }

    @Test func anEmptyFileIsJustANewDatabase() throws {
        let home = progressHome()
        _ = FileManager.default.createFile(atPath: home.appendingPathComponent("progress.sqlite").path, contents: Data())
        let store = try openStore(home, TestClock("2024-03-01T09:00:00Z"))
        #expect(try store.notice == nil && damagedFiles(home).isEmpty)
    }
}
