import GlueEngine

/// The modules a Glue job script may import, wired to one run's ``GlueJobHost``.
///
/// `sys` (`argv`), `awsglue` (`DynamicFrame`), `awsglue.context` (`GlueContext`),
/// `awsglue.job` (`Job`), `awsglue.utils` (`getResolvedOptions`), `awsglue.transforms`,
/// `awsglue.dynamicframe`, `pyspark.context` (`SparkContext`), `pyspark.sql`
/// (`SparkSession`, `Row`, `Window`, `Column`, `DataFrame`, `functions`, `types`), and Spark's
/// DataFrame modules (``SparkModules``: `pyspark.sql.functions`, `.types`, `.window`),
/// `py4j.protocol` (`Py4JJavaError`) and `pyspark.sql.utils` (`AnalysisException`), the classes
/// of engine errors a script catches. Nothing else can be imported: no
/// `os`, `boto3`, `subprocess` — a script reaches data only through the engine's connectors.
public enum GlueModules {
    /// A registry for one run.
    public static func registry(host: any GlueJobHost) -> ModuleRegistry {
        var registry = ModuleRegistry()
        let sparkContextClass = SparkContextClass()
        let session = SparkSessionObject(sparkContext: .object(sparkContextClass.instance), environment: host.frameEnvironment)
        let frameModules = GlueFrameModules.modules()

        registry.register(sysModule(host: host))
        registry.register(PyModule(name: "awsglue", members: GlueFrameModules.awsglueMembers(from: frameModules)))
        registry.register(PyModule(name: "awsglue.context", members: ["GlueContext": .object(GlueContextClass(host: host))]))
        registry.register(PyModule(name: "awsglue.job", members: ["Job": .object(JobClass(host: host))]))
        registry.register(utilsModule())
        for module in frameModules { registry.register(module) }
        registry.register(PyModule(name: "pyspark", members: [:]))
        registry.register(PyModule(name: "pyspark.context", members: ["SparkContext": .object(sparkContextClass)]))
        let sparkSQL = SparkModules.modules()
        for module in sparkSQL { registry.register(module) }
        registry.register(PyModule(name: "pyspark.sql", members: SparkModules.sqlMembers(from: sparkSQL).merging([
            "SparkSession": .object(SparkSessionClass(session: session)),
        ]) { $1 }))
        // The exception classes Glue surfaces for engine errors; the interpreter puts
        // `Py4JJavaError` and `AnalysisException` in them (``Interpreter`` exceptions).
        registry.register(PyModule(name: "py4j.protocol"))
        registry.register(PyModule(name: "pyspark.sql.utils"))
        return registry
    }

    /// The modules of a job without Spark — Python shell (`pythonshell`) and Ray (`glueray`):
    /// plain Python with `awsglue.utils.getResolvedOptions`; `pyspark` is not installed, so
    /// importing it, or the awsglue modules built on it (`awsglue.context`, `awsglue.job`,
    /// `awsglue.dynamicframe`, `awsglue.transforms`), fails with Python's
    /// `ModuleNotFoundError: No module named 'pyspark'`. (`ray` itself is not provided: a Ray
    /// job's script runs here as plain Python.)
    public static func noSparkRegistry(host: any GlueJobHost, jobType: JobType) -> ModuleRegistry {
        var registry = ModuleRegistry()
        registry.register(sysModule(host: host))
        registry.register(utilsModule())
        let reason = jobType == .glueray
            ? "a Ray job runs Ray, not Spark: use a glueetl job for GlueContext, DynamicFrames and Spark"
            : "a Python shell job has no Spark: use a glueetl job for GlueContext, DynamicFrames and Spark"
        for name in ["pyspark", "awsglue.context", "awsglue.job", "awsglue.dynamicframe", "awsglue.transforms", "py4j"] {
            registry.markUnavailable(name, missing: name == "py4j" ? "py4j" : "pyspark", reason: reason)
        }
        return registry
    }

    /// `sys`, with the run's `argv`.
    static func sysModule(host: any GlueJobHost) -> PyModule {
        PyModule(name: "sys", members: ["argv": .list(PyList(host.argv.map { .str($0) }))])
    }

    /// `awsglue.utils`: `getResolvedOptions`, as awsglue's utils.py resolves options.
    static func utilsModule() -> PyModule {
        PyModule(name: "awsglue.utils", members: [
            "getResolvedOptions": .builtin(PyBuiltin("getResolvedOptions") { args, _ in
                let b = try args.bind("getResolvedOptions", ["args", "options"])
                guard let argv = b["args"].sequenceItems else {
                    throw PyException(.typeError, "getResolvedOptions() argument 'args' must be a list (sys.argv), not \(b["args"].typeName)")
                }
                let strings = try argv.map { item -> String in
                    guard case .str(let s) = item else { throw PyException(.typeError, "sys.argv items must be str") }
                    return s
                }
                return .dict(try ResolvedOptions.resolve(argv: strings, options: try b.strings("options")))
            }),
        ])
    }
}
