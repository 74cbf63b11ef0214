import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab runs [--job NAME]`: the run history, newest first.
struct RunsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runs",
        abstract: "The run history, newest first (like GetJobRuns).",
        discussion: "A RUNNING run whose gluelab process has ended shows as FAILED. 'gluelab run-info RUN_ID' shows one run in full.")

    @Option(help: "Only the runs of this job.") var job: String?
    @OptionGroup var sandboxOptions: SandboxOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let runs = try RunStore(sandbox: try sandboxOptions.open()).list(jobName: job)
        if output.json {
            for r in runs { Output.json(JobRender.runSummary(r)) }
            return
        }
        if runs.isEmpty {
            Output.note(job.map { "no runs of job \($0)" } ?? "no runs yet")
            return
        }
        let rows = [["RUN ID", "JOB", "STATUS", "STARTED", "DURATION", "ATTEMPT", "OBJECTS", "RECORDS IN", "RECORDS OUT", "ERRORS", "COST"]]
            + runs.map { r in
                [r.runId, r.jobName, r.status.rawValue, Timestamps.format(r.startedOn),
                 r.status == .running ? "-" : Timestamps.formatDuration(Int64(r.executionTime) * 1_000_000),
                 String(r.attempt), String(r.objectsRead), String(r.recordsRead), String(r.recordsWritten),
                 String(r.errorsCount), r.cost.map { Pricing.usd($0.chargedUSD) } ?? "-"]
            }
        for l in JobRender.table(rows) { Output.line(l) }
    }
}

/// `gluelab run-info RUN_ID`: one run in full.
struct RunInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run-info",
        abstract: "One run in full: arguments, sources, sinks, bookmark before and after, cost.")

    @Argument(help: "The run id (jr_...).") var runId: String
    @OptionGroup var sandboxOptions: SandboxOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let r = try RunStore(sandbox: try sandboxOptions.open()).get(runId: runId)
        if output.json {
            Output.json(JobRender.run(r))
            return
        }
        var lines = ["Run: \(r.runId)", "Job: \(r.jobName)", "Status: \(r.status.rawValue)"]
        if let m = r.errorMessage { lines.append("Error: \(m)") }
        lines.append("Started: \(Timestamps.format(r.startedOn))")
        if let c = r.completedOn { lines.append("Completed: \(Timestamps.format(c)) (\(Timestamps.formatDuration(Int64(r.executionTime) * 1_000_000)))") }
        lines.append("Attempt: \(r.attempt)")
        var option = "Bookmark option: \(r.bookmarkOption.rawValue)"
        if let range = r.bookmarkRange { option += " from \(range.fromRunId) to \(range.toRunId)" }
        lines.append(option + (r.jobInitialized ? "" : " (job.init() not called: sources untracked)") + (r.committed ? ", committed" : ", not committed"))
        lines.append("Arguments:" + (r.arguments.isEmpty ? " (none)" : ""))
        for k in r.arguments.keys.sorted() { lines.append("  --\(k) \(r.arguments[k] ?? "")") }
        for s in r.sources {
            lines.append("Source \(s.transformationContext ?? "(no transformation_ctx)") [\(s.connectionType)\(s.format.map { ", " + $0 } ?? "")]: "
                + "\(s.paths.joined(separator: ", ")) — bookmark \(s.bookmarkPlan)")
            lines.append("  read \(s.objectsRead) object\(s.objectsRead == 1 ? "" : "s"), \(Self.count(s.recordsRead, "record")), \(Render.size(s.bytesRead))"
                + (s.errors > 0 ? ", \(s.errors) error records" : "") + (s.objectsLeft > 0 ? "; \(s.objectsLeft) left for a later run" : ""))
            for o in s.objects { lines.append("    \(o)") }
        }
        for s in r.sinks {
            lines.append("Sink \(s.transformationContext ?? "(no transformation_ctx)") [\(s.connectionType), \(s.format)]: \(s.path)")
            lines.append("  wrote \(s.objectsWritten) object\(s.objectsWritten == 1 ? "" : "s"), \(Self.count(s.recordsWritten, "record")), \(Render.size(s.bytesWritten))")
            for o in s.objects { lines.append("    \(o)") }
        }
        lines.append("Errors: \(r.errorsCount)")
        lines.append("Bookmark before: " + (r.bookmarkBefore.map(Self.brief) ?? "-"))
        lines.append("Bookmark after: " + (r.bookmarkAfter.map(Self.brief) ?? "-"))
        let c = r.capacity
        lines.append("Capacity: \(c.jobType.rawValue), Glue \(c.glueVersion.rawValue), "
            + (c.workerType.map { "\($0.rawValue) × \(c.workers ?? 0)" } ?? "MaxCapacity \(c.maxDPU)") + ", \(c.executionClass.rawValue)")
        if let cost = r.cost { lines.append("Cost: " + cost.report.replacingOccurrences(of: "\n", with: "\n  ")) }
        for l in lines { Output.line(l) }
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    static func brief(_ e: JobBookmarkEntry) -> String {
        "version \(e.version), run \(e.run), attempt \(e.attempt)" + (e.runId.map { ", run id \($0)" } ?? "")
    }
}
