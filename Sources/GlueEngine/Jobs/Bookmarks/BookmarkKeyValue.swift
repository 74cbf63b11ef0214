/// A JDBC bookmark key value as saved in the bookmark (a `Value` restricted to the scalar types
/// a monotonic key can have, made `Codable`). Integers of every width are saved as `integer`
/// and come back as `.long`; that is all a SQL parameter needs.
public enum BookmarkKeyValue: Codable, Sendable, Hashable, Comparable {
    case integer(Int64)
    case double(Double)
    case decimal(unscaled: Int64, precision: Int, scale: Int)
    case string(String)
    case date(Int32)
    case timestamp(Int64)

    /// Converts a row's key value; nulls, booleans and nested values cannot be bookmark keys.
    public init(_ value: Value, column: String) throws {
        switch value {
        case .byte, .short, .int, .long: self = .integer(value.integerValue!)
        case .float(let v): self = .double(Double(v))
        case .double(let v): self = .double(v)
        case .decimal(let d): self = .decimal(unscaled: d.unscaled, precision: d.precision, scale: d.scale)
        case .string(let s): self = .string(s)
        case .date(let d): self = .date(d)
        case .timestamp(let t): self = .timestamp(t)
        default:
            throw EngineError.invalidOption(
                name: "jobBookmarkKeys", value: column,
                reason: "a bookmark key must be a non-null number, string, date or timestamp, not \(value.plainText)")
        }
    }

    /// The value to bind as a SQL parameter.
    public var value: Value {
        switch self {
        case .integer(let v): .long(v)
        case .double(let v): .double(v)
        case .decimal(let u, let p, let s): .decimal(DecimalValue(unscaled: u, precision: p, scale: s))
        case .string(let s): .string(s)
        case .date(let d): .date(d)
        case .timestamp(let t): .timestamp(t)
        }
    }

    /// Orders values of the same kind; numbers compare numerically across kinds; otherwise the
    /// kinds' declaration order (keys do not change type between runs in practice). Strings
    /// compare by UTF-8 bytes, as SQLite's default BINARY collation does.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.integer(let a), .integer(let b)): return a < b
        case (.string(let a), .string(let b)): return Array(a.utf8).lexicographicallyPrecedes(b.utf8)
        case (.date(let a), .date(let b)): return a < b
        case (.timestamp(let a), .timestamp(let b)): return a < b
        default:
            if let a = lhs.numeric, let b = rhs.numeric { return a < b }
            return lhs.rank < rhs.rank
        }
    }

    private var numeric: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .double(let v): v
        case .decimal(let u, _, let s): Double(u) / pow10(s)
        default: nil
        }
    }

    private func pow10(_ n: Int) -> Double {
        var r = 1.0
        for _ in 0..<max(0, n) { r *= 10 }
        return r
    }

    private var rank: Int {
        switch self {
        case .integer: 0
        case .double: 1
        case .decimal: 2
        case .string: 3
        case .date: 4
        case .timestamp: 5
        }
    }
}
