/// The tokens of a script, its annotation comments, and the error that stopped the tokenizer.
public struct TokenStream: Sendable {
    /// The tokens in source order. Ends with `endOfFile`, or with `invalid` when `failure` is set.
    public var tokens: [Token]
    /// The `## @key: value` comments, in source order.
    public var annotations: [Annotation]
    /// The lexical error (or refused literal, such as an f-string) where tokenizing stopped.
    public var failure: ScriptError?
    /// The innermost bracket still open at the end of the script, if any.
    public var unclosedBracket: Token?
}

/// Python's tokenizer for the Glue script dialect, working on the UTF-8 bytes of the source.
///
/// It follows CPython's rules: INDENT/DEDENT from leading blanks (tabs to multiples of 8, and
/// the same tabs-as-one-column check CPython makes to reject inconsistent tabs and spaces),
/// NEWLINE only at the end of a logical line, no NEWLINE inside (), [] or {} nor after a
/// backslash continuation, blank and comment-only lines ignored. Strings are decoded here;
/// bytes literals, f-strings, complex numbers and `\N{...}` escapes are refused by name.
public struct Tokenizer {
    /// Tokenizes a whole script; throws the first lexical error.
    public static func tokenize(_ source: String, file: String) throws(ScriptError) -> TokenStream {
        let stream = scan(source, file: file)
        if let failure = stream.failure { throw failure }
        return stream
    }

    /// Tokenizes as far as possible: on an error the stream ends with an `invalid` token at the
    /// error's position and `failure` holds the error, so that the parser can report an earlier
    /// syntax error first, as Python does.
    public static func scan(_ source: String, file: String) -> TokenStream {
        var source = source
        return source.withUTF8 { bytes in
            var scanner = Scanner(file: file, bytes: bytes)
            scanner.run()
            return TokenStream(
                tokens: scanner.tokens, annotations: scanner.annotations, failure: scanner.failure,
                unclosedBracket: scanner.failure == nil ? scanner.brackets.last : nil)
        }
    }
}

/// The tokenizer's state while it walks over the bytes (which live only during `scan`).
struct Scanner {
    let file: String
    let b: UnsafeBufferPointer<UInt8>
    var pos = 0
    var line = 1
    /// Byte offset where the current physical line starts.
    var lineStart = 0
    /// Column cache: the column (1-based, in characters) of byte `columnOffset` on this line.
    var columnOffset = 0
    var columnValue = 1
    /// Indentation stack in columns (tabs to the next multiple of 8) and with tabs as one column.
    var indents: [Int] = [0]
    var altIndents: [Int] = [0]
    /// The open brackets, innermost last.
    var brackets: [Token] = []
    /// CPython's limits: 100 indentation levels, 200 nested brackets.
    static let maxIndentLevels = 100
    static let maxBrackets = 200
    var tokens: [Token] = []
    var annotations: [Annotation] = []
    var failure: ScriptError?

    init(file: String, bytes: UnsafeBufferPointer<UInt8>) {
        self.file = file
        self.b = bytes
        tokens.reserveCapacity(bytes.count / 4 + 8)
    }

    /// The byte at `i`, or 0 past the end (callers check `pos < b.count` where 0 matters).
    @inline(__always) func byte(_ i: Int) -> UInt8 { i < b.count ? b[i] : 0 }

    mutating func run() {
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF {  // a UTF-8 byte order mark
            pos = 3
            lineStart = 3
            columnOffset = 3
        }
        do {
            try scanTokens()
        } catch {
            failure = error
            tokens.append(Token(.invalid, error.location, offset: pos))
        }
    }

    // MARK: Positions and errors

    /// The location of byte `offset`, which must be on the current line at or after the last
    /// location asked for (tokens are asked for in order, so this is linear overall).
    mutating func location(at offset: Int) -> SourceLocation {
        if offset < columnOffset {
            columnOffset = lineStart
            columnValue = 1
        }
        while columnOffset < offset {
            if b[columnOffset] & 0xC0 != 0x80 { columnValue += 1 }  // not a UTF-8 continuation byte
            columnOffset += 1
        }
        return SourceLocation(line: line, column: columnValue)
    }

    /// Moves to a new physical line that starts at byte `start`.
    mutating func startLine(at start: Int) {
        line += 1
        lineStart = start
        columnOffset = start
        columnValue = 1
    }

    mutating func lexical(_ message: String, at offset: Int) -> ScriptError {
        let loc = location(at: offset)
        return .lexical(file: file, line: loc.line, column: loc.column, message: message)
    }

    func lexical(_ message: String, at loc: SourceLocation) -> ScriptError {
        .lexical(file: file, line: loc.line, column: loc.column, message: message)
    }

    func unsupported(_ construct: String, at loc: SourceLocation) -> ScriptError {
        .unsupported(file: file, line: loc.line, column: loc.column, construct: construct)
    }

    mutating func emit(_ kind: Token.Kind, at offset: Int) {
        tokens.append(Token(kind, location(at: offset), offset: offset))
    }

