/// Turning a field's raw bytes into its value's bytes: undoubling quotes, applying the escaper,
/// and repairing invalid UTF-8.
///
/// Invalid UTF-8 is replaced with U+FFFD and the record is kept, as the JVM's decoders that
/// Glue's readers use do by default; a stray Latin-1 byte in one text field should not cost a
/// whole record. Only fields that contain bytes ≥ 0x80 are checked.
extension CSVScanner {
    /// The bytes of field `k` of the last record, decoded. The pointer is valid until the next
    /// call (it may point into the scanner's scratch buffer).
    @inline(__always)
    mutating func value(of k: Int) -> (pointer: UnsafePointer<UInt8>, count: Int) {
        let s = spans[k]
        if s.flags & ~Self.quoted == 0 { return (p + s.start, s.end - s.start) }
        return decodedValue(s)
    }

    /// True when field `k` was quoted in the input.
    @inline(__always)
    func isQuoted(_ k: Int) -> Bool { spans[k].flags & Self.quoted != 0 }

    private mutating func decodedValue(_ s: Span) -> (pointer: UnsafePointer<UInt8>, count: Int) {
        var ptr = p + s.start
        var n = s.end - s.start
        if s.flags & Self.needsUnescape != 0 {
            n = unescape(ptr, n, quoted: s.flags & Self.quoted != 0)
            ptr = UnsafePointer(scratch)
        }
        if s.flags & Self.hasHighBytes != 0, !Self.isValidUTF8(ptr, n) {
            let repaired = Array(String(decoding: UnsafeBufferPointer(start: ptr, count: n), as: UTF8.self).utf8)
            reserveScratch(repaired.count)
            for (i, b) in repaired.enumerated() { scratch[i] = b }
            ptr = UnsafePointer(scratch)
            n = repaired.count
        }
        return (ptr, n)
    }

    /// Decodes `src[0..<n]` into `scratch`; returns the decoded length.
    private mutating func unescape(_ src: UnsafePointer<UInt8>, _ n: Int, quoted: Bool) -> Int {
        reserveScratch(n)
        var i = 0
        var o = 0
        while i < n {
            let c = src[i]
            if quoted, hasQuote, c == quote, i + 1 < n, src[i + 1] == quote {
                scratch[o] = quote
                i += 2
            } else if hasEscaper, c == escaper, i + 1 < n {
                switch src[i + 1] {
                case UInt8(ascii: "n"): scratch[o] = 0x0A
                case UInt8(ascii: "r"): scratch[o] = 0x0D
                case UInt8(ascii: "t"): scratch[o] = 0x09
                case UInt8(ascii: "0"): scratch[o] = 0x00
                case let other: scratch[o] = other
                }
                i += 2
            } else {
                scratch[o] = c
                i += 1
            }
            o += 1
        }
        return o
    }

    private mutating func reserveScratch(_ n: Int) {
        guard n > scratchCapacity else { return }
        scratch.deallocate()
        scratchCapacity = max(n, scratchCapacity * 2)
        scratch = .allocate(capacity: scratchCapacity)
    }

    /// True when `p[0..<n]` is well-formed UTF-8 (no overlong forms, surrogates or values
    /// past U+10FFFF).
    static func isValidUTF8(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i < n {
            let b0 = p[i]
            if b0 < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard i + length <= n else { return false }
            let b1 = p[i + 1]
            guard b1 >= low, b1 <= high else { return false }
            for k in 2..<max(2, length) where p[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }
}
