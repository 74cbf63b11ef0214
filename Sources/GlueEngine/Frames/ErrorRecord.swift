/// A record that could not be read or transformed. Glue keeps these beside a frame instead of
/// failing the job: counted by `errorsCount()`, readable through `errorsAsDynamicFrame()`.
public struct ErrorRecord: Hashable, Sendable {
    /// Why the record failed, e.g. `unterminated quoted field` or the text of a Map exception.
    public var message: String
    /// The transform or reader that produced the error (`csv`, `json`, `Map`, ...).
    public var transformation: String
    /// The object the record came from (an `s3://` URI), when known.
    public var source: String?
    /// The 1-based line in `source` where the record starts, when known.
    public var line: Int?
    /// The raw text of the record, for reader errors.
    public var raw: String?
    /// The record itself, for errors raised on a parsed record (Map, Filter).
    public var record: DynamicRecord?

    public init(message: String, transformation: String, source: String? = nil, line: Int? = nil,
                raw: String? = nil, record: DynamicRecord? = nil) {
        self.message = message
        self.transformation = transformation
        self.source = source
        self.line = line
        self.raw = raw
        self.record = record
    }

    /// The error as a record of `errorsAsDynamicFrame()`.
    ///
    /// Glue does not document this layout; gluelab uses
    /// `{error: {message, transformation, source, line}, record}` where `record` is the raw text
    /// (reader errors) or the original record (transform errors).
    public var asRecord: DynamicRecord {
        var error = DynamicRecord()
        error["message"] = .string(message)
        error["transformation"] = .string(transformation)
        if let source { error["source"] = .string(source) }
        if let line { error["line"] = .long(Int64(line)) }
        var r = DynamicRecord()
        r["error"] = .structure(error)
        if let raw { r["record"] = .string(raw) } else if let record { r["record"] = .structure(record) }
        return r
    }
}
