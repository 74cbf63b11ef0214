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
