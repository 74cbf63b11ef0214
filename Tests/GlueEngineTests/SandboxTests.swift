import Foundation
import Testing
@testable import GlueEngine

@Suite struct SandboxTests {
    @Test func openCreatesTheLayout() throws {
        try TempHome.with { home in
            let sandbox = try Sandbox.open(home: home, name: "lab-01_a")
            #expect(sandbox.name == "lab-01_a")
            #expect(sandbox.root.path == home.appendingPathComponent("sandboxes/lab-01_a").path)
            let fm = FileManager.default
            for item in ["s3", ".staging", "sandbox.sqlite"] {
                #expect(fm.fileExists(atPath: sandbox.root.appendingPathComponent(item).path), "\(item)")
            }
            let mode = try sandbox.database.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") }
            #expect(mode == "wal")
            let migrations = try sandbox.database.read { try String.fetchAll($0, sql: "SELECT identifier FROM grdb_migrations ORDER BY identifier") }
            #expect(migrations == ["v1-catalog", "v1-clock", "v1-crawlers", "v1-jobs", "v1-objects", "v1-topics"])
        }
    }

    @Test(arguments: ["", "Lab", "_x", "-x", "a b", "a/b", "..", "a.b", String(repeating: "a", count: 64)])
    func refusesBadNames(name: String) throws {
        try TempHome.with { home in
            #expect(throws: EngineError.self) { try Sandbox.open(home: home, name: name) }
        }
    }

    @Test func defaultHomeHonoursGLUELAB_HOME() {
        #expect(Sandbox.defaultHome(environment: ["GLUELAB_HOME": "/tmp/gl", "HOME": "/home/u"]).path == "/tmp/gl")
        #expect(Sandbox.defaultHome(environment: ["GLUELAB_HOME": "", "HOME": "/home/u"]).path == "/home/u/.gluelab")
        #expect(Sandbox.defaultHome(environment: ["HOME": "/home/u"]).path == "/home/u/.gluelab")
    }

    @Test func reopeningKeepsObjectsAndMetadata() throws {
        try TempHome.with { home in
            let first = try Sandbox.open(home: home, name: "keep")
            let put = try first.store.put(storeURI("s3://bucket/in/a.csv"), bytes: Array("x\n1\n".utf8), lastModified: storeTime("2024-03-01T10:00:00Z"))
            let again = try Sandbox.open(home: home, name: "keep")
            #expect(try again.store.head(storeURI("s3://bucket/in/a.csv")) == put)
            #expect(try again.store.get(storeURI("s3://bucket/in/a.csv")) == Data("x\n1\n".utf8))
            #expect(try again.store.list(storeURI("s3://bucket/")).map(\.key) == ["in/a.csv"])
        }
    }

    @Test func clockRunsFromRealTimeAndCanBeSetAndAdvanced() throws {
        try TempHome.with { home in
            let real = FakeRealTime(storeTime("2025-06-01T12:00:00Z"))
            let sandbox = try Sandbox.open(home: home, name: "clock", realTime: real.source)
            #expect(try sandbox.clock.now() == storeTime("2025-06-01T12:00:00Z"))
            try sandbox.clock.set(storeTime("2024-01-01T00:00:00Z"))
            #expect(try sandbox.clock.now() == storeTime("2024-01-01T00:00:00Z"))
            real.pass(5_000_000)  // time flows
            #expect(try sandbox.clock.now() == storeTime("2024-01-01T00:00:05Z"))
            try sandbox.clock.advance(by: Timestamps.parseDuration("1h")!)
            #expect(try sandbox.clock.now() == storeTime("2024-01-01T01:00:05Z"))
            let state = try sandbox.clock.state()
            #expect(state.now == storeTime("2024-01-01T01:00:05Z"))
            #expect(!state.frozen)
        }
    }

    @Test func clockIsPersistedAcrossOpens() throws {
        try TempHome.with { home in
            let real = FakeRealTime(storeTime("2025-06-01T12:00:00Z"))
            let first = try Sandbox.open(home: home, name: "clock", realTime: real.source)
            try first.clock.set(storeTime("2024-01-01T00:00:00Z"))
            try first.clock.advance(by: Timestamps.parseDuration("90m")!)
            let again = try Sandbox.open(home: home, name: "clock", realTime: real.source)
            #expect(try again.clock.now() == storeTime("2024-01-01T01:30:00Z"))
            // With the real system clock, a set time is kept within a few seconds.
            let real2 = try Sandbox.open(home: home, name: "clock2")
            try real2.clock.set(storeTime("2020-05-05T00:00:00Z"))
            let drift = try Sandbox.open(home: home, name: "clock2").clock.now() - storeTime("2020-05-05T00:00:00Z")
            #expect(drift >= 0 && drift < 10_000_000)
        }
    }

    @Test func frozenClockStandsStill() throws {
        try TempHome.with { home in
            let real = FakeRealTime(storeTime("2025-06-01T12:00:00Z"))
            let sandbox = try Sandbox.open(home: home, name: "frozen", realTime: real.source)
            try sandbox.clock.freeze()
            real.pass(60_000_000)
            #expect(try sandbox.clock.now() == storeTime("2025-06-01T12:00:00Z"))
            try sandbox.clock.advance(by: Timestamps.parseDuration("15m")!)
            #expect(try sandbox.clock.now() == storeTime("2025-06-01T12:15:00Z"))
            #expect(try sandbox.clock.state().frozen)
            try sandbox.clock.unfreeze()
            real.pass(1_000_000)
            #expect(try sandbox.clock.now() == storeTime("2025-06-01T12:15:01Z"))
        }
    }

    @Test func clockRefusesThePastBefore1970AndNegativeDurations() throws {
        try TempHome.with { home in
            let sandbox = try Sandbox.open(home: home, name: "guard")
            #expect(throws: EngineError.self) { try sandbox.clock.set(-1) }
            #expect(throws: EngineError.self) { try sandbox.clock.advance(by: -1) }
            #expect(throws: EngineError.self) { try sandbox.clock.advance(by: Int64.max) }
            try sandbox.clock.set(0)
            #expect(try sandbox.clock.now() >= 0)
        }
    }
}
