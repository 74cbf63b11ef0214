import Foundation
import GlueEngine

/// Runs a Glue job script inside a `JobRun`, from parse to `finish`.
///
/// The script is parsed and interpreted on a thread with a large stack (``LargeStack``); its
/// `print`, `show()` and `printSchema()` lines go to `output` as they are produced. Whatever
/// happens — a syntax error, a refused construct, a Python exception, an engine error — the
/// run is finished: SUCCEEDED, or FAILED with the one-line `file:line:column` message, and a
/// run that failed before `job.commit()` leaves the bookmark as it was.
public enum ScriptRunner {
    /// What a script run produced: the finished run's record and the script's error, if any.
    public struct Outcome: Sendable {
        public let record: RunRecord
        public let error: ScriptError?
    }

    /// Runs `source` (named `file` in messages and `sys.argv[0]`) in `run` — without Spark's
    /// modules when the run's job is `pythonshell` or `glueray`. When
    /// `interruption` is requested while the script runs (Ctrl-C), the script stops at its next
    /// loop iteration or call with `KeyboardInterrupt` and the run ends STOPPED.
    /// - Throws: only when the run itself cannot be finished (the sandbox database failed).
    public static func execute(source: String, file: String, in run: JobRun, interruption: ScriptInterruption? = nil,
                               output: @escaping (String) -> Void) throws -> Outcome {
        let host = JobRunHost(run: run, scriptName: file)
        let input = ScriptThreadInput(host: host, output: output)
        let jobType = run.definition?.command.name ?? .glueetl
        let error: ScriptError? = LargeStack.run {
            do {
                let script = try Script.parse(source, file: file)
                let modules = jobType == .pythonshell || jobType == .glueray
                    ? GlueModules.noSparkRegistry(host: input.host, jobType: jobType) : GlueModules.registry(host: input.host)
                let interpreter = Interpreter(file: file, modules: modules,
                                              interruption: interruption, output: input.output)
                try interpreter.run(script)
                return nil
            } catch let error as ScriptError {
                return error
            } catch {
                return .runtime(file: file, line: 1, column: 1, type: "GlueError", message: "\(error)")
            }
        }
        for note in host.notes { output("note: \(note)") }
        // STOPPED only for the run's own interruption: a script's `raise KeyboardInterrupt` fails it.
        let stopped: Bool
        if case .runtime(_, _, _, let type, _)? = error {
            stopped = type == PyException.Kind.keyboardInterrupt.rawValue && interruption?.isRequested == true
        } else {
            stopped = false
        }
        let record = try run.finish(error: error, status: stopped ? .stopped : nil)
        return Outcome(record: record, error: error)
    }
}

/// Carries the run's host and output to the ``LargeStack`` thread; the caller waits for that
/// thread, so they are never used from two threads at once.
private final class ScriptThreadInput: @unchecked Sendable {
    let host: JobRunHost
    let output: (String) -> Void

    init(host: JobRunHost, output: @escaping (String) -> Void) {
        self.host = host
        self.output = output
    }
}
