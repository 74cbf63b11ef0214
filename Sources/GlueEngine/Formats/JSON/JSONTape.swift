/// The parsed form of one JSON record before it goes into the column builders: a flat list of
/// entries in document order (a "tape", as in simdjson). Parsing a whole record first means a
/// malformed record never leaves half a row in the builders, and duplicate keys can be settled
/// before anything is appended.
struct JSONTapeEntry {
    enum Kind: UInt8 {
        /// `payload` is the index just past the container's last descendant; `length` its
        /// number of members or elements.
        case object, array
        /// A member name; `payload`/`length` locate its UTF-8 bytes in the input
        /// (`key`, `string`) or, when it had escapes, in the decoded scratch buffer.
        case key, keyEscaped
        case string, stringEscaped
        /// An integer that fits in 32 bits (`int`) or 64 bits (`long`); `payload` is the value.
        case int, long
        /// `payload` holds the bit pattern of the `Double`.
        case double
        case trueValue, falseValue, null
    }

    var kind: Kind
    var payload: Int64
    var length: Int32

    init(_ kind: Kind, _ payload: Int64 = 0, _ length: Int32 = 0) {
        self.kind = kind
        self.payload = payload
        self.length = length
    }

    /// The index of the entry after this value (skipping a container's children).
    func next(after index: Int) -> Int {
        kind == .object || kind == .array ? Int(payload) : index + 1
    }

    /// A short name of the value's JSON kind, for error messages.
    var jsonKindName: String {
        switch kind {
        case .object: "object"
        case .array: "array"
        case .key, .keyEscaped, .string, .stringEscaped: "string"
        case .int, .long, .double: "number"
        case .trueValue, .falseValue: "boolean"
        case .null: "null"
        }
    }
}

/// A record found by the parser: where its value starts on the tape, and its byte range in
/// the input (for the error record of a value that is not an object).
struct JSONRecordMark {
    var tapeIndex: Int
    var start: Int
    var end: Int
}

/// Why reading stopped: a syntax error at a byte offset (becomes an error record, or a thrown
/// `malformedInput` with `isFailFast`), or an `EngineError` to throw as it is.
enum JSONReadStop: Error {
    case syntax(offset: Int, reason: String)
    case fail(EngineError)
}
