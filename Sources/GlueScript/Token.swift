/// One token of a script, with where it starts.
///
/// The tokenizer produces Python's token stream: `newline` ends a logical line, `indent` and
/// `dedent` open and close blocks, and the stream ends with `endOfFile`. Comments and blank lines
/// produce no tokens (`## @...` annotation comments are kept aside, see `Annotation`).
public struct Token: Equatable, Sendable, CustomStringConvertible {
    /// What the token is, with its decoded value.
    public enum Kind: Equatable, Sendable {
        /// An identifier that is not a keyword (`glueContext`, `print`, `match`).
        case name(String)
        /// A reserved word (`def`, `if`, `lambda`, `True`, ...).
        case keyword(Keyword)
        /// An integer literal (decimal, `0x`, `0o`, `0b`, with `_` separators).
        case int(Int)
        /// A floating-point literal (`1.5`, `1e3`, `.5`).
        case float(Double)
        /// A string literal, escapes decoded. Adjacent literals are separate tokens; the parser
        /// joins them as Python does.
        case string(String)
        /// An operator or delimiter.
        case op(Operator)
        /// The end of a logical line.
        case newline
        /// The start of a more indented block.
        case indent
        /// The end of an indented block.
        case dedent
        /// The end of the script.
        case endOfFile
        /// Where a lexical error stopped the tokenizer; the error is `TokenStream.failure`. The
        /// parser reports it when it reaches this token, so errors come in source order.
        case invalid
    }

    public let kind: Kind
    /// Where the token starts (for `indent`/`dedent`, the first token of the line).
    public let location: SourceLocation
    /// UTF-8 byte offset of the token's first byte in the source.
    public let offset: Int

    public init(_ kind: Kind, _ location: SourceLocation, offset: Int) {
        self.kind = kind
        self.location = location
        self.offset = offset
    }

    public var line: Int { location.line }
    public var column: Int { location.column }

    /// How an error message names the token: `'foo'`, `')'`, `string "abc"`, `end of line`.
    public var description: String {
        switch kind {
        case .name(let n): "'\(n)'"
        case .keyword(let k): "'\(k.rawValue)'"
        case .int(let i): "'\(i)'"
        case .float(let d): "'\(d)'"
        case .string(let s): "string \(StringQuoting.quote(s, limit: 40))"
        case .op(let o): "'\(o.rawValue)'"
        case .newline: "end of line"
        case .indent: "indent"
        case .dedent: "dedent"
        case .endOfFile: "end of file"
        case .invalid: "invalid token"
        }
    }
}

/// Python's reserved words. Soft keywords (`match`, `case`, `type`, `_`) are names.
public enum Keyword: String, CaseIterable, Sendable {
    case `False`, `None`, `True`
    case `and`, `as`, `assert`, `async`, `await`, `break`, `class`, `continue`, `def`, `del`
    case `elif`, `else`, `except`, `finally`, `for`, `from`, `global`, `if`, `import`, `in`, `is`
    case `lambda`, `nonlocal`, `not`, `or`, `pass`, `raise`, `return`, `try`, `while`, `with`
    case `yield`

    /// Keyword by spelling, looked up from the identifier's bytes without building a String.
    static func lookup(_ bytes: UnsafeBufferPointer<UInt8>) -> Keyword? {
        guard bytes.count >= 2, bytes.count <= 8 else { return nil }
        for (spelling, keyword) in byLength[bytes.count] where spelling[0] == bytes[0] && spelling.elementsEqual(bytes) {
            return keyword
        }
        return nil
    }

    /// The keywords' UTF-8 spellings, by length (2 to 8).
    private static let byLength: [[([UInt8], Keyword)]] = {
        var table = Array(repeating: [([UInt8], Keyword)](), count: 9)
        for keyword in allCases {
            let spelling = Array(keyword.rawValue.utf8)
            table[spelling.count].append((spelling, keyword))
        }
        return table
    }()
}

/// Every operator and delimiter of Python 3. The tokenizer knows them all so that the parser
/// can refuse the ones outside the dialect by name rather than as stray characters.
public enum Operator: String, CaseIterable, Sendable {
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", at = "@"
    case doubleStar = "**", doubleSlash = "//"
    case ampersand = "&", pipe = "|", caret = "^", tilde = "~", leftShift = "<<", rightShift = ">>"
    case less = "<", greater = ">", lessEqual = "<=", greaterEqual = ">=", equalEqual = "==", notEqual = "!="
    case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
    case leftBrace = "{", rightBrace = "}"
    case comma = ",", colon = ":", semicolon = ";", dot = ".", ellipsis = "...", arrow = "->"
    case equal = "=", walrus = ":="
    case plusEqual = "+=", minusEqual = "-=", starEqual = "*=", slashEqual = "/=", percentEqual = "%="
    case atEqual = "@=", ampersandEqual = "&=", pipeEqual = "|=", caretEqual = "^="
    case doubleStarEqual = "**=", doubleSlashEqual = "//=", leftShiftEqual = "<<=", rightShiftEqual = ">>="

    /// The closing delimiter of an opening one.
    var closing: Operator? {
        switch self {
        case .leftParen: .rightParen
        case .leftBracket: .rightBracket
        case .leftBrace: .rightBrace
        default: nil
        }
    }
}
