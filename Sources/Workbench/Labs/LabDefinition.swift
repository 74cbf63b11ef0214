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
public struct LabJob: Codable, Sendable, Equatable {
    public var name: String
    public var script: String
    /// DefaultArguments, names without `--`.
    public var defaultArguments: [String: String]?
}

/// One run of a defined job at a clock time.
public struct LabRun: Codable, Sendable, Equatable {
    public var job: String
    /// ISO-8601; the clock is set there before the run (absent: now).
    public var at: String?
    /// Run arguments, names without `--`.
    public var arguments: [String: String]?
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
}

/// A reference-solution action (exactly one field set).
public struct LabAction: Codable, Sendable, Equatable {
    /// Replace a workspace script with a file of the lab folder: `{script, from}`.
    public var editScript: EditScript?
    /// Move the sandbox clock forward (`1h`, `30m`).
    public var advanceClock: String?
    /// Put an object.
    public var putObject: LabObject?
    /// Run a defined job.
    public var run: LabRun?

    public struct EditScript: Codable, Sendable, Equatable {
        public var script: String
        public var from: String
    }

    /// What the action does, as the learner would type it.
    public var summary: String {
        if let e = editScript { return "edit \(e.script) as in \(e.from)" }
        if let a = advanceClock { return "gluelab clock advance \(a)" }
        if let p = putObject { return "gluelab s3 cp \(p.file) \(p.uri)" }
        if let r = run {
            let args = (r.arguments ?? [:]).sorted { $0.key < $1.key }.map { " --\($0.key) \($0.value)" }.joined()
            return "gluelab job run \(r.job)\(args)"
        }
        return "(nothing)"
    }

    var fieldCount: Int { [editScript != nil, advanceClock != nil, putObject != nil, run != nil].filter { $0 }.count }
}
