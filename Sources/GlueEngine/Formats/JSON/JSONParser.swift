import Foundation

/// A strict RFC 8259 JSON parser over raw bytes that writes values onto a `JSONTapeEntry`
/// tape. Strings without escapes stay byte ranges of the input; strings with escapes are
/// decoded into `scratch`. No `String` is made here.
///
/// Decisions (Glue and Spark's Jackson reader are strict in the same way):
/// - numbers follow the JSON grammar exactly (no leading zeros, `+`, `NaN`, `Infinity`);
///   integers that fit in 32 bits are `int`, in 64 bits `long`, larger ones `double`; a number
///   with a fraction or an exponent is `double`.
/// - raw control characters inside strings, invalid escapes and invalid UTF-8 anywhere make
///   the record malformed (Jackson rejects invalid UTF-8 too). A `\u` escape of a lone UTF-16
///   surrogate is grammatical JSON and decodes to U+FFFD.
/// - containers nested deeper than `maxDepth` make the record malformed, so hostile input
///   cannot exhaust the stack.
struct JSONParser {
    let base: UnsafePointer<UInt8>
    /// The next byte to read.
    var pos = 0
    /// The end of the bytes to parse (a line's end in JSON Lines mode).
    var end = 0
    let maxDepth: Int
    /// What running out of bytes is called in messages: `line` or `input`.
    var endName = "input"
    var tape: [JSONTapeEntry] = []
    var scratch: [UInt8] = []
    var marks: [JSONRecordMark] = []

    init(base: UnsafePointer<UInt8>, maxDepth: Int) {
        self.base = base
        self.maxDepth = maxDepth
    }

    /// Starts parsing `from ..< to`, dropping anything parsed before.
    mutating func reset(from: Int, to: Int) {
        pos = from
        end = to
        tape.removeAll(keepingCapacity: true)
        scratch.removeAll(keepingCapacity: true)
        marks.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while pos < end {
            let b = base[pos]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            pos += 1
        }
    }

    /// Parses one value onto the tape; `depth` is the number of containers around it.
    mutating func parseValue(depth: Int) throws(JSONReadStop) {
        skipWhitespace()
        guard pos < end else { throw endOfInput() }
        switch base[pos] {
        case UInt8(ascii: "{"): try parseObject(level: depth + 1)
        case UInt8(ascii: "["): try parseArray(level: depth + 1)
        case UInt8(ascii: "\""): try parseString(key: false)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
        case UInt8(ascii: "t"): try parseLiteral("true", .trueValue)
        case UInt8(ascii: "f"): try parseLiteral("false", .falseValue)
        case UInt8(ascii: "n"): try parseLiteral("null", .null)
        default: throw unexpected(at: pos)
        }
    }

    /// Parses a value and drops it from the tape (for values a `jsonPath` does not select).
    mutating func skipValue(depth: Int) throws(JSONReadStop) {
        let t = tape.count
        let s = scratch.count
        try parseValue(depth: depth)
        tape.removeLast(tape.count - t)
        scratch.removeLast(scratch.count - s)
    }

    /// Throws unless only whitespace is left.
    mutating func expectEnd() throws(JSONReadStop) {
        skipWhitespace()
        if pos < end { throw .syntax(offset: pos, reason: "unexpected text after the JSON value") }
    }

    private mutating func parseObject(level: Int) throws(JSONReadStop) {
        try checkDepth(level)
        let start = tape.count
        tape.append(JSONTapeEntry(.object))
        pos += 1
        skipWhitespace()
        var count: Int32 = 0
        if pos < end, base[pos] == UInt8(ascii: "}") {
            pos += 1
        } else {
            while true {
                skipWhitespace()
                guard pos < end else { throw endOfInput() }
                guard base[pos] == UInt8(ascii: "\"") else { throw unexpected(at: pos, expecting: "a quoted field name") }
                try parseString(key: true)
                skipWhitespace()
                guard pos < end else { throw endOfInput() }
                guard base[pos] == UInt8(ascii: ":") else { throw unexpected(at: pos, expecting: "':' after a field name") }
                pos += 1
                try parseValue(depth: level)
                count &+= 1
                if try endOfContainer(UInt8(ascii: "}")) { break }
            }
        }
        tape[start].payload = Int64(tape.count)
        tape[start].length = count
    }

    private mutating func parseArray(level: Int) throws(JSONReadStop) {
        try checkDepth(level)
        let start = tape.count
        tape.append(JSONTapeEntry(.array))
        pos += 1
        skipWhitespace()
        var count: Int32 = 0
        if pos < end, base[pos] == UInt8(ascii: "]") {
            pos += 1
        } else {
            while true {
                try parseValue(depth: level)
                count &+= 1
                if try endOfContainer(UInt8(ascii: "]")) { break }
            }
        }
        tape[start].payload = Int64(tape.count)
        tape[start].length = count
    }

    /// After a member or element: consumes `,` (false) or `close` (true).
    mutating func endOfContainer(_ close: UInt8) throws(JSONReadStop) -> Bool {
        skipWhitespace()
        guard pos < end else { throw endOfInput() }
        let c = base[pos]
        pos += 1
        if c == UInt8(ascii: ",") { return false }
        if c == close { return true }
        throw unexpected(at: pos - 1, expecting: "',' or '\(Character(Unicode.Scalar(close)))'")
    }

    func checkDepth(_ level: Int) throws(JSONReadStop) {
        if level > maxDepth { throw .syntax(offset: pos, reason: "nesting deeper than \(maxDepth) levels") }
    }

    private mutating func parseLiteral(_ word: StaticString, _ kind: JSONTapeEntry.Kind) throws(JSONReadStop) {
        let n = word.utf8CodeUnitCount
        guard end - pos >= n, memcmp(base + pos, word.utf8Start, n) == 0 else {
            throw .syntax(offset: pos, reason: "invalid literal (expected \(word))")
        }
        pos += n
        tape.append(JSONTapeEntry(kind))
    }

    func endOfInput() -> JSONReadStop {
        .syntax(offset: pos, reason: "unexpected end of \(endName)")
    }

    /// The error for an unexpected byte at `offset`.
    func unexpected(at offset: Int, expecting: String? = nil) -> JSONReadStop {
        let b = base[offset]
        var reason = b >= 0x20 && b < 0x7F
            ? "unexpected character '\(Character(Unicode.Scalar(b)))'"
            : "unexpected byte 0x\(String(b, radix: 16, uppercase: true))"
        if let expecting { reason += ", expected \(expecting)" }
        return .syntax(offset: offset, reason: reason)
    }
}
