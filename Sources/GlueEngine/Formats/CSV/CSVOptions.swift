/// Glue's `format_options` for `format="csv"`, with Glue's defaults.
///
/// Build it from a script's options with `init(glueOptions:)`, which reads Glue's option names
/// exactly (case-sensitive) and refuses unknown names, so a typo such as `withHeaders` is an
/// error instead of a silently ignored option:
///
/// ```swift
/// let options = try CSVOptions(glueOptions: ["withHeader": .boolean(true), "separator": .string("|")])
/// ```
public struct CSVOptions: Sendable, Equatable {
    /// The field separator (`separator`, default `,`).
    public var separator: UInt8 = UInt8(ascii: ",")
    /// The quote character (`quoteChar`, default `"`); nil turns quoting off (Glue's `"-1"`).
    public var quoteChar: UInt8? = UInt8(ascii: "\"")
    /// A character that escapes the next one (`escaper`, default none; read-only, as in Glue).
    /// `\n`, `\r`, `\t` and `\0` after it are the control characters; any other character after
    /// it is taken as is (so `\"` is a quote and `\,` a comma). It works in quoted and unquoted
    /// values; an escaper equal to the quote character adds nothing to quote doubling.
    public var escaper: UInt8? = nil
    /// Read the first record as column names (`withHeader`, default false).
    public var withHeader = false
    /// Write a header line (`writeHeader`, default true).
    public var writeHeader = true
    /// Let quoted values span lines (`multiLine`, default false).
    public var multiLine = false
    /// Skip the first record of the input (`skipFirst`, default false).
    public var skipFirst = false
    /// Throw on the first malformed record instead of making an error record (`isFailFast`).
    public var isFailFast = false

    /// Glue's defaults.
    public init() {}

    /// The option names `init(glueOptions:)` accepts.
    public static let knownOptionNames: [String] = [
        "separator", "quoteChar", "escaper", "withHeader", "writeHeader", "multiLine", "skipFirst",
        "isFailFast", "optimizePerformance", "strictCheckingOfColumnCount",
    ]

    /// Reads Glue's CSV `format_options`.
    ///
    /// - Booleans may be `.boolean` or the strings `"true"` / `"false"` (any case).
    /// - Characters are one-character ASCII strings; `"\\t"` (backslash, t) also means a tab.
    /// - `quoteChar` `"-1"` (or the number -1) turns quoting off; an empty `escaper` means none.
    /// - `optimizePerformance` and `strictCheckingOfColumnCount` are accepted (as booleans) and
    ///   have no effect: there is one reader here, and ragged rows are handled as documented on
    ///   `CSVReader`.
    /// - Throws: `EngineError.invalidOption` for an unknown name, a value of the wrong kind, or
    ///   characters that clash (a separator equal to the quote character, a line break).
    public init(glueOptions: [String: Value]) throws(EngineError) {
        for name in glueOptions.keys.sorted() {
            guard let value = glueOptions[name] else { continue }
            switch name {
            case "separator": separator = try Self.character(name, value)
            case "quoteChar":
                if value == .string("-1") || value.integerValue == -1 {
                    quoteChar = nil
                } else {
                    quoteChar = try Self.character(name, value)
                }
            case "escaper":
                escaper = value == .string("") ? nil : try Self.character(name, value)
            case "withHeader": withHeader = try Self.boolean(name, value)
            case "writeHeader": writeHeader = try Self.boolean(name, value)
            case "multiLine": multiLine = try Self.boolean(name, value)
            case "skipFirst": skipFirst = try Self.boolean(name, value)
            case "isFailFast": isFailFast = try Self.boolean(name, value)
            case "optimizePerformance", "strictCheckingOfColumnCount": _ = try Self.boolean(name, value)
            default:
                throw .invalidOption(
                    name: name, value: value.plainText,
                    reason: "unknown CSV format option; known options: " + Self.knownOptionNames.joined(separator: ", "))
            }
        }
        try validate()
    }

    /// Checks that the special characters can be told apart.
    private func validate() throws(EngineError) {
        let text = { (c: UInt8) in String(decoding: [c], as: UTF8.self) }
        if separator == 0x0A || separator == 0x0D {
            throw .invalidOption(name: "separator", value: text(separator), reason: "a line break cannot separate fields")
        }
        if let q = quoteChar {
            if q == separator {
                throw .invalidOption(name: "quoteChar", value: text(q), reason: "the quote character must differ from the separator")
            }
            if q == 0x0A || q == 0x0D {
                throw .invalidOption(name: "quoteChar", value: text(q), reason: "a line break cannot be the quote character")
            }
        }
        if let e = escaper, e == separator || e == 0x0A || e == 0x0D {
            throw .invalidOption(name: "escaper", value: text(e), reason: "the escaper must differ from the separator and line breaks")
        }
    }

    private static func boolean(_ name: String, _ value: Value) throws(EngineError) -> Bool {
        switch value {
        case .boolean(let b): return b
        case .string(let s) where s.lowercased() == "true": return true
        case .string(let s) where s.lowercased() == "false": return false
        default: throw .invalidOption(name: name, value: value.plainText, reason: "expected true or false")
        }
    }

    private static func character(_ name: String, _ value: Value) throws(EngineError) -> UInt8 {
        guard case .string(let s) = value else {
            throw .invalidOption(name: name, value: value.plainText, reason: "expected a one-character string")
        }
        if s == "\\t" { return 0x09 }
        let bytes = Array(s.utf8)
        guard bytes.count == 1, bytes[0] != 0, bytes[0] < 0x80 else {
            throw .invalidOption(name: name, value: s, reason: "expected a single ASCII character")
        }
        return bytes[0]
    }
}
