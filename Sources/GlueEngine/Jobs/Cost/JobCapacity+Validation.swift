import Foundation

extension JobCapacity {
    /// Checks these settings the way Glue does and applies defaults.
    ///
    /// Throws `EngineError.invalidOption` naming the Glue parameter, the value, and what to
    /// change (for example `invalid option ExecutionClass="FLEX": Flex runs only Spark ETL
    /// (glueetl) jobs; this is a Python shell (pythonshell) job — use STANDARD`).
    public func validated() throws(EngineError) -> ResolvedCapacity {
        guard timeoutMinutes >= 1, timeoutMinutes <= Self.maximumTimeoutMinutes else {
            throw .invalidOption(name: "Timeout", value: String(timeoutMinutes),
                                 reason: "the timeout is in minutes, from 1 to 10080 (7 days); the default is 2880 (48 hours)")
        }
        if maxCapacity != nil && (workerType != nil || numberOfWorkers != nil) {
            throw .invalidOption(name: "MaxCapacity", value: Self.text(maxCapacity ?? 0),
                                 reason: "set either MaxCapacity or WorkerType with NumberOfWorkers, not both")
        }
        let resolved: ResolvedCapacity
        switch jobType {
        case .pythonshell: resolved = try resolvePythonShell()
        case .glueray: resolved = try resolveRay()
        case .glueetl, .gluestreaming: resolved = try resolveSpark()
        }
        try checkExecutionClass(resolved)
        try checkAutoScaling(resolved)
        return resolved
    }

    private func resolvePythonShell() throws(EngineError) -> ResolvedCapacity {
        if let type = workerType {
            throw .invalidOption(name: "WorkerType", value: type.rawValue,
                                 reason: "Python shell jobs take no WorkerType; set MaxCapacity to 0.0625 or 1")
        }
        if let count = numberOfWorkers {
            throw .invalidOption(name: "NumberOfWorkers", value: String(count),
                                 reason: "Python shell jobs take no NumberOfWorkers; set MaxCapacity to 0.0625 or 1")
        }
        let capacity = maxCapacity ?? Self.defaultPythonShellCapacity
        guard capacity == 0.0625 || capacity == 1 else {
            throw .invalidOption(name: "MaxCapacity", value: Self.text(capacity),
                                 reason: "a Python shell job runs on 0.0625 DPU (the default) or 1 DPU")
        }
        return ResolvedCapacity(settings: self, workerType: nil, workers: nil, maxDPU: capacity)
    }

    private func resolveRay() throws(EngineError) -> ResolvedCapacity {
        if let capacity = maxCapacity {
            throw .invalidOption(name: "MaxCapacity", value: Self.text(capacity),
                                 reason: "Ray jobs take WorkerType Z.2X with NumberOfWorkers, not MaxCapacity")
        }
        let type = workerType ?? .z2x
        guard type == .z2x else {
            throw .invalidOption(name: "WorkerType", value: type.rawValue, reason: "Ray (glueray) jobs run on Z.2X workers")
        }
        guard glueVersion >= .v4_0 else {
            throw .invalidOption(name: "GlueVersion", value: glueVersion.rawValue, reason: "Ray jobs need Glue 4.0 or later")
        }
        let count = numberOfWorkers ?? Self.defaultWorkers / 2
        guard count >= Self.minimumRayWorkers else {
            throw .invalidOption(name: "NumberOfWorkers", value: String(count), reason: "a Ray job needs at least 1 Z.2X worker")
        }
        return ResolvedCapacity(settings: self, workerType: type, workers: count, maxDPU: Double(count) * type.dpu)
    }

