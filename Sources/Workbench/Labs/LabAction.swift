import Foundation

/// A reference-solution action (exactly one kind set), also a question scenario option's.
/// Any action may carry `expectError: true`: it must then fail, and its one-line error is kept
/// for the `actionError` check (``LabActionPlayer``).
public struct LabAction: Codable, Sendable, Equatable {
    /// Replace a workspace script with a file of the lab folder: `{script, from}`.
    public var editScript: EditScript?
    /// Move the sandbox clock forward (`1h`, `30m`).
    public var advanceClock: String?
    /// Stop the sandbox clock at an ISO-8601 time.
    public var setClock: String?
    /// Put an object.
    public var putObject: LabObject?
    /// Delete every object under a prefix.
    public var deleteObjects: DeleteObjects?
    /// Run a defined job.
    public var run: LabRun?
    /// SQL in a JDBC database.
    public var sql: LabSQL?
    /// Send messages to a topic.
    public var produce: Produce?
    /// Reset a job's bookmark, or rewind it to the state after a run.
    public var resetBookmark: ResetBookmark?
    /// Create a job.
    public var createJob: LabJob?
    /// Change a job: only the fields given change.
    public var updateJob: LabJob?
    /// Delete a job (and its bookmark).
    public var deleteJob: String?
    /// Run a crawler.
    public var runCrawler: String?
    /// The action must fail (its error is kept for `actionError`).
    public var expectError: Bool?

    public struct EditScript: Codable, Sendable, Equatable {
        public var script: String
        public var from: String
    }

    public struct DeleteObjects: Codable, Sendable, Equatable {
        /// `s3://bucket/prefix/`.
        public var prefix: String
    }

    public struct Produce: Codable, Sendable, Equatable {
        public var topic: String
        public var messages: [LabMessage]
    }

    public struct ResetBookmark: Codable, Sendable, Equatable {
        public var job: String
        /// Rewind to the bookmark saved after this run: a `jr_` id, or an index from the end of
        /// the job's runs (`-1` = the last run, `-2` = the one before).
        public var runId: String?
    }

    public init(editScript: EditScript? = nil, advanceClock: String? = nil, setClock: String? = nil, putObject: LabObject? = nil,
                deleteObjects: DeleteObjects? = nil, run: LabRun? = nil, sql: LabSQL? = nil, produce: Produce? = nil,
                resetBookmark: ResetBookmark? = nil, createJob: LabJob? = nil, updateJob: LabJob? = nil, deleteJob: String? = nil,
                runCrawler: String? = nil, expectError: Bool? = nil) {
        self.editScript = editScript
        self.advanceClock = advanceClock
        self.setClock = setClock
        self.putObject = putObject
        self.deleteObjects = deleteObjects
        self.run = run
        self.sql = sql
        self.produce = produce
        self.resetBookmark = resetBookmark
        self.createJob = createJob
        self.updateJob = updateJob
        self.deleteJob = deleteJob
        self.runCrawler = runCrawler
        self.expectError = expectError
    }

    /// The YAML names of the kinds.
    static let kinds = ["editScript", "advanceClock", "setClock", "putObject", "deleteObjects", "run", "sql", "produce",
                        "resetBookmark", "createJob", "updateJob", "deleteJob", "runCrawler"]

    var kindCount: Int {
        [editScript != nil, advanceClock != nil, setClock != nil, putObject != nil, deleteObjects != nil, run != nil, sql != nil,
         produce != nil, resetBookmark != nil, createJob != nil, updateJob != nil, deleteJob != nil, runCrawler != nil]
            .filter { $0 }.count
    }

    /// What the action does, in a few words (the commands are ``LabActionCommands``).
    public var summary: String {
        if let e = editScript { return "edit \(e.script) as in \(e.from)" }
        if let a = advanceClock { return "gluelab clock advance \(a)" }
        if let t = setClock { return "gluelab clock set \(t)" }
        if let p = putObject { return "gluelab s3 cp \(p.file) \(p.uri) --last-modified \(p.lastModified)" }
        if let d = deleteObjects { return "gluelab s3 rm --recursive \(d.prefix)" }
        if let r = run {
            let args = (r.arguments ?? [:]).sorted { $0.key < $1.key }.map { " --\($0.key) \($0.value)" }.joined()
            return "gluelab job run \(r.job)\(args)" + (r.interruptAfterBatches.map { " (Ctrl-C after \($0) micro-batches)" } ?? "")
        }
        if let s = sql { return "gluelab sql --database \(s.database) \"\(s.statements)\"" }
        if let p = produce { return "gluelab topic produce \(p.topic) (\(p.messages.count) messages)" }
        if let b = resetBookmark { return "gluelab bookmark reset \(b.job)" + (b.runId.map { " --run-id \($0)" } ?? "") }
        if let j = createJob { return "gluelab job create \(j.name)" }
        if let j = updateJob { return "gluelab job update \(j.name)" }
        if let j = deleteJob { return "gluelab job delete \(j)" }
        if let c = runCrawler { return "gluelab crawler run \(c)" }
        return "(nothing)"
    }
}
