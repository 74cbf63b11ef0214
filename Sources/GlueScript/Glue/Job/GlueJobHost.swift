import GlueEngine

/// What a running script's `GlueContext` and `Job` ask of the run that hosts them: the
/// connectors, the bookmark calls and the arguments. `JobRunHost` implements it on a real
/// `JobRun`; tests may implement it on anything.
///
/// Options arrive as engine values (``PyDict/engineOptions(_:)``): `paths` is an array of
/// strings, `recurse` a boolean, and so on, as the script wrote them.
public protocol GlueJobHost: AnyObject {
    /// `sys.argv`: the script's name, then `--KEY`, `value` pairs (Glue's special parameters
    /// and the job's arguments).
    var argv: [String] { get }
    /// What frame methods need from the run (spigot's sink, the `--TempDir`), shared by every
    /// frame the script makes.
    var frameEnvironment: GlueFrameEnvironment { get }
    /// `job.init(name, args)`: loads the job's bookmark. `name` is what the script passed.
    func jobInit(name: String) throws
    /// `job.commit()`: saves the bookmark state of every tracked source, atomically.
    func jobCommit() throws
    /// `create_dynamic_frame.from_options(...)`.
    func readDynamicFrame(connectionType: String, connectionOptions: [String: Value], format: String?,
                          formatOptions: [String: Value], transformationCtx: String) throws -> DynamicFrame
    /// `write_dynamic_frame.from_options(...)`.
    func writeDynamicFrame(_ frame: DynamicFrame, connectionType: String, connectionOptions: [String: Value],
                           format: String?, formatOptions: [String: Value], transformationCtx: String) throws
    /// `glueContext.forEachBatch(frame, batch_function, options)` over a streaming source made
    /// by `create_data_frame.from_options` (its connection type, options and
    /// `transformation_ctx`).
    func forEachBatch(connectionType: String, connectionOptions: [String: Value], transformationCtx: String,
                      options: [String: Value], batch: (DynamicFrame, Int) throws -> Void) throws
    /// `create_dynamic_frame.from_catalog(database, table_name, transformation_ctx,
    /// push_down_predicate, additional_options)`.
    func readCatalog(database: String, table: String, pushDownPredicate: String, additionalOptions: [String: Value],
                     transformationCtx: String) throws -> DynamicFrame
    /// `write_dynamic_frame.from_catalog(frame, database, table_name, transformation_ctx,
    /// additional_options)`.
    func writeCatalog(_ frame: DynamicFrame, database: String, table: String, additionalOptions: [String: Value],
                      transformationCtx: String) throws
    /// `glueContext.getSink(connection_type, format, transformation_ctx, **options)` then
    /// `writeFrame`: `catalog` is what `setCatalogInfo` named, if it was called.
    func writeSink(_ frame: DynamicFrame, connectionType: String, options: [String: Value], format: String?,
                   formatOptions: [String: Value], catalog: (database: String, table: String)?, transformationCtx: String) throws
    /// `write_dynamic_frame.from_jdbc_conf(frame, catalog_connection, connection_options)`.
    func writeJDBCConf(_ frame: DynamicFrame, catalogConnection: String, connectionOptions: [String: Value],
                       transformationCtx: String) throws
}

/// Hosts without a Data Catalog refuse the catalog calls by name.
extension GlueJobHost {
    public func readCatalog(database: String, table: String, pushDownPredicate: String, additionalOptions: [String: Value],
                            transformationCtx: String) throws -> DynamicFrame {
        throw Self.noCatalog("create_dynamic_frame.from_catalog")
    }

    public func writeCatalog(_ frame: DynamicFrame, database: String, table: String, additionalOptions: [String: Value],
                             transformationCtx: String) throws {
        throw Self.noCatalog("write_dynamic_frame.from_catalog")
    }

    public func writeSink(_ frame: DynamicFrame, connectionType: String, options: [String: Value], format: String?,
                          formatOptions: [String: Value], catalog: (database: String, table: String)?, transformationCtx: String) throws {
        guard catalog == nil else { throw Self.noCatalog("a sink with setCatalogInfo") }
        var connection = options
        for key in ["enableUpdateCatalog", "updateBehavior"] { connection[key] = nil }
        try writeDynamicFrame(frame, connectionType: connectionType, connectionOptions: connection, format: format,
                              formatOptions: formatOptions, transformationCtx: transformationCtx)
    }

    public func writeJDBCConf(_ frame: DynamicFrame, catalogConnection: String, connectionOptions: [String: Value],
                              transformationCtx: String) throws {
        throw Self.noCatalog("write_dynamic_frame.from_jdbc_conf")
    }

    static func noCatalog(_ call: String) -> EngineError {
        .unsupported(what: "glueContext.\(call)", reason: "this host has no Data Catalog")
    }
}
