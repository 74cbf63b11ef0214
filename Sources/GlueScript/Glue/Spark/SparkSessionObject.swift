import GlueEngine

/// `glueContext.spark_session` (and `SparkSession.builder.getOrCreate()`): the run's session.
///
/// `read` (``DataFrameReaderObject``), `sql(query)` over the temporary views, `table(name)`,
/// `createDataFrame(data, schema=None)` (lists of tuples, lists, dicts or Rows; the schema a
/// StructType, a DDL string or a list of column names; types inferred as pyspark infers them
/// otherwise: int → bigint, float → double), `catalog` (`dropTempView`,
/// `dropGlobalTempView`, `tableExists`, `listTables`), `sparkContext`, `conf.set/get`,
/// `version`, `stop()`. Streaming, UDFs and `range` are refused by name.
final class SparkSessionObject: PyObject {
    let sparkContext: PyValue
    let environment: GlueFrameEnvironment
    var state: SparkSessionState { environment.spark }

    init(sparkContext: PyValue, environment: GlueFrameEnvironment) {
        self.sparkContext = sparkContext
        self.environment = environment
    }

    var typeName: String { "SparkSession" }
    var repr: String { "<pyspark.sql.session.SparkSession object>" }

    /// A DataFrame made by the session, as scripts see it.
    func wrap(_ frame: DataFrame) -> PyValue {
        .object(DataFrameObject(frame, environment: environment))
    }

    func table(_ name: String) throws -> PyValue {
        wrap(try state.view(name))
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "sparkContext": return sparkContext
        case "version": return .str("3.3.0")
        case "read": return .object(DataFrameReaderObject(session: self))
        case "table": return nativeMethod(name, ["tableName"]) { b, _ in try self.table(try b.string("tableName")) }
        case "sql":
            // Spark SQL over the session's temporary views, executed by an in-memory SQLite
            // (``SparkSQL``): the common subset, with clear errors for the rest.
            return nativeMethod(name, ["sqlQuery", .optional("args")]) { b, _ in
                guard b["args"].isNone else {
                    throw PyException(.notImplementedError, "spark.sql(sqlQuery, args=...) parameter markers are not available in gluelab")
                }
                return self.wrap(try SparkSQL.execute(try b.string("sqlQuery"), views: self.state.views))
            }
        case "createDataFrame":
            return nativeMethod(name, ["data", .optional("schema"), .optional("samplingRatio"), .optional("verifySchema", .bool(true))]) { b, _ in
                self.wrap(try SparkRowsInput.dataFrame(b["data"], schema: b["schema"]))
            }
        case "catalog": return .object(CatalogObject(session: self))
        case "conf":
            return .object(AccessorObject(typeName: "RuntimeConfig", members: [
                "set": .builtin(PyBuiltin("set") { _, _ in .none }),
                "get": .builtin(PyBuiltin("get") { args, _ in args.positional.count > 1 ? args.positional[1] : .none }),
            ]))
        case "stop", "newSession":
            return .builtin(PyBuiltin(name) { _, _ in name == "stop" ? .none : .object(self) })
        case "readStream", "udf", "range", "streams", "udtf":
            throw PyException(.attributeError, "'SparkSession' object has no attribute '\(name)' (not available in gluelab; streams are read with glueContext.create_data_frame.from_options + forEachBatch; transform rows with DataFrame columns or DynamicFrame Map)")
        default: return nil
        }
    }
}

/// `spark.catalog`: the temporary views of the session.
final class CatalogObject: PyObject {
    let session: SparkSessionObject

    init(session: SparkSessionObject) {
        self.session = session
    }

    var typeName: String { "Catalog" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "dropTempView", "dropGlobalTempView":
            return nativeMethod(name, ["viewName"]) { b, _ in
                .bool(self.session.state.drop(try b.string("viewName"), global: name == "dropGlobalTempView"))
            }
        case "tableExists":
            return nativeMethod(name, ["tableName", .optional("dbName")]) { b, _ in
                var table = try b.string("tableName")
                if let db = try b.optionalString("dbName") { table = db + "." + table }
                return .bool((try? self.session.state.view(table)) != nil)
            }
        case "listTables":
            return nativeMethod(name, [.optional("dbName")]) { _, _ in
                .list(PyList(self.session.state.views.keys.sorted().map(PyValue.str)))
            }
        default: return nil
        }
    }
}
