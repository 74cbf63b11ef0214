import Foundation

/// One value of a record. Nested values are records (`structure`), lists (`array`) and
/// string-keyed maps (`map`, kept in insertion order).
public indirect enum Value: Hashable, Sendable {
    case null
    case boolean(Bool)
    case byte(Int8)
    case short(Int16)
    case int(Int32)
    case long(Int64)
    case float(Float)
    case double(Double)
    case decimal(DecimalValue)
    case string(String)
    case binary([UInt8])
    /// Days since 1970-01-01.
    case date(Int32)
    /// Microseconds since 1970-01-01T00:00:00Z.
    case timestamp(Int64)
    case array([Value])
    case map(DynamicRecord)
    case structure(DynamicRecord)

    /// The type of this value; an array's type merges its elements' types.
    public var dataType: DataType {
        switch self {
        case .null: .null
        case .boolean: .boolean
        case .byte: .byte
        case .short: .short
        case .int: .int
        case .long: .long
        case .float: .float
        case .double: .double
        case .decimal(let d): .decimal(precision: d.precision, scale: d.scale)
        case .string: .string
        case .binary: .binary
        case .date: .date
        case .timestamp: .timestamp
        case .array(let items):
            .array(items.reduce(DataType.null) { DataType.merge($0, $1.dataType) })
        case .map(let r):
            .map(r.values.reduce(DataType.null) { DataType.merge($0, $1.dataType) })
        case .structure(let r): .structure(r.schema)
        }
    }

    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The value as an `Int64` if it is an integral number.
    public var integerValue: Int64? {
        switch self {
        case .byte(let v): Int64(v)
        case .short(let v): Int64(v)
        case .int(let v): Int64(v)
        case .long(let v): v
        default: nil
        }
    }

    /// The value as a `Double` if it is a number.
    public var doubleValue: Double? {
        switch self {
        case .float(let v): Double(v)
        case .double(let v): v
        case .decimal(let d): d.doubleValue
        default: integerValue.map(Double.init)
        }
    }

    /// The string if this is a string value.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// The record if this is a struct value.
    public var recordValue: DynamicRecord? {
        if case .structure(let r) = self { return r }
        return nil
    }
}

/// A decimal number as an unscaled 64-bit integer and a scale: `12.50` is `1250` with scale 2.
/// Precision is at most 18 digits, which covers Glue's default `decimal(10,2)`.
public struct DecimalValue: Hashable, Sendable, CustomStringConvertible {
    public var unscaled: Int64
    public var precision: Int
    public var scale: Int

    public init(unscaled: Int64, precision: Int = 10, scale: Int = 2) {
        self.unscaled = unscaled
        self.precision = precision
        self.scale = scale
    }

    /// Rounds `value` half away from zero to `scale` digits; nil when it does not fit `precision`.
    public init?(_ value: Double, precision: Int, scale: Int) {
        guard value.isFinite else { return nil }
        let scaled = (value * pow(10, Double(scale))).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < pow(10, Double(precision)) else { return nil }
        self.init(unscaled: Int64(scaled), precision: precision, scale: scale)
    }

    /// Parses a plain decimal literal (`-12.5`, `3`, `0.125`) exactly, rounding half away from
    /// zero to `scale` digits; nil when the text is not a number or does not fit `precision`.
    public init?(parsing text: String, precision: Int, scale: Int) {
        var s = Substring(text.trimmingCharacters(in: .whitespaces))
        var negative = false
        if s.first == "-" || s.first == "+" {
            negative = s.first == "-"
            s = s.dropFirst()
        }
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let intPart = parts.first, !(intPart.isEmpty && parts.count == 1),
            intPart.allSatisfy(\.isASCIIDigit)
        else { return nil }
        var frac = parts.count == 2 ? parts[1] : ""
        guard frac.allSatisfy(\.isASCIIDigit), !(intPart.isEmpty && frac.isEmpty) else { return nil }
        var roundUp = false
        if frac.count > scale {
            roundUp = frac[frac.index(frac.startIndex, offsetBy: scale)] >= "5"
            frac = frac.prefix(scale)
        }
        let digits = String(intPart) + frac + String(repeating: "0", count: scale - frac.count)
        let trimmed = digits.drop { $0 == "0" }
        guard trimmed.count <= precision, var v = Int64(digits.isEmpty ? "0" : digits) else { return nil }
        if roundUp { v += 1 }
        guard String(v).count <= precision else { return nil }
        self.init(unscaled: negative ? -v : v, precision: precision, scale: scale)
    }

    public var doubleValue: Double { Double(unscaled) / pow(10, Double(scale)) }

    public var description: String {
        guard scale > 0 else { return String(unscaled) }
        let digits = String(unscaled.magnitude)
        let padded = String(repeating: "0", count: max(0, scale + 1 - digits.count)) + digits
        let cut = padded.index(padded.endIndex, offsetBy: -scale)
        return (unscaled < 0 ? "-" : "") + padded[..<cut] + "." + padded[cut...]
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
