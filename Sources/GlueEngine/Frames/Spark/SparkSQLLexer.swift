/// One token of a Spark SQL query, with where it starts (for error messages).
struct SparkSQLToken: Equatable, Sendable {
    enum Kind: Equatable, Sendable {
        /// A bare word: keyword, function or column name (`text` as written).
        case word
        /// A backquoted name (`text` without the backquotes, doubled backquotes undone).
        case quotedName
        /// A string literal, single- or double-quoted as Spark allows (`text` is the value,
        /// backslash escapes undone).
        case string
        /// A number as written (`12`, `1.5`, `1e3`, `10L`, `2.5D`, `1.0BD`).
        case number
        /// An operator or punctuation: `(`, `)`, `,`, `.`, `*`, `=`, `!=`, `<>`, `<=>`, `||`, ...
        case symbol
    }

    var kind: Kind
    var text: String
    /// 1-based line of the first character.
    var line: Int
    /// 0-based position in the line, as Spark's `line 1 pos 14`.
    var column: Int

    /// The upper-cased text of a word (for keyword tests); empty for other kinds.
    var keyword: String { kind == .word ? text.uppercased() : "" }

    /// True when this is the word `k` (case-insensitive).
    func isKeyword(_ k: String) -> Bool { kind == .word && text.caseInsensitiveCompare(k) == .orderedSame }

    /// True when this is the symbol `s`.
    func isSymbol(_ s: String) -> Bool { kind == .symbol && text == s }

    /// A name token: a bare word or a backquoted name.
    var isName: Bool { kind == .word || kind == .quotedName }

    /// `line 1 pos 14`, as Spark's AnalysisException and ParseException say it.
    var position: String { "line \(line) pos \(column)" }
}

/// Splits a Spark SQL query into tokens: comments (`-- ...`, `/* ... */`) and white space
/// are dropped; strings may use `'` or `"` with backslash escapes (Spark's default, where a
/// double-quoted text is a string, not a name); names may be backquoted.
enum SparkSQLLexer {
    static func tokens(_ query: String) throws(EngineError) -> [SparkSQLToken] {
        let s = Array(query.unicodeScalars)
        var out: [SparkSQLToken] = []
        var i = 0
        var line = 1
        var lineStart = 0
        func err(_ reason: String, at p: Int) -> EngineError {
            .transform(name: "ParseException", message: "\(reason) (line \(line) pos \(p - lineStart))")
        }
        while i < s.count {
            let c = s[i]
            if c == "\n" { i += 1; line += 1; lineStart = i; continue }
            if c == " " || c == "\t" || c == "\r" { i += 1; continue }
            if c == "-" && i + 1 < s.count && s[i + 1] == "-" {
                while i < s.count && s[i] != "\n" { i += 1 }
                continue
            }
            if c == "/" && i + 1 < s.count && s[i + 1] == "*" {
                let start = i
                i += 2
                while i < s.count && !(s[i] == "*" && i + 1 < s.count && s[i + 1] == "/") {
                    if s[i] == "\n" { line += 1; lineStart = i + 1 }
                    i += 1
                }
                guard i < s.count else { throw err("unclosed comment", at: start) }
                i += 2
                continue
            }
            let start = i
            let col = i - lineStart
            func token(_ kind: SparkSQLToken.Kind, _ text: String) {
                out.append(SparkSQLToken(kind: kind, text: text, line: line, column: col))
            }
            if c == "'" || c == "\"" {
                var text = String.UnicodeScalarView()
                i += 1
                var closed = false
                while i < s.count {
                    let d = s[i]
                    if d == "\\" && i + 1 < s.count {
                        let e = s[i + 1]
                        switch e {
                        case "n": text.append("\n")
                        case "t": text.append("\t")
                        case "r": text.append("\r")
                        case "0": text.append("\0")
                        default: text.append(e)
                        }
                        i += 2
                        continue
                    }
                    if d == c {
                        // SQL's doubled quote inside a string.
                        if i + 1 < s.count && s[i + 1] == c { text.append(c); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    if d == "\n" { line += 1; lineStart = i + 1 }
                    text.append(d)
                    i += 1
                }
                guard closed else { throw err("unclosed string literal", at: start) }
                token(.string, String(text))
                continue
            }
            if c == "`" {
                var text = String.UnicodeScalarView()
                i += 1
                var closed = false
                while i < s.count {
                    if s[i] == "`" {
                        if i + 1 < s.count && s[i + 1] == "`" { text.append("`"); i += 2; continue }
                        closed = true
                        i += 1
                        break
                    }
                    text.append(s[i])
                    i += 1
                }
                guard closed else { throw err("unclosed backquoted name", at: start) }
                token(.quotedName, String(text))
                continue
            }
            if isDigit(c) || (c == "." && i + 1 < s.count && isDigit(s[i + 1])) {
                while i < s.count && (isDigit(s[i]) || s[i] == ".") { i += 1 }
                if i < s.count && (s[i] == "e" || s[i] == "E") {
                    var j = i + 1
                    if j < s.count && (s[j] == "+" || s[j] == "-") { j += 1 }
                    if j < s.count && isDigit(s[j]) {
                        i = j
                        while i < s.count && isDigit(s[i]) { i += 1 }
                    }
                }
                // Spark's literal suffixes: 10L, 10S, 10Y, 2.5D, 2.5F, 1.0BD.
                if i + 1 < s.count && (s[i] == "B" || s[i] == "b") && (s[i + 1] == "D" || s[i + 1] == "d") {
                    i += 2
                } else if i < s.count, "LlSsYyDdFf".unicodeScalars.contains(s[i]),
                          i + 1 >= s.count || !isWordChar(s[i + 1]) {
                    i += 1
                }
                token(.number, String(String.UnicodeScalarView(s[start..<i])))
                continue
            }
            if isWordStart(c) {
                while i < s.count && isWordChar(s[i]) { i += 1 }
                token(.word, String(String.UnicodeScalarView(s[start..<i])))
                continue
            }
            let three = i + 2 < s.count ? String(String.UnicodeScalarView(s[i..<i + 3])) : ""
            let two = i + 1 < s.count ? String(String.UnicodeScalarView(s[i..<i + 2])) : ""
            if three == "<=>" {
                token(.symbol, three); i += 3
            } else if ["!=", "<>", "<=", ">=", "==", "||", "&&", "::"].contains(two) {
                token(.symbol, two); i += 2
            } else if "(),.*+-/%=<>;!|&^~[]:".unicodeScalars.contains(c) {
                token(.symbol, String(c)); i += 1
            } else {
                throw err("unexpected character '\(c)'", at: start)
            }
        }
        return out
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    static func isWordStart(_ c: Unicode.Scalar) -> Bool {
        (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || c.value > 127
    }

    static func isWordChar(_ c: Unicode.Scalar) -> Bool { isWordStart(c) || isDigit(c) }
}
