import GlueEngine

/// `awsglue.context.GlueContext`: the readers and writers a script reaches through
/// `glueContext`, backed by a ``GlueJobHost``.
///
/// Attributes: `create_dynamic_frame` / `write_dynamic_frame` / `create_data_frame` (each
/// with `from_options` and `from_catalog`; `write_dynamic_frame.from_jdbc_conf`), the flat
/// aliases `create_dynamic_frame_from_options`, `create_dynamic_frame_from_catalog`,
/// `write_dynamic_frame_from_options`, `write_dynamic_frame_from_catalog`,
/// `write_dynamic_frame_from_jdbc_conf`, `create_data_frame_from_options`, `getSink`,
/// `forEachBatch`, `spark_session`, `get_logger()`. The catalog calls are in
/// `GlueContextObject+Catalog.swift`.
public final class GlueContextObject: PyObject {
    let host: any GlueJobHost
    let sparkSession: SparkSessionObject
    var environment: GlueFrameEnvironment { host.frameEnvironment }

    init(host: any GlueJobHost, sparkContext: PyValue) {
        self.host = host
        sparkSession = SparkSessionObject(sparkContext: sparkContext, environment: host.frameEnvironment)
    }

    public var typeName: String { "GlueContext" }
    public var repr: String { "<awsglue.context.GlueContext object>" }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "create_dynamic_frame":
            return .object(AccessorObject(typeName: "_CreateDynamicFrame", members: [
                "from_options": .builtin(readFromOptions("create_dynamic_frame.from_options")),
                "from_catalog": .builtin(readFromCatalog("create_dynamic_frame.from_catalog")),
            ]))
        case "write_dynamic_frame":
            return .object(AccessorObject(typeName: "_WriteDynamicFrame", members: [
                "from_options": .builtin(writeFromOptions("write_dynamic_frame.from_options")),
                "from_catalog": .builtin(writeFromCatalog("write_dynamic_frame.from_catalog")),
                "from_jdbc_conf": .builtin(writeFromJDBCConf("write_dynamic_frame.from_jdbc_conf")),
            ]))
        case "create_data_frame":
            return .object(AccessorObject(typeName: "_CreateDataFrame", members: [
                "from_options": .builtin(dataFrameFromOptions("create_data_frame.from_options")),
                "from_catalog": .builtin(readFromCatalog("create_data_frame.from_catalog", dataFrame: true)),
            ]))
        case "create_dynamic_frame_from_options": return .builtin(readFromOptions(name))
        case "write_dynamic_frame_from_options": return .builtin(writeFromOptions(name))
        case "create_data_frame_from_options": return .builtin(dataFrameFromOptions(name))
        case "create_dynamic_frame_from_catalog": return .builtin(readFromCatalog(name))
        case "create_data_frame_from_catalog": return .builtin(readFromCatalog(name, dataFrame: true))
        case "write_dynamic_frame_from_catalog": return .builtin(writeFromCatalog(name))
        case "write_dynamic_frame_from_jdbc_conf", "write_from_jdbc_conf": return .builtin(writeFromJDBCConf(name))
        case "getSink": return .builtin(getSink())
        case "forEachBatch": return .builtin(forEachBatch())
        case "write_from_options": return .builtin(writeFromOptions(name, frameParameter: "frame_or_dfc"))
        case "spark_session": return .object(sparkSession)
        case "get_logger":
            return .builtin(PyBuiltin("get_logger") { _, _ in .object(LoggerObject()) })
        default: return nil
        }
    }

    private func readFromOptions(_ name: String) -> PyBuiltin {
        PyBuiltin(name) { [host] args, _ in
            let b = try args.bind(name, ["connection_type", .optional("connection_options", .none),
                                         .optional("format"), .optional("format_options", .none),
                                         .optional("transformation_ctx", .str("")),
                                         .optional("push_down_predicate", .str(""))], extraKeywords: true)
            let frame = try host.readDynamicFrame(
                connectionType: try b.string("connection_type"),
                connectionOptions: try b.dict("connection_options").engineOptions("connection_options"),
                format: try b.optionalString("format"),
                formatOptions: try b.dict("format_options").engineOptions("format_options"),
                transformationCtx: try b.string("transformation_ctx"))
            return self.wrap(frame)
        }
    }

    private func writeFromOptions(_ name: String, frameParameter: String = "frame") -> PyBuiltin {
        PyBuiltin(name) { [host] args, _ in
            let b = try args.bind(name, [ParameterSpec(stringLiteral: frameParameter), "connection_type", .optional("connection_options", .none),
                                         .optional("format"), .optional("format_options", .none),
                                         .optional("transformation_ctx", .str(""))], extraKeywords: true)
            let frame = try Self.frame(b[frameParameter], function: name, argument: frameParameter)
            try host.writeDynamicFrame(
                frame, connectionType: try b.string("connection_type"),
                connectionOptions: try b.dict("connection_options").engineOptions("connection_options"),
                format: try b.optionalString("format"),
                formatOptions: try b.dict("format_options").engineOptions("format_options"),
                transformationCtx: try b.string("transformation_ctx"))
            return b[frameParameter]
        }
    }

    private func dataFrameFromOptions(_ name: String) -> PyBuiltin {
        PyBuiltin(name) { [host] args, _ in
            let b = try args.bind(name, ["connection_type", .optional("connection_options", .none),
                                         .optional("format"), .optional("format_options", .none),
                                         .optional("transformation_ctx", .str(""))], extraKeywords: true)
            let type = try b.string("connection_type")
            let options = try b.dict("connection_options").engineOptions("connection_options")
            if type == "kafka" {
                return .object(StreamingSourceObject(connectionType: type, connectionOptions: options,
                                                     transformationCtx: try b.string("transformation_ctx")))
            }
            let frame = try host.readDynamicFrame(
                connectionType: type, connectionOptions: options, format: try b.optionalString("format"),
                formatOptions: try b.dict("format_options").engineOptions("format_options"),
                transformationCtx: try b.string("transformation_ctx"))
            return self.wrap(try frame.toDF())
        }
    }

    private func forEachBatch() -> PyBuiltin {
        PyBuiltin("forEachBatch") { [host] args, runtime in
            let b = try args.bind("forEachBatch", ["frame", "batch_function", .optional("options", .none)])
            guard let source = b["frame"].object(as: StreamingSourceObject.self) else {
                throw PyException(.typeError, "forEachBatch() argument 'frame' must be a streaming DataFrame from create_data_frame.from_options(connection_type=\"kafka\", ...), not \(b["frame"].typeName)")
            }
            let options = try b.dict("options").engineOptions("options")
            let function = b["batch_function"]
            try host.forEachBatch(connectionType: source.connectionType, connectionOptions: source.connectionOptions,
                                  transformationCtx: source.transformationCtx, options: options) { frame, batchId in
                _ = try runtime.call(function, CallArguments([self.wrap(try frame.toDF()), .int(batchId)]))
            }
            return .none
        }
    }

    /// A frame as scripts see it, tied to this context and the run's environment.
    func wrap(_ frame: DynamicFrame) -> PyValue {
        makeFrameObject(frame, glueContext: .object(self), environment: environment)
    }

    /// A DataFrame as scripts see it.
    func wrap(_ frame: DataFrame) -> PyValue {
        .object(DataFrameObject(frame, glueContext: .object(self), environment: environment))
    }

    /// The engine frame of a script argument, or a `TypeError` naming the call and argument.
    static func frame(_ value: PyValue, function: String, argument: String) throws -> DynamicFrame {
        guard let object = value.object(as: DynamicFrameObject.self) else {
            throw PyException(.typeError, "\(function)() argument '\(argument)' must be a DynamicFrame, not \(value.typeName)")
        }
        return object.frame
    }
}

