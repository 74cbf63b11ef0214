import Foundation
import GRDB

/// A sandbox's simulated clock, persisted in the sandbox database.
///
/// Design: the clock stores an **offset from real time**, so simulated time flows on its own
/// (a job that runs for 3 seconds takes 3 seconds of sandbox time) and can still be moved:
/// `now() = real time + offset`. A new sandbox starts with offset 0 (real time). `set(_:)`
/// stores the offset that makes `now()` equal the given instant; `advance(by:)` adds to the
/// offset ("an hour passes"). The clock may be set back (a lab may need that) but never before
/// 1970, and never advanced by a negative duration.
///
/// The clock can also be **frozen** (`freeze()`): `now()` then returns the same instant until
/// `set`/`advance` move it or `unfreeze()` lets time flow again from there. Labs and tests
/// that need exact, reproducible last-modified times freeze the clock.
///
/// Table `clock(id = 1, offset_micros, frozen_micros)`: one row, `frozen_micros` NULL when the
/// clock runs.
public final class SandboxClock: Sendable {
    let database: DatabaseQueue
    let databasePath: String
    let realTime: @Sendable () -> Int64

    init(database: DatabaseQueue, databasePath: String, realTime: @escaping @Sendable () -> Int64) {
        self.database = database
        self.databasePath = databasePath
        self.realTime = realTime
    }

    /// The state of the clock, for display (`gluelab clock show`).
    public struct State: Sendable, Hashable, Codable {
        /// The simulated time now, in microseconds since the epoch.
        public var now: Int64
        /// `now` minus real time.
        public var offset: Int64
        /// Whether the clock is frozen.
        public var frozen: Bool
    }

    /// The current simulated time, in microseconds since the epoch.
    public func now() throws(EngineError) -> Int64 {
        try read { db throws(EngineError) in try self.now(db) }
    }

    /// The current state: time, offset from real time, frozen or not.
    public func state() throws(EngineError) -> State {
        try read { db throws(EngineError) in
            let row = try self.row(db)
            let now = try self.now(db)
            return State(now: now, offset: now - self.realTime(), frozen: row.frozen != nil)
        }
    }

    /// Sets the clock to `micros` (time keeps flowing from there unless the clock is frozen).
    /// - Throws: `EngineError.invalidOption` for an instant before 1970-01-01T00:00:00Z.
    public func set(_ micros: Int64) throws(EngineError) {
        guard micros >= 0 else {
            throw .invalidOption(name: "clock", value: Timestamps.format(micros), reason: "the sandbox clock cannot be set before 1970-01-01T00:00:00Z")
        }
        try write { db throws(EngineError) in
            let row = try self.row(db)
            if row.frozen != nil {
                try self.store(db, offset: row.offset, frozen: micros)
            } else {
                try self.store(db, offset: micros - self.realTime(), frozen: nil)
            }
        }
    }

    /// Moves the clock forward by `micros` ("an hour passes").
    /// - Throws: `EngineError.invalidOption` for a negative duration, or one that overflows.
    public func advance(by micros: Int64) throws(EngineError) {
        guard micros >= 0 else {
            throw .invalidOption(name: "duration", value: Timestamps.formatDuration(micros), reason: "the clock only moves forward; set it to go back")
        }
        try write { db throws(EngineError) in
            let row = try self.row(db)
            let base = row.frozen ?? row.offset
            let (moved, overflow) = base.addingReportingOverflow(micros)
            guard !overflow, row.frozen != nil || !moved.addingReportingOverflow(self.realTime()).overflow else {
                throw .invalidOption(name: "duration", value: Timestamps.formatDuration(micros), reason: "moves the clock past the year 292277")
            }
            if row.frozen != nil {
                try self.store(db, offset: row.offset, frozen: moved)
            } else {
                try self.store(db, offset: moved, frozen: nil)
            }
        }
    }

    /// Stops the clock at its current time.
    public func freeze() throws(EngineError) {
        try write { db throws(EngineError) in
            let row = try self.row(db)
            guard row.frozen == nil else { return }
            try self.store(db, offset: row.offset, frozen: self.realTime() + row.offset)
        }
    }

    /// Lets a frozen clock run again, from the instant it shows.
    public func unfreeze() throws(EngineError) {
        try write { db throws(EngineError) in
            let row = try self.row(db)
            guard let frozen = row.frozen else { return }
            try self.store(db, offset: frozen - self.realTime(), frozen: nil)
        }
    }

    /// The simulated time inside a database access the caller already holds (GRDB accesses do
    /// not nest, so modules that are inside a transaction call this one).
    func now(_ db: Database) throws(EngineError) -> Int64 {
        let row = try row(db)
        return row.frozen ?? (realTime() &+ row.offset)
    }

    /// Real time from the system clock, in microseconds since the epoch.
    static let systemMicros: @Sendable () -> Int64 = {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000 + Int64(ts.tv_nsec) / 1000
    }

    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE clock (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                offset_micros INTEGER NOT NULL,
                frozen_micros INTEGER
            );
            INSERT INTO clock (id, offset_micros, frozen_micros) VALUES (1, 0, NULL);
            """)
    }

    private func row(_ db: Database) throws(EngineError) -> (offset: Int64, frozen: Int64?) {
        try withEngineErrors(path: databasePath) {
            guard let row = try Row.fetchOne(db, sql: "SELECT offset_micros, frozen_micros FROM clock WHERE id = 1") else {
                throw EngineError.io(path: databasePath, reason: "the clock row is missing")
            }
            return (row["offset_micros"], row["frozen_micros"])
        }
    }

    private func store(_ db: Database, offset: Int64, frozen: Int64?) throws(EngineError) {
        try withEngineErrors(path: databasePath) {
            try db.execute(sql: "UPDATE clock SET offset_micros = ?, frozen_micros = ? WHERE id = 1", arguments: [offset, frozen])
        }
    }

    private func read<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: databasePath) { try database.read { db in try body(db) } }
    }

    private func write<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: databasePath) { try database.write { db in try body(db) } }
    }
}
