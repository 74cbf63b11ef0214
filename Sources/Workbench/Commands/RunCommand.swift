import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab run SCRIPT.py [--KEY value ...]`: runs a Glue job script as a job run.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Glue job script (PySpark dialect) as a job run, with bookmarks and run history.",
        discussion: """
            Everything after SCRIPT is passed to the script as Glue passes job arguments \
            (--KEY value or --KEY=value; read them with getResolvedOptions), except gluelab's own \
            options, which may appear anywhere: --sandbox, --json, and the StartJobRun settings \
            --worker-type, --number-of-workers, --max-capacity, --execution-class, --glue-version, --timeout.
              gluelab run job.py --JOB_NAME hourly --job-bookmark-option job-bookmark-enable
              gluelab run job.py --JOB_NAME hourly --job-bookmark-option job-bookmark-pause \\
                  --job-bookmark-from jr_... --job-bookmark-to jr_...
            --JOB_NAME defaults to the script's file name without .py. If a job of that name exists \
            (gluelab job create), its MaxConcurrentRuns and capacity apply, but not its DefaultArguments.
            """
    )

    @Argument(help: "The job script: a local path or an s3:// URI in the sandbox.")
    var script: String

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Job arguments, --KEY value.", valueName: "--KEY value"))
    var jobArguments: [String] = []

    @OptionGroup var sandbox: SandboxOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        var split = try RunArguments(jobArguments)
        let box = try sandbox.open(overriding: split.sandbox)
        let stem = URL(fileURLWithPath: script).deletingPathExtension().lastPathComponent
        let jobName = split.arguments["JOB_NAME"] ?? stem
        split.arguments["JOB_NAME"] = jobName
        let definition = try JobStore(sandbox: box).find(jobName)
        var capacity = definition?.capacity(arguments: split.arguments) ?? JobCapacity()
        split.overrides.apply(to: &capacity)
        if let version = split.glueVersion { capacity.glueVersion = version }
        try ScriptJobRunner(sandbox: box, jobName: jobName, arguments: split.arguments, capacity: capacity,
                            definition: definition, scriptLocation: script, json: output.json || split.json).execute()
    }
}

/// The tokens after the script: gluelab's own options taken out, the rest job arguments.
struct RunArguments {
    var sandbox: String?
    var json = false
    var overrides = CapacityOverrides()
    var glueVersion: GlueVersion?
    var arguments: [String: String] = [:]

    static let capacityOptions: Set<String> = ["worker-type", "number-of-workers", "max-capacity", "execution-class",
                                               "glue-version", "timeout"]

    init(_ tokens: [String]) throws {
        var rest: [String] = []
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            if token == "--json" { json = true; i += 1; continue }
            let body = token.hasPrefix("--") ? String(token.dropFirst(2)) : ""
            let (name, inline) = body.firstIndex(of: "=").map { (String(body[..<$0]), String(body[body.index(after: $0)...])) } ?? (body, nil)
            guard name == "sandbox" || Self.capacityOptions.contains(name) else {
                rest.append(token)
                i += 1
                continue
            }
            var value = inline
            if value == nil {
                guard i + 1 < tokens.count else { throw WorkbenchError.badValue(option: token, value: "", reason: "a value is required") }
                value = tokens[i + 1]
                i += 1
            }
            i += 1
            let v = value ?? ""
            switch name {
            case "sandbox": sandbox = v
            case "worker-type": overrides.workerType = try WorkerType(name: v)
            case "number-of-workers": overrides.numberOfWorkers = try Self.int(v, token)
            case "max-capacity":
                guard let d = Double(v) else { throw WorkbenchError.badValue(option: token, value: v, reason: "expected a number of DPUs") }
                overrides.maxCapacity = d
            case "execution-class": overrides.executionClass = try ExecutionClass(name: v)
            case "glue-version": glueVersion = try GlueVersion(name: v)
            default: overrides.timeout = try Self.int(v, token)
            }
        }
        arguments = try JobRunRequest.parseArguments(rest)
    }

    static func int(_ text: String, _ option: String) throws -> Int {
        guard let n = Int(text), n > 0 else { throw WorkbenchError.badValue(option: option, value: text, reason: "expected a positive whole number") }
        return n
    }
}
