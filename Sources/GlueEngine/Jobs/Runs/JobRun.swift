import Foundation
import GRDB

/// One run of a job: what `GlueContext`, `Job.init` and `Job.commit` drive.
///
/// Lifecycle: ``start(sandbox:jobName:arguments:capacity:definition:)`` saves a RUNNING row;
/// ``jobInit()`` loads the job's bookmark (`job.init`); reads go through ``trackedRead(ctx:kind:body:)``
/// (``readS3(ctx:connectionOptions:format:formatOptions:)`` is built on it); writes through
/// ``writeS3(frame:ctx:connectionOptions:format:formatOptions:)``; ``commit()`` is `job.commit()`;
/// ``finish(error:status:)`` ends the run and returns its record.
///
/// **Crash safety.** Each write is staged, then published at once in one transaction (see
/// ``ObjectStore/publish(_:lastModified:)``): a process killed mid-write leaves nothing of that
/// write visible. Writes that completed stay visible even if the run later fails — as on AWS,
/// which is why a run that fails before `job.commit()` duplicates output on the next run. The
/// bookmark and its per-run snapshot change only inside the ``commit()`` transaction, so a
/// kill at any point leaves the bookmark as it was or fully committed. ``CrashPoint`` lists the
/// test points (`GLUELAB_CRASH_AT`).
///
/// The object is thread-safe; reads and writes of one run are expected to happen one at a time.
public final class JobRun: @unchecked Sendable {
    /// `jr_` followed by 64 lowercase hex digits, as Glue's run ids.
    public let runId: String
    public let jobName: String
    public let sandbox: Sandbox
    /// The bookmark option and range, from the arguments.
    public let settings: BookmarkSettings
    /// The run's arguments, names without `--` (as given to `start`).
    public let arguments: [String: String]
    /// The validated capacity.
    public let capacity: ResolvedCapacity
    /// The job definition, nil for an ad-hoc run.
    public let definition: JobDefinition?
    /// The run's start time on the sandbox clock (µs): the S3 bookmark's `runStart`.
    public let startedOn: Int64

    let lock = NSLock()
    var record: RunRecord
    var bookmark: JobBookmark?
    var history: [JobBookmark] = []
    var pending: [String: BookmarkEntryState] = [:]
    var finished = false
    /// Called after each micro-batch function of `forEachBatch` returns, with the number run so far.
    var batchObserver: (@Sendable (Int) -> Void)?
    var batchesRun = 0

    private init(sandbox: Sandbox, record: RunRecord, settings: BookmarkSettings, capacity: ResolvedCapacity, definition: JobDefinition?) {
        self.sandbox = sandbox
        self.runId = record.runId
        self.jobName = record.jobName
        self.settings = settings
        self.arguments = record.arguments
        self.capacity = capacity
        self.definition = definition
        self.startedOn = record.startedOn
        self.record = record
    }

    /// Calls `observer` after each micro-batch function of ``forEachBatch(connectionOptions:options:ctx:batch:)``
    /// returns, with the number of batch functions run so far (a lab stops a streaming run
    /// after N batches this way, as Ctrl-C would).
    public func observeBatches(_ observer: @escaping @Sendable (Int) -> Void) {
        lock.withLock { batchObserver = observer }
    }

