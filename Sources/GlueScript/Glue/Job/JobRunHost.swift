import GlueEngine

/// A ``GlueJobHost`` on a real `JobRun`: what a script's `glueContext` reads and writes goes
/// through the run, so bookmarks, stats, staged writes and costs are the run's.
///
/// Connection types: `s3` (with a `format`), the JDBC types (`postgresql`, `mysql`,
/// `sqlserver`, `oracle`: the sandbox's SQLite databases), and `kafka` for
/// `create_data_frame.from_options` + `forEachBatch`. Anything else (`dynamodb`, `kinesis`,
/// `redshift`, `mongodb`, ...) is refused by name. Data Catalog tables (`from_catalog`,
/// `getSink` + `setCatalogInfo`, `from_jdbc_conf`) go through the sandbox's catalog, and
/// `resolveChoice(..., database=, table_name=)` takes the table's schema from it. Spark's own
/// reader and writer (`spark.read`, `df.write`) go through ``JobRun/readSpark(paths:format:options:schema:)``
/// and ``JobRun/writeSpark(_:path:format:mode:partitionBy:options:)``.
public final class JobRunHost: GlueJobHost {
    public let run: JobRun
    public let argv: [String]
    public let frameEnvironment: GlueFrameEnvironment
    /// Lines noting what the host decided (e.g. `job.init` with another job's name).
    public private(set) var notes: [String] = []

    static let jdbcTypes: Set<String> = ["postgresql", "mysql", "sqlserver", "oracle", "redshift"]

    /// `scriptName` is `sys.argv[0]`; the run's arguments follow as `--KEY value` pairs (sorted
    /// by name; `getResolvedOptions` does not care about order), with `--JOB_RUN_ID` as Glue
    /// passes it. `spigot` writes its sample as JSON Lines under its path in the sandbox's S3;
    /// `Relationalize` stages under `--TempDir` when given no staging path.
    public init(run: JobRun, scriptName: String) {
        self.run = run
        var arguments = run.arguments
        if arguments["JOB_RUN_ID"] == nil { arguments["JOB_RUN_ID"] = run.runId }
        var argv = [scriptName]
        for key in arguments.keys.sorted() {
            argv.append("--" + key)
            argv.append(arguments[key] ?? "")
        }
        self.argv = argv
        let store = run.sandbox.store
        frameEnvironment = GlueFrameEnvironment(
            spigotSink: { path, records in
                _ = try S3Sink(store: store).write(DynamicFrame(name: "spigot", records: records),
                                                   path: try S3URI(parsing: path), format: .json)
            },
            tempDir: run.arguments["TempDir"])
        frameEnvironment.catalogSchema = { [run] database, table, _ in try run.catalogSchema(database: database, table: table) }
        frameEnvironment.spark.read = { [run] paths, format, options, schema in
            try run.readSpark(paths: paths, format: format, options: options, schema: schema)
        }
        frameEnvironment.spark.write = { [run] frame, path, format, mode, partitionBy, options in
            try run.writeSpark(frame, path: path, format: format, mode: mode, partitionBy: partitionBy, options: options)
        }
    }

    public func jobInit(name: String) throws {
        if name != run.jobName {
            notes.append("job.init('\(name)') names another job than the run's '\(run.jobName)': the bookmark is the run's job's")
        }
        try run.jobInit()
    }

    public func jobCommit() throws {
        try run.commit()
    }

    public func readDynamicFrame(connectionType: String, connectionOptions: [String: Value], format: String?,
                                 formatOptions: [String: Value], transformationCtx: String) throws -> DynamicFrame {
        let ctx = transformationCtx.isEmpty ? nil : transformationCtx
        switch connectionType {
        case "s3":
            return try run.readS3(ctx: ctx, connectionOptions: connectionOptions, format: try Self.format(format),
                                  formatOptions: formatOptions)
        case let type where Self.jdbcTypes.contains(type):
            return try run.readJDBC(ctx: ctx, connectionType: type, connectionOptions: connectionOptions)
        case "kafka":
            throw EngineError.unsupported(what: "create_dynamic_frame.from_options(connection_type=\"kafka\")",
                                          reason: "streaming sources are read with create_data_frame.from_options and processed with glueContext.forEachBatch")
        default:
            throw Self.unsupported(connectionType)
        }
    }

