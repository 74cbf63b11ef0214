/// The errors the engine raises. Each case carries what a user needs to fix the problem —
/// the file or object, the line, the offending value — and `description` is one line.
public enum EngineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Malformed input that stopped a read (with `isFailFast`, or where no record can be made).
    case malformedInput(source: String, line: Int, reason: String, value: String)
    /// A format, connection or transform option with a bad value.
    case invalidOption(name: String, value: String, reason: String)
    /// An `s3://` path, key or bucket that is not acceptable (escapes the sandbox, bad syntax).
    case invalidPath(path: String, reason: String)
    /// An object, bucket or file that does not exist.
    case notFound(what: String)
    /// A file-system or database failure, with the path involved.
    case io(path: String, reason: String)
    /// A transform used wrongly; `message` is the text Glue's own library raises where it has one.
    case transform(name: String, message: String)
    /// More error records than `stageThreshold` / `totalThreshold` allow.
    case errorThreshold(transformation: String, errors: Int, threshold: Int, scope: String)
    /// A value that cannot be written in the requested format (for example a choice to Parquet).
    case unsupported(what: String, reason: String)
    /// A request the Glue service would refuse because of the state it is in, named after the
    /// AWS exception (`AlreadyExistsException`, `ConcurrentRunsExceededException`).
    case conflict(exception: String, message: String)

    public var description: String {
        switch self {
        case .malformedInput(let source, let line, let reason, let value):
            "\(source):\(line): \(reason): \(Self.quote(value))"
        case .invalidOption(let name, let value, let reason):
            "invalid option \(name)=\(Self.quote(value)): \(reason)"
        case .invalidPath(let path, let reason):
            "invalid path \(Self.quote(path)): \(reason)"
        case .notFound(let what):
            "not found: \(what)"
        case .io(let path, let reason):
            "\(path): \(reason)"
        case .transform(let name, let message):
            "\(name): \(message)"
        case .errorThreshold(let transformation, let errors, let threshold, let scope):
            "\(transformation): \(errors) error records exceed the \(scope) threshold of \(threshold)"
        case .unsupported(let what, let reason):
            "\(what): \(reason)"
        case .conflict(let exception, let message):
            "\(exception): \(message)"
        }
    }

    /// Quotes a value for an error line: at most 80 characters, control characters escaped.
    static func quote(_ value: String) -> String {
        var s = ""
        for ch in value.unicodeScalars.prefix(80) {
            switch ch {
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            case "\"": s += "\\\""
            default: s.unicodeScalars.append(ch)
            }
        }
        if value.unicodeScalars.count > 80 { s += "…" }
        return "\"\(s)\""
    }
}
