import Foundation

/// The prices and billing minimums gluelab assumes (DESIGN.md, "Where the sources disagree").
///
/// All figures are us-east-1 list prices as commonly cited; the official pricing page was not
/// available to check them, and prices vary by region. Every `CostEstimate` repeats the
/// figures it used in `assumptions`.
public struct Pricing: Sendable, Hashable, Codable {
    /// USD per DPU-hour, STANDARD execution class (Spark, streaming, Python shell, Ray).
    public var standardPerDPUHour: Double
    /// USD per DPU-hour, FLEX execution class (commonly cited; not confirmed officially).
    public var flexPerDPUHour: Double
    /// USD per DPU-hour for crawlers.
    public var crawlerPerDPUHour: Double
    /// Minimum billed seconds per run, Glue 2.0+ Spark, Ray and Python shell.
    public var minimumSeconds: Double
    /// Minimum billed seconds per run, Glue 0.9/1.0 Spark.
    public var legacyMinimumSeconds: Double
    /// Minimum billed seconds per crawl.
    public var crawlerMinimumSeconds: Double

    /// $0.44 / $0.29 per DPU-hour, per-second billing, 1-minute minimum (10 for 0.9/1.0 Spark
    /// and for crawlers).
    public static let `default` = Pricing(
        standardPerDPUHour: 0.44, flexPerDPUHour: 0.29, crawlerPerDPUHour: 0.44,
        minimumSeconds: 60, legacyMinimumSeconds: 600, crawlerMinimumSeconds: 600)

    /// Creates a price list.
    public init(standardPerDPUHour: Double, flexPerDPUHour: Double, crawlerPerDPUHour: Double,
                minimumSeconds: Double, legacyMinimumSeconds: Double, crawlerMinimumSeconds: Double) {
        self.standardPerDPUHour = standardPerDPUHour
        self.flexPerDPUHour = flexPerDPUHour
        self.crawlerPerDPUHour = crawlerPerDPUHour
        self.minimumSeconds = minimumSeconds
        self.legacyMinimumSeconds = legacyMinimumSeconds
        self.crawlerMinimumSeconds = crawlerMinimumSeconds
    }

    /// A dollar amount as `$0.66` (cents), or `$0.0012` below one cent so small runs don't read as free.
    public static func usd(_ amount: Double) -> String {
        if amount != 0 && abs(amount) < 0.01 { return String(format: "$%.4f", amount) }
        return String(format: "$%.2f", amount)
    }

    /// A price as `$0.44`.
    static func rate(_ amount: Double) -> String { String(format: "$%.2f", amount) }
}
