import GlueEngine

/// A Glue `DynamicFrame` as scripts see it (`awsglue.dynamicframe.DynamicFrame`): wraps an
/// engine ``DynamicFrame`` and offers awsglue's methods with awsglue's parameter names and
/// defaults (`transformation_ctx`, `info`, `stageThreshold`, `totalThreshold`, ...).
///
/// Methods return new frame objects sharing this one's `glue_ctx` and environment. Engine
/// errors pass through as `EngineError`; argument problems are `TypeError`/`ValueError`s
/// naming the method and argument.
public final class DynamicFrameObject: PyObject {
    /// The engine frame.
    public private(set) var frame: DynamicFrame
    /// The `glue_ctx` the frame was made with (`None` when unknown).
    public let glueContext: PyValue
    /// Hooks for the methods that reach outside the frame (spigot, catalog, TempDir).
    public let environment: GlueFrameEnvironment

    public init(_ frame: DynamicFrame, glueContext: PyValue = .none, environment: GlueFrameEnvironment = GlueFrameEnvironment()) {
        self.frame = frame
        self.glueContext = glueContext
        self.environment = environment
    }

    /// The frame's `name` (settable from scripts, as in Python).
    public var name: String { frame.name }

    public var typeName: String { "DynamicFrame" }
    public var repr: String { "<awsglue.dynamicframe.DynamicFrame object name='\(frame.name)'>" }

    /// A new frame object for `result`, in this frame's context.
    func derive(_ result: DynamicFrame, name: String? = nil) -> PyValue {
        var result = result
        if let name { result.name = name }
        return .object(DynamicFrameObject(result, glueContext: glueContext, environment: environment))
    }

    /// A collection of frame objects in this frame's context.
    func deriveCollection(_ pairs: [(String, DynamicFrame)]) -> PyValue {
        let frames = pairs.map { key, f in (key, DynamicFrameObject(f, glueContext: glueContext, environment: environment)) }
        return .object(DynamicFrameCollectionObject(frames, glueContext: glueContext, environment: environment))
    }

    public func setAttribute(_ name: String, to value: PyValue, runtime: any PyRuntime) throws -> Bool {
        guard name == "name" else { return false }
        guard case .str(let s) = value else {
            throw PyException(.typeError, "DynamicFrame.name must be str, not \(value.typeName)")
        }
        frame.name = s
        return true
    }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "name": return .str(frame.name)
        case "glue_ctx": return glueContext
        default: break
        }
        if let m = infoMethod(name) ?? fieldMethod(name) ?? recordMethod(name) { return m }
        switch name {
        case "mapPartitions", "mapPartitionsWithIndex", "unnest_ddb_json", "simplify_ddb_json", "with_frame_schema":
            throw notAvailable(typeName, name)
        default:
            return nil
        }
    }

    /// `count`, `schema`, `printSchema`, `show`, `toDF`, `getNumPartitions`, the error methods.
    private func infoMethod(_ name: String) -> PyValue? {
        switch name {
        case "count":
            return nativeMethod("count", []) { _, _ in .int(self.frame.count()) }
        case "schema":
            return nativeMethod("schema", []) { _, _ in .object(SchemaObject(self.frame.schema())) }
        case "printSchema":
            return nativeMethod("printSchema", []) { _, runtime in
                Self.printLines(self.frame.schema().treeString(), runtime)
                return .none
            }
        case "show":
            return nativeMethod("show", [.optional("num_rows", .int(20))]) { b, runtime in
                for line in self.frame.showString(try b.int("num_rows")).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                    runtime.output(String(line))
                }
                return .none
            }
        case "toDF":
            return nativeMethod("toDF", [.optional("options")]) { b, runtime in
                let options = try ResolveOptionObject.options(b["options"], runtime: runtime)
                return .object(DataFrameObject(try self.frame.toDF(options: options), glueContext: self.glueContext,
                                               environment: self.environment))
            }
        case "getNumPartitions":
            return nativeMethod("getNumPartitions", []) { _, _ in .int(self.frame.getNumPartitions()) }
        case "errorsCount":
            return nativeMethod("errorsCount", []) { _, _ in .int(self.frame.errorsCount()) }
        case "stageErrorsCount":
            return nativeMethod("stageErrorsCount", []) { _, _ in .int(self.frame.stageErrorsCount) }
        case "errorsAsDynamicFrame":
            return nativeMethod("errorsAsDynamicFrame", []) { _, _ in self.derive(self.frame.errorsAsDynamicFrame(), name: self.frame.name) }
        case "assertErrorThreshold":
            // gluelab computes eagerly: each transform checked its thresholds when it ran, so a
            // frame that exists has passed them.
            return nativeMethod("assertErrorThreshold", []) { _, _ in .none }
        case "write":
            return nativeMethod("write", ["connection_type", .optional("connection_options", .dict(PyDict())),
                                          .optional("format"), .optional("format_options", .dict(PyDict())),
                                          .optional("accumulator_size", .int(0))]) { b, runtime in
                try self.write(b, runtime)
            }
        default:
            return nil
        }
    }

    /// `print(text)` for a text ending in a newline: its lines, then the empty line `print`
    /// adds (Glue's `printSchema` is `print(self._jdf.schema().treeString())`).
    static func printLines(_ text: String, _ runtime: any PyRuntime) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            runtime.output(String(line))
        }
    }

    /// `frame.write(...)`: awsglue calls `self.glue_ctx.write_from_options(frame_or_dfc=self, ...)`.
    private func write(_ b: BoundArguments, _ runtime: any PyRuntime) throws -> PyValue {
        guard case .object(let context) = glueContext,
              let writer = try context.attribute("write_from_options", runtime: runtime) else {
            throw PyException(.runtimeError, "DynamicFrame.write needs the GlueContext the frame was made with; "
                + "use glueContext.write_dynamic_frame.from_options(frame=..., ...)")
        }
        let keywords: [(name: String, value: PyValue)] = [
            ("frame_or_dfc", .object(self)), ("connection_type", b["connection_type"]),
            ("connection_options", b["connection_options"]), ("format", b["format"]),
            ("format_options", b["format_options"]), ("accumulator_size", b["accumulator_size"]),
        ]
        return try runtime.call(writer, CallArguments([], keywords: keywords))
    }
}

/// Makes the script object for an engine frame (for the `GlueContext` readers).
public func makeFrameObject(_ frame: DynamicFrame, glueContext: PyValue = .none,
                            environment: GlueFrameEnvironment = GlueFrameEnvironment()) -> PyValue {
    .object(DynamicFrameObject(frame, glueContext: glueContext, environment: environment))
}
