/// Strings and numbers: the byte-level hot paths of `JSONParser`.
extension JSONParser {
    /// Parses a string at `pos` (on its opening quote) onto the tape as a value or a key.
    /// Without escapes the entry points into the input; with escapes into `scratch`.
    mutating func parseString(key: Bool) throws(JSONReadStop) {
        let start = pos + 1
        var p = start
        // Eight bytes at a time while none is a quote, a backslash, a control byte or non-ASCII.
        while p + 8 <= end, !Self.needsAttention(UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)) {
            p += 8
        }
        while p < end {
            let b = base[p]
            if b == UInt8(ascii: "\"") {
                try appendString(key ? .key : .string, offset: start, length: p - start)
                pos = p + 1
                return
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw controlCharacter(at: p) }
            if b < 0x80 {
                p += 1
            } else {
                let n = utf8SequenceLength(at: p)
                guard n > 0 else { throw .syntax(offset: p, reason: "invalid UTF-8 in string") }
                p += n
            }
        }
        guard p < end else { throw unterminated(start - 1) }
        // Slow path: the string has escapes; decode it into scratch.
        let decoded = scratch.count
        scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: p - start))
        while p < end {
            let b = base[p]
            if b == UInt8(ascii: "\"") {
                try appendString(key ? .keyEscaped : .stringEscaped, offset: decoded, length: scratch.count - decoded)
                pos = p + 1
                return
            }
            if b == UInt8(ascii: "\\") {
                p = try decodeEscape(at: p)
            } else if b < 0x20 {
                throw controlCharacter(at: p)
            } else if b < 0x80 {
                scratch.append(b)
                p += 1
            } else {
                let n = utf8SequenceLength(at: p)
                guard n > 0 else { throw .syntax(offset: p, reason: "invalid UTF-8 in string") }
                scratch.append(contentsOf: UnsafeBufferPointer(start: base + p, count: n))
                p += n
            }
        }
        throw unterminated(start - 1)
    }

    /// True when one of the eight bytes in `word` is `"`, `\\`, below 0x20 or above 0x7F.
    @inline(__always)
    private static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        @inline(__always) func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let quote = hasZeroByte(word ^ (ones &* 0x22))
        let backslash = hasZeroByte(word ^ (ones &* 0x5C))
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return quote || backslash || control || word & highs != 0
    }

    private mutating func appendString(_ kind: JSONTapeEntry.Kind, offset: Int, length: Int) throws(JSONReadStop) {
        guard length <= Int(Int32.max) else { throw .syntax(offset: offset, reason: "string longer than 2 GiB") }
        tape.append(JSONTapeEntry(kind, Int64(offset), Int32(length)))
    }

    private func unterminated(_ quote: Int) -> JSONReadStop {
        .syntax(offset: quote, reason: "unterminated string")
    }

    private func controlCharacter(at p: Int) -> JSONReadStop {
        .syntax(offset: p, reason: "unescaped control character 0x\(String(base[p], radix: 16, uppercase: true)) in string")
    }

    /// Decodes the escape at `p` (a backslash) into scratch; returns the offset after it.
    private mutating func decodeEscape(at p: Int) throws(JSONReadStop) -> Int {
        guard p + 1 < end else { throw .syntax(offset: p, reason: "unterminated string") }
        let decoded: UInt8
        switch base[p + 1] {
        case UInt8(ascii: "\""): decoded = 0x22
        case UInt8(ascii: "\\"): decoded = 0x5C
        case UInt8(ascii: "/"): decoded = 0x2F
        case UInt8(ascii: "b"): decoded = 0x08
        case UInt8(ascii: "f"): decoded = 0x0C
        case UInt8(ascii: "n"): decoded = 0x0A
        case UInt8(ascii: "r"): decoded = 0x0D
        case UInt8(ascii: "t"): decoded = 0x09
        case UInt8(ascii: "u"):
            guard let unit = hex4(at: p + 2) else { throw .syntax(offset: p, reason: "invalid \\u escape") }
            var next = p + 6
            var scalar = unit
            if (0xD800...0xDBFF).contains(unit) {
                // A high surrogate needs a low one in the next escape; alone it is U+FFFD.
                if next + 1 < end, base[next] == UInt8(ascii: "\\"), base[next + 1] == UInt8(ascii: "u"),
                    let low = hex4(at: next + 2), (0xDC00...0xDFFF).contains(low) {
                    scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    next += 6
                } else {
                    scalar = 0xFFFD
                }
            } else if (0xDC00...0xDFFF).contains(unit) {
                scalar = 0xFFFD
            }
            appendUTF8(scalar)
            return next
        default:
            let shown = base[p + 1] >= 0x20 && base[p + 1] < 0x7F ? String(Character(Unicode.Scalar(base[p + 1]))) : "?"
            throw .syntax(offset: p, reason: "invalid escape \\\(shown) in string")
        }
        scratch.append(decoded)
        return p + 2
    }

    private func hex4(at p: Int) -> UInt32? {
        guard p + 4 <= end else { return nil }
        var v: UInt32 = 0
        for i in 0..<4 {
            let c = base[p + i]
            let d: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            v = v << 4 | UInt32(d)
        }
        return v
    }

    private mutating func appendUTF8(_ s: UInt32) {
        switch s {
        case ..<0x80:
            scratch.append(UInt8(s))
        case ..<0x800:
            scratch.append(UInt8(0xC0 | s >> 6))
            scratch.append(UInt8(0x80 | s & 0x3F))
        case ..<0x10000:
            scratch.append(UInt8(0xE0 | s >> 12))
            scratch.append(UInt8(0x80 | s >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | s & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | s >> 18))
            scratch.append(UInt8(0x80 | s >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | s >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | s & 0x3F))
        }
    }

    /// The length of the valid UTF-8 sequence at `p` (whose first byte is >= 0x80), or 0 when
    /// it is invalid (stray continuation byte, overlong form, surrogate, beyond U+10FFFF, cut).
    private func utf8SequenceLength(at p: Int) -> Int {
        let b0 = base[p]
        @inline(__always) func cont(_ i: Int) -> Bool { p + i < end && base[p + i] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0...0xEF:
            guard cont(1), cont(2) else { return 0 }
            let b1 = base[p + 1]
            if b0 == 0xE0, b1 < 0xA0 { return 0 }
            if b0 == 0xED, b1 >= 0xA0 { return 0 }
            return 3
        case 0xF0...0xF4:
            guard cont(1), cont(2), cont(3) else { return 0 }
            let b1 = base[p + 1]
            if b0 == 0xF0, b1 < 0x90 { return 0 }
            if b0 == 0xF4, b1 >= 0x90 { return 0 }
            return 4
        default:
            return 0
        }
    }

    /// Parses a number at `pos`. Integers become `int` (fits in Int32) or `long` (fits in
    /// Int64); larger integers and numbers with a fraction or exponent become `double`.
    mutating func parseNumber() throws(JSONReadStop) {
        let start = pos
        var p = pos
        let negative = base[p] == UInt8(ascii: "-")
        if negative { p += 1 }
        @inline(__always) func digit(_ i: Int) -> UInt8? {
            guard i < end else { return nil }
            let d = base[i] &- UInt8(ascii: "0")
            return d < 10 ? d : nil
        }
        guard let first = digit(p) else { throw .syntax(offset: start, reason: "invalid number") }
        var mantissa: UInt64 = 0
        var overflow = false
        @inline(__always) func accumulate(_ d: UInt8) {
            let (m, o1) = mantissa.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(d))
            if o1 || o2 { overflow = true } else { mantissa = s }
        }
        if first == 0 {
            p += 1
            if digit(p) != nil { throw .syntax(offset: start, reason: "invalid number (leading zero)") }
        } else {
            while let d = digit(p) {
                if !overflow { accumulate(d) }
                p += 1
            }
        }
        var fractionDigits = 0
        var isInteger = true
        if p < end, base[p] == UInt8(ascii: ".") {
            isInteger = false
            p += 1
            guard digit(p) != nil else { throw .syntax(offset: start, reason: "invalid number (no digit after '.')") }
            while let d = digit(p) {
                if !overflow { accumulate(d); fractionDigits += 1 }
                p += 1
            }
        }
        var exponent = 0
        if p < end, base[p] | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            p += 1
            var expNegative = false
            if p < end, base[p] == UInt8(ascii: "-") || base[p] == UInt8(ascii: "+") {
                expNegative = base[p] == UInt8(ascii: "-")
                p += 1
            }
            guard digit(p) != nil else { throw .syntax(offset: start, reason: "invalid number (no digit in exponent)") }
            while let d = digit(p) {
                if exponent < 100_000 { exponent = exponent * 10 + Int(d) }
                p += 1
            }
            if expNegative { exponent = -exponent }
        }
        pos = p
        if isInteger, !overflow {
            if negative, mantissa <= UInt64(Int64.max) + 1 {
                return appendInteger(mantissa == UInt64(Int64.max) + 1 ? Int64.min : -Int64(mantissa))
            }
            if !negative, mantissa <= UInt64(Int64.max) {
                return appendInteger(Int64(mantissa))
            }
        }
        let value: Double
        let scale = exponent - fractionDigits
        if !overflow, mantissa <= 1 << 53, (-22...22).contains(scale) {
            // Exact: the mantissa and the power of ten are both exact doubles (Clinger's fast path).
            let m = Double(mantissa)
            let magnitude = scale < 0 ? m / Self.powersOfTen[-scale] : m * Self.powersOfTen[scale]
            value = negative ? -magnitude : magnitude
        } else {
            // Rare (long mantissas, big exponents): the standard library's correctly rounded parse.
            let text = String(decoding: UnsafeBufferPointer(start: base + start, count: p - start), as: UTF8.self)
            guard let v = Double(text) else { throw .syntax(offset: start, reason: "invalid number") }
            value = v
        }
        tape.append(JSONTapeEntry(.double, Int64(bitPattern: value.bitPattern)))
    }

    @inline(__always)
    private mutating func appendInteger(_ v: Int64) {
        let fits32 = v >= Int64(Int32.min) && v <= Int64(Int32.max)
        tape.append(JSONTapeEntry(fits32 ? .int : .long, v))
    }

    private static let powersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { r, _ in r * 10 } }
}
