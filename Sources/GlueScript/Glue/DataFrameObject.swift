import GlueEngine

/// A Spark `DataFrame` as scripts see it, minimal for now: what `toDF()` gives and
/// `DynamicFrame.fromDF` takes. It offers `count()`, `columns`, `dtypes`, `printSchema()`
/// (Spark's format, with `(nullable = true)`), `show(n=20, truncate=True)` (Spark's ASCII
/// table) and `repr` (`DataFrame[id: bigint, name: string]`). `createOrReplaceTempView(name)` and
/// `createTempView(name)` are accepted and do nothing: the only reader of a view is `spark.sql`,
/// which is refused with its own message, so a Glue Studio SQL-query node fails there, naming
/// the real reason. Any other attribute raises an `AttributeError` saying it is not available
/// in gluelab yet.
public final class DataFrameObject: PyObject {
    public let dataFrame: DataFrame
    /// The `glue_ctx` of the frame it came from (for `DynamicFrame.fromDF`).
    public let glueContext: PyValue
    public let environment: GlueFrameEnvironment

    public init(_ dataFrame: DataFrame, glueContext: PyValue = .none, environment: GlueFrameEnvironment = GlueFrameEnvironment()) {
        self.dataFrame = dataFrame
        self.glueContext = glueContext
        self.environment = environment
    }

    public var typeName: String { "DataFrame" }
    public var repr: String {
        "DataFrame[" + dataFrame.schema.fields.map { "\($0.name): \(SparkText.simpleString($0.type))" }.joined(separator: ", ") + "]"
    }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "count":
            return nativeMethod("count", []) { _, _ in .int(self.dataFrame.count()) }
        case "columns":
            return .list(PyList(dataFrame.schema.names.map(PyValue.str)))
        case "dtypes":
            return .list(PyList(dataFrame.schema.fields.map { .tuple([.str($0.name), .str(SparkText.simpleString($0.type))]) }))
        case "printSchema":
            return nativeMethod("printSchema", []) { _, runtime in
                DynamicFrameObject.printLines(SparkText.treeString(self.dataFrame.schema), runtime)
                return .none
            }
        case "show":
            return nativeMethod("show", [.optional("n", .int(20)), .optional("truncate", .bool(true)), .optional("vertical", .bool(false))]) { b, runtime in
                if try b.bool("vertical") { throw notAvailable("DataFrame", "show(vertical=True)") }
                let truncate: Int
                switch b["truncate"] {
                case .bool(let t): truncate = t ? 20 : 0
                case .int(let t): truncate = t
                default: throw PyException(.typeError, "show() argument 'truncate' must be bool or int, not \(b["truncate"].typeName)")
                }
                DynamicFrameObject.printLines(SparkText.showString(self.dataFrame, try b.int("n"), truncate: truncate), runtime)
                return .none
            }
        case "createOrReplaceTempView", "createTempView":
            return nativeMethod(name, ["name"]) { b, _ in
                _ = try b.string("name")
                return .none
            }
        default:
            if name.hasPrefix("__") { return nil }
            throw notAvailable("DataFrame", name, "the Spark DataFrame API comes in a later version; use DynamicFrame transforms")
        }
    }
}