    private func resolveSpark() throws(EngineError) -> ResolvedCapacity {
        if let capacity = maxCapacity {
            guard glueVersion.isLegacy else {
                throw .invalidOption(name: "MaxCapacity", value: Self.text(capacity),
                                     reason: "Glue \(glueVersion.rawValue) Spark jobs take WorkerType and NumberOfWorkers instead of MaxCapacity (MaxCapacity is for Glue 0.9/1.0)")
            }
            guard capacity >= 2, capacity <= 100, capacity == capacity.rounded() else {
                throw .invalidOption(name: "MaxCapacity", value: Self.text(capacity),
                                     reason: "a Glue \(glueVersion.rawValue) Spark job takes a whole number of DPUs from 2 to 100 (default 10)")
            }
            return ResolvedCapacity(settings: self, workerType: nil, workers: nil, maxDPU: capacity)
        }
        if workerType == nil && numberOfWorkers == nil {
            if glueVersion.isLegacy {
                return ResolvedCapacity(settings: self, workerType: nil, workers: nil, maxDPU: Self.defaultLegacyMaxCapacity)
            }
            return ResolvedCapacity(settings: self, workerType: .g1x, workers: Self.defaultWorkers,
                                    maxDPU: Double(Self.defaultWorkers) * WorkerType.g1x.dpu)
        }
        guard let type = workerType else {
            throw .invalidOption(name: "NumberOfWorkers", value: String(numberOfWorkers ?? 0),
                                 reason: "NumberOfWorkers needs a WorkerType (for example G.1X)")
        }
        guard let count = numberOfWorkers else {
            throw .invalidOption(name: "WorkerType", value: type.rawValue,
                                 reason: "WorkerType needs NumberOfWorkers (at least 2)")
        }
        try checkSparkWorkerType(type)
        guard count >= Self.minimumSparkWorkers else {
            throw .invalidOption(name: "NumberOfWorkers", value: String(count),
                                 reason: "a Spark job needs at least 2 workers (one driver and one executor)")
        }
        return ResolvedCapacity(settings: self, workerType: type, workers: count, maxDPU: Double(count) * type.dpu)
    }

    private func checkSparkWorkerType(_ type: WorkerType) throws(EngineError) {
        switch type {
        case .z2x:
            throw .invalidOption(name: "WorkerType", value: type.rawValue,
                                 reason: "Z.2X is for Ray (glueray) jobs; Spark jobs use G.1X, G.2X, ...")
        case .g025x where jobType != .gluestreaming:
            throw .invalidOption(name: "WorkerType", value: type.rawValue,
                                 reason: "G.025X is only for low-volume streaming (gluestreaming) jobs; use G.1X or larger")
        case .standard where !glueVersion.isLegacy:
            throw .invalidOption(name: "WorkerType", value: type.rawValue,
                                 reason: "Standard workers are for Glue 0.9/1.0; Glue \(glueVersion.rawValue) jobs use G.1X, G.2X, ...")
        default:
            break
        }
        guard glueVersion >= type.minimumGlueVersion else {
            throw .invalidOption(name: "WorkerType", value: type.rawValue,
                                 reason: "\(type.rawValue) workers need Glue \(type.minimumGlueVersion.rawValue) or later; this job is Glue \(glueVersion.rawValue)")
        }
    }

    private func checkExecutionClass(_ resolved: ResolvedCapacity) throws(EngineError) {
        guard executionClass == .flex else { return }
        guard jobType == .glueetl else {
            throw .invalidOption(name: "ExecutionClass", value: "FLEX",
                                 reason: "Flex runs only Spark ETL (glueetl) jobs; this is a \(jobType.displayName) job — use STANDARD")
        }
        guard glueVersion >= .v3_0 else {
            throw .invalidOption(name: "ExecutionClass", value: "FLEX",
                                 reason: "Flex needs Glue 3.0 or later; this job is Glue \(glueVersion.rawValue)")
        }
        if let type = resolved.workerType, type != .g1x, type != .g2x {
            throw .invalidOption(name: "ExecutionClass", value: "FLEX",
                                 reason: "Flex runs on G.1X or G.2X workers; this job uses \(type.rawValue)")
        }
    }

    private func checkAutoScaling(_ resolved: ResolvedCapacity) throws(EngineError) {
        guard autoScaling else { return }
        guard jobType.isSpark else {
            throw .invalidOption(name: "--enable-auto-scaling", value: "true",
                                 reason: "auto scaling is for Spark (glueetl, gluestreaming) jobs; this is a \(jobType.displayName) job")
        }
        guard glueVersion >= .v3_0 else {
            throw .invalidOption(name: "--enable-auto-scaling", value: "true",
                                 reason: "auto scaling needs Glue 3.0 or later; this job is Glue \(glueVersion.rawValue)")
        }
    }

    /// A DPU figure as Glue prints it: `10`, `0.0625`.
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