    // MARK: The main loop

    mutating func scanTokens() throws(ScriptError) {
        var atLineStart = true
        while true {
            if atLineStart {
                atLineStart = false
                try indentation()
            }
            guard pos < b.count else { break }
            let c = b[pos]
            switch c {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0C:
                pos += 1
            case UInt8(ascii: "#"):
                comment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                if brackets.isEmpty, let last = tokens.last, last.kind != .newline {
                    emit(.newline, at: pos)
                }
                pos += (c == UInt8(ascii: "\r") && byte(pos + 1) == UInt8(ascii: "\n")) ? 2 : 1
                startLine(at: pos)
                atLineStart = brackets.isEmpty
            case UInt8(ascii: "\\"):
                try continuation()
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let loc = location(at: pos)
                let start = pos
                let value = try stringBody(quoteAt: pos, raw: false, start: loc)
                tokens.append(Token(.string(value), loc, offset: start))
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            case UInt8(ascii: "."):
                if case UInt8(ascii: "0")...UInt8(ascii: "9") = byte(pos + 1) {
                    try number()
                } else {
                    try operatorToken()
                }
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
                try identifierOrString()
            case 0x80...:
                try identifierOrString()
            default:
                try operatorToken()
            }
        }
        finish()
    }

    /// At the start of a logical line outside brackets: measures the indentation and emits
    /// INDENT/DEDENT. Blank and comment-only lines change nothing.
    mutating func indentation() throws(ScriptError) {
        guard brackets.isEmpty else { return }
        var col = 0
        var alt = 0
        loop: while pos < b.count {
            switch b[pos] {
            case UInt8(ascii: " "):
                col += 1
                alt += 1
            case UInt8(ascii: "\t"):
                col = (col / 8 + 1) * 8
                alt += 1
            case 0x0C:  // form feed resets the count, as in CPython
                col = 0
                alt = 0
            default:
                break loop
            }
            pos += 1
        }
        guard pos < b.count else { return }
        switch b[pos] {
        case UInt8(ascii: "#"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return
        default: break
        }
        let loc = location(at: pos)
        let inconsistent = "inconsistent use of tabs and spaces in indentation"
        if col == indents[indents.count - 1] {
            if alt != altIndents[altIndents.count - 1] { throw lexical(inconsistent, at: loc) }
        } else if col > indents[indents.count - 1] {
            if alt <= altIndents[altIndents.count - 1] { throw lexical(inconsistent, at: loc) }
            if indents.count > Self.maxIndentLevels { throw lexical("too many levels of indentation", at: loc) }
            indents.append(col)
            altIndents.append(alt)
            tokens.append(Token(.indent, loc, offset: pos))
        } else {
            while indents.count > 1, col < indents[indents.count - 1] {
                indents.removeLast()
                altIndents.removeLast()
                tokens.append(Token(.dedent, loc, offset: pos))
            }
            if col != indents[indents.count - 1] {
                throw lexical("unindent does not match any outer indentation level", at: loc)
            }
            if alt != altIndents[altIndents.count - 1] { throw lexical(inconsistent, at: loc) }
        }
    }

    /// A comment runs to the end of the line; `## @key: value` comments become annotations.
    mutating func comment() {
        let start = pos
        while pos < b.count, b[pos] != UInt8(ascii: "\n"), b[pos] != UInt8(ascii: "\r") { pos += 1 }
        if pos - start >= 3, b[start + 1] == UInt8(ascii: "#") {
            let loc = location(at: start)
            if let note = Annotation.parse(comment: UnsafeBufferPointer(rebasing: b[start..<pos]), location: loc) {
                annotations.append(note)
            }
        }
    }

    /// A backslash joins the next physical line to this logical line; nothing may follow it,
    /// and the script may not end right after it.
    mutating func continuation() throws(ScriptError) {
        let backslash = pos
        let next = byte(pos + 1)
        if next == UInt8(ascii: "\n") {
            pos += 2
        } else if next == UInt8(ascii: "\r") {
            pos += byte(pos + 2) == UInt8(ascii: "\n") ? 3 : 2
        } else if pos + 1 >= b.count {
            throw lexical("unexpected end of file after line continuation character", at: pos)
        } else {
            throw lexical("unexpected character after line continuation character", at: pos + 1)
        }
        if pos >= b.count {
            throw lexical("unexpected end of file after line continuation character", at: backslash)
        }
        startLine(at: pos)
    }

    /// At the end: NEWLINE for an unfinished last line, DEDENT for each open block, END.
    /// With brackets still open only END is added; the parser reports the unclosed bracket.
    mutating func finish() {
        if brackets.isEmpty {
            if let last = tokens.last, last.kind != .newline { emit(.newline, at: pos) }
            while indents.count > 1 {
                indents.removeLast()
                emit(.dedent, at: pos)
            }
        }
        emit(.endOfFile, at: pos)
    }
}
