/// A malformed-input error whose source the caller fills in (see `EngineError.inParquet`).
func parquetCorrupt(_ reason: String, _ value: String = "") -> EngineError {
    .malformedInput(source: "", line: 0, reason: reason, value: value)
}

extension EngineError {
    /// This error with the Parquet object's name and a context (a column, a row group) added,
    /// when it came from a decoder that does not know them: malformed input gets the object as
    /// its source, an unsupported feature (a codec, an encoding) names the object and context.
    func inParquet(_ source: String, context: String) -> EngineError {
        switch self {
        case .malformedInput(let s, let line, let reason, let value) where s.isEmpty:
            return .malformedInput(source: source, line: line, reason: "\(context): \(reason)", value: value)
        case .unsupported(let what, let reason):
            return .unsupported(what: "\(what) in \(source) (\(context))", reason: reason)
        default:
            return self
        }
    }
}
