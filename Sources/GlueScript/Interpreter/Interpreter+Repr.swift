/// `repr` and `str` as Python prints them.
extension Interpreter {
    func strOf(_ v: PyValue) throws -> String {
        switch v {
        case .str(let s): return s
        case .object(let o): return o is PySet ? try reprOf(v) : o.str
        default: return try reprOf(v)
        }
    }

    func reprOf(_ v: PyValue, depth: Int = 0) throws -> String {
        if depth > 100 { throw PyException(.recursionError, "maximum recursion depth exceeded while getting the repr of an object") }
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let n): return String(n)
        case .float(let d): return pythonFloatRepr(d)
        case .str(let s): return pythonStringRepr(s)
        case .list(let l):
            return "[" + (try l.items.map { try reprOf($0, depth: depth + 1) }).joined(separator: ", ") + "]"
        case .tuple(let t):
            let inner = try t.map { try reprOf($0, depth: depth + 1) }
            return t.count == 1 ? "(\(inner[0]),)" : "(" + inner.joined(separator: ", ") + ")"
        case .dict(let d):
            let parts = try d.items.map { "\(try reprOf($0.key.value, depth: depth + 1)): \(try reprOf($0.value, depth: depth + 1))" }
            return "{" + parts.joined(separator: ", ") + "}"
        case .builtin(let b): return "<built-in function \(b.name)>"
        case .function(let f): return "<function \(f.name)>"
        case .object(let o):
            if let s = o as? PySet {
                if s.count == 0 { return "set()" }
                return "{" + (try s.members.map { try reprOf($0.value, depth: depth + 1) }).joined(separator: ", ") + "}"
            }
            return o.repr
        }
    }
}

/// Python's `repr(str)`: single quotes unless the text has `'` and no `"`; backslash escapes
/// for the backslash, the chosen quote and non-printable characters.
func pythonStringRepr(_ s: String) -> String {
    let quote: Unicode.Scalar = s.contains("'") && !s.contains("\"") ? "\"" : "'"
    var out = String.UnicodeScalarView()
    out.append(quote)
    for c in s.unicodeScalars {
        switch c {
        case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
        case "\n": out.append(contentsOf: "\\n".unicodeScalars)
        case "\r": out.append(contentsOf: "\\r".unicodeScalars)
        case "\t": out.append(contentsOf: "\\t".unicodeScalars)
        default:
            if c == quote {
                out.append("\\")
                out.append(c)
            } else if c.value < 0x20 || c.value == 0x7F || (c.value >= 0x80 && c.value < 0xA0) {
                out.append(contentsOf: "\\x\(hex(c.value, 2))".unicodeScalars)
            } else {
                out.append(c)
            }
        }
    }
    out.append(quote)
    return String(out)
}

private func hex(_ v: UInt32, _ width: Int) -> String {
    let d = String(v, radix: 16)
    return String(repeating: "0", count: max(0, width - d.count)) + d
}

/// Python's `repr(float)`: the shortest digits that round-trip, fixed notation for exponents
/// -4...15, else `d.ddde+XX`.
func pythonFloatRepr(_ d: Double) -> String {
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description has the shortest round-trip digits; re-lay them out Python's way.
    let (negative, digits, exponent) = shortestDigits(d)
    var s = negative ? "-" : ""
    if exponent >= -4 && exponent < 16 {
        if exponent < 0 {
            s += "0." + String(repeating: "0", count: -exponent - 1) + digits
        } else if digits.count <= exponent + 1 {
            s += digits + String(repeating: "0", count: exponent + 1 - digits.count) + ".0"
        } else {
            let cut = digits.index(digits.startIndex, offsetBy: exponent + 1)
            s += digits[..<cut] + "." + digits[cut...]
        }
    } else {
        let first = digits.prefix(1)
        let rest = digits.dropFirst()
        s += first + (rest.isEmpty ? "" : "." + rest)
        s += "e" + (exponent < 0 ? "-" : "+") + (abs(exponent) < 10 ? "0" : "") + String(abs(exponent))
    }
    return s
}

/// The significant digits (no leading/trailing zeros) and decimal exponent of `d`'s shortest
/// round-trip form: 1234.5 → ("12345", 3).
func shortestDigits(_ d: Double) -> (negative: Bool, digits: String, exponent: Int) {
    var text = Substring(abs(d).description)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(text[text.index(after: e)...]) ?? 0
        text = text[..<e]
    }
    var intPart = text
    var fracPart: Substring = ""
    if let dot = text.firstIndex(of: ".") {
        intPart = text[..<dot]
        fracPart = text[text.index(after: dot)...]
    }
    var all = String(intPart) + fracPart
    var pointPos = intPart.count + exponent  // digits before the decimal point
    while all.hasPrefix("0") && all.count > 1 {
        all.removeFirst()
        pointPos -= 1
    }
    while all.hasSuffix("0") && all.count > 1 { all.removeLast() }
    return (d < 0, all, pointPos - 1)
}
