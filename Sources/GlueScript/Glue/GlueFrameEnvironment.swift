import GlueEngine

/// What frame methods need from the job around them, supplied by whoever builds the
/// `GlueContext` (the job runner). Every frame made from a frame shares its environment.
///
/// Each hook is optional: without it, the method that needs it raises an error that says what
/// is missing instead of pretending to work.
public final class GlueFrameEnvironment {
    /// Writes `spigot`'s sample (`records`) under `path` (Glue writes them as JSON to S3).
    /// Without it, `spigot` raises: the sample has nowhere to go.
    public var spigotSink: ((_ path: String, _ records: [DynamicRecord]) throws -> Void)?

    /// The schema of a Data Catalog table, for `resolveChoice(..., database=, table_name=)` and
    /// the `match_catalog` action. Without it, naming a table raises "the Data Catalog is not
    /// available in this gluelab version".
    public var catalogSchema: ((_ database: String, _ table: String, _ catalogId: String?) throws -> StructType)?

    /// The job's `--TempDir`: `Relationalize.apply` stages there when `staging_path` is not
    /// given (as awsglue reads it from the job arguments).
    public var tempDir: String?

    /// The run's Spark session: temporary views and the `spark.read` / `df.write` hooks.
    /// Without its hooks, `spark.read` and `df.write` raise, saying the host has no storage.
    public let spark = SparkSessionState()

    public init(spigotSink: ((String, [DynamicRecord]) throws -> Void)? = nil,
                catalogSchema: ((String, String, String?) throws -> StructType)? = nil,
                tempDir: String? = nil) {
        self.spigotSink = spigotSink
        self.catalogSchema = catalogSchema
        self.tempDir = tempDir
    }
}
