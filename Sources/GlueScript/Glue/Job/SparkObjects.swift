/// `pyspark.context.SparkContext`: `SparkContext()` and `SparkContext.getOrCreate()` give the
/// one context of the run; it has no API of its own in gluelab beyond being passed to
/// `GlueContext(sc)`.
final class SparkContextClass: PyObject {
    let instance = SparkContextObject()

    var typeName: String { "type" }
    var repr: String { "<class 'pyspark.context.SparkContext'>" }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue { .object(instance) }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        guard name == "getOrCreate" else { return nil }
        return .builtin(PyBuiltin("getOrCreate") { [instance] _, _ in .object(instance) })
    }
}

/// The run's SparkContext.
final class SparkContextObject: PyObject {
    var typeName: String { "SparkContext" }
    var repr: String { "<SparkContext master=local[*] appName=gluelab>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "setLogLevel": return .builtin(PyBuiltin(name) { _, _ in .none })
        case "appName": return .str("gluelab")
        default: return nil
        }
    }
}

/// `glueContext.spark_session` (and `SparkSession.builder.getOrCreate()`). What Spark offers
/// beyond the engine fails with a message saying so: `spark.sql(...)`, `spark.read`,
/// `spark.createDataFrame(...)`.
final class SparkSessionObject: PyObject {
    let sparkContext: PyValue

    init(sparkContext: PyValue) {
        self.sparkContext = sparkContext
    }

    var typeName: String { "SparkSession" }
    var repr: String { "<pyspark.sql.session.SparkSession object>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "sparkContext": return sparkContext
        case "sql", "read", "createDataFrame", "table", "readStream", "catalog", "udf", "range":
            throw PyException(.notImplementedError,
                              "spark.\(name) is Spark's own API, which gluelab's engine does not run; use glueContext.create_dynamic_frame / DynamicFrame transforms instead")
        case "conf": return .object(AccessorObject(typeName: "RuntimeConfig", members: [
            "set": .builtin(PyBuiltin("set") { _, _ in .none }),
        ]))
        default: return nil
        }
    }
}

/// `pyspark.sql.SparkSession` as a class: `SparkSession.builder....getOrCreate()`.
final class SparkSessionClass: PyObject {
    let session: SparkSessionObject

    init(session: SparkSessionObject) {
        self.session = session
    }

    var typeName: String { "type" }
    var repr: String { "<class 'pyspark.sql.session.SparkSession'>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        guard name == "builder" else { return nil }
        return .object(SessionBuilder(session: session))
    }
}

/// `SparkSession.builder`: `appName(...)`, `config(...)`, `master(...)`, `enableHiveSupport()`
/// chain; `getOrCreate()` returns the run's session.
final class SessionBuilder: PyObject {
    let session: SparkSessionObject

    init(session: SparkSessionObject) {
        self.session = session
    }

    var typeName: String { "Builder" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "appName", "config", "master", "enableHiveSupport":
            return .builtin(PyBuiltin(name) { [self] _, _ in .object(self) })
        case "getOrCreate":
            return .builtin(PyBuiltin(name) { [session] _, _ in .object(session) })
        default: return nil
        }
    }
}

/// A module of Spark's API that gluelab's engine does not provide (`pyspark.sql.functions`,
/// `pyspark.sql.types`, ...): importing it and its names works, so scripts that import more
/// than they use still run; calling anything from it raises a clear error.
final class UnavailableModule: PyModule {
    init(name: String) {
        super.init(name: name)
    }

    override func attribute(_ member: String, runtime: any PyRuntime) throws -> PyValue? {
        if let known = members[member] { return known }
        return .builtin(PyBuiltin("\(name).\(member)") { [name] _, _ in
            throw PyException(.notImplementedError,
                              "\(name).\(member) is part of Spark's DataFrame API, which gluelab's engine does not run yet")
        })
    }
}
