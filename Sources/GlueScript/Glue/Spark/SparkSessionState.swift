import GlueEngine

/// What one run's Spark session keeps and reaches: its temporary views and the run's
/// `spark.read` / `df.write` hooks. Held by the run's ``GlueFrameEnvironment`` (`spark`), so
/// every `SparkSession` object of the run (`glueContext.spark_session`,
/// `SparkSession.builder.getOrCreate()`) and every DataFrame share one set of views.
public final class SparkSessionState {
    /// Reads `paths` as `format` (`csv`, `json`, `parquet`) with Spark's reader `options` and an
    /// optional user `schema`: `spark.read...load()/csv()/json()/parquet()`. `JobRunHost` sets
    /// it to the run's ``JobRun/readSpark(paths:format:options:schema:)``.
    public var read: ((_ paths: [String], _ format: String, _ options: [String: String], _ schema: StructType?) throws -> DataFrame)?

    /// Writes `frame` under `path` (`df.write...save()/parquet()/csv()/json()`): `mode` is one
    /// of `errorifexists`, `append`, `overwrite`, `ignore`. `JobRunHost` sets it to the run's
    /// ``JobRun/writeSpark(_:path:format:mode:partitionBy:options:)``.
    public var write: ((_ frame: DataFrame, _ path: String, _ format: String, _ mode: String, _ partitionBy: [String],
                        _ options: [String: String]) throws -> Void)?

    /// Temporary views by lower-cased name (Spark's names are case-insensitive).
    public private(set) var views: [String: DataFrame] = [:]
    /// Global temporary views (`global_temp.name`), by lower-cased name.
    public private(set) var globalViews: [String: DataFrame] = [:]

    public init() {}

    /// `createOrReplaceTempView` / `createTempView` (`replace: false` refuses an existing name,
    /// as Spark's `TempTableAlreadyExistsException`).
    func register(_ name: String, _ frame: DataFrame, replace: Bool, global: Bool) throws {
        let key = name.lowercased()
        let exists = global ? globalViews[key] != nil : views[key] != nil
        if exists, !replace {
            throw PyException(.exception, "[TEMP_TABLE_OR_VIEW_ALREADY_EXISTS] Cannot create the temporary view `\(name)` because it already exists.")
        }
        if global { globalViews[key] = frame } else { views[key] = frame }
    }

    /// `spark.catalog.dropTempView(name)`: whether a view was dropped.
    func drop(_ name: String, global: Bool) -> Bool {
        let key = name.lowercased()
        if global { return globalViews.removeValue(forKey: key) != nil }
        return views.removeValue(forKey: key) != nil
    }

    /// `spark.table(name)`: a temporary view, or `global_temp.<name>`.
    func view(_ name: String) throws -> DataFrame {
        let key = name.lowercased()
        if key.hasPrefix("global_temp."), let frame = globalViews[String(key.dropFirst("global_temp.".count))] { return frame }
        if let frame = views[key] { return frame }
        throw PyException(.exception, "[TABLE_OR_VIEW_NOT_FOUND] The table or view `\(name)` cannot be found. gluelab's Spark session knows the temporary views the script created (createOrReplaceTempView); Data Catalog tables are read with glueContext.create_dynamic_frame.from_catalog")
    }

    /// The views `spark.sql` sees: temporary views by name, global ones as `global_temp.<name>`.
    var sqlViews: [String: DataFrame] {
        var all = views
        for (k, v) in globalViews { all["global_temp." + k] = v }
        return all
    }
}
