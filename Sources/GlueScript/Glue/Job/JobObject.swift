/// `awsglue.job.Job`: `Job(glueContext)`, `job.init(job_name, args)`, `job.commit()`.
///
/// `init` loads the job's bookmark; `commit` saves the state of every tracked source at once
/// (fact sheet §4.3). A script that never calls `init` reads every source as untracked; one
/// that never calls `commit` leaves the bookmark as it was, so the next run reads the same
/// data again (the lesson of "Missing Job Object").
final class JobObject: PyObject {
    let host: any GlueJobHost
    private(set) var initialized = false

    init(host: any GlueJobHost) {
        self.host = host
    }

    var typeName: String { "Job" }
    var repr: String { "<awsglue.job.Job object>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "init":
            return .builtin(PyBuiltin("init") { [self] args, _ in
                let b = try args.bind("init", ["job_name", .optional("args", .none)])
                guard case .str(let jobName) = b["job_name"] else {
                    throw PyException(.typeError, "init() argument 'job_name' must be str, not \(b["job_name"].typeName)")
                }
                try host.jobInit(name: jobName)
                initialized = true
                return .none
            })
        case "commit":
            return .builtin(PyBuiltin("commit") { [self] args, _ in
                _ = try args.bind("commit", [])
                guard initialized else {
                    throw PyException(.runtimeError, "job.commit() was called before job.init(...): the job has no bookmark to commit")
                }
                try host.jobCommit()
                return .none
            })
        default:
            return nil
        }
    }
}

/// The `Job` class: calling it with a `GlueContext` makes a ``JobObject``.
final class JobClass: PyObject {
    let host: any GlueJobHost

    init(host: any GlueJobHost) {
        self.host = host
    }

    var typeName: String { "type" }
    var repr: String { "<class 'awsglue.job.Job'>" }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        let b = try arguments.bind("Job", ["glue_context"])
        guard b["glue_context"].object(as: GlueContextObject.self) != nil else {
            throw PyException(.typeError, "Job() argument 'glue_context' must be a GlueContext, not \(b["glue_context"].typeName)")
        }
        return .object(JobObject(host: host))
    }
}

/// The `GlueContext` class: `GlueContext(sc)` makes the run's context.
final class GlueContextClass: PyObject {
    let host: any GlueJobHost
    private var instance: GlueContextObject?

    init(host: any GlueJobHost) {
        self.host = host
    }

    var typeName: String { "type" }
    var repr: String { "<class 'awsglue.context.GlueContext'>" }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        let b = try arguments.bind("GlueContext", ["sparkContext"], extraKeywords: true)
        if let instance { return .object(instance) }
        let made = GlueContextObject(host: host, sparkContext: b["sparkContext"])
        instance = made
        return .object(made)
    }
}
