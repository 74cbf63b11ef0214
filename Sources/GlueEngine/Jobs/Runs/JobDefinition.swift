import Foundation

/// `Command` of a Glue job: what runs, and where its script is.
public struct JobCommand: Codable, Sendable, Hashable {
    /// `glueetl`, `gluestreaming`, `pythonshell` or `glueray`.
    public var name: JobType
    /// The script: a local path or an `s3://` URI in the sandbox.
    public var scriptLocation: String
    /// `PythonVersion`, if given (`3`, or `3.9` for Python shell).
    public var pythonVersion: String?

    public init(name: JobType = .glueetl, scriptLocation: String, pythonVersion: String? = nil) {
        self.name = name
        self.scriptLocation = scriptLocation
        self.pythonVersion = pythonVersion
    }
}

/// A named job, as `CreateJob` holds it: the command, the `DefaultArguments` every run starts
/// from, `MaxConcurrentRuns`, capacity and timeout.
///
/// `defaultArguments` keys keep their leading `--`, as AWS stores them (`--job-bookmark-option`).
/// `role` is kept for the shape of `GetJob` and otherwise ignored. Times are µs since the epoch
/// on the sandbox clock.
public struct JobDefinition: Codable, Sendable, Hashable {
    public var name: String
    public var description: String?
    public var role: String?
    public var command: JobCommand
    public var defaultArguments: [String: String]
    /// `ExecutionProperty.MaxConcurrentRuns` (default 1).
    public var maxConcurrentRuns: Int
    public var workerType: WorkerType?
    public var numberOfWorkers: Int?
    public var maxCapacity: Double?
    public var executionClass: ExecutionClass
    public var glueVersion: GlueVersion
    /// `Timeout`, in minutes (default 2880).
    public var timeout: Int
    public var createdOn: Int64
    public var lastModifiedOn: Int64

    public init(
        name: String, description: String? = nil, role: String? = nil, command: JobCommand,
        defaultArguments: [String: String] = [:], maxConcurrentRuns: Int = 1,
        workerType: WorkerType? = nil, numberOfWorkers: Int? = nil, maxCapacity: Double? = nil,
        executionClass: ExecutionClass = .standard, glueVersion: GlueVersion = .default,
        timeout: Int = JobCapacity.defaultTimeoutMinutes, createdOn: Int64 = 0, lastModifiedOn: Int64 = 0
    ) {
        self.name = name
        self.description = description
        self.role = role
        self.command = command
        self.defaultArguments = defaultArguments
        self.maxConcurrentRuns = maxConcurrentRuns
        self.workerType = workerType
        self.numberOfWorkers = numberOfWorkers
        self.maxCapacity = maxCapacity
        self.executionClass = executionClass
        self.glueVersion = glueVersion
        self.timeout = timeout
        self.createdOn = createdOn
        self.lastModifiedOn = lastModifiedOn
    }

    /// The job's capacity for a run with these arguments (names without `--`; only
    /// `enable-auto-scaling` is read from them).
    public func capacity(arguments: [String: String] = [:]) -> JobCapacity {
        JobCapacity(
            jobType: command.name, glueVersion: glueVersion, workerType: workerType,
            numberOfWorkers: numberOfWorkers, maxCapacity: maxCapacity, executionClass: executionClass,
            autoScaling: arguments["enable-auto-scaling"]?.lowercased() == "true", timeoutMinutes: timeout)
    }

