import GlueEngine

/// The Data Catalog entry points of `glueContext`, with awsglue's signatures and errors
/// (`awsglue/context.py`):
///
/// - `create_dynamic_frame.from_catalog(database=None, table_name=None, redshift_tmp_dir="",
///   transformation_ctx="", push_down_predicate="", additional_options={}, catalog_id=None,
///   **kwargs)` — `name_space=` is the legacy name of `database`: both given raises
///   `Exception: Parameter name_space and database are both specified, choose one.`, neither
///   `Exception: Parameter name_space or database is missing.`, no table
///   `Exception: Parameter table_name is missing.` (`create_data_frame.from_catalog` is the
///   same read returned as a DataFrame.)
/// - `write_dynamic_frame.from_catalog(frame, database=None, table_name=None,
///   redshift_tmp_dir="", transformation_ctx="", additional_options={}, catalog_id=None, **kwargs)`.
/// - `write_dynamic_frame.from_jdbc_conf(frame, catalog_connection, connection_options={},
///   redshift_tmp_dir="", transformation_ctx="", catalog_id=None)`.
/// - `getSink(connection_type, format=None, transformation_ctx="", **options)` → a sink with
///   `setFormat(format, **options)`, `setCatalogInfo(catalogDatabase, catalogTableName,
///   catalogId=None)`, `writeFrame(frame, info="")`, `write(frame_or_dfc, info="")`.
///
/// `catalog_id` (another account's catalog) is accepted and ignored: a sandbox has one catalog.
extension GlueContextObject {
    func readFromCatalog(_ name: String, dataFrame: Bool = false) -> PyBuiltin {
        PyBuiltin(name) { [host] args, _ in
            let b = try args.bind(name, [.optional("database"), .optional("table_name"), .optional("redshift_tmp_dir", .str("")),
                                         .optional("transformation_ctx", .str("")), .optional("push_down_predicate", .str("")),
                                         .optional("additional_options", .none), .optional("catalog_id")], extraKeywords: true)
            let (database, table) = try Self.catalogTable(b)
            let frame = try host.readCatalog(
                database: database, table: table, pushDownPredicate: try b.optionalString("push_down_predicate") ?? "",
                additionalOptions: try b.dict("additional_options").engineOptions("additional_options"),
                transformationCtx: try b.optionalString("transformation_ctx") ?? "")
            return dataFrame ? self.wrap(try frame.toDF()) : self.wrap(frame)
        }
    }

    func writeFromCatalog(_ name: String) -> PyBuiltin {
        PyBuiltin(name) { [host] args, _ in
            let b = try args.bind(name, ["frame", .optional("database"), .optional("table_name"), .optional("redshift_tmp_dir", .str("")),
                                         .optional("transformation_ctx", .str("")), .optional("additional_options", .none),
                                         .optional("catalog_id")], extraKeywords: true)
            let frame = try Self.frame(b["frame"], function: name, argument: "frame")
            let (database, table) = try Self.catalogTable(b)
            try host.writeCatalog(frame, database: database, table: table,
                                  additionalOptions: try b.dict("additional_options").engineOptions("additional_options"),
                                  transformationCtx: try b.optionalString("transformation_ctx") ?? "")
            return b["frame"]
        }
    }

    func writeFromJDBCConf(_ name: String) -> PyBuiltin {
        let frameParameter = name == "write_from_jdbc_conf" ? "frame_or_dfc" : "frame"
        return PyBuiltin(name) { [host] args, _ in
            let b = try args.bind(name, [ParameterSpec(stringLiteral: frameParameter), "catalog_connection",
                                         .optional("connection_options", .none), .optional("redshift_tmp_dir", .str("")),
                                         .optional("transformation_ctx", .str("")), .optional("catalog_id")])
            let options = try b.dict("connection_options").engineOptions("connection_options")
            let ctx = try b.optionalString("transformation_ctx") ?? ""
            let connection = try b.string("catalog_connection")
            for frame in try Self.frames(b[frameParameter], function: name, argument: frameParameter) {
                try host.writeJDBCConf(frame, catalogConnection: connection, connectionOptions: options, transformationCtx: ctx)
            }
            return name == "write_dynamic_frame.from_jdbc_conf" || name == "write_dynamic_frame_from_jdbc_conf" ? .none : b[frameParameter]
        }
    }

