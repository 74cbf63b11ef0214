import Foundation
import GRDB

/// The named jobs of a sandbox (`CreateJob`, `UpdateJob`, `GetJob`, `GetJobs`, `DeleteJob`).
///
/// Deleting a job deletes its bookmark and the per-run bookmark snapshots with it (fact sheet
/// §4.1: "Deleting the job deletes its bookmark"), in one transaction; its run history stays.
public final class JobStore: Sendable {
    let sandbox: Sandbox

    public init(sandbox: Sandbox) {
        self.sandbox = sandbox
    }

    /// What `delete` removed.
    public struct Deletion: Sendable, Hashable {
        /// Whether the job had a bookmark (now deleted).
        public var bookmarkDeleted: Bool
        /// Per-run bookmark snapshots deleted.
        public var snapshotsDeleted: Int
    }

    /// Creates a job; `createdOn` and `lastModifiedOn` are set from the sandbox clock.
    /// - Throws: `EngineError.conflict` (`AlreadyExistsException`) when the name is taken;
    ///   `EngineError.invalidOption` for a definition Glue would refuse (``JobDefinition/validate()``).
    @discardableResult
    public func create(_ definition: JobDefinition) throws(EngineError) -> JobDefinition {
        try definition.validate()
        return try write { db throws(EngineError) in
            if try self.fetch(db, definition.name) != nil {
                throw .conflict(exception: "AlreadyExistsException", message: "Job with name \(definition.name) already exists")
            }
            var job = definition
            job.createdOn = try self.sandbox.clock.now(db)
            job.lastModifiedOn = job.createdOn
            try self.store(db, job, insert: true)
            return job
        }
    }

    /// Changes a job with `change` (the name cannot change), validates the result, and stamps
    /// `lastModifiedOn`. An error thrown by `change` is rethrown unchanged and nothing changes.
    @discardableResult
    public func update(_ name: String, _ change: (inout JobDefinition) throws -> Void) throws -> JobDefinition {
        var changeError: (any Error)?
        let updated: JobDefinition? = try write { db in
            guard var job = try self.fetch(db, name) else { throw Self.missing(name) }
            do { try change(&job) } catch {
                changeError = error
                return nil
            }
            job.name = name
            try job.validate()
            job.lastModifiedOn = try self.sandbox.clock.now(db)
            try self.store(db, job, insert: false)
            return job
        }
        guard let updated else { throw changeError ?? Self.missing(name) }
        return updated
    }

    /// The job named `name`. - Throws: `EngineError.notFound`.
    public func get(_ name: String) throws(EngineError) -> JobDefinition {
        guard let job = try find(name) else { throw Self.missing(name) }
        return job
    }

    /// The job named `name`, or nil.
    public func find(_ name: String) throws(EngineError) -> JobDefinition? {
        try read { db throws(EngineError) in try self.fetch(db, name) }
    }

    /// Every job, by name.
    public func list() throws(EngineError) -> [JobDefinition] {
        try read { db throws(EngineError) in
            try withEngineErrors(path: self.path) {
                try String.fetchAll(db, sql: "SELECT definition FROM jobs ORDER BY name").map { try RunJSON.decode(JobDefinition.self, $0) }
            }
        }
    }

    /// Deletes the job, its bookmark and its bookmark snapshots (one transaction).
    /// - Throws: `EngineError.notFound`.
    @discardableResult
    public func delete(_ name: String) throws(EngineError) -> Deletion {
        try write { db throws(EngineError) in
            guard try self.fetch(db, name) != nil else { throw Self.missing(name) }
            return try withEngineErrors(path: self.path) {
                try db.execute(sql: "DELETE FROM jobs WHERE name = ?", arguments: [name])
                let removed = try BookmarkStore.delete(db, jobName: name)
                return Deletion(bookmarkDeleted: removed.bookmark, snapshotsDeleted: removed.snapshots)
            }
        }
    }

    static func missing(_ name: String) -> EngineError {
        .notFound(what: "job \(name) (EntityNotFoundException; 'gluelab job list' shows the jobs)")
    }

    /// The tables of jobs, bookmarks, bookmark snapshots and runs (one migration, `v1-jobs`).
    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE jobs (
                name TEXT PRIMARY KEY,
                definition TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE job_bookmarks (
                job_name TEXT PRIMARY KEY,
                bookmark TEXT NOT NULL
            ) WITHOUT ROWID;
            CREATE TABLE job_bookmark_snapshots (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                job_name TEXT NOT NULL,
                run_id TEXT NOT NULL,
                bookmark TEXT NOT NULL,
                UNIQUE (job_name, run_id)
            );
            CREATE TABLE job_runs (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id TEXT NOT NULL UNIQUE,
                job_name TEXT NOT NULL,
                status TEXT NOT NULL,
                pid INTEGER NOT NULL,
                record TEXT NOT NULL
            );
            CREATE INDEX job_runs_by_job ON job_runs (job_name, seq);
            CREATE INDEX job_runs_by_status ON job_runs (status);
            """)
    }

    func fetch(_ db: Database, _ name: String) throws(EngineError) -> JobDefinition? {
        try withEngineErrors(path: path) {
            try String.fetchOne(db, sql: "SELECT definition FROM jobs WHERE name = ?", arguments: [name])
                .map { try RunJSON.decode(JobDefinition.self, $0) }
        }
    }

    private func store(_ db: Database, _ job: JobDefinition, insert: Bool) throws(EngineError) {
        try withEngineErrors(path: path) {
            let json = try RunJSON.encode(job)
            if insert {
                try db.execute(sql: "INSERT INTO jobs (name, definition) VALUES (?, ?)", arguments: [job.name, json])
            } else {
                try db.execute(sql: "UPDATE jobs SET definition = ? WHERE name = ?", arguments: [json, job.name])
            }
        }
    }

    var path: String { sandbox.root.appendingPathComponent("sandbox.sqlite").path }

    func read<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: path) { try sandbox.database.read { db in try body(db) } }
    }

    func write<T>(_ body: (Database) throws -> T) throws(EngineError) -> T {
        try withEngineErrors(path: path) { try sandbox.database.write { db in try body(db) } }
    }
}

/// The JSON the job tables hold (sorted keys, so rows are stable).
enum RunJSON {
    static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }
}
