import Foundation

/// What one job run (or crawl) costs under gluelab's pricing assumptions.
public struct CostEstimate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// DPUs billed (the average DPUs in use, for auto scaling).
    public var dpu: Double
    /// The run time, in seconds (capped at the timeout if the run timed out).
    public var runSeconds: Double
    /// The seconds billed: the run time rounded up to a whole second, at least the minimum.
    public var billedSeconds: Double
    /// The minimum billed seconds that applied.
    public var minimumSeconds: Double
    /// `dpu × billedSeconds / 3600`.
    public var dpuHours: Double
    /// The price at the STANDARD rate.
    public var standardUSD: Double
    /// The price at the FLEX rate, or nil where Flex cannot run this job.
    public var flexUSD: Double?
    /// The execution class the run used.
    public var executionClass: ExecutionClass
    /// Whether the run hit its timeout (it is then billed up to the timeout).
    public var timedOut: Bool
    /// The assumptions behind the figures, one sentence each (prices, minimums, scaling).
    public var assumptions: [String]

    /// What this run is charged: the FLEX price for a Flex run, else the STANDARD price.
    public var chargedUSD: Double {
        executionClass == .flex ? (flexUSD ?? standardUSD) : standardUSD
    }

    /// One line: `6 DPU × 900 s billed = 1.5 DPU-hours → $0.66 (STANDARD at $0.44/DPU-hour)`.
    public var description: String {
        let rate = dpuHours > 0 ? chargedUSD / dpuHours : 0
        return "\(JobCapacity.text(dpu)) DPU × \(JobCapacity.text(billedSeconds)) s billed = "
            + "\(Self.hours(dpuHours)) DPU-hours → \(Pricing.usd(chargedUSD)) "
            + "(\(executionClass.rawValue) at \(Pricing.rate(rate))/DPU-hour)"
    }

    /// The one-line figure followed by its assumptions, one per line (`  - ...`): what a
    /// command prints under a cost figure.
    public var report: String {
        ([description] + assumptions.map { "  - " + $0 }).joined(separator: "\n")
    }

    /// DPU-hours with up to 4 decimals and no trailing zeros.
    static func hours(_ value: Double) -> String {
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
