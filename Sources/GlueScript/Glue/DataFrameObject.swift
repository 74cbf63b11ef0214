import GlueEngine

/// A Spark `DataFrame` as scripts see it: what `toDF()`, `spark.read`, `spark.sql`,
/// `spark.createDataFrame` give, and what `DynamicFrame.fromDF` takes.
///
/// Inspection (here): `columns`, `dtypes`, `schema` (a `StructType`), `printSchema()`,
/// `show(n=20, truncate=True, vertical=False)`, `count()`, `collect()`, `take(n)`, `head(n)`,
/// `first()`, `isEmpty()`, `df["a"]` / `df.a` (a Column of this frame), `df[["a", "b"]]`
/// (select), `df[condition]` (filter), `repr` (`DataFrame[id: bigint, name: string]`).
/// Transformations, grouping, joins, views and `write`: `DataFrameObject+Methods.swift`.
/// `cache`, `persist`, `unpersist`, `repartition`, `coalesce`, `checkpoint` return the frame
/// (gluelab runs in one process). `rdd`, `toPandas` and the rest of Spark's API raise an
/// `AttributeError` naming the method, "not available in gluelab".
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
        "DataFrame[" + dataFrame.schema.fields.map { "\($0.name): \(SparkTypes.simpleName($0.type))" }.joined(separator: ", ") + "]"
    }

    /// A frame made from this one (same context and environment).
    func derived(_ frame: DataFrame) -> PyValue {
        .object(DataFrameObject(frame, glueContext: glueContext, environment: environment))
    }

    /// `df["a"]`: a Column bound to this frame (it resolves `a` here after a join).
    func column(_ name: String) throws -> ColumnExpression {
        guard name == "*" || dataFrame.columns.contains(where: { $0.lowercased() == name.split(separator: ".").first.map(String.init)?.lowercased() }) else {
            throw PyException(.exception, "AnalysisException: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `\(name)` cannot be resolved. Did you mean one of the following? [\(dataFrame.columns.map { "`\($0)`" }.joined(separator: ", "))].")
        }
        return name == "*" ? .star : .column(name, table: dataFrame.id)
    }

    public func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue {
        switch key {
        case .str(let name): return ColumnArguments.wrap(try column(name))
        case .int(let i):
            let names = dataFrame.columns
            guard names.indices.contains(i) else { throw PyException(.indexError, "DataFrame column index \(i) out of range") }
            return ColumnArguments.wrap(try column(names[i]))
        case .list, .tuple:
            return derived(try dataFrame.select(try ColumnArguments.columns([key], "DataFrame.__getitem__")))
        case .object(let o) where o is ColumnObject:
            return derived(try dataFrame.filter(try ColumnArguments.column(key, "DataFrame.__getitem__")))
        default:
            throw PyException(.typeError, "unexpected item type: \(key.typeName)")
        }
    }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        if let value = try inspection(name) { return value }
        if let value = try method(name) { return value }
        if name.hasPrefix("__") { return nil }
        if let hint = Self.unavailable[name] {
            throw PyException(.attributeError, "'DataFrame' object has no attribute '\(name)' (not available in gluelab\(hint.isEmpty ? "" : "; " + hint))")
        }
        if dataFrame.columns.contains(name) { return ColumnArguments.wrap(try column(name)) }
        throw PyException(.attributeError, "'DataFrame' object has no attribute '\(name)'")
    }

    /// Real pyspark DataFrame members gluelab does not provide, with hints.
    static let unavailable: [String: String] = [
        "rdd": "gluelab runs DataFrames without RDDs; use DataFrame columns or DynamicFrame transforms",
        "toPandas": "gluelab has no pandas; use collect(), take(n) or show()",
        "pandas_api": "gluelab has no pandas", "to_pandas_on_spark": "gluelab has no pandas",
        "foreach": "use collect() and a for loop", "foreachPartition": "use collect() and a for loop",
        "mapInPandas": "", "mapInArrow": "", "writeStream": "streams are written from glueContext.forEachBatch",
        "writeTo": "use df.write", "explain": "", "describe": "", "summary": "", "sample": "", "sampleBy": "",
        "randomSplit": "", "crosstab": "", "cube": "", "rollup": "", "pivot": "", "stat": "", "observe": "",
        "withWatermark": "", "exceptAll": "", "subtract": "", "intersect": "", "intersectAll": "", "transform": "",
        "approxQuantile": "", "corr": "", "cov": "", "freqItems": "", "toJSON": "", "inputFiles": "", "sortWithinPartitions": "",
        "repartitionByRange": "", "localCheckpoint": "", "melt": "", "unpivot": "", "dropDuplicatesWithinWatermark": "",
        "toLocalIterator": "use collect()", "semanticHash": "", "sameSemantics": "", "storageLevel": "",
    ]

    /// The inspection members.
    private func inspection(_ name: String) throws -> PyValue? {
        switch name {
        case "columns": return .list(PyList(dataFrame.columns.map(PyValue.str)))
        case "dtypes": return .list(PyList(dataFrame.dtypes.map { .tuple([.str($0.0), .str($0.1)]) }))
        case "schema": return .object(StructTypeObject(dataFrame.schema, nullable: dataFrame.nullable))
        case "isStreaming": return .bool(false)
        case "na": return .object(NAFunctionsObject(frame: self))
        case "write": return .object(DataFrameWriterObject(frame: dataFrame, environment: environment))
        case "sparkSession":
            if let context = glueContext.object(as: GlueContextObject.self) { return .object(context.sparkSession) }
            return .object(SparkSessionObject(sparkContext: .none, environment: environment))
        case "count": return nativeMethod(name, []) { _, _ in .int(self.dataFrame.count()) }
        case "printSchema":
            return nativeMethod(name, [.optional("level")]) { _, runtime in
                DynamicFrameObject.printLines(self.dataFrame.sparkSchemaTree(), runtime)
                return .none
            }
        case "show":
            return nativeMethod(name, [.optional("n", .int(20)), .optional("truncate", .bool(true)), .optional("vertical", .bool(false))]) { b, runtime in
                let truncate: Int
                switch b["truncate"] {
                case .bool(let t): truncate = t ? 20 : 0
                case .int(let t): truncate = t
                default: throw PyException(.typeError, "show() argument 'truncate' must be bool or int, not \(b["truncate"].typeName)")
                }
                // Spark's table from SparkText (struct cells keep their null fields: `{30, null}`);
                // the vertical layout from the engine.
                let vertical = try b.bool("vertical")
                let text = vertical ? self.dataFrame.showString(rows: try b.int("n"), truncate: truncate, vertical: true)
                    : SparkText.showString(self.dataFrame, try b.int("n"), truncate: truncate)
                DynamicFrameObject.printLines(text, runtime)
                return .none
            }
        case "collect": return nativeMethod(name, []) { _, _ in .list(PyList(self.rows(nil))) }
        case "take", "tail":
            return nativeMethod(name, ["num"]) { b, _ in
                let n = max(0, try b.int("num"))
                if name == "tail" { return .list(PyList(Array(self.rows(nil).suffix(n)))) }
                return .list(PyList(self.rows(n)))
            }
        case "head":
            return nativeMethod(name, [.optional("n")]) { b, _ in
                if b["n"].isNone { return self.rows(1).first ?? .none }
                return .list(PyList(self.rows(max(0, try b.int("n")))))
            }
        case "first": return nativeMethod(name, []) { _, _ in self.rows(1).first ?? .none }
        case "isEmpty": return nativeMethod(name, []) { _, _ in .bool(self.dataFrame.count() == 0) }
        case "cache", "persist", "unpersist", "checkpoint", "hint", "repartition", "coalesce":
            return .builtin(PyBuiltin(name) { _, _ in .object(self) })
        case "getNumPartitions": return nativeMethod(name, []) { _, _ in .int(1) }
        default: return nil
        }
    }

    /// The first `limit` rows (all with nil) as Row objects.
    func rows(_ limit: Int?) -> [PyValue] {
        let frame = limit.map { dataFrame.limit($0) } ?? dataFrame
        return frame.rows().map { .object(RowObject($0, schema: frame.schema)) }
    }
}