    public func writeDynamicFrame(_ frame: DynamicFrame, connectionType: String, connectionOptions: [String: Value],
                                  format: String?, formatOptions: [String: Value], transformationCtx: String) throws {
        let ctx = transformationCtx.isEmpty ? nil : transformationCtx
        switch connectionType {
        case "s3":
            try run.writeS3(frame: frame, ctx: ctx, connectionOptions: connectionOptions, format: try Self.format(format),
                            formatOptions: formatOptions)
        case let type where Self.jdbcTypes.contains(type):
            try run.writeJDBC(frame: frame, ctx: ctx, connectionType: type, connectionOptions: connectionOptions)
        default:
            throw Self.unsupported(connectionType)
        }
    }

    public func forEachBatch(connectionType: String, connectionOptions: [String: Value], transformationCtx: String,
                             options: [String: Value], batch: (DynamicFrame, Int) throws -> Void) throws {
        guard connectionType == "kafka" else { throw Self.unsupported(connectionType) }
        try run.forEachBatch(connectionOptions: connectionOptions, options: options,
                             ctx: transformationCtx.isEmpty ? nil : transformationCtx, batch: batch)
    }

    public func readCatalog(database: String, table: String, pushDownPredicate: String, additionalOptions: [String: Value],
                            transformationCtx: String) throws -> DynamicFrame {
        try run.readCatalog(ctx: transformationCtx.isEmpty ? nil : transformationCtx, database: database, table: table,
                            pushDownPredicate: pushDownPredicate, additionalOptions: additionalOptions)
    }

    public func writeCatalog(_ frame: DynamicFrame, database: String, table: String, additionalOptions: [String: Value],
                             transformationCtx: String) throws {
        try run.writeCatalog(frame: frame, ctx: transformationCtx.isEmpty ? nil : transformationCtx, database: database,
                             table: table, additionalOptions: additionalOptions)
    }

    /// A sink from `getSink`: with `setCatalogInfo`, an S3 sink that may update the catalog
    /// (``JobRun/writeS3(frame:ctx:connectionOptions:format:formatOptions:catalogDatabase:catalogTable:)``);
    /// without it, the same write as `write_dynamic_frame.from_options`.
    public func writeSink(_ frame: DynamicFrame, connectionType: String, options: [String: Value], format: String?,
                          formatOptions: [String: Value], catalog: (database: String, table: String)?, transformationCtx: String) throws {
        let ctx = transformationCtx.isEmpty ? nil : transformationCtx
        if let catalog {
            guard connectionType == "s3" else {
                throw EngineError.unsupported(what: "setCatalogInfo on a \(connectionType) sink",
                                              reason: "Glue updates the Data Catalog from a job for Amazon S3 targets only")
            }
            try run.writeS3(frame: frame, ctx: ctx, connectionOptions: options, format: try Self.format(format),
                            formatOptions: formatOptions, catalogDatabase: catalog.database, catalogTable: catalog.table)
        } else if (try? CatalogSinkOptions(options))?.enableUpdateCatalog == true {
            throw EngineError.invalidOption(name: "enableUpdateCatalog", value: "true",
                                            reason: "call setCatalogInfo(catalogDatabase=..., catalogTableName=...) on the sink before writeFrame, so Glue knows which table to update")
        } else {
            try writeDynamicFrame(frame, connectionType: connectionType, connectionOptions: options, format: format,
                                  formatOptions: formatOptions, transformationCtx: transformationCtx)
        }
    }

    public func writeJDBCConf(_ frame: DynamicFrame, catalogConnection: String, connectionOptions: [String: Value],
                              transformationCtx: String) throws {
        try run.writeJDBC(frame: frame, ctx: transformationCtx.isEmpty ? nil : transformationCtx,
                          catalogConnection: catalogConnection, connectionOptions: connectionOptions)
    }

    static func format(_ format: String?) throws -> String {
        guard let format, !format.isEmpty else {
            throw EngineError.invalidOption(name: "format", value: "", reason: "an S3 source or sink needs format=\"csv\", \"json\", \"parquet\" or \"glueparquet\"")
        }
        return format
    }

    static func unsupported(_ type: String) -> EngineError {
        .unsupported(what: "connection_type=\"\(type)\"",
                     reason: "gluelab connects to s3, the JDBC databases of the sandbox (postgresql, mysql, sqlserver, oracle) and kafka topics")
    }
}
