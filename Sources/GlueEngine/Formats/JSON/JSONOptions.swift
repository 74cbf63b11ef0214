/// The `format_options` of Glue's `json` format that gluelab reads.
///
/// - `jsonPath`: a JsonPath expression selecting the records (see `JSONPath` for the subset
///   supported); nil reads each top-level value as a record (a top-level array's elements are
///   the records, as Spark and Glue do).
/// - `multiLine`: false reads JSON Lines (one value per line); true reads the whole input as a
///   sequence of JSON values that may span lines (pretty-printed objects, one big array).
/// - `isFailFast`: throw at the first malformed record instead of making an error record. In
///   Glue this is an S3 connection option; gluelab accepts it here too.
public struct JSONOptions: Sendable, Equatable {
    /// The JsonPath selecting the records, e.g. `$[*]` or `$.records[*]`; nil for none.
    public var jsonPath: String? = nil
    /// Read the input as whole JSON documents instead of one value per line.
    public var multiLine = false
    /// Throw `EngineError.malformedInput` at the first malformed record.
    public var isFailFast = false

    /// The defaults: JSON Lines, no path, malformed records become error records.
    public init() {}

    /// Reads options by Glue's names (`jsonPath`, `multiLine`, `isFailFast`). Booleans may be
    /// given as booleans or as the strings `"true"` / `"false"` (any case), as Glue scripts
    /// often pass them. An unknown name, a value of the wrong kind or an unsupported
    /// `jsonPath` throws `EngineError.invalidOption`.
    public init(glueOptions: [String: Value]) throws(EngineError) {
        for (name, value) in glueOptions.sorted(by: { $0.key < $1.key }) {
            switch name {
            case "jsonPath":
                guard case .string(let text) = value else {
                    throw .invalidOption(name: name, value: value.plainText, reason: "expected a JsonPath string such as $[*]")
                }
                _ = try JSONPath(parsing: text)
                jsonPath = text
            case "multiLine":
                multiLine = try Self.bool(name, value)
            case "isFailFast":
                isFailFast = try Self.bool(name, value)
            default:
                throw .invalidOption(name: name, value: value.plainText,
                                     reason: "unknown json format option (known: jsonPath, multiLine, isFailFast)")
            }
        }
    }

    private static func bool(_ name: String, _ value: Value) throws(EngineError) -> Bool {
        switch value {
        case .boolean(let b):
            return b
        case .string(let s) where s.lowercased() == "true":
            return true
        case .string(let s) where s.lowercased() == "false":
            return false
        default:
            throw .invalidOption(name: name, value: value.plainText, reason: "expected true or false")
        }
    }
}
