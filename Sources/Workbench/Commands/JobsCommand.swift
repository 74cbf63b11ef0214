import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab job ...`: named jobs, as `CreateJob`, `UpdateJob`, `GetJob`, `GetJobs`, `DeleteJob`.
struct JobsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "job",
        abstract: "Named jobs with DefaultArguments, capacity and MaxConcurrentRuns, like CreateJob.",
        discussion: """
              gluelab job create nightly --script-location jobs/nightly.py \\
                  --default-argument job-bookmark-option=job-bookmark-enable --worker-type G.1X --number-of-workers 2
              gluelab job get nightly --json
            Deleting a job deletes its bookmark too (as on AWS); its run history stays.
            """,
        subcommands: [Create.self, Update.self, Get.self, List.self, Delete.self, Run.self]
    )
}

/// The job settings `create` and `update` take (all optional: `update` changes only what is given).
struct JobSettingsOptions: ParsableArguments {
    @Option(help: "The script: a local path or an s3:// URI in the sandbox.") var scriptLocation: String?
    @Option(help: "glueetl (default), gluestreaming, pythonshell or glueray.") var command: String?
    @Option(help: "Command.PythonVersion, e.g. 3 or 3.9.") var pythonVersion: String?
    @Option(parsing: .unconditionalSingleValue,
            help: ArgumentHelp("DefaultArguments, as --KEY=VALUE (repeatable), or a JSON object like the AWS CLI's.", valueName: "--KEY=VALUE"))
    var defaultArguments: [String] = []
    @Option(parsing: .unconditionalSingleValue,
            help: ArgumentHelp("One default argument (repeatable); the leading -- of KEY is optional.", valueName: "KEY=VALUE"))
    var defaultArgument: [String] = []
    @Option(help: "ExecutionProperty.MaxConcurrentRuns (default 1).") var maxConcurrentRuns: Int?
    @Option(help: "G.025X, G.1X, G.2X, G.4X, G.8X, G.12X, G.16X, Z.2X (Standard on 0.9/1.0).") var workerType: String?
    @Option(help: "NumberOfWorkers.") var numberOfWorkers: Int?
    @Option(help: "MaxCapacity in DPU (Python shell, or Glue 0.9/1.0 Spark).") var maxCapacity: Double?
    @Option(help: "STANDARD or FLEX.") var executionClass: String?
    @Option(help: "Glue version: 0.9 ... 6.0 (default 5.0).") var glueVersion: String?
    @Option(help: "Timeout in minutes (default 2880).") var timeout: Int?
    @Option(help: "A description.") var description: String?

    /// The `DefaultArguments` given, keys with their leading `--`.
    func arguments() throws -> [String: String] {
        var out: [String: String] = [:]
        for text in defaultArguments {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("{") {
                guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [String: Any] else {
                    throw WorkbenchError.badValue(option: "--default-arguments", value: text, reason: "expected a JSON object of strings")
                }
                for (k, v) in object { out[Self.dashed(k)] = v as? String ?? "\(v)" }
            } else {
                let (k, v) = try Self.pair(text, option: "--default-arguments")
                out[Self.dashed(k)] = v
            }
        }
        for text in defaultArgument {
            let (k, v) = try Self.pair(text, option: "--default-argument")
            out[Self.dashed(k)] = v
        }
        return out
    }

    /// Applies what was given to `job`.
    func apply(to job: inout JobDefinition) throws {
        if let scriptLocation { job.command.scriptLocation = scriptLocation }
        if let command { job.command.name = try JobType(commandName: command) }
        if let pythonVersion { job.command.pythonVersion = pythonVersion }
        for (k, v) in try arguments() { job.defaultArguments[k] = v }
        if let maxConcurrentRuns { job.maxConcurrentRuns = maxConcurrentRuns }
        if let workerType {
            job.workerType = try WorkerType(name: workerType)
            if maxCapacity == nil { job.maxCapacity = nil }
        }
        if let numberOfWorkers { job.numberOfWorkers = numberOfWorkers }
        if let maxCapacity {
            job.maxCapacity = maxCapacity
            if workerType == nil, numberOfWorkers == nil { job.workerType = nil; job.numberOfWorkers = nil }
        }
        if let executionClass { job.executionClass = try ExecutionClass(name: executionClass) }
        if let glueVersion { job.glueVersion = try GlueVersion(name: glueVersion) }
        if let timeout { job.timeout = timeout }
        if let description { job.description = description }
    }

    static func pair(_ text: String, option: String) throws -> (String, String) {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex, text[..<eq] != "--" else {
            throw WorkbenchError.badValue(option: option, value: text, reason: "expected KEY=VALUE, e.g. --job-bookmark-option=job-bookmark-enable")
        }
        return (String(text[..<eq]), String(text[text.index(after: eq)...]))
    }

    static func dashed(_ key: String) -> String { key.hasPrefix("--") ? key : "--" + key }
}

extension JobsCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a job (CreateJob).")
        @Argument(help: "The job name.") var name: String
        @OptionGroup var settings: JobSettingsOptions
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            guard let script = settings.scriptLocation else {
                throw WorkbenchError.badValue(option: "--script-location", value: "", reason: "a job needs a script (a local path or s3:// URI)")
            }
            var job = JobDefinition(name: name, command: JobCommand(scriptLocation: script))
            try settings.apply(to: &job)
            let created = try JobStore(sandbox: try sandboxOptions.open()).create(job)
            if output.json { Output.json(JobRender.job(created)) } else {
                Output.line("created job \(created.name) (\(created.command.name.rawValue), Glue \(created.glueVersion.rawValue), "
                    + "\(JobRender.capacityText(created)), MaxConcurrentRuns \(created.maxConcurrentRuns))")
            }
        }
    }

    struct Update: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change a job (only the settings given change).",
            discussion: """
                --remove-default-argument KEY drops a default argument. Note: AWS's UpdateJob \
                replaces the whole definition with the JobUpdate you send (a field left out goes \
                back to its default); gluelab's update changes only the settings given, as a \
                convenience. The result is the same when you pass every setting you mean to keep.
                """)
        @Argument(help: "The job name.") var name: String
        @OptionGroup var settings: JobSettingsOptions
        @Option(help: ArgumentHelp("Remove a default argument (repeatable).", valueName: "KEY")) var removeDefaultArgument: [String] = []
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let updated = try JobStore(sandbox: try sandboxOptions.open()).update(name) { job in
                for key in removeDefaultArgument { job.defaultArguments[JobSettingsOptions.dashed(key)] = nil }
                try settings.apply(to: &job)
            }
            if output.json { Output.json(JobRender.job(updated)) } else { Output.line("updated job \(updated.name)") }
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a job (GetJob).")
        @Argument(help: "The job name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let job = try JobStore(sandbox: try sandboxOptions.open()).get(name)
            if output.json {
                Output.json(JobRender.job(job))
                return
            }
            var lines = ["Name: \(job.name)"]
            if let d = job.description { lines.append("Description: \(d)") }
            lines += ["Command: \(job.command.name.rawValue)", "ScriptLocation: \(job.command.scriptLocation)"]
            lines.append("DefaultArguments:" + (job.defaultArguments.isEmpty ? " (none)" : ""))
            for k in job.defaultArguments.keys.sorted() { lines.append("  \(k) \(job.defaultArguments[k] ?? "")") }
            lines += ["MaxConcurrentRuns: \(job.maxConcurrentRuns)", "Capacity: \(JobRender.capacityText(job))",
                      "ExecutionClass: \(job.executionClass.rawValue)", "GlueVersion: \(job.glueVersion.rawValue)",
                      "Timeout: \(job.timeout) minutes", "CreatedOn: \(Timestamps.format(job.createdOn))",
                      "LastModifiedOn: \(Timestamps.format(job.lastModifiedOn))"]
            for l in lines { Output.line(l) }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the jobs (GetJobs).")
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let jobs = try JobStore(sandbox: try sandboxOptions.open()).list()
            if output.json {
                for j in jobs { Output.json(JobRender.job(j)) }
                return
            }
            if jobs.isEmpty {
                Output.note("no jobs; 'gluelab job create NAME --script-location PATH' makes one")
                return
            }
            let rows = [["NAME", "COMMAND", "GLUE", "CAPACITY", "MAX RUNS", "SCRIPT"]] + jobs.map {
                [$0.name, $0.command.name.rawValue, $0.glueVersion.rawValue, JobRender.capacityText($0),
                 String($0.maxConcurrentRuns), $0.command.scriptLocation]
            }
            for l in JobRender.table(rows) { Output.line(l) }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a job and its bookmark (DeleteJob).")
        @Argument(help: "The job name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            let sandbox = try sandboxOptions.open()
            let bookmark = try BookmarkStore(sandbox: sandbox).current(jobName: name)
            let deletion = try JobStore(sandbox: sandbox).delete(name)
            if deletion.bookmarkDeleted {
                Output.line("deleted job \(name) and its bookmark (version \(bookmark.version), run \(bookmark.run), "
                    + "\(deletion.snapshotsDeleted) run snapshot\(deletion.snapshotsDeleted == 1 ? "" : "s")); its run history stays")
            } else {
                Output.line("deleted job \(name) (it had no bookmark); its run history stays")
            }
        }
    }
}
