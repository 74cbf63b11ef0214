import Foundation

/// A guided lab, as written in `labs/<id>/lab.yaml` (scripts and data files sit beside it).
public struct LabDefinition: Codable, Sendable, Equatable {
    /// The lab's id: its folder's name.
    public var id: String
    public var title: String
    /// The topic its step cards are filed under (`bookmarks`, `crawlers`, ...).
    public var topic: String
    /// The exam domain number (1–4).
    public var domain: Int
    /// The exam task statement, e.g. `1.2`.
    public var task: String?
    public var minutes: Int
    /// The lab's place in the suggested order (`lab list`, the prompt's "next lab"); labs
    /// without one come after, by id.
    public var order: Int?
    public var story: String
    /// Scripts (paths relative to the lab folder) copied to the learner's workspace to edit.
    public var scripts: [String]?
    public var start: LabStart
    public var steps: [LabStep]
}

/// The sandbox a lab starts from. Times are ISO-8601 (`2024-03-01T09:30:00Z`).
public struct LabStart: Codable, Sendable, Equatable {
    /// The sandbox clock when the learner takes over (frozen there).
    public var clock: String
    public var objects: [LabObject]?
    public var jobs: [LabJob]?
    /// Earlier runs the story needs, run through the engine at their clock times.
    public var runs: [LabRun]?
    /// JDBC tables: SQL run in a sandbox database (`JDBCDatabases.run(sql:database:)`).
    public var sql: [LabSQL]?
    /// Topics to create.
    public var topics: [LabTopic]?
    /// Data Catalog databases to create.
    public var catalogDatabases: [String]?
    /// Data Catalog tables to create (their database is created if missing).
    public var catalogTables: [LabCatalogTable]?
    /// Messages produced to the start state's topics, in order (interleaved with `runs` by time).
    public var messages: [LabMessage]?
    /// Crawlers to create (not run).
    public var crawlers: [LabCrawler]?
}

/// SQL for one JDBC database of the sandbox (tables and rows the story needs).
public struct LabSQL: Codable, Sendable, Equatable {
    public var database: String
    public var statements: String
}

/// A topic of the start state.
public struct LabTopic: Codable, Sendable, Equatable {
    public var name: String
    public var partitions: Int?
}

/// An object put in the start state (or by a solution action).
public struct LabObject: Codable, Sendable, Equatable {
    /// `s3://bucket/key`.
    public var uri: String
    /// A data file, relative to the lab folder.
    public var file: String
    /// ISO-8601 last-modified time.
    public var lastModified: String
}

/// A job definition; `script` names a workspace script (a lab `scripts` entry's file name).
/// The settings are `gluelab job create` options (and Glue's `CreateJob` fields); in an
/// `updateJob` action only the fields given change.
public struct LabJob: Codable, Sendable, Equatable {
    public var name: String
    /// Required in the start state and `createJob`; optional in `updateJob`.
    public var script: String?
    /// DefaultArguments, names without `--` (`updateJob`: added or replaced one by one).
    public var defaultArguments: [String: String]?
    /// `glueetl` (default), `pythonshell`, `gluestreaming` or `glueray`.
    public var type: String?
    /// `0.9` ... `5.0`.
    public var glueVersion: String?
    /// `G.1X`, `G.2X`, `G.025X`, ...
    public var workerType: String?
    public var numberOfWorkers: Int?
    /// DPUs (Python shell, or Glue 0.9/1.0 Spark).
    public var maxCapacity: Double?
    /// `STANDARD` or `FLEX`.
    public var executionClass: String?
    public var maxConcurrentRuns: Int?
    /// Minutes.
    public var timeout: Int?

    public init(name: String, script: String? = nil, defaultArguments: [String: String]? = nil, type: String? = nil,
                glueVersion: String? = nil, workerType: String? = nil, numberOfWorkers: Int? = nil, maxCapacity: Double? = nil,
                executionClass: String? = nil, maxConcurrentRuns: Int? = nil, timeout: Int? = nil) {
        self.name = name
        self.script = script
        self.defaultArguments = defaultArguments
        self.type = type
        self.glueVersion = glueVersion
        self.workerType = workerType
        self.numberOfWorkers = numberOfWorkers
        self.maxCapacity = maxCapacity
        self.executionClass = executionClass
        self.maxConcurrentRuns = maxConcurrentRuns
        self.timeout = timeout
    }
}

/// One run of a defined job at a clock time.
public struct LabRun: Codable, Sendable, Equatable {
    public var job: String
    /// ISO-8601; the clock is set there before the run (absent: now).
    public var at: String?
    /// Run arguments, names without `--`.
    public var arguments: [String: String]?
    /// A streaming run is stopped as Ctrl-C stops it after this many micro-batches (its
    /// batch function returned that many times): the run ends STOPPED.
    public var interruptAfterBatches: Int?
}

/// One step of a lab.
public struct LabStep: Codable, Sendable, Equatable {
    public var id: String
    public var title: String
    public var instructions: String
    /// Commands the learner may type (shown, never run by the runner).
    public var commands: [String]?
    public var checks: [LabCheckSpec]
    /// Up to three, in escalating order.
    public var hints: [String]
    /// Shown after the step passes.
    public var explanation: String
    /// The reference solution, as actions the self-check can apply.
    public var solution: [LabAction]
    /// The workspace script the step is about (a `scripts` file name), for `lab edit`;
    /// default: the lab's only script.
    public var script: String?
}