    /// Starts a run: checks the arguments (``BookmarkSettings/init(arguments:)``) and the capacity
    /// (``JobCapacity/validated()``), refuses a run beyond `MaxConcurrentRuns` (1 for an ad-hoc
    /// run without a definition), and saves a RUNNING row with this process's id.
    ///
    /// `arguments` are the run's final arguments, names without `--`: the caller merges the
    /// job's `DefaultArguments` in first (``JobDefinition/runRequest(arguments:overrides:)``
    /// does it); `start` does not.
    /// - Throws: `EngineError.conflict` (`ConcurrentRunsExceededException`), `.invalidOption`.
    public static func start(sandbox: Sandbox, jobName: String, arguments: [String: String], capacity: JobCapacity,
                             definition: JobDefinition?) throws -> JobRun {
        try JobDefinition.checkName(jobName)
        let settings = try BookmarkSettings(arguments: arguments)
        let resolved = try capacity.validated()
        let limit = definition?.maxConcurrentRuns ?? 1
        let runId = newRunId()
        let record: RunRecord = try withEngineErrors(path: "sandbox \(sandbox.name)") {
            try sandbox.database.write { db in
                try RunStore.sweepDeadRuns(db, clock: sandbox.clock)
                let running = try RunStore.runningCount(db, jobName: jobName)
                guard running < limit else {
                    throw EngineError.conflict(
                        exception: "ConcurrentRunsExceededException",
                        message: "Concurrent runs exceeded for \(jobName): \(running) running, MaxConcurrentRuns is \(limit)")
                }
                let bookmark = try BookmarkStore.load(db, jobName: jobName)
                let record = RunRecord(
                    runId: runId, jobName: jobName, status: .running, startedOn: try sandbox.clock.now(db),
                    completedOn: nil, executionTime: 0,
                    attempt: settings.option == .enable ? bookmark.failedAttempts + 1 : 1,
                    arguments: arguments, bookmarkOption: settings.option, bookmarkRange: settings.range,
                    jobInitialized: false, committed: false, sources: [], sinks: [], errorsCount: 0, errorMessage: nil,
                    bookmarkBefore: nil, bookmarkAfter: nil, capacity: resolved, cost: nil, pid: getpid(),
                    processStart: ProcessIdentity.currentStart)
                try RunStore.insert(db, record)
                return record
            }
        }
        CrashPoint.runStarted.reached()
        return JobRun(sandbox: sandbox, record: record, settings: settings, capacity: resolved, definition: definition)
    }

    /// A fresh run id: `jr_` + 64 lowercase hex digits.
    static func newRunId() -> String {
        var rng = SystemRandomNumberGenerator()
        let hex = Array("0123456789abcdef")
        return "jr_" + String((0..<64).map { _ in hex[Int(rng.next() & 15)] })
    }

    /// A copy of the run's record as it stands.
    public var currentRecord: RunRecord { lock.withLock { record } }

    /// `job.init()`: loads the job's latest bookmark (and the per-run snapshots, for a paused
    /// range, whose run ids are checked here). Before it, every source reads as untracked.
    public func jobInit() throws {
        try withEngineErrors(path: "sandbox \(sandbox.name)") {
            try sandbox.database.write { db in
                let loaded = try BookmarkStore.load(db, jobName: jobName)
                let snapshots = try BookmarkStore.history(db, jobName: jobName)
                if let range = settings.range {
                    for id in [range.fromRunId, range.toRunId] {
                        _ = try BookmarkStore.snapshot(id, jobName: jobName, in: snapshots)
                    }
                }
                let entry = try BookmarkStore.entry(loaded)
                try lock.withLock {
                    bookmark = loaded
                    history = snapshots
                    record.jobInitialized = true
                    record.bookmarkBefore = entry
                    try RunStore.update(db, record)
                }
            }
        }
    }

    /// Whether `job.init()` was called.
    public var isInitialized: Bool { lock.withLock { bookmark != nil } }

    /// Reads one source under the bookmark: works out the plan for `ctx` (untracked before
    /// ``jobInit()`` or without a ctx), lets `body` read with it, keeps the new state for
    /// ``commit()`` when the plan saves (`enable` only), and records the source's stats.
    /// Any source kind (S3, JDBC, topics) reads through here.
    public func trackedRead(ctx: String?, kind: String, body: (BookmarkReadPlan) throws -> TrackedReadResult) throws -> DynamicFrame {
        let plan: BookmarkReadPlan = try lock.withLock {
            guard let bookmark else { return .untracked }
            return try bookmark.plan(ctx: ctx, settings: settings, history: history)
        }
        var result = try body(plan)
        result.stats.bookmarkPlan = SourceStats.planName(plan)
        if result.stats.transformationContext == nil { result.stats.transformationContext = ctx.flatMap { $0.isEmpty ? nil : $0 } }
        if result.stats.connectionType.isEmpty { result.stats.connectionType = kind }
        let stats = result.stats
        lock.withLock {
            if plan.saves, let ctx, let state = result.newState { pending[ctx] = state }
            record.sources.append(stats)
            record.errorsCount += stats.errors
        }
        try persist()
        return result.frame
    }

