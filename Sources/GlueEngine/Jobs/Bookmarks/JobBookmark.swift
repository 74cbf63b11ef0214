import Foundation

/// A job's whole bookmark: the counters AWS shows in `GetJobBookmark` and one state per
/// `transformation_ctx`. A value type; every transition is a pure function returning a new one.
///
/// Counters (GDG `monitor-continuations`): `version` goes up on every bookmark update (commit
/// under `enable`, reset, rewind); `run` goes up on every successful (committed) run; `attempt`
/// is the attempt number of the committed run — 1, or more when that run followed failed
/// attempts (`failedAttempts` counts failures since the last commit). A new job is all zeros.
///
/// Sources without a `transformation_ctx` are untracked: pass `ctx: nil` to
/// ``plan(ctx:settings:history:)`` and leave them out of `updates` in ``committed(runId:option:updates:)``.
public struct JobBookmark: Codable, Sendable, Hashable {
    public var jobName: String
    public var version: Int
    public var run: Int
    public var attempt: Int
    /// Failed attempts since the last commit (not shown by AWS; drives `attempt`).
    public var failedAttempts: Int
    public var previousRunId: String?
    public var runId: String?
    /// State per `transformation_ctx`.
    public var entries: [String: BookmarkEntryState]

    /// The bookmark of a job that never committed.
    public init(jobName: String) {
        self.jobName = jobName
        version = 0
        run = 0
        attempt = 0
        failedAttempts = 0
        previousRunId = nil
        runId = nil
        entries = [:]
    }

    /// How a source with this `ctx` reads under `settings`. `history` holds the snapshots saved
    /// after each committed run (for a paused range); unknown run ids are `EngineError.notFound`.
    public func plan(ctx: String?, settings: BookmarkSettings, history: [JobBookmark] = []) throws -> BookmarkReadPlan {
        guard let ctx, !ctx.isEmpty else { return .untracked }
        switch settings.option {
        case .disable:
            return .full
        case .enable:
            return .incremental(state: entries[ctx], saves: true)
        case .pause:
            guard let range = settings.range else { return .incremental(state: entries[ctx], saves: false) }
            let from = try Self.snapshot(range.fromRunId, jobName: jobName, in: history)
            let to = try Self.snapshot(range.toRunId, jobName: jobName, in: history)
            return .range(from: from.entries[ctx], to: to.entries[ctx])
        }
    }

    /// The bookmark after run `runId` called `job.commit()`. Under `enable`, `updates` (the new
    /// state of every tracked source the run read) replace those ctxs' entries, other ctxs keep
    /// theirs, and the counters move. Under `pause` and `disable` nothing changes: the state is
    /// not updated, so neither is any counter.
    public func committed(runId: String, option: BookmarkOption, updates: [String: BookmarkEntryState]) -> JobBookmark {
        guard option.updatesState else { return self }
        var next = self
        next.entries.merge(updates) { _, new in new }
        next.version += 1
        next.run += 1
        next.attempt = failedAttempts + 1
        next.failedAttempts = 0
        next.previousRunId = self.runId
        next.runId = runId
        return next
    }

    /// The bookmark after an attempt failed (or ended without `job.commit()`): the state is
    /// untouched, so the next run reads the same delta again; only the attempt count moves.
    public func failed() -> JobBookmark {
        var next = self
        next.failedAttempts += 1
        return next
    }

    /// `ResetJobBookmark` without a run id: every ctx forgotten (the next run reads everything),
    /// counters back to zero except `version`, which records the update.
    public func reset() -> JobBookmark {
        var next = JobBookmark(jobName: jobName)
        next.version = version + 1
        return next
    }

    /// `ResetJobBookmark` with a run id: the state saved after that run (from `history`), so the
    /// next run reads only what is new since it. `version` still goes up.
    public func rewound(to runId: String, history: [JobBookmark]) throws -> JobBookmark {
        var next = try Self.snapshot(runId, jobName: jobName, in: history)
        next.version = version + 1
        next.failedAttempts = 0
        return next
    }

    /// The `GetJobBookmark` view, with the per-ctx states as a JSON string (sorted keys).
    public func entry() throws -> JobBookmarkEntry {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(entries), as: UTF8.self)
        return JobBookmarkEntry(
            jobName: jobName, version: version, run: run, attempt: attempt,
            previousRunId: previousRunId, runId: runId, jobBookmark: json)
    }

    static func snapshot(_ runId: String, jobName: String, in history: [JobBookmark]) throws -> JobBookmark {
        guard let found = history.last(where: { $0.runId == runId }) else {
            throw EngineError.notFound(what: "bookmark of run \(runId) of job \(jobName)")
        }
        return found
    }
}

/// The shape of AWS `JobBookmarkEntry` (`GetJobBookmark`, `ResetJobBookmark`); encodes with
/// AWS's field names (`JobName`, `Version`, `Run`, `Attempt`, `PreviousRunId`, `RunId`,
/// `JobBookmark`). `JobBookmark` is an opaque JSON string, as on AWS.
public struct JobBookmarkEntry: Codable, Sendable, Hashable {
    public var jobName: String
    public var version: Int
    public var run: Int
    public var attempt: Int
    public var previousRunId: String?
    public var runId: String?
    public var jobBookmark: String

    private enum CodingKeys: String, CodingKey {
        case jobName = "JobName", version = "Version", run = "Run", attempt = "Attempt"
        case previousRunId = "PreviousRunId", runId = "RunId", jobBookmark = "JobBookmark"
    }
}
