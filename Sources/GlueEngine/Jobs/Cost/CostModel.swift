import Foundation

/// Turns capacity and run time into a bill, the way Glue bills: DPUs × seconds, per second,
/// with a minimum per run.
///
/// - DPUs: `NumberOfWorkers × DPU per worker`, or `MaxCapacity` (Python shell, Glue 0.9/1.0).
/// - Billed seconds: `max(ceil(run seconds), minimum)`; the minimum is 1 minute for Glue 2.0+
///   Spark, Ray and Python shell (on any version), 10 minutes for Glue 0.9/1.0 Spark.
/// - Auto scaling (Glue 3.0+): `NumberOfWorkers` is a maximum and billing follows the workers
///   actually used. gluelab models this simply: the caller passes the *average* number of
///   workers in use over the run (`RunTimeModel` proposes one), clamped to [2, maximum]; the
///   bill is that average × DPU per worker × billed seconds. Without auto scaling every
///   allocated worker is billed for the whole run, whatever the load.
/// - A run longer than its timeout stops at the timeout and is billed up to it.
public enum CostModel {
    /// The cost of one job run.
    /// - Parameters:
    ///   - capacity: validated capacity (`JobCapacity.validated()`).
    ///   - runSeconds: how long the run took (wall time on AWS, e.g. from `RunTimeModel`).
    ///   - averageWorkersUsed: with auto scaling, the average workers in use; ignored otherwise.
    ///   - pricing: the price list (default: DESIGN.md's figures).
    public static func estimate(
        _ capacity: ResolvedCapacity, runSeconds: Double, averageWorkersUsed: Double? = nil,
        pricing: Pricing = .default
    ) -> CostEstimate {
        let timedOut = runSeconds > capacity.timeoutSeconds
        let run = max(0, min(runSeconds, capacity.timeoutSeconds))
        let legacy = capacity.jobType.isSpark && capacity.glueVersion.isLegacy
        let minimum = legacy ? pricing.legacyMinimumSeconds : pricing.minimumSeconds
        let billed = max(run.rounded(.up), minimum)

        var assumptions: [String] = []
        var dpu = capacity.maxDPU
        if capacity.autoScaling, let type = capacity.workerType, let maximum = capacity.workers {
            let used = min(Double(maximum), max(Double(JobCapacity.minimumSparkWorkers), averageWorkersUsed ?? Double(maximum)))
            dpu = used * type.dpu
            assumptions.append("Auto scaling: billed for an average of \(JobCapacity.text(used)) of at most \(maximum) \(type.rawValue) workers (NumberOfWorkers is a maximum; billing follows the workers in use).")
        } else if let type = capacity.workerType, let count = capacity.workers {
            assumptions.append("\(count) × \(type.rawValue) workers = \(JobCapacity.text(dpu)) DPU, all billed for the whole run.")
        } else {
            assumptions.append("MaxCapacity \(JobCapacity.text(dpu)) DPU.")
        }

        let dpuHours = dpu * billed / 3600
        let flexAllowed = capacity.flexAllowed
        assumptions.append("Billed per second with a \(minimumText(minimum)) minimum per run (\(legacy ? "Glue 0.9/1.0 Spark" : "Glue 2.0+ Spark, Ray and Python shell")).")
        assumptions.append(flexAllowed
            ? "Prices: \(Pricing.rate(pricing.standardPerDPUHour)) per DPU-hour STANDARD, \(Pricing.rate(pricing.flexPerDPUHour)) per DPU-hour FLEX (us-east-1 list prices as commonly cited; they vary by region)."
            : "Price: \(Pricing.rate(pricing.standardPerDPUHour)) per DPU-hour (us-east-1 list price as commonly cited; it varies by region). Flex cannot run this job.")
        if timedOut {
            assumptions.append("The run reached its \(capacity.settings.timeoutMinutes)-minute timeout and is billed up to it.")
        }
        return CostEstimate(
            dpu: dpu, runSeconds: run, billedSeconds: billed, minimumSeconds: minimum, dpuHours: dpuHours,
            standardUSD: dpuHours * pricing.standardPerDPUHour,
            flexUSD: flexAllowed ? dpuHours * pricing.flexPerDPUHour : nil,
            executionClass: capacity.executionClass, timedOut: timedOut, assumptions: assumptions)
    }

    /// The cost of one crawl: `dpu × max(ceil(seconds), 10 minutes)` at the crawler rate.
    /// Glue does not say how many DPUs a crawl uses; 2 is gluelab's teaching figure.
    public static func crawler(runSeconds: Double, dpu: Double = 2, pricing: Pricing = .default) -> CostEstimate {
        let minimum = pricing.crawlerMinimumSeconds
        let billed = max(max(0, runSeconds).rounded(.up), minimum)
        let dpuHours = dpu * billed / 3600
        return CostEstimate(
            dpu: dpu, runSeconds: max(0, runSeconds), billedSeconds: billed, minimumSeconds: minimum,
            dpuHours: dpuHours, standardUSD: dpuHours * pricing.crawlerPerDPUHour, flexUSD: nil,
            executionClass: .standard, timedOut: false,
            assumptions: [
                "Crawler: \(JobCapacity.text(dpu)) DPU (gluelab's assumption; AWS does not publish a crawl's DPUs).",
                "Billed per second with a \(minimumText(minimum)) minimum per crawl.",
                "Price: \(Pricing.rate(pricing.crawlerPerDPUHour)) per DPU-hour (us-east-1 list price as commonly cited; it varies by region).",
            ])
    }

    static func minimumText(_ seconds: Double) -> String {
        seconds.truncatingRemainder(dividingBy: 60) == 0
            ? "\(Int(seconds / 60))-minute" : "\(JobCapacity.text(seconds))-second"
    }
}

extension ResolvedCapacity {
    /// Whether the FLEX execution class could run this job (glueetl, Glue 3.0+, G.1X/G.2X).
    public var flexAllowed: Bool {
        var flex = settings
        flex.executionClass = .flex
        return (try? flex.validated()) != nil
    }
}
