import Foundation

/// The capacity settings of a Glue job (or one run's overrides), as `CreateJob`/`StartJobRun`
/// take them, and the rules Glue applies to them.
///
/// `validated()` checks the settings the way Glue does and returns the resolved capacity
/// (defaults applied). The rules (see `JobCapacity+Validation.swift` for the messages):
/// - `pythonshell`: `MaxCapacity` 0.0625 (the default) or 1; no `WorkerType`/`NumberOfWorkers`.
/// - `glueray`: `Z.2X` workers (the default; with no count, 5 workers = 10 DPU), Glue 4.0+, at least 1 worker.
/// - Spark on Glue 2.0+: `WorkerType` + `NumberOfWorkers` (≥ 2: one driver and at least one
///   executor); `MaxCapacity` is refused. With neither given, gluelab applies what the Glue
///   console proposes, G.1X × 10.
/// - Spark on 0.9/1.0: `MaxCapacity` 2–100 (default 10), or `WorkerType` (`Standard`, G.1X,
///   G.2X) + `NumberOfWorkers`.
/// - `MaxCapacity` together with `WorkerType`/`NumberOfWorkers` is refused.
/// - `G.025X` only for `gluestreaming` (Glue 3.0+); `Z.2X` only for `glueray`.
/// - `FLEX` only for `glueetl` on Glue 3.0+, and (gluelab's decision, after the Flex launch
///   restriction in the fact sheet) only on G.1X or G.2X workers.
/// - Auto scaling only for Spark on Glue 3.0+ with workers; `NumberOfWorkers` is then a maximum.
/// - `Timeout` in minutes, default 2880 (48 h), from 1 to 10080 (the API: "Jobs must have
///   timeout values less than 7 days or 10080 minutes"). The same default applies to streaming
///   jobs here; on AWS a streaming job past 7 days is restarted in its maintenance window.
public struct JobCapacity: Sendable, Hashable, Codable {
    /// The job command.
    public var jobType: JobType
    /// The Glue version.
    public var glueVersion: GlueVersion
    /// `WorkerType`, if given.
    public var workerType: WorkerType?
    /// `NumberOfWorkers`, if given (the maximum when auto scaling).
    public var numberOfWorkers: Int?
    /// `MaxCapacity` in DPUs, if given.
    public var maxCapacity: Double?
    /// `ExecutionClass`.
    public var executionClass: ExecutionClass
    /// `--enable-auto-scaling true`.
    public var autoScaling: Bool
    /// `Timeout` in minutes.
    public var timeoutMinutes: Int

    /// Glue's default job run timeout, 2880 minutes (48 hours).
    public static let defaultTimeoutMinutes = 2880
    /// The longest timeout Glue accepts, 10080 minutes (7 days).
    public static let maximumTimeoutMinutes = 10080
    /// The default `MaxCapacity` of legacy (0.9/1.0) Spark jobs.
    public static let defaultLegacyMaxCapacity = 10.0
    /// The default `MaxCapacity` of Python shell jobs.
    public static let defaultPythonShellCapacity = 0.0625
    /// The workers gluelab assumes for a Spark job on Glue 2.0+ that names none (console default).
    public static let defaultWorkers = 10
    /// The fewest workers a Spark job may have: one driver plus one executor.
    public static let minimumSparkWorkers = 2
    /// The fewest `Z.2X` workers a Ray job may have (one worker = 2 M-DPU, the seed's "2+ DPUs").
    public static let minimumRayWorkers = 1

    /// Creates capacity settings; nothing is checked until `validated()`.
    public init(
        jobType: JobType = .glueetl, glueVersion: GlueVersion = .default,
        workerType: WorkerType? = nil, numberOfWorkers: Int? = nil, maxCapacity: Double? = nil,
        executionClass: ExecutionClass = .standard, autoScaling: Bool = false,
        timeoutMinutes: Int = JobCapacity.defaultTimeoutMinutes
    ) {
        self.jobType = jobType
        self.glueVersion = glueVersion
        self.workerType = workerType
        self.numberOfWorkers = numberOfWorkers
        self.maxCapacity = maxCapacity
        self.executionClass = executionClass
        self.autoScaling = autoScaling
        self.timeoutMinutes = timeoutMinutes
    }
}

/// Capacity after validation, with defaults applied: what a run actually gets.
public struct ResolvedCapacity: Sendable, Hashable, Codable {
    /// The settings this was resolved from.
    public var settings: JobCapacity
    /// The worker type, or nil for `MaxCapacity` jobs (Python shell, legacy Spark).
    public var workerType: WorkerType?
    /// The (maximum) number of workers, or nil for `MaxCapacity` jobs.
    public var workers: Int?
    /// The DPUs allocated when all workers run (`workers × DPU per worker`, or `MaxCapacity`).
    public var maxDPU: Double

    /// The job type.
    public var jobType: JobType { settings.jobType }
    /// The Glue version.
    public var glueVersion: GlueVersion { settings.glueVersion }
    /// The execution class.
    public var executionClass: ExecutionClass { settings.executionClass }
    /// Whether auto scaling is on (then `workers` is a maximum).
    public var autoScaling: Bool { settings.autoScaling }
    /// The timeout in seconds.
    public var timeoutSeconds: Double { Double(settings.timeoutMinutes) * 60 }

    /// DPUs per worker (for `MaxCapacity` jobs, the whole capacity counts as one unit).
    public var dpuPerWorker: Double { workerType?.dpu ?? maxDPU }

    /// vCPUs that run tasks in parallel: all workers but the driver's, for Spark; for
    /// `MaxCapacity` Spark jobs one DPU is the driver's; a Python shell gets at most one core.
    /// `workersUsed` overrides the worker count (auto scaling).
    public func taskSlots(workersUsed: Double? = nil) -> Double {
        switch jobType {
        case .pythonshell:
            return min(1, maxDPU * 4)
        case .glueetl, .gluestreaming, .glueray:
            if let type = workerType {
                let count = workersUsed ?? Double(workers ?? 1)
                return max(1, (count - 1) * Double(type.vCPU))
            }
            return max(1, (maxDPU - 1) * 4)
        }
    }
}
