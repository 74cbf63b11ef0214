import Foundation

/// A job run's state, as `GetJobRun` names them (gluelab sets RUNNING, SUCCEEDED, FAILED; the
/// script runtime may set TIMEOUT or STOPPED).
public enum RunStatus: String, Codable, Sendable, Hashable, CaseIterable {
    case running = "RUNNING"
    case succeeded = "SUCCEEDED"
    case failed = "FAILED"
    case timeout = "TIMEOUT"
    case stopped = "STOPPED"
}

/// What one source read in a run.
public struct SourceStats: Codable, Sendable, Hashable {
    /// The `transformation_ctx`, if any (none: the source was not tracked).
    public var transformationContext: String?
    /// `s3`, `jdbc`, ...
    public var connectionType: String
    /// The S3 paths, or the table / query of a JDBC source.
    public var paths: [String]
    /// `csv`, `json`, `parquet`, or nil for sources without a file format.
    public var format: String?
    /// How the bookmark applied: `untracked`, `full` (disable), `incremental`, `range` (pause from/to).
    public var bookmarkPlan: String
    public var objectsRead: Int
    public var recordsRead: Int
    public var bytesRead: Int64
    /// Error records the read produced.
    public var errors: Int
    /// The objects read (`s3://…`), in read order.
    public var objects: [String]
    /// Objects the bookmark considered new but left for a later run (`boundedFiles`,
    /// `boundedSize`, `maxFilesInBand`).
    public var objectsLeft: Int
    /// Whether files were grouped (`inPartition`, `none`), as `groupFiles` and the file count decided.
    public var groupFiles: String?
    /// `groupSize` in bytes, when given.
    public var groupSize: Int64?
    /// The Data Catalog table read (`db.table`), for `from_catalog` sources.
    public var catalogTable: String?
    /// The `push_down_predicate` of a `from_catalog` read, when given.
    public var pushDownPredicate: String?
    /// For a partitioned catalog table: the partitions the catalog lists, and how many of them
    /// the predicates kept (only those were listed and read).
    public var partitionsTotal: Int?
    public var partitionsMatched: Int?

    public init(transformationContext: String?, connectionType: String, paths: [String], format: String? = nil,
                bookmarkPlan: String = "untracked", objectsRead: Int = 0, recordsRead: Int = 0, bytesRead: Int64 = 0,
                errors: Int = 0, objects: [String] = [], objectsLeft: Int = 0, groupFiles: String? = nil, groupSize: Int64? = nil) {
        self.transformationContext = transformationContext
        self.connectionType = connectionType
        self.paths = paths
        self.format = format
        self.bookmarkPlan = bookmarkPlan
        self.objectsRead = objectsRead
        self.recordsRead = recordsRead
        self.bytesRead = bytesRead
        self.errors = errors
        self.objects = objects
        self.objectsLeft = objectsLeft
        self.groupFiles = groupFiles
        self.groupSize = groupSize
    }

    /// The plan's name as `bookmarkPlan` records it.
    public static func planName(_ plan: BookmarkReadPlan) -> String {
        switch plan {
        case .untracked: "untracked"
        case .full: "full"
        case .incremental: "incremental"
        case .range: "range"
        }
    }
}

/// What one sink wrote in a run (only published writes are recorded).
public struct SinkStats: Codable, Sendable, Hashable {
    public var transformationContext: String?
    public var connectionType: String
    public var path: String
    public var format: String
    public var objectsWritten: Int
    public var recordsWritten: Int
    public var bytesWritten: Int64
    /// The objects written (`s3://…`).
    public var objects: [String]
    /// The Data Catalog table a `from_catalog` sink or a catalog-updating sink wrote (`db.table`).
    public var catalogTable: String?
    /// With `enableUpdateCatalog`: partitions the sink added to the table, the table's version
    /// after the write (when the sink created or updated it), and why the catalog was left as
    /// it was, if it was.
    public var partitionsAdded: Int?
    public var catalogTableVersion: Int?
    public var catalogNote: String?

    public init(transformationContext: String?, connectionType: String = "s3", path: String, format: String,
                objectsWritten: Int, recordsWritten: Int, bytesWritten: Int64, objects: [String]) {
        self.transformationContext = transformationContext
        self.connectionType = connectionType
        self.path = path
        self.format = format
        self.objectsWritten = objectsWritten
        self.recordsWritten = recordsWritten
        self.bytesWritten = bytesWritten
        self.objects = objects
    }
}

/// One run of a job, as the run history keeps it (`gluelab runs`, `gluelab run-info`).
///
/// - `executionTime`: whole seconds the run took locally, on the sandbox clock; `cost` is the
///   estimate for the same work on AWS (its `runSeconds` comes from ``RunTimeModel``).
/// - `attempt`: under `job-bookmark-enable`, the bookmark attempt this run is (1, or more after
///   failed attempts since the last commit — the `Attempt` its commit would save); 1 otherwise.
/// - `bookmarkBefore` / `bookmarkAfter`: the job's `JobBookmarkEntry` when the run called
///   `job.init()` and when it finished (nil when it never called `job.init()`).
public struct RunRecord: Codable, Sendable, Hashable {
    public var runId: String
    public var jobName: String
    public var status: RunStatus
    public var startedOn: Int64
    public var completedOn: Int64?
    public var executionTime: Int
    public var attempt: Int
    /// The run's arguments, names without `--`.
    public var arguments: [String: String]
    public var bookmarkOption: BookmarkOption
    public var bookmarkRange: BookmarkRunRange?
    /// Whether the run called `job.init()`.
    public var jobInitialized: Bool
    /// Whether the run called `job.commit()`.
    public var committed: Bool
    public var sources: [SourceStats]
    public var sinks: [SinkStats]
    public var errorsCount: Int
    public var errorMessage: String?
    public var bookmarkBefore: JobBookmarkEntry?
    public var bookmarkAfter: JobBookmarkEntry?
    public var capacity: ResolvedCapacity
    public var cost: CostEstimate?
    /// The process that ran it (to tell a run in progress from one whose process died).
    public var pid: Int32
    /// The start time of process `pid` (``ProcessIdentity``), so a reused id is not taken for
    /// the run's process; nil in records written before it was kept.
    public var processStart: String?

    /// Records read by all sources.
    public var recordsRead: Int { sources.reduce(0) { $0 + $1.recordsRead } }
    /// Records written by all sinks.
    public var recordsWritten: Int { sinks.reduce(0) { $0 + $1.recordsWritten } }
    /// Objects read by all sources.
    public var objectsRead: Int { sources.reduce(0) { $0 + $1.objectsRead } }

    /// The work the run did, for ``RunTimeModel`` and ``CostModel``.
    public var workProfile: WorkProfile {
        var work = WorkProfile()
        for s in sources {
            work.objectsRead += s.objectsRead
            work.recordsProcessed += Int64(s.recordsRead)
            if let f = s.format.flatMap({ try? DataFormat(glueName: $0) }) {
                work.bytesRead[f, default: 0] += s.bytesRead
            }
        }
        for s in sinks {
            work.objectsWritten += s.objectsWritten
            work.recordsWritten += Int64(s.recordsWritten)
            if let f = try? DataFormat(glueName: s.format) {
                work.bytesWritten[f, default: 0] += s.bytesWritten
            }
        }
        return work
    }
}