/// A namespace object such as `glueContext.create_dynamic_frame`, holding `from_options` etc.
final class AccessorObject: PyObject {
    let typeName: String
    let members: [String: PyValue]

    init(typeName: String, members: [String: PyValue]) {
        self.typeName = typeName
        self.members = members
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? { members[name] }
}

/// `create_data_frame.from_options(connection_type="kafka", ...)`: a streaming source, only
/// good for `glueContext.forEachBatch` (a streaming DataFrame cannot be counted or shown).
final class StreamingSourceObject: PyObject {
    let connectionType: String
    let connectionOptions: [String: Value]
    let transformationCtx: String

    init(connectionType: String, connectionOptions: [String: Value], transformationCtx: String) {
        self.connectionType = connectionType
        self.connectionOptions = connectionOptions
        self.transformationCtx = transformationCtx
    }

    var typeName: String { "DataFrame" }
    var repr: String { "DataFrame[streaming: \(connectionType)]" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        throw PyException(.attributeError,
                          "a streaming DataFrame supports no '\(name)' here: process it with glueContext.forEachBatch(frame=..., batch_function=..., options={\"windowSize\": ..., \"checkpointLocation\": ...})")
    }
}

/// `glueContext.get_logger()`: `info`, `warn`, `error` write to the run's log.
final class LoggerObject: PyObject {
    var typeName: String { "Logger" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        let level: String
        switch name {
        case "info": level = "INFO"
        case "warn", "warning": level = "WARN"
        case "error": level = "ERROR"
        case "debug": level = "DEBUG"
        default: return nil
        }
        return .builtin(PyBuiltin(name) { args, runtime in
            let b = try args.bind(name, ["msg"])
            runtime.output("\(level) \(try runtime.str(b["msg"]))")
            return .none
        })
    }
}
