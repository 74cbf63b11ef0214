/// The errors of the script module: where in the script (`file:line:column`) and what.
public enum ScriptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Text that is not a token of the dialect (a stray character, a bad string or number).
    case lexical(file: String, line: Int, column: Int, message: String)
    /// Tokens that do not form a statement or expression of the dialect.
    case syntax(file: String, line: Int, column: Int, message: String)
    /// A Python construct outside the dialect gluelab runs, named (`class`, `with`, ...).
    case unsupported(file: String, line: Int, column: Int, construct: String)
    /// An error while the script runs: a Python exception (`type` is its class, such as
    /// `TypeError`) or an engine error raised by a Glue call (`type` is `GlueError`).
    case runtime(file: String, line: Int, column: Int, type: String, message: String)

    public var description: String {
        switch self {
        case .lexical(let f, let l, let c, let m): "\(f):\(l):\(c): \(m)"
        case .syntax(let f, let l, let c, let m): "\(f):\(l):\(c): \(m)"
        case .unsupported(let f, let l, let c, let construct):
            "\(f):\(l):\(c): \(construct) is not supported in Glue job scripts run by gluelab"
        case .runtime(let f, let l, let c, let type, let m):
            type == "GlueError" ? "\(f):\(l):\(c): \(m)" : m.isEmpty ? "\(f):\(l):\(c): \(type)" : "\(f):\(l):\(c): \(type): \(m)"
        }
    }
}

extension ScriptError {
    /// The script the error is in.
    public var file: String {
        switch self {
        case .lexical(let f, _, _, _), .syntax(let f, _, _, _), .unsupported(let f, _, _, _), .runtime(let f, _, _, _, _): f
        }
    }

    /// Where in the script the error is.
    public var location: SourceLocation {
        switch self {
        case .lexical(_, let l, let c, _), .syntax(_, let l, let c, _), .unsupported(_, let l, let c, _),
             .runtime(_, let l, let c, _, _):
            SourceLocation(line: l, column: c)
        }
    }
}
