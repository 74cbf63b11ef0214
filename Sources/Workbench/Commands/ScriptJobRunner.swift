import Foundation
import GlueEngine
import GlueScript

/// Starts a job run, runs its script and prints the outcome: shared by `gluelab run SCRIPT.py`
/// and `gluelab job run NAME`.
///
/// Arguments Glue always passes are added when missing: `--JOB_NAME`, `--JOB_RUN_ID` (the
/// run's `jr_` id) and `--TempDir` (`s3://gluelab-assets/temporary`, the sandbox's stand-in
/// for `aws-glue-assets-<account>-<region>`; without a trailing `/`, so the common
/// `args["TempDir"] + "/checkpoint/"` makes a key the object store accepts).
struct ScriptJobRunner {
    static let defaultTempDir = "s3://gluelab-assets/temporary"

    let sandbox: Sandbox
    let jobName: String
    var arguments: [String: String]
    let capacity: JobCapacity
    let definition: JobDefinition?
    /// A local path, or an `s3://` URI in the sandbox.
    let scriptLocation: String
    let json: Bool

    /// Runs the job; prints the script's output and the run's summary (or its JSON).
    /// - Throws: `WorkbenchError.runFailed` after printing, when the run ended FAILED or STOPPED
    ///   (Ctrl-C while the script runs stops it: ``InterruptSignal``).
    func execute() throws {
        let (source, file) = try loadScript()
        var args = arguments
        args["JOB_NAME"] = jobName
        if args["TempDir"] == nil { args["TempDir"] = Self.defaultTempDir }
        let run = try JobRun.start(sandbox: sandbox, jobName: jobName, arguments: args, capacity: capacity,
                                   definition: definition)
        let json = self.json
        let indicator = RunIndicator(run: run, file: file)
        defer { indicator.stop() }
        let outcome = try InterruptSignal.whileRunning { interruption in
            try ScriptRunner.execute(source: source, file: file, in: run, interruption: interruption) { line in
                indicator.clear()
                if json { Output.note(line) } else { Output.line(line); Output.flush() }
            }
        }
        indicator.stop()
        if json {
            Output.json(RunReport.json(outcome.record))
        } else {
            for line in RunReport.lines(outcome.record) { Output.line(line) }
        }
        if let error = outcome.error {
            throw WorkbenchError.runFailed(runId: outcome.record.runId, status: outcome.record.status.rawValue,
                                           message: error.description)
        }
    }

    /// The script's text and the name errors show for it (the file name, or the S3 key).
    func loadScript() throws -> (String, String) {
        if scriptLocation.hasPrefix("s3://") {
            let uri = try S3URI(parsing: scriptLocation)
            let data = try sandbox.store.get(uri)
            return (String(decoding: data, as: UTF8.self), uri.key.split(separator: "/").last.map(String.init) ?? uri.key)
        }
        let url = URL(fileURLWithPath: scriptLocation)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WorkbenchError.file(path: scriptLocation, reason: "cannot read the job script")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw WorkbenchError.file(path: scriptLocation, reason: "the job script is not UTF-8 text")
        }
        return (text, url.lastPathComponent)
    }
}
