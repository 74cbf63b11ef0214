import Foundation
import GRDB

/// The run history of a sandbox (`GetJobRuns`, `GetJobRun`): one ``RunRecord`` per run,
/// newest first. Runs are kept when their job is deleted (AWS keeps run history 90 days;
/// gluelab keeps it until the sandbox is removed).
///
/// A RUNNING run whose process no longer exists (it was killed, or crashed) is marked FAILED
/// ("the gluelab process ended without finishing the run") whenever runs are listed or a run
/// starts; if it ran under `job-bookmark-enable`, called `job.init()` and never committed, its
/// job's bookmark counts a failed attempt (``JobBookmark/failed()``), as a finished run's would.
public final class RunStore: Sendable {
    let sandbox: Sandbox

    /// The message of a run whose process died.
    public static let deadProcessMessage = "the gluelab process ended without finishing the run"

    public init(sandbox: Sandbox) {
        self.sandbox = sandbox
    }

    /// The runs of `jobName` (every job's when nil), newest first.
    public func list(jobName: String? = nil) throws(EngineError) -> [RunRecord] {
        try write { db throws(EngineError) in
            try Self.sweepDeadRuns(db, clock: self.sandbox.clock)
            return try withEngineErrors(path: "run history") {
                let rows: [String]
                if let jobName {
                    rows = try String.fetchAll(db, sql: "SELECT record FROM job_runs WHERE job_name = ? ORDER BY seq DESC", arguments: [jobName])
                } else {
                    rows = try String.fetchAll(db, sql: "SELECT record FROM job_runs ORDER BY seq DESC")
                }
                return try rows.map { try RunJSON.decode(RunRecord.self, $0) }
            }
        }
    }

    /// The run `runId`. - Throws: `EngineError.notFound`.
    public func get(runId: String) throws(EngineError) -> RunRecord {
        try write { db throws(EngineError) in
            try Self.sweepDeadRuns(db, clock: self.sandbox.clock)
            guard let record = try Self.fetch(db, runId: runId) else {
                throw .notFound(what: "job run \(runId) ('gluelab runs' lists the runs)")
            }
            return record
        }
    }

    // MARK: Inside a transaction

    static func fetch(_ db: Database, runId: String) throws(EngineError) -> RunRecord? {
        try withEngineErrors(path: "run history") {
            try String.fetchOne(db, sql: "SELECT record FROM job_runs WHERE run_id = ?", arguments: [runId])
                .map { try RunJSON.decode(RunRecord.self, $0) }
        }
    }

    static func insert(_ db: Database, _ record: RunRecord) throws(EngineError) {
        try withEngineErrors(path: "run history") {
            try db.execute(sql: "INSERT INTO job_runs (run_id, job_name, status, pid, record) VALUES (?, ?, ?, ?, ?)",
                           arguments: [record.runId, record.jobName, record.status.rawValue, record.pid, try RunJSON.encode(record)])
        }
    }

    static func update(_ db: Database, _ record: RunRecord) throws(EngineError) {
        try withEngineErrors(path: "run history") {
            try db.execute(sql: "UPDATE job_runs SET status = ?, record = ? WHERE run_id = ?",
                           arguments: [record.status.rawValue, try RunJSON.encode(record), record.runId])
        }
    }

    /// The runs of `jobName` still RUNNING (after the sweep).
    static func runningCount(_ db: Database, jobName: String) throws(EngineError) -> Int {
        try withEngineErrors(path: "run history") {
            try Int.fetchOne(db, sql: "SELECT count(*) FROM job_runs WHERE job_name = ? AND status = 'RUNNING'", arguments: [jobName]) ?? 0
        }
    }

    /// Marks FAILED every RUNNING run whose process is gone (or whose id now belongs to another
    /// process: ``ProcessIdentity``).
    static func sweepDeadRuns(_ db: Database, clock: SandboxClock) throws(EngineError) {
        let running: [RunRecord] = try withEngineErrors(path: "run history") {
            try String.fetchAll(db, sql: "SELECT record FROM job_runs WHERE status = 'RUNNING'").map { try RunJSON.decode(RunRecord.self, $0) }
        }
        let dead = running.filter { $0.pid != getpid() && !ProcessIdentity.isAlive(pid: $0.pid, start: $0.processStart) }
        guard !dead.isEmpty else { return }
        let now = try clock.now(db)
        for var record in dead {
            if record.bookmarkOption == .enable, record.jobInitialized, !record.committed {
                try BookmarkStore.save(db, try BookmarkStore.load(db, jobName: record.jobName).failed())
            }
            if record.jobInitialized {
                record.bookmarkAfter = try BookmarkStore.entry(try BookmarkStore.load(db, jobName: record.jobName))
            }
            record.status = .failed
            record.errorMessage = deadProcessMessage
            record.completedOn = now
            record.executionTime = Int(max(0, now - record.startedOn) / 1_000_000)
            try update(db, record)
        }
    }

    private func write<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: "sandbox \(sandbox.name)") { try sandbox.database.write { db in try body(db) } }
    }
}
