import Foundation

/// How long a run would take on AWS Glue, from the work it does and its capacity.
///
/// A deterministic teaching model (constants in `RunTimeConstants`, all estimates):
///
///     run time = startup                         (by job type and Glue version)
///              + listing                          (driver: one LIST per 1000 objects, serial)
///              + parallel work / task slots       (everything the executors share)
///     parallel work = objects read × open cost + bytes read / scan rate (by format)
///                   + records processed × per-record cost
///                   + records written × per-record cost + bytes written / write rate
///                   + objects written × write cost
///     task slots = vCPUs of all workers but the driver (at least 1; ≤ 1 for Python shell)
///
/// With a fixed capacity the time grows with every input (more bytes, objects or records never
/// make a run faster). With auto scaling the model asks for the workers the scan's splits can
/// use — `1 driver + ceil(tasks / vCPU per worker)`, tasks = `ceil((bytes + objects × 4 MiB) /
/// 128 MiB)` as Spark packs splits — clamped to [2, NumberOfWorkers], and treats that as the
/// average in use for the whole run. Flex runs are modelled like standard ones; on AWS they
/// may start later and lose workers mid-run.
public enum RunTimeModel {
    /// Estimates the run time of `work` on `capacity`.
    public static func estimate(
        _ work: WorkProfile, on capacity: ResolvedCapacity, constants: RunTimeConstants = .default
    ) -> RunTimeEstimate {
        let startup = startupSeconds(capacity, constants)
        let listRequests = (work.objectsRead + constants.keysPerListRequest - 1) / constants.keysPerListRequest
        let listing = Double(listRequests) * constants.listSecondsPerRequest

        var workersUsed: Double?
        if capacity.autoScaling, let type = capacity.workerType, let maximum = capacity.workers {
            let tasks = taskCount(work, constants)
            let needed = 1 + (tasks + type.vCPU - 1) / type.vCPU
            workersUsed = Double(min(maximum, max(JobCapacity.minimumSparkWorkers, needed)))
        }
        let slots = capacity.taskSlots(workersUsed: workersUsed)
        let slotWork = parallelWork(work, constants)
        let parallel = slotWork / slots
        return RunTimeEstimate(
            seconds: startup + listing + parallel, startupSeconds: startup, listingSeconds: listing,
            parallelSeconds: parallel, taskSlots: slots, averageWorkersUsed: workersUsed)
    }

    /// Slot-seconds of work the executors share.
    static func parallelWork(_ work: WorkProfile, _ c: RunTimeConstants) -> Double {
        var seconds = Double(work.objectsRead) * c.openSecondsPerObject
        for (format, bytes) in work.bytesRead {
            seconds += megabytes(bytes) / (c.scanMBPerSecondPerVCPU[format] ?? 10)
        }
        seconds += Double(work.recordsProcessed) * c.secondsPerRecordProcessed
        seconds += Double(work.recordsWritten) * c.secondsPerRecordWritten
        for (format, bytes) in work.bytesWritten {
            seconds += megabytes(bytes) / (c.writeMBPerSecondPerVCPU[format] ?? 12)
        }
        seconds += Double(work.objectsWritten) * c.writeSecondsPerObject
        return seconds
    }

    /// The scan tasks Spark would make: splits of 128 MiB, each file costing 4 MiB extra.
    static func taskCount(_ work: WorkProfile, _ c: RunTimeConstants) -> Int {
        let packed = max(0, work.totalBytesRead) + Int64(max(0, work.objectsRead)) * c.openCostBytes
        return max(1, Int((packed + c.splitBytes - 1) / c.splitBytes))
    }

    static func startupSeconds(_ capacity: ResolvedCapacity, _ c: RunTimeConstants) -> Double {
        switch capacity.jobType {
        case .pythonshell: c.pythonShellStartupSeconds
        case .glueray: c.rayStartupSeconds
        case .glueetl, .gluestreaming: capacity.glueVersion.isLegacy ? c.legacyStartupSeconds : c.sparkStartupSeconds
        }
    }

    static func megabytes(_ bytes: Int64) -> Double { Double(max(0, bytes)) / 1_000_000 }
}

/// The run time `RunTimeModel` predicts, with its parts.
public struct RunTimeEstimate: Sendable, Hashable, Codable {
    /// Total wall-clock seconds on AWS.
    public var seconds: Double
    /// Seconds to start the run.
    public var startupSeconds: Double
    /// Seconds the driver spends listing objects.
    public var listingSeconds: Double
    /// Seconds of executor work (slot work divided by the task slots).
    public var parallelSeconds: Double
    /// The task slots (vCPUs) that shared the work.
    public var taskSlots: Double
    /// With auto scaling, the average workers in use (what billing follows); nil otherwise.
    public var averageWorkersUsed: Double?

    /// The sentence a cost figure carries about where its run time came from.
    public var assumption: String {
        String(format: "Run time %.0f s estimated by gluelab's teaching model (startup %.0f s + listing %.1f s + %.1f s of work on %.0f task slots), not measured on AWS.",
               seconds, startupSeconds, listingSeconds, parallelSeconds, taskSlots)
    }
}

extension CostModel {
    /// The cost of running `work` on `capacity`: `RunTimeModel` for the time (and, with auto
    /// scaling, the workers used), then `estimate(_:runSeconds:averageWorkersUsed:pricing:)`.
    public static func estimate(
        _ capacity: ResolvedCapacity, work: WorkProfile, pricing: Pricing = .default,
        constants: RunTimeConstants = .default
    ) -> CostEstimate {
        let time = RunTimeModel.estimate(work, on: capacity, constants: constants)
        var cost = estimate(capacity, runSeconds: time.seconds, averageWorkersUsed: time.averageWorkersUsed, pricing: pricing)
        cost.assumptions.append(time.assumption)
        return cost
    }
}
