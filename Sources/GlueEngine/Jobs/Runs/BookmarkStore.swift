import Foundation
import GRDB

/// The saved bookmarks of a sandbox's jobs: the current ``JobBookmark`` per job name, and the
/// snapshot saved after each committed run (what rewinds and paused from/to ranges need).
/// `GetJobBookmark` is ``entry(jobName:runId:)``, `ResetJobBookmark` is ``reset(jobName:runId:)``.
///
/// Bookmarks are keyed by job name, whether or not a job definition exists (an ad-hoc
/// `gluelab run --JOB_NAME n` has a bookmark too). A job that has no bookmark yet reads as the
/// all-zero ``JobBookmark/init(jobName:)``.
public final class BookmarkStore: Sendable {
    let sandbox: Sandbox

    public init(sandbox: Sandbox) {
        self.sandbox = sandbox
    }

    /// What a reset or rewind changed.
    public struct Reset: Sendable, Hashable {
        public var before: JobBookmarkEntry
        public var after: JobBookmarkEntry
        /// The run rewound to, or nil for a full reset.
        public var rewoundTo: String?
    }

    /// The job's current bookmark (all zeros when it has none).
    public func current(jobName: String) throws(EngineError) -> JobBookmark {
        try read { db throws(EngineError) in try Self.load(db, jobName: jobName) }
    }

    /// The snapshots saved after each committed run, oldest first.
    public func history(jobName: String) throws(EngineError) -> [JobBookmark] {
        try read { db throws(EngineError) in try Self.history(db, jobName: jobName) }
    }

    /// `GetJobBookmark`: the current entry, or with `runId` the one saved after that run.
    /// - Throws: `EngineError.notFound` for a job with no definition, bookmark or run, or a run
    ///   that committed no bookmark.
    public func entry(jobName: String, runId: String? = nil) throws(EngineError) -> JobBookmarkEntry {
        try read { db throws(EngineError) in
            try Self.checkKnown(db, jobName: jobName)
            let bookmark: JobBookmark
            if let runId {
                bookmark = try Self.snapshot(runId, jobName: jobName, in: try Self.history(db, jobName: jobName))
            } else {
                bookmark = try Self.load(db, jobName: jobName)
            }
            return try Self.entry(bookmark)
        }
    }

    /// `ResetJobBookmark`: without `runId`, every ctx forgotten (``JobBookmark/reset()``); with
    /// it, the state saved after that run (``JobBookmark/rewound(to:history:)``).
    @discardableResult
    public func reset(jobName: String, runId: String? = nil) throws(EngineError) -> Reset {
        try write { db throws(EngineError) in
            try Self.checkKnown(db, jobName: jobName)
            let current = try Self.load(db, jobName: jobName)
            let next: JobBookmark
            if let runId {
                do {
                    next = try current.rewound(to: runId, history: try Self.history(db, jobName: jobName))
                } catch let e as EngineError {
                    throw e
                } catch {
                    throw .io(path: runId, reason: "\(error)")
                }
            } else {
                next = current.reset()
            }
            try Self.save(db, next)
            return Reset(before: try Self.entry(current), after: try Self.entry(next), rewoundTo: runId)
        }
    }

    // MARK: Inside a transaction

    static func load(_ db: Database, jobName: String) throws(EngineError) -> JobBookmark {
        try withEngineErrors(path: "job bookmark \(jobName)") {
            try String.fetchOne(db, sql: "SELECT bookmark FROM job_bookmarks WHERE job_name = ?", arguments: [jobName])
                .map { try RunJSON.decode(JobBookmark.self, $0) } ?? JobBookmark(jobName: jobName)
        }
    }

    static func save(_ db: Database, _ bookmark: JobBookmark) throws(EngineError) {
        try withEngineErrors(path: "job bookmark \(bookmark.jobName)") {
            try db.execute(sql: """
                INSERT INTO job_bookmarks (job_name, bookmark) VALUES (?, ?)
                ON CONFLICT (job_name) DO UPDATE SET bookmark = excluded.bookmark
                """, arguments: [bookmark.jobName, try RunJSON.encode(bookmark)])
        }
    }

    static func saveSnapshot(_ db: Database, runId: String, _ bookmark: JobBookmark) throws(EngineError) {
        try withEngineErrors(path: "job bookmark \(bookmark.jobName)") {
            try db.execute(sql: "INSERT INTO job_bookmark_snapshots (job_name, run_id, bookmark) VALUES (?, ?, ?)",
                           arguments: [bookmark.jobName, runId, try RunJSON.encode(bookmark)])
        }
    }

    static func history(_ db: Database, jobName: String) throws(EngineError) -> [JobBookmark] {
        try withEngineErrors(path: "job bookmark \(jobName)") {
            try String.fetchAll(db, sql: "SELECT bookmark FROM job_bookmark_snapshots WHERE job_name = ? ORDER BY seq",
                                arguments: [jobName]).map { try RunJSON.decode(JobBookmark.self, $0) }
        }
    }

    /// Deletes a job's bookmark and snapshots; says what was there.
    static func delete(_ db: Database, jobName: String) throws -> (bookmark: Bool, snapshots: Int) {
        try db.execute(sql: "DELETE FROM job_bookmarks WHERE job_name = ?", arguments: [jobName])
        let bookmark = db.changesCount > 0
        try db.execute(sql: "DELETE FROM job_bookmark_snapshots WHERE job_name = ?", arguments: [jobName])
        return (bookmark, db.changesCount)
    }

    static func snapshot(_ runId: String, jobName: String, in history: [JobBookmark]) throws(EngineError) -> JobBookmark {
        guard let found = history.last(where: { $0.runId == runId }) else {
            throw .notFound(what: "bookmark of run \(runId) of job \(jobName) (only runs that committed under job-bookmark-enable have one)")
        }
        return found
    }

    static func entry(_ bookmark: JobBookmark) throws(EngineError) -> JobBookmarkEntry {
        try withEngineErrors(path: "job bookmark \(bookmark.jobName)") { try bookmark.entry() }
    }

    /// A job is known when it has a definition, a bookmark or a run.
    static func checkKnown(_ db: Database, jobName: String) throws(EngineError) {
        let known: Bool = try withEngineErrors(path: "job \(jobName)") {
            try Bool.fetchOne(db, sql: """
                SELECT EXISTS (SELECT 1 FROM jobs WHERE name = ?) OR EXISTS (SELECT 1 FROM job_bookmarks WHERE job_name = ?)
                    OR EXISTS (SELECT 1 FROM job_runs WHERE job_name = ?)
                """, arguments: [jobName, jobName, jobName]) ?? false
        }
        guard known else {
            throw .notFound(what: "job \(jobName): no such job and no run of it (EntityNotFoundException)")
        }
    }

    private func read<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: "sandbox \(sandbox.name)") { try sandbox.database.read { db in try body(db) } }
    }

    private func write<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: "sandbox \(sandbox.name)") { try sandbox.database.write { db in try body(db) } }
    }
}
