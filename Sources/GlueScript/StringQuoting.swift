/// Quoting of string values for error messages and AST dumps, in Python's `repr` style with
/// double quotes: `"a\n\"b\""`.
enum StringQuoting {
    /// `value` between double quotes, control characters and quotes escaped; with `limit`, at
    /// most that many characters followed by `…`.
    static func quote(_ value: String, limit: Int? = nil) -> String {
        var s = "\""
        var n = 0
        for ch in value.unicodeScalars {
            if let limit, n == limit {
                s += "…"
                break
            }
            n += 1
            switch ch {
            case "\n": s += "\\n"
            case "\r": s += "\\r"
            case "\t": s += "\\t"
            case "\\": s += "\\\\"
            case "\"": s += "\\\""
            default:
                if ch.value < 0x20 || ch.value == 0x7F {
                    s += "\\x" + hex(ch.value, width: 2)
                } else {
                    s.unicodeScalars.append(ch)
                }
            }
        }
        return s + "\""
    }

    /// Upper-case hexadecimal, zero-padded to `width`.
    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
