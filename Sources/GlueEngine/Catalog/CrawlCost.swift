/// gluelab's model of how long a crawl takes on AWS, and so what it costs
/// (``CostModel/crawler(runSeconds:dpu:pricing:)``: 2 DPU at the crawler rate, per second,
/// with the crawler's 10-minute minimum).
///
/// AWS publishes no formula; these teaching figures make a crawl's time grow with what it
/// does, while showing the lesson that matters: almost every small crawl is billed the
/// 10-minute minimum.
///
/// `run seconds = 30 (start-up) + 0.02 × objects listed + 0.05 × objects sampled
///  + bytes sampled / 10 MB/s + 0.2 × catalog objects written + 1 × JDBC tables read`
public enum CrawlCost {
    public static let startupSeconds = 30.0
    public static let secondsPerObjectListed = 0.02
    public static let secondsPerObjectSampled = 0.05
    public static let sampledBytesPerSecond = 10.0 * 1_048_576
    public static let secondsPerCatalogWrite = 0.2
    public static let secondsPerJDBCTable = 1.0

    /// The modelled run time of the crawl `report` describes.
    public static func runSeconds(_ r: CrawlReport) -> Double {
        let writes = r.tablesCreated.count + r.tablesUpdated.count + r.tablesDeprecated.count + r.tablesDeleted.count
            + r.partitionsAdded.count + r.partitionsUpdated.count + r.partitionsDeprecated.count + r.partitionsDeleted.count
        let seconds = startupSeconds + secondsPerObjectListed * Double(r.objectsListed)
            + secondsPerObjectSampled * Double(r.objectsSampled) + Double(r.bytesSampled) / sampledBytesPerSecond
            + secondsPerCatalogWrite * Double(writes) + secondsPerJDBCTable * Double(r.jdbcTablesRead)
        return (seconds * 100).rounded() / 100
    }

    /// The run time and its price.
    static func apply(to report: inout CrawlReport, pricing: Pricing = .default) {
        report.runSeconds = runSeconds(report)
        var cost = CostModel.crawler(runSeconds: report.runSeconds, pricing: pricing)
        cost.assumptions.append("Run time modelled by gluelab: 30 s start-up + 0.02 s per object listed + 0.05 s per object sampled + 10 MB/s sampled + 0.2 s per catalog write + 1 s per JDBC table.")
        report.cost = cost
    }
}
