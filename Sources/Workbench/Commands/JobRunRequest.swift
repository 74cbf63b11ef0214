import Foundation
import GlueEngine

/// What `gluelab job run NAME [--KEY value ...]` hands to `JobRun.start`: the job's definition,
/// its `DefaultArguments` with the run's `--KEY value` arguments on top (names without `--`,
/// plus `JOB_NAME`), and the capacity with `StartJobRun`-style overrides.
struct JobRunRequest {
    var definition: JobDefinition
    var arguments: [String: String]
    var capacity: JobCapacity

    /// Resolves the job `jobName` of `sandbox` with the run's raw arguments (`--KEY value` or
    /// `--KEY=value` tokens, as Glue passes them).
    static func resolve(sandbox: Sandbox, jobName: String, runArguments: [String],
                        overrides: CapacityOverrides = CapacityOverrides()) throws -> JobRunRequest {
        let definition = try JobStore(sandbox: sandbox).get(jobName)
        let request = definition.runRequest(arguments: try parseArguments(runArguments), overrides: overrides)
        return JobRunRequest(definition: definition, arguments: request.arguments, capacity: request.capacity)
    }

    /// Parses `--KEY value` / `--KEY=value` tokens into names without `--`. A later value wins.
    static func parseArguments(_ tokens: [String]) throws -> [String: String] {
        var out: [String: String] = [:]
        var i = 0
        while i < tokens.count {
            let token = tokens[i]
            guard token.hasPrefix("--"), token.count > 2 else {
                throw WorkbenchError.badValue(option: "job argument", value: token, reason: "expected --KEY value or --KEY=value")
            }
            let body = token.dropFirst(2)
            if let eq = body.firstIndex(of: "=") {
                out[String(body[..<eq])] = String(body[body.index(after: eq)...])
                i += 1
                continue
            }
            guard i + 1 < tokens.count else {
                throw WorkbenchError.badValue(option: token, value: "", reason: "a job argument needs a value (--KEY value)")
            }
            out[String(body)] = tokens[i + 1]
            i += 2
        }
        return out
    }
}
