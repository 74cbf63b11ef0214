import Foundation

/// Spark's (non-ANSI) casts and value texts, on top of the engine's `Value.cast`.
///
/// Differences from the engine's Glue cast: integral narrowing wraps around as Spark's
/// non-ANSI mode does (`CAST(3000000000L AS INT)` is `-1294967296`); timestamps print as
/// Spark prints them (`2024-01-31 10:00:00`, fraction digits only when needed, UTC as the
/// session time zone); arrays, structs and maps cast to string as Spark writes them
/// (`[1, 2]`, `{1, a}`, `{k -> v}`). Invalid casts give null.
enum SparkCast {
    static func cast(_ v: Value, to type: DataType) -> Value {
        if v.isNull { return .null }
        switch type {
        case .string:
            return .string(text(v, type: v.dataType))
        case .byte, .short, .int, .long:
            if let i = v.integerValue {
                switch type {
                case .byte: return .byte(Int8(truncatingIfNeeded: i))
                case .short: return .short(Int16(truncatingIfNeeded: i))
                case .int: return .int(Int32(truncatingIfNeeded: i))
                default: return .long(i)
                }
            }
            if case .string(let s) = v {
                // Spark reads "12.7" as 12 for integral casts; exponents too ("1e3" → 1000).
                let t = s.trimmingCharacters(in: .whitespaces)
                if let n = Int64(t) { return Value.integral(n, as: type) }
                guard t.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let d = Double(t), d.isFinite else { return .null }
                return Value.fractional(d, as: type)
            }
            return v.cast(to: type)
        case .timestamp:
            if case .string(let s) = v {
                return Value.parse(s, as: .timestamp)
            }
            return v.cast(to: type)
        case .array(let e):
            guard case .array(let items) = v else { return .null }
            return .array(items.map { cast($0, to: e) })
        case .structure(let s):
            guard case .structure(let r) = v else { return v.cast(to: type) }
            // Spark casts structs by position.
            let fields = zip(s.fields, r.values).map { ($0.name, cast($1, to: $0.type)) }
            return .structure(DynamicRecord(fields))
        default:
            return v.cast(to: type)
        }
    }

    /// A value as `CAST(v AS STRING)` and `show()` print it; null as `null`. With `type`,
    /// a struct prints every field of its type (absent fields as `null`).
    static func text(_ v: Value, type: DataType? = nil) -> String {
        switch (v, type) {
        case (.structure(let r), .structure(let s)?):
            return "{" + s.fields.map { text(r[$0.name], type: $0.type) }.joined(separator: ", ") + "}"
        case (.array(let items), .array(let e)?):
            return "[" + items.map { text($0, type: e) }.joined(separator: ", ") + "]"
        case (.map(let r), .map(let t)?):
            return "{" + zip(r.names, r.values).map { "\($0) -> \(text($1, type: t))" }.joined(separator: ", ") + "}"
        default:
            break
        }
        switch v {
        case .null: return "null"
        case .string(let s): return s
        case .double(let d): return CastText.javaText(d)
        case .float(let f): return CastText.javaText(f)
        case .date(let d): return Value.dateText(d)
        case .timestamp(let t): return timestampText(t)
        case .binary(let b): return String(decoding: b, as: UTF8.self)
        case .array(let items): return "[" + items.map { text($0) }.joined(separator: ", ") + "]"
        case .structure(let r): return "{" + r.values.map { text($0) }.joined(separator: ", ") + "}"
        case .map(let r): return "{" + zip(r.names, r.values).map { "\($0) -> \(text($1))" }.joined(separator: ", ") + "}"
        default: return v.plainText
        }
    }

    /// `yyyy-MM-dd HH:mm:ss[.ffffff]` with trailing fraction zeros dropped, in UTC.
    static func timestampText(_ micros: Int64) -> String {
        var s = Value.timestampText(micros)
        s.removeLast()
        return s.replacingOccurrences(of: "T", with: " ")
    }

    /// The numeric rank of a type in Spark's widening order (nil when not numeric).
    static func numericRank(_ t: DataType) -> Int? {
        switch t {
        case .byte: 1
        case .short: 2
        case .int: 3
        case .long: 4
        case .decimal: 5
        case .float: 6
        case .double: 7
        default: nil
        }
    }

