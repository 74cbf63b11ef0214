import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab bookmark get|reset JOB [--run-id R]`: like `GetJobBookmark` / `ResetJobBookmark`.
struct BookmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bookmark",
        abstract: "A job's bookmark: get it, reset it, or rewind it to a run (GetJobBookmark / ResetJobBookmark).",
        subcommands: [Get.self, Reset.self]
    )
}

extension BookmarkCommand {
    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a job's JobBookmarkEntry (with --run-id, the one saved after that run).")
        @Argument(help: "The job name.") var job: String
        @Option(help: "A run that committed: show the bookmark saved after it.") var runId: String?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let entry = try BookmarkStore(sandbox: try sandboxOptions.open()).entry(jobName: job, runId: runId)
            if output.json { Output.json(JobRender.entry(entry)) } else {
                for l in JobRender.entryLines(entry) { Output.line(l) }
            }
        }
    }

    struct Reset: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Reset a job's bookmark (the next run reads everything), or with --run-id rewind it to the state after that run.",
            discussion: "Neither cleans the target: output already written stays, so reprocessed data is written again.")
        @Argument(help: "The job name.") var job: String
        @Option(help: "Rewind to the bookmark saved after this run.") var runId: String?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let reset = try BookmarkStore(sandbox: try sandboxOptions.open()).reset(jobName: job, runId: runId)
            if output.json {
                Output.json(JobRender.entry(reset.after))
                return
            }
            let counters = "version \(reset.before.version) → \(reset.after.version), run \(reset.before.run) → \(reset.after.run)"
            if let to = reset.rewoundTo {
                Output.line("rewound the bookmark of \(job) to run \(to): \(counters); the next run reads what is new since that run")
            } else {
                Output.line("reset the bookmark of \(job): \(counters); the next run reads every bookmarked source from the start (a streaming source keeps its checkpoint)")
            }
            Output.note("note: the target is not cleaned; reprocessed data is written again (write to a new location or clean it)")
        }
    }
}
