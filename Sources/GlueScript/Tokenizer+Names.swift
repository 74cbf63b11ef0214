/// Names, keywords, string prefixes and operators.
extension Scanner {
    /// A name or keyword, or the prefix of a string literal (`r"..."`, `b"..."`, `f"..."`).
    mutating func identifierOrString() throws(ScriptError) {
        let start = pos
        let loc = location(at: start)
        while pos < b.count {
            let c = b[pos]
            if c < 0x80 {
                guard isIdentifierByte(c) else { break }
                pos += 1
            } else {
                let (scalar, length) = decodeScalar(at: pos)
                let ok = pos == start ? scalar.properties.isXIDStart : scalar.properties.isXIDContinue
                guard ok else {
                    if pos == start { throw invalidCharacter(scalar, at: loc) }
                    break
                }
                pos += length
            }
        }
        let text = UnsafeBufferPointer(rebasing: b[start..<pos])
        let next = byte(pos)
        if (next == UInt8(ascii: "\"") || next == UInt8(ascii: "'")), let prefix = StringPrefix(text) {
            if prefix.bytes { throw unsupported("bytes literal", at: loc) }
            if prefix.formatted { throw unsupported("f-string", at: loc) }
            if prefix.template { throw unsupported("t-string (template string)", at: loc) }
            let value = try stringBody(quoteAt: pos, raw: prefix.raw, start: loc)
            tokens.append(Token(.string(value), loc, offset: start))
            return
        }
        if let keyword = Keyword.lookup(text) {
            tokens.append(Token(.keyword(keyword), loc, offset: start))
        } else {
            tokens.append(Token(.name(String(decoding: text, as: UTF8.self)), loc, offset: start))
        }
    }

