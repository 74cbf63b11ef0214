/// Text renderings of values: JSON (for `show()` and the JSON writer) and the plain text a CSV
/// cell or a table shows.
extension Value {
    /// The value as JSON. Dates print as `"2024-01-31"`, timestamps as ISO 8601 in UTC
    /// (`"2024-01-31T10:00:00Z"`, with fraction digits only when needed), binaries as base64,
    /// non-finite doubles as `null`. `spaced` adds a space after `:` and `,` (as `show()` prints).
    public func jsonText(spaced: Bool = false) -> String {
        var out = ""
        appendJSON(to: &out, spaced: spaced)
        return out
    }

    public func appendJSON(to out: inout String, spaced: Bool = false) {
        switch self {
        case .null: out += "null"
        case .boolean(let b): out += b ? "true" : "false"
        case .byte(let v): out += String(v)
        case .short(let v): out += String(v)
        case .int(let v): out += String(v)
        case .long(let v): out += String(v)
        case .float(let v): out += v.isFinite ? "\(v)" : "null"
        case .double(let v): out += v.isFinite ? "\(v)" : "null"
        case .decimal(let d): out += d.description
        case .string(let s): Self.appendQuoted(s, to: &out)
        case .binary(let b): Self.appendQuoted(Self.base64(b), to: &out)
        case .date(let d): out += "\"" + Self.dateText(d) + "\""
        case .timestamp(let t): out += "\"" + Self.timestampText(t) + "\""
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += spaced ? ", " : "," }
                item.appendJSON(to: &out, spaced: spaced)
            }
            out += "]"
        case .map(let r), .structure(let r):
            r.appendJSON(to: &out, spaced: spaced)
        }
    }

    /// The value as plain text: strings unquoted, nested values as JSON, null as empty.
    public var plainText: String {
        switch self {
        case .null: ""
        case .string(let s): s
        case .date(let d): Self.dateText(d)
        case .timestamp(let t): Self.timestampText(t)
        case .binary(let b): Self.base64(b)
        case .array, .map, .structure: jsonText()
        default: jsonText()
        }
    }

    /// Appends `s` as a JSON string literal.
    public static func appendQuoted(_ s: String, to out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    /// `days` since the epoch as `yyyy-MM-dd` (proleptic Gregorian).
    public static func dateText(_ days: Int32) -> String {
        let (y, m, d) = civil(fromDays: Int64(days))
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    /// Microseconds since the epoch as `yyyy-MM-ddTHH:mm:ss[.ffffff]Z`.
    public static func timestampText(_ micros: Int64) -> String {
        let (secs, frac) = micros.floorDivMod(1_000_000)
        let (days, sod) = secs.floorDivMod(86_400)
        var s = dateText(Int32(days)) + "T" + pad(sod / 3600, 2) + ":" + pad(sod % 3600 / 60, 2) + ":" + pad(sod % 60, 2)
        if frac != 0 {
            var f = pad(frac, 6)
            while f.hasSuffix("0") { f.removeLast() }
            s += "." + f
        }
        return s + "Z"
    }

    /// Converts days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// Converts a civil date to days since 1970-01-01.
    static func days(fromCivil y0: Int64, _ m: Int64, _ d: Int64) -> Int64 {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func pad(_ v: Int64, _ width: Int) -> String {
        let s = String(v.magnitude)
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - s.count)) + s
    }

    private static func base64(_ bytes: [UInt8]) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            var v = UInt32(bytes[i]) << 16
            if n > 1 { v |= UInt32(bytes[i + 1]) << 8 }
            if n > 2 { v |= UInt32(bytes[i + 2]) }
            for k in 0..<4 { out.append(k <= n ? table[Int(v >> (18 - 6 * UInt32(k)) & 63)] : UInt8(ascii: "=")) }
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension DynamicRecord {
    /// The record as a JSON object, fields in order.
    public func jsonText(spaced: Bool = false) -> String {
        var out = ""
        appendJSON(to: &out, spaced: spaced)
        return out
    }

    public func appendJSON(to out: inout String, spaced: Bool = false) {
        out += "{"
        for (i, (name, value)) in zip(names, values).enumerated() {
            if i > 0 { out += spaced ? ", " : "," }
            Value.appendQuoted(name, to: &out)
            out += spaced ? ": " : ":"
            value.appendJSON(to: &out, spaced: spaced)
        }
        out += "}"
    }
}

extension Int64 {
    /// Floor division and the non-negative remainder.
    func floorDivMod(_ d: Int64) -> (Int64, Int64) {
        let q = self / d
        let r = self % d
        return r < 0 ? (q - 1, r + d) : (q, r)
    }
}