    /// Checks the definition as `CreateJob` would: the name, `MaxConcurrentRuns` ≥ 1, the script
    /// location, `DefaultArguments` keys starting with `--`, the bookmark arguments
    /// (``BookmarkSettings/init(arguments:)``) and the capacity (``JobCapacity/validated()``).
    public func validate() throws(EngineError) {
        try Self.checkName(name)
        guard maxConcurrentRuns >= 1 else {
            throw .invalidOption(name: "MaxConcurrentRuns", value: String(maxConcurrentRuns), reason: "must be at least 1")
        }
        guard !command.scriptLocation.isEmpty else {
            throw .invalidOption(name: "Command.ScriptLocation", value: "", reason: "a job needs a script location (a local path or s3:// URI)")
        }
        if command.scriptLocation.hasPrefix("s3://") { _ = try S3URI(parsing: command.scriptLocation) }
        for key in defaultArguments.keys.sorted() where !key.hasPrefix("--") || key.count < 3 {
            throw .invalidOption(name: "DefaultArguments", value: key, reason: "argument names start with -- (for example --job-bookmark-option)")
        }
        do {
            _ = try BookmarkSettings(arguments: Self.strip(defaultArguments))
        } catch let e as EngineError {
            throw e
        } catch {
            throw .invalidOption(name: "DefaultArguments", value: "", reason: "\(error)")
        }
        _ = try capacity(arguments: Self.strip(defaultArguments)).validated()
    }

    /// A job name as Glue accepts it: 1 to 255 characters, one line, no control characters.
    public static func checkName(_ name: String) throws(EngineError) {
        guard !name.isEmpty, name.count <= 255, !name.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else {
            throw .invalidOption(name: "Name", value: name, reason: "a job name is 1 to 255 characters on one line")
        }
    }

    /// Argument names without their leading `--` (`--k` → `k`; names without one stay).
    public static func strip(_ arguments: [String: String]) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in arguments { out[k.hasPrefix("--") ? String(k.dropFirst(2)) : k] = v }
        return out
    }

    /// What one run of this job gets, as `StartJobRun` resolves it: `DefaultArguments` with the
    /// run's `arguments` on top (names with or without `--`; the run's value wins), plus
    /// `JOB_NAME`, all without the leading `--` — what ``JobRun/start(sandbox:jobName:arguments:capacity:definition:)``
    /// takes — and the capacity with the run's overrides applied (unvalidated; `start` validates).
    public func runRequest(arguments: [String: String] = [:], overrides: CapacityOverrides = CapacityOverrides()) -> (arguments: [String: String], capacity: JobCapacity) {
        var merged = Self.strip(defaultArguments)
        for (k, v) in Self.strip(arguments) { merged[k] = v }
        merged["JOB_NAME"] = name
        var capacity = capacity(arguments: merged)
        overrides.apply(to: &capacity)
        return (merged, capacity)
    }
}

/// `StartJobRun`'s capacity parameters, which override the job's for one run.
public struct CapacityOverrides: Sendable, Hashable {
    public var workerType: WorkerType?
    public var numberOfWorkers: Int?
    public var maxCapacity: Double?
    public var executionClass: ExecutionClass?
    /// Minutes.
    public var timeout: Int?

    public init(workerType: WorkerType? = nil, numberOfWorkers: Int? = nil, maxCapacity: Double? = nil,
                executionClass: ExecutionClass? = nil, timeout: Int? = nil) {
        self.workerType = workerType
        self.numberOfWorkers = numberOfWorkers
        self.maxCapacity = maxCapacity
        self.executionClass = executionClass
        self.timeout = timeout
    }

    /// Applies the overrides to `capacity` as `StartJobRun` does: a worker type or worker count
    /// replaces `MaxCapacity`, a `MaxCapacity` replaces the worker settings.
    public func apply(to capacity: inout JobCapacity) {
        if workerType != nil || numberOfWorkers != nil || maxCapacity != nil {
            capacity.workerType = workerType ?? (maxCapacity == nil ? capacity.workerType : nil)
            capacity.numberOfWorkers = numberOfWorkers ?? (maxCapacity == nil ? capacity.numberOfWorkers : nil)
            capacity.maxCapacity = maxCapacity
        }
        if let executionClass { capacity.executionClass = executionClass }
        if let timeout { capacity.timeoutMinutes = timeout }
    }
}