    func getSink() -> PyBuiltin {
        PyBuiltin("getSink") { args, _ in
            let b = try args.bind("getSink", ["connection_type", .optional("format"), .optional("transformation_ctx", .str(""))],
                                  extraKeywords: true)
            var options: [String: Value] = [:]
            for (key, value) in b.extra { options[key] = try value.engineValue() }
            return .object(DataSinkObject(context: self, connectionType: try b.string("connection_type"),
                                          format: try b.optionalString("format"), options: options,
                                          transformationCtx: try b.optionalString("transformation_ctx") ?? ""))
        }
    }

    /// `database` (or its legacy name `name_space`) and `table_name`, with awsglue's errors.
    static func catalogTable(_ b: BoundArguments) throws -> (database: String, table: String) {
        let nameSpace = b.extra.first { $0.name == "name_space" }?.value
        let database: PyValue
        switch (b["database"].isNone, nameSpace) {
        case (false, _?): throw PyException(.exception, "Parameter name_space and database are both specified, choose one.")
        case (true, nil): throw PyException(.exception, "Parameter name_space or database is missing.")
        case (true, let n?): database = n
        case (false, nil): database = b["database"]
        }
        guard case .str(let db) = database else {
            throw PyException(.typeError, "\(b.function)() argument 'database' must be str, not \(database.typeName)")
        }
        if b["table_name"].isNone { throw PyException(.exception, "Parameter table_name is missing.") }
        return (db, try b.string("table_name"))
    }

    /// The frames of a `DynamicFrame` or `DynamicFrameCollection` argument.
    static func frames(_ value: PyValue, function: String, argument: String) throws -> [DynamicFrame] {
        if let collection = value.object(as: DynamicFrameCollectionObject.self) {
            return collection.keys.compactMap { collection[$0]?.frame }
        }
        return [try frame(value, function: function, argument: argument)]
    }
}

/// awsglue's `DataSink` from `glueContext.getSink(...)`.
final class DataSinkObject: PyObject {
    let context: GlueContextObject
    let connectionType: String
    var format: String?
    var formatOptions: [String: Value] = [:]
    let options: [String: Value]
    let transformationCtx: String
    var catalog: (database: String, table: String)?

    init(context: GlueContextObject, connectionType: String, format: String?, options: [String: Value], transformationCtx: String) {
        self.context = context
        self.connectionType = connectionType
        self.format = format
        self.options = options
        self.transformationCtx = transformationCtx
    }

    var typeName: String { "DataSink" }
    var repr: String { "<awsglue.data_sink.DataSink object>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "setFormat":
            return .builtin(PyBuiltin(name) { [self] args, _ in
                let b = try args.bind(name, ["format"], extraKeywords: true)
                format = try b.string("format")
                formatOptions = [:]
                for (key, value) in b.extra { formatOptions[key] = try value.engineValue() }
                return .none
            })
        case "setCatalogInfo":
            return .builtin(PyBuiltin(name) { [self] args, _ in
                let b = try args.bind(name, ["catalogDatabase", "catalogTableName", .optional("catalogId")])
                catalog = (try b.string("catalogDatabase"), try b.string("catalogTableName"))
                return .none
            })
        case "setAccumulableSize":
            return .builtin(PyBuiltin(name) { _, _ in .none })
        case "writeFrame", "write":
            return .builtin(PyBuiltin(name) { [self] args, _ in
                let parameter = name == "write" ? "dynamic_frame_or_dfc" : "dynamic_frame"
                let b = try args.bind(name, [ParameterSpec(stringLiteral: parameter), .optional("info", .str(""))])
                for frame in try GlueContextObject.frames(b[parameter], function: name, argument: parameter) {
                    try context.host.writeSink(frame, connectionType: connectionType, options: options, format: format,
                                               formatOptions: formatOptions, catalog: catalog, transformationCtx: transformationCtx)
                }
                return b[parameter]
            })
        default: return nil
        }
    }
}
