/// String and number literals.
extension Scanner {
    // MARK: Strings

    /// Reads a string literal whose opening quote is at `quoteAt` and returns its value.
    /// `start` is where the literal (with its prefix) begins, for "unterminated" errors.
    ///
    /// Escapes as in Python: `\\ \' \" \a \b \f \n \r \t \v`, octal `\ooo`, `\xNN`, `\uNNNN`,
    /// `\UNNNNNNNN`, and backslash-newline (both dropped). An unknown escape such as `\d` keeps
    /// its backslash, as Python does. `\N{...}` is refused. In a raw string a backslash only
    /// stops the next character from ending the string; both are kept.
    mutating func stringBody(quoteAt: Int, raw: Bool, start: SourceLocation) throws(ScriptError) -> String {
        let quote = b[quoteAt]
        let triple = byte(quoteAt + 1) == quote && byte(quoteAt + 2) == quote
        pos = quoteAt + (triple ? 3 : 1)
        var out: [UInt8] = []
        var runStart = pos  // bytes from here to `pos` are copied verbatim when a run ends
        func flush(_ out: inout [UInt8], _ from: Int, _ to: Int) {
            if to > from { out.append(contentsOf: UnsafeBufferPointer(rebasing: b[from..<to])) }
        }
        while true {
            guard pos < b.count else { throw unterminated(triple: triple, start: start) }
            let c = b[pos]
            if c == quote {
                if !triple {
                    flush(&out, runStart, pos)
                    pos += 1
                    break
                }
                if byte(pos + 1) == quote && byte(pos + 2) == quote {
                    flush(&out, runStart, pos)
                    pos += 3
                    break
                }
                pos += 1
            } else if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
                guard triple else { throw unterminated(triple: false, start: start) }
                flush(&out, runStart, pos)
                out.append(UInt8(ascii: "\n"))  // newlines in the source read as \n
                pos += (c == UInt8(ascii: "\r") && byte(pos + 1) == UInt8(ascii: "\n")) ? 2 : 1
                startLine(at: pos)
                runStart = pos
            } else if c == UInt8(ascii: "\\") {
                flush(&out, runStart, pos)
                if raw {
                    try rawEscape(into: &out, triple: triple, start: start)
                } else {
                    try escape(into: &out, triple: triple, start: start)
                }
                runStart = pos
            } else {
                pos += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    func unterminated(triple: Bool, start: SourceLocation) -> ScriptError {
        let kind = triple ? "unterminated triple-quoted string literal" : "unterminated string literal"
        return lexical("\(kind) (detected at line \(line))", at: start)
    }

    /// In a raw string: the backslash and the character after it are both kept.
    mutating func rawEscape(into out: inout [UInt8], triple: Bool, start: SourceLocation) throws(ScriptError) {
        out.append(UInt8(ascii: "\\"))
        pos += 1
        guard pos < b.count else { throw unterminated(triple: triple, start: start) }
        let c = b[pos]
        if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") {
            out.append(UInt8(ascii: "\n"))
            pos += (c == UInt8(ascii: "\r") && byte(pos + 1) == UInt8(ascii: "\n")) ? 2 : 1
            startLine(at: pos)
        } else if c < 0x80 {
            out.append(c)
            pos += 1
        }
        // A non-ASCII character after the backslash is copied by the caller's next run.
    }

    /// Decodes one escape sequence at `pos` (the backslash) into `out`.
    mutating func escape(into out: inout [UInt8], triple: Bool, start: SourceLocation) throws(ScriptError) {
        let backslash = pos
        guard pos + 1 < b.count else { throw unterminated(triple: triple, start: start) }
        let e = b[pos + 1]
        pos += 2
        switch e {
        case UInt8(ascii: "\n"):
            startLine(at: pos)
        case UInt8(ascii: "\r"):
            if byte(pos) == UInt8(ascii: "\n") { pos += 1 }
            startLine(at: pos)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): out.append(e)
        case UInt8(ascii: "a"): out.append(0x07)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "v"): out.append(0x0B)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var value = UInt32(e - UInt8(ascii: "0"))
            var digits = 1
            while digits < 3, case UInt8(ascii: "0")...UInt8(ascii: "7") = byte(pos) {
                value = value * 8 + UInt32(b[pos] - UInt8(ascii: "0"))
                pos += 1
                digits += 1
            }
            append(Unicode.Scalar(value)!, to: &out)
        case UInt8(ascii: "x"): try hexEscape(2, name: "\\xXX", backslash: backslash, into: &out)
        case UInt8(ascii: "u"): try hexEscape(4, name: "\\uXXXX", backslash: backslash, into: &out)
        case UInt8(ascii: "U"): try hexEscape(8, name: "\\UXXXXXXXX", backslash: backslash, into: &out)
        case UInt8(ascii: "N"):
            throw unsupported("named Unicode escape \\N{...}", at: location(at: backslash))
        default:
            // Not an escape: Python keeps the backslash (and warns); the character follows.
            out.append(UInt8(ascii: "\\"))
            pos -= 1
        }
    }

    /// `\x`, `\u`, `\U`: exactly `count` hex digits naming a Unicode scalar.
    mutating func hexEscape(_ count: Int, name: String, backslash: Int, into out: inout [UInt8]) throws(ScriptError) {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let digit = hexValue(byte(pos)), pos < b.count else {
                throw lexical("truncated \(name) escape", at: backslash)
            }
            value = value << 4 | UInt32(digit)
            pos += 1
        }
        if (0xD800...0xDFFF).contains(value) {
            throw lexical("\(name.prefix(2))\(StringQuoting.hex(value, width: count).lowercased()) is a lone surrogate, which a string cannot hold here", at: backslash)
        }
        guard let scalar = Unicode.Scalar(value) else {
            throw lexical("illegal Unicode character in \(name) escape", at: backslash)
        }
        append(scalar, to: &out)
    }

    func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    // MARK: Numbers

    /// An integer (decimal, `0x`, `0o`, `0b`) or float literal, with `_` between digits.
    mutating func number() throws(ScriptError) {
        let start = pos
        let loc = location(at: start)
        if b[pos] == UInt8(ascii: "0"), let radix = radix(byte(pos + 1)) {
            pos += 2
            let name = radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary"
            var value = 0
            var digits = 0
            while pos < b.count {
                let c = b[pos]
                if c == UInt8(ascii: "_"), let d = hexValue(byte(pos + 1)), d < radix {
                    pos += 1
                    continue
                }
                guard let d = hexValue(c), d < radix else { break }
                let (times, o1) = value.multipliedReportingOverflow(by: radix)
                let (sum, o2) = times.addingReportingOverflow(d)
                guard !o1, !o2 else { throw tooLarge(at: loc) }
                value = sum
                digits += 1
                pos += 1
            }
            if digits == 0 || (pos < b.count && (isIdentifierByte(b[pos]) || b[pos] >= 0x80)) {
                throw lexical("invalid \(name) literal", at: loc)
            }
            tokens.append(Token(.int(value), loc, offset: start))
            return
        }
        var isFloat = false
        try decimalDigits(loc)
        if byte(pos) == UInt8(ascii: ".") {
            isFloat = true
            pos += 1
            if case UInt8(ascii: "0")...UInt8(ascii: "9") = byte(pos) { try decimalDigits(loc) }
        }
        if byte(pos) | 0x20 == UInt8(ascii: "e") {
            var i = pos + 1
            if byte(i) == UInt8(ascii: "+") || byte(i) == UInt8(ascii: "-") { i += 1 }
            if case UInt8(ascii: "0")...UInt8(ascii: "9") = byte(i) {
                isFloat = true
                pos = i
                try decimalDigits(loc)
            }
        }
        if byte(pos) | 0x20 == UInt8(ascii: "j") {
            throw unsupported("complex number literal", at: loc)
        }
        if pos < b.count, isIdentifierByte(b[pos]) || b[pos] >= 0x80 {
            throw lexical("invalid decimal literal", at: loc)
        }
        // The digits without `_`, with a 0 on each side of a bare `.` (`.5`, `1.`, `1.e3`).
        var text = b[start] == UInt8(ascii: ".") ? "0" : ""
        text.reserveCapacity(pos - start + 2)
        var previous: UInt8 = 0
        for c in b[start..<pos] where c != UInt8(ascii: "_") {
            if previous == UInt8(ascii: "."), c < UInt8(ascii: "0") || c > UInt8(ascii: "9") { text += "0" }
            text.unicodeScalars.append(Unicode.Scalar(c))
            previous = c
        }
        if previous == UInt8(ascii: ".") { text += "0" }
        if isFloat {
            guard let value = Double(text) else { throw lexical("invalid decimal literal", at: loc) }
            tokens.append(Token(.float(value), loc, offset: start))
        } else {
            if text.count > 1, text.first == "0", text.contains(where: { $0 != "0" }) {
                throw lexical(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    at: loc)
            }
            guard let value = Int(text) else { throw tooLarge(at: loc) }
            tokens.append(Token(.int(value), loc, offset: start))
        }
    }

    /// Decimal digits with single `_` between them (none at `pos` is fine: `.5`, `1.`).
    mutating func decimalDigits(_ loc: SourceLocation) throws(ScriptError) {
        while pos < b.count {
            let c = b[pos]
            if c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") {
                pos += 1
            } else if c == UInt8(ascii: "_") {
                guard pos > 0, b[pos - 1] >= UInt8(ascii: "0"), b[pos - 1] <= UInt8(ascii: "9"),
                    case UInt8(ascii: "0")...UInt8(ascii: "9") = byte(pos + 1)
                else { throw lexical("invalid decimal literal", at: loc) }
                pos += 1
            } else {
                return
            }
        }
    }

    func tooLarge(at loc: SourceLocation) -> ScriptError {
        lexical("integer literal too large (gluelab integers are 64-bit, at most \(Int.max))", at: loc)
    }

    func radix(_ c: UInt8) -> Int? {
        switch c | 0x20 {
        case UInt8(ascii: "x"): 16
        case UInt8(ascii: "o"): 8
        case UInt8(ascii: "b"): 2
        default: nil
        }
    }

    func hexValue(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): Int(c - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): Int(c - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): Int(c - UInt8(ascii: "A")) + 10
        default: nil
        }
    }
}