    /// The wider of two numeric types (`int`+`long` → `long`, `long`+`double` → `double`,
    /// integral + decimal → decimal wide enough, decimal + float/double → double).
    static func widerNumeric(_ a: DataType, _ b: DataType) -> DataType {
        if case .decimal(let p1, let s1) = a, case .decimal(let p2, let s2) = b {
            let s = max(s1, s2)
            return .decimal(precision: min(18, max(p1 - s1, p2 - s2) + s), scale: s)
        }
        if case .decimal = a, let r = numericRank(b), r < 5 { return widerNumeric(a, integralDecimal(b)) }
        if case .decimal = b, let r = numericRank(a), r < 5 { return widerNumeric(integralDecimal(a), b) }
        if case .decimal = a, b == .float { return .double }
        if case .decimal = b, a == .float { return .double }
        return (numericRank(a) ?? 7) >= (numericRank(b) ?? 7) ? a : b
    }

    private static func integralDecimal(_ t: DataType) -> DataType {
        switch t {
        case .byte: .decimal(precision: 3, scale: 0)
        case .short: .decimal(precision: 5, scale: 0)
        case .int: .decimal(precision: 10, scale: 0)
        default: .decimal(precision: 18, scale: 0)
        }
    }

    /// The type both sides of a comparison are cast to (Spark's `findCommonTypeForBinaryComparison`
    /// in non-ANSI mode): numbers widen; a string against a number, date, timestamp or boolean is
    /// cast to that type; a date against a timestamp becomes a timestamp.
    static func comparisonType(_ a: DataType, _ b: DataType) -> DataType {
        if a == b { return a }
        if case .null = a { return b }
        if case .null = b { return a }
        if numericRank(a) != nil, numericRank(b) != nil { return widerNumeric(a, b) }
        if a == .string { return b.isAtomic ? b : .string }
        if b == .string { return a.isAtomic ? a : .string }
        if (a == .date && b == .timestamp) || (a == .timestamp && b == .date) { return .timestamp }
        return a
    }

    /// Compares two values of comparable types: numbers numerically (NaN above everything),
    /// strings by UTF-8 bytes, booleans false < true, dates and timestamps in time, arrays and
    /// structs element by element. Nil when either is null.
    static func compare(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case (.null, _), (_, .null): return nil
        case (.string(let x), .string(let y)):
            if x == y { return 0 }
            return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
        case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
        case (.date(let x), .date(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.timestamp(let x), .timestamp(let y)): return x == y ? 0 : (x < y ? -1 : 1)
        case (.array(let x), .array(let y)):
            for (u, v) in zip(x, y) {
                let c = compareNullsFirst(u, v)
                if c != 0 { return c }
            }
            return x.count == y.count ? 0 : (x.count < y.count ? -1 : 1)
        case (.structure(let x), .structure(let y)):
            for (u, v) in zip(x.values, y.values) {
                let c = compareNullsFirst(u, v)
                if c != 0 { return c }
            }
            return 0
        default:
            if let x = a.integerValue, let y = b.integerValue { return x == y ? 0 : (x < y ? -1 : 1) }
            if case .decimal(let x) = a, case .decimal(let y) = b, x.scale == y.scale {
                return x.unscaled == y.unscaled ? 0 : (x.unscaled < y.unscaled ? -1 : 1)
            }
            if let x = a.doubleValue, let y = b.doubleValue {
                if x.isNaN || y.isNaN { return x.isNaN && y.isNaN ? 0 : (x.isNaN ? 1 : -1) }
                return x == y ? 0 : (x < y ? -1 : 1)
            }
            let x = text(a), y = text(b)
            return x == y ? 0 : (x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1)
        }
    }

    /// `compare` with nulls before everything (for nested values and keys).
    static func compareNullsFirst(_ a: Value, _ b: Value) -> Int {
        switch (a.isNull, b.isNull) {
        case (true, true): 0
        case (true, false): -1
        case (false, true): 1
        default: compare(a, b) ?? 0
        }
    }

    /// A hashable key for grouping, joins and distinct: numbers of one type compare by value,
    /// doubles normalise `-0.0` and NaN as Spark does.
    static func key(_ v: Value) -> Value {
        // NaN never equals itself as a Swift value: a NaN key is a marker value instead.
        switch v {
        case .double(let d) where d.isNaN: return .binary([0xFF, 0x4E])
        case .double(let d) where d == 0: return .double(0)
        case .float(let f) where f.isNaN: return .binary([0xFF, 0x4E])
        case .float(let f) where f == 0: return .float(0)
        default: return v
        }
    }
}