    @inline(__always) func isIdentifierByte(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
            || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "_")
    }

    /// The Unicode scalar starting at byte `i` (the source is valid UTF-8) and its length.
    func decodeScalar(at i: Int) -> (Unicode.Scalar, Int) {
        var iterator = b[i...].makeIterator()
        var decoder = UTF8()
        if case .scalarValue(let scalar) = decoder.decode(&iterator) {
            return (scalar, UTF8.width(scalar))
        }
        return (Unicode.Scalar(0xFFFD)!, 1)
    }

    func invalidCharacter(_ scalar: Unicode.Scalar, at loc: SourceLocation) -> ScriptError {
        let code = "U+" + StringQuoting.hex(scalar.value, width: 4)
        if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control
            || scalar.properties.generalCategory == .format
        {
            return lexical("invalid non-printable character \(code)", at: loc)
        }
        return lexical("invalid character '\(Character(scalar))' (\(code))", at: loc)
    }

    /// An operator or delimiter; tracks brackets so that newlines inside them are joined.
    mutating func operatorToken() throws(ScriptError) {
        let start = pos
        guard let (op, length) = matchOperator() else {
            if b[pos] == 0 { throw lexical("source code cannot contain null bytes", at: pos) }
            let (scalar, _) = decodeScalar(at: pos)
            throw invalidCharacter(scalar, at: location(at: pos))
        }
        let token = Token(.op(op), location(at: start), offset: start)
        switch op {
        case .leftParen, .leftBracket, .leftBrace:
            if brackets.count == Self.maxBrackets {
                throw lexical("too many nested parentheses (more than \(Self.maxBrackets))", at: token.location)
            }
            brackets.append(token)
        case .rightParen, .rightBracket, .rightBrace:
            guard let open = brackets.last else {
                throw lexical("unmatched '\(op.rawValue)'", at: token.location)
            }
            guard case .op(let opening) = open.kind, opening.closing == op else {
                throw lexical("closing '\(op.rawValue)' does not match \(open) at \(open.location)", at: token.location)
            }
            brackets.removeLast()
        default:
            break
        }
        pos += length
        tokens.append(token)
    }

    /// The longest operator at `pos`, or nil for a character that is not one.
    func matchOperator() -> (Operator, Int)? {
        let c1 = byte(pos + 1)
        let c2 = byte(pos + 2)
        let eq = UInt8(ascii: "=")
        switch b[pos] {
        case UInt8(ascii: "+"): return c1 == eq ? (.plusEqual, 2) : (.plus, 1)
        case UInt8(ascii: "-"):
            if c1 == eq { return (.minusEqual, 2) }
            return c1 == UInt8(ascii: ">") ? (.arrow, 2) : (.minus, 1)
        case UInt8(ascii: "*"):
            if c1 == UInt8(ascii: "*") { return c2 == eq ? (.doubleStarEqual, 3) : (.doubleStar, 2) }
            return c1 == eq ? (.starEqual, 2) : (.star, 1)
        case UInt8(ascii: "/"):
            if c1 == UInt8(ascii: "/") { return c2 == eq ? (.doubleSlashEqual, 3) : (.doubleSlash, 2) }
            return c1 == eq ? (.slashEqual, 2) : (.slash, 1)
        case UInt8(ascii: "%"): return c1 == eq ? (.percentEqual, 2) : (.percent, 1)
        case UInt8(ascii: "@"): return c1 == eq ? (.atEqual, 2) : (.at, 1)
        case UInt8(ascii: "&"): return c1 == eq ? (.ampersandEqual, 2) : (.ampersand, 1)
        case UInt8(ascii: "|"): return c1 == eq ? (.pipeEqual, 2) : (.pipe, 1)
        case UInt8(ascii: "^"): return c1 == eq ? (.caretEqual, 2) : (.caret, 1)
        case UInt8(ascii: "~"): return (.tilde, 1)
        case UInt8(ascii: "<"):
            if c1 == UInt8(ascii: "<") { return c2 == eq ? (.leftShiftEqual, 3) : (.leftShift, 2) }
            return c1 == eq ? (.lessEqual, 2) : (.less, 1)
        case UInt8(ascii: ">"):
            if c1 == UInt8(ascii: ">") { return c2 == eq ? (.rightShiftEqual, 3) : (.rightShift, 2) }
            return c1 == eq ? (.greaterEqual, 2) : (.greater, 1)
        case UInt8(ascii: "="): return c1 == eq ? (.equalEqual, 2) : (.equal, 1)
        case UInt8(ascii: "!"): return c1 == eq ? (.notEqual, 2) : nil
        case UInt8(ascii: ":"): return c1 == eq ? (.walrus, 2) : (.colon, 1)
        case UInt8(ascii: "."):
            return c1 == UInt8(ascii: ".") && c2 == UInt8(ascii: ".") ? (.ellipsis, 3) : (.dot, 1)
        case UInt8(ascii: "("): return (.leftParen, 1)
        case UInt8(ascii: ")"): return (.rightParen, 1)
        case UInt8(ascii: "["): return (.leftBracket, 1)
        case UInt8(ascii: "]"): return (.rightBracket, 1)
        case UInt8(ascii: "{"): return (.leftBrace, 1)
        case UInt8(ascii: "}"): return (.rightBrace, 1)
        case UInt8(ascii: ","): return (.comma, 1)
        case UInt8(ascii: ";"): return (.semicolon, 1)
        default: return nil
        }
    }
}

/// The letters before a string's opening quote: `r`, `u`, `b`, `f`, `t` and their pairs.
struct StringPrefix {
    var raw = false
    var bytes = false
    var formatted = false
    var template = false

    /// Nil when `text` is not a valid prefix (then it is a name followed by a string).
    init?(_ text: UnsafeBufferPointer<UInt8>) {
        guard text.count >= 1, text.count <= 2 else { return nil }
        var unicode = false
        for c in text {
            switch c | 0x20 {  // lower-case
            case UInt8(ascii: "r"): if raw { return nil } else { raw = true }
            case UInt8(ascii: "b"): if bytes { return nil } else { bytes = true }
            case UInt8(ascii: "f"): if formatted { return nil } else { formatted = true }
            case UInt8(ascii: "t"): if template { return nil } else { template = true }
            case UInt8(ascii: "u"): unicode = true
            default: return nil
            }
        }
        if unicode && text.count > 1 { return nil }  // `u` combines with nothing
        if [bytes, formatted, template].filter({ $0 }).count > 1 { return nil }
    }
}
