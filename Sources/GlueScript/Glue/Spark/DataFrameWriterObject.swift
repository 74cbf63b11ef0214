import GlueEngine

/// `df.write` (pyspark's `DataFrameWriter`): `mode(saveMode)`, `format(source)`,
/// `option(key, value)`, `options(**options)`, `partitionBy(*cols)` chain and return the
/// writer; `save(path=None, format=None, mode=None, partitionBy=None, **options)`,
/// `parquet(path, mode=None, partitionBy=None, compression=None)`, `csv(path, mode=None,
/// compression=None, sep=None, header=None, ...)` and `json(path, mode=None, ...)` write
/// through the run (``SparkSessionState/write``): staged, then published at once, recorded
/// as a sink of the run.
///
/// Save modes, as Spark: `errorifexists` (the default; also `error`, `default`) refuses a path
/// that has objects, `ignore` writes nothing then, `append` adds part files, `overwrite`
/// deletes what is under the path, then writes. Anything else raises Spark's
/// `IllegalArgumentException` text. `saveAsTable`, `insertInto`, `jdbc` and `bucketBy` are
/// not available.
final class DataFrameWriterObject: SparkOptionsBuilder {
    let frame: DataFrame
    let environment: GlueFrameEnvironment
    var format = "parquet"
    var mode = "errorifexists"
    var options: [String: String] = [:]
    var partitionBy: [String] = []

    init(frame: DataFrame, environment: GlueFrameEnvironment) {
        self.frame = frame
        self.environment = environment
    }

    var typeName: String { "DataFrameWriter" }
    var repr: String { "<pyspark.sql.readwriter.DataFrameWriter object>" }

    static let modes = ["overwrite": "overwrite", "append": "append", "ignore": "ignore", "error": "errorifexists",
                        "errorifexists": "errorifexists", "default": "errorifexists"]

    func setMode(_ value: PyValue) throws {
        guard !value.isNone else { return }
        guard case .str(let m) = value else {
            throw PyException(.typeError, "DataFrameWriter.mode(): saveMode should be a str, got \(value.typeName)")
        }
        guard let mode = Self.modes[m.lowercased()] else {
            throw PyException(.exception, "IllegalArgumentException: Unknown save mode: \(m). Accepted save modes are 'overwrite', 'append', 'ignore', 'error', 'errorifexists', 'default'.")
        }
        self.mode = mode
    }

    func setPartitionBy(_ values: [PyValue]) throws {
        partitionBy = try ColumnArguments.flattened(values).map {
            guard case .str(let s) = $0 else { throw PyException(.typeError, "partitionBy(): column names must be str, got \($0.typeName)") }
            return s
        }
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "mode":
            return nativeMethod(name, ["saveMode"]) { b, _ in
                try self.setMode(b["saveMode"])
                return .object(self)
            }
        case "format", "option", "options":
            return optionsMethod(name)
        case "partitionBy":
            return .builtin(PyBuiltin(name) { args, _ in
                try self.setPartitionBy(args.positional)
                return .object(self)
            })
        case "save":
            return nativeMethod(name, [.optional("path"), .optional("format"), .optional("mode"), .optional("partitionBy")],
                                extraKeywords: true) { b, runtime in
                if let f = try b.optionalString("format") { self.format = f.lowercased() }
                return try self.write(b, runtime)
            }
        case "parquet", "csv", "json":
            return nativeMethod(name, ["path", .optional("mode"), .optional("partitionBy")], extraKeywords: true) { b, runtime in
                self.format = name
                return try self.write(b, runtime)
            }
        case "saveAsTable", "insertInto", "jdbc", "bucketBy", "sortBy", "text", "orc":
            throw PyException(.attributeError, "'DataFrameWriter' object has no attribute '\(name)' (not available in gluelab; df.write saves csv, json or parquet under an s3:// path; write Data Catalog tables with glueContext.write_dynamic_frame.from_catalog(DynamicFrame.fromDF(df, glueContext, name), ...))")
        default:
            return nil
        }
    }

    private func write(_ b: BoundArguments, _ runtime: any PyRuntime) throws -> PyValue {
        try setMode(b["mode"])
        if !b["partitionBy"].isNone {
            try setPartitionBy([b["partitionBy"]])
        }
        for (k, v) in b.extra { try setOption(k, v, runtime) }
        var path = try b.optionalString("path")
        if path == nil { path = options.first { $0.key.lowercased() == "path" }?.value }
        guard let path else {
            throw PyException(.exception, "DataFrameWriter: no path given: pass save(path), parquet(path), csv(path) or json(path)")
        }
        guard let write = environment.spark.write else {
            throw PyException(.notImplementedError, "df.write needs the run's object store, which this host does not provide")
        }
        try write(frame, path, format, mode, partitionBy, options.filter { $0.key.lowercased() != "path" })
        return .none
    }

}
