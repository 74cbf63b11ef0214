import ArgumentParser
import Foundation
import GlueEngine

extension JobsCommand {
    /// `gluelab job run NAME [--KEY value ...]`: `StartJobRun` — the job's script with its
    /// `DefaultArguments`, the run's arguments on top.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a job (StartJobRun): its script with DefaultArguments, overridden by --KEY value.",
            discussion: """
                gluelab's own options may appear anywhere: --sandbox, --json, and the StartJobRun \
                settings --worker-type, --number-of-workers, --max-capacity, --execution-class, --timeout. \
                A run beyond the job's MaxConcurrentRuns is refused (ConcurrentRunsExceededException).
                """
        )

        @Argument(help: "The job name.") var name: String
        @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Run arguments, --KEY value.", valueName: "--KEY value"))
        var runArguments: [String] = []
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let split = try RunArguments(runArguments)
            let sandbox = try sandboxOptions.open(overriding: split.sandbox)
            let definition = try JobStore(sandbox: sandbox).get(name)
            var request = definition.runRequest(arguments: split.arguments, overrides: split.overrides)
            if let version = split.glueVersion { request.capacity.glueVersion = version }
            try ScriptJobRunner(sandbox: sandbox, jobName: name, arguments: request.arguments, capacity: request.capacity,
                                definition: definition, scriptLocation: definition.command.scriptLocation,
                                json: output.json || split.json).execute()
        }
    }
}