    /// `job.commit()`. Under `job-bookmark-enable` (after ``jobInit()``), saves the job's new
    /// bookmark (``JobBookmark/committed(runId:option:updates:)``) and this run's snapshot in one
    /// transaction. Under `pause` and `disable`, or without `job.init()`, nothing is saved.
    /// A second call is a no-op, as in Glue.
    public func commit() throws {
        let (already, initialized, updates) = lock.withLock { (record.committed, bookmark != nil, pending) }
        guard !already else { return }
        CrashPoint.commitBefore.reached()
        try withEngineErrors(path: "sandbox \(sandbox.name)") {
            try sandbox.database.write { db in
                var after: JobBookmarkEntry?
                if initialized, settings.option.updatesState {
                    let next = try BookmarkStore.load(db, jobName: jobName).committed(runId: runId, option: settings.option, updates: updates)
                    try BookmarkStore.save(db, next)
                    try BookmarkStore.saveSnapshot(db, runId: runId, next)
                    after = try BookmarkStore.entry(next)
                }
                try lock.withLock {
                    record.committed = true
                    if let after { record.bookmarkAfter = after }
                    try RunStore.update(db, record)
                }
                CrashPoint.commitInTransaction.reached()
            }
        }
        CrashPoint.commitDone.reached()
    }

    /// Ends the run: SUCCEEDED without an error, FAILED with the error's first line (or
    /// `status` when given, e.g. TIMEOUT or STOPPED). A run that did not commit leaves the
    /// bookmark's state as it was; under `enable`, one that ended in error (not one that
    /// succeeded without `job.commit()`) counts a failed attempt (``JobBookmark/failed()``).
    /// Records the end time, execution time, errors and the cost estimate. A second call
    /// returns the record unchanged.
    @discardableResult
    public func finish(error: (any Error)?, status: RunStatus? = nil) throws -> RunRecord {
        if lock.withLock({ finished }) { return currentRecord }
        CrashPoint.finishBefore.reached()
        return try withEngineErrors(path: "sandbox \(sandbox.name)") {
            try sandbox.database.write { db in
                let (committed, initialized) = lock.withLock { (record.committed, bookmark != nil) }
                var after: JobBookmarkEntry?
                if initialized {
                    var current = try BookmarkStore.load(db, jobName: jobName)
                    // A failed attempt is a run that ended in error before committing; one that
                    // succeeded without job.commit() leaves the bookmark exactly as it was.
                    let ended = status ?? (error == nil ? .succeeded : .failed)
                    if !committed, ended != .succeeded, settings.option.updatesState {
                        current = current.failed()
                        try BookmarkStore.save(db, current)
                    }
                    after = try BookmarkStore.entry(current)
                }
                let now = try sandbox.clock.now(db)
                return try lock.withLock {
                    record.status = status ?? (error == nil ? .succeeded : .failed)
                    if let error { record.errorMessage = Self.oneLine(error) }
                    record.completedOn = now
                    record.executionTime = Int(max(0, now - startedOn) / 1_000_000)
                    if let after { record.bookmarkAfter = after }
                    record.cost = CostModel.estimate(capacity, work: record.workProfile)
                    try RunStore.update(db, record)
                    finished = true
                    return record
                }
            }
        }
    }

    /// The first line of an error's description.
    static func oneLine(_ error: any Error) -> String {
        let text = String(describing: error)
        return text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? text
    }

    /// Saves the record as it stands (stats so far), so a run killed later still shows them.
    func persist() throws {
        try withEngineErrors(path: "sandbox \(sandbox.name)") {
            try sandbox.database.write { db in
                try lock.withLock { try RunStore.update(db, record) }
            }
        }
    }
}

/// What a source's read returns to ``JobRun/trackedRead(ctx:kind:body:)``.
public struct TrackedReadResult: Sendable {
    /// The frame read.
    public var frame: DynamicFrame
    /// The ctx's state after this read, saved by `job.commit()` when the plan saves; nil to
    /// leave the saved state as it is.
    public var newState: BookmarkEntryState?
    /// What was read (`bookmarkPlan` is filled in by `trackedRead`).
    public var stats: SourceStats

    public init(frame: DynamicFrame, newState: BookmarkEntryState?, stats: SourceStats) {
        self.frame = frame
        self.newState = newState
        self.stats = stats
    }
}
