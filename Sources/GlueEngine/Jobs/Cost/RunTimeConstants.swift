/// The constants of `RunTimeModel`, in one place.
///
/// These are **teaching estimates**, not measurements of AWS Glue: round figures of the right
/// order of magnitude, chosen so that labs show the right *shape* (startup dominates small
/// runs; reprocessing all history grows the bill; Parquet with projection reads and decodes
/// less than CSV). Where a figure leans on something published, the comment says what.
public struct RunTimeConstants: Sendable, Hashable {
    /// Seconds to start a Glue 2.0+ Spark run. AWS announced Glue 2.0 with start times under a
    /// minute (about 10× faster than 1.0); 30 s is a middle figure.
    public var sparkStartupSeconds: Double = 30
    /// Seconds to start a Glue 0.9/1.0 Spark run: the commonly reported 8–10 minute cold start.
    public var legacyStartupSeconds: Double = 480
    /// Seconds to start a Python shell run (a single container; no cluster). Estimate.
    public var pythonShellStartupSeconds: Double = 15
    /// Seconds to start a Ray run (head node plus workers). Estimate.
    public var rayStartupSeconds: Double = 60
    /// Seconds per S3 LIST request on the driver; S3 returns at most 1000 keys per request.
    /// Typical request latency is tens to a hundred milliseconds.
    public var listSecondsPerRequest: Double = 0.1
    /// Keys per LIST request (S3's page size).
    public var keysPerListRequest: Int = 1000
    /// Task-slot seconds to open one object (S3 GET first-byte latency plus Spark task
    /// scheduling): why many small files are slow. Estimate.
    public var openSecondsPerObject: Double = 0.05
    /// Task-slot seconds to write and commit one object (S3 PUT plus output commit). Estimate.
    public var writeSecondsPerObject: Double = 0.1
    /// Scan throughput per vCPU, MB/s of bytes read, by format. Text formats must be parsed in
    /// full; Parquet reads only the projected column chunks and decodes them quickly. Estimates,
    /// deliberately below raw Spark DataFrame parse rates because DynamicFrames build a
    /// self-describing record per row.
    public var scanMBPerSecondPerVCPU: [DataFormat: Double] = [.csv: 10, .json: 6, .parquet: 60]
    /// Write throughput per vCPU, MB/s of bytes written, by format (Parquet pays for encoding
    /// and compression). Estimates.
    public var writeMBPerSecondPerVCPU: [DataFormat: Double] = [.csv: 20, .json: 15, .parquet: 12]
    /// Task-slot seconds per record passed through transforms (5 µs: a DynamicRecord per row). Estimate.
    public var secondsPerRecordProcessed: Double = 0.000_005
    /// Task-slot seconds per record written (row assembly and encoding, 10 µs). Estimate.
    public var secondsPerRecordWritten: Double = 0.000_010
    /// Spark's default split size (`spark.sql.files.maxPartitionBytes`, 128 MiB), used to count
    /// the tasks a scan offers, which decides how many workers auto scaling asks for.
    public var splitBytes: Int64 = 128 * 1024 * 1024
    /// Spark's per-file open cost in split packing (`spark.sql.files.openCostInBytes`, 4 MiB).
    public var openCostBytes: Int64 = 4 * 1024 * 1024

    /// The constants gluelab uses.
    public static let `default` = RunTimeConstants()

    /// Creates the default constants; change fields to experiment.
    public init() {}
}
