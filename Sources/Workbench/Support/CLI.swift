import ArgumentParser
import Foundation
import GlueEngine

/// Runs command lines: the entry point of the executable and of the REPL.
public enum CLI {
    /// Runs gluelab with `arguments` (without the program name) and returns the exit status.
    /// No arguments opens the REPL.
    public static func main(_ arguments: [String]) -> Int32 {
        if arguments.isEmpty { return REPL().run() }
        return execute(arguments)
    }

    /// Parses and runs one command line. Errors print one line on standard error.
    public static func execute(_ arguments: [String]) -> Int32 {
        do {
            var command = try GluelabCommand.parseAsRoot(arguments)
            try command.run()
            Output.flush()
            return 0
        } catch {
            Output.flush()
            let status = report(error)
            Output.flush()
            return status
        }
    }

    /// Prints `error` as gluelab does (help goes to standard output) and returns its exit status.
    static func report(_ error: Error) -> Int32 {
        switch error {
        case let e as EngineError:
            Output.error(e.description)
            return 1
        case let e as WorkbenchError:
            Output.error(e.description)
            return 1
        default:
            let code = GluelabCommand.exitCode(for: error)
            if code == .success {
                Output.line(GluelabCommand.fullMessage(for: error))
                return 0
            }
            let message = GluelabCommand.message(for: error)
            let first = message.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? message
            Output.error(first.hasPrefix("Error: ") ? String(first.dropFirst(7)) : first)
            return code.rawValue == 0 ? 1 : code.rawValue
        }
    }
}

/// Errors of the workbench itself (bad command input that the engine never sees).
public enum WorkbenchError: Error, Equatable, CustomStringConvertible {
    /// A local file that cannot be read or written.
    case file(path: String, reason: String)
    /// A command-line value that is not acceptable.
    case badValue(option: String, value: String, reason: String)
    /// A job run that ended FAILED or STOPPED (its record is saved; the message is the run's
    /// error).
    case runFailed(runId: String, status: String, message: String)

    public var description: String {
        switch self {
        case .file(let path, let reason): "\(path): \(reason)"
        case .badValue(let option, let value, let reason): "\(option) \"\(value)\": \(reason)"
        case .runFailed(let runId, let status, let message): "run \(runId) \(status): \(message)"
        }
    }
}
