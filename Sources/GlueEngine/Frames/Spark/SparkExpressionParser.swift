/// Parses the SQL expressions of `selectExpr`, `filter("...")` and `F.expr(...)`: identifiers
/// (backquoted too, dotted for struct fields and qualifiers), literals (integers, decimals —
/// `1.5` is a decimal as in Spark SQL —, `1e3` doubles, quoted strings, TRUE/FALSE/NULL),
/// arithmetic, comparisons (`=`, `==`, `!=`, `<>`, `<=>`, ...), AND/OR/NOT, IS [NOT] NULL,
/// [NOT] IN, [NOT] LIKE/RLIKE, [NOT] BETWEEN, CAST(x AS type), CASE [x] WHEN ... END,
/// function calls (aggregates with DISTINCT and `count(*)`), ranking functions with
/// `OVER (PARTITION BY ... ORDER BY ...)`, and a trailing `[AS] alias`.
public enum SparkExpressionParser {
    /// - Throws: `EngineError.transform(name: "ParseException", ...)` naming the position.
    public static func parse(_ text: String) throws(EngineError) -> ColumnExpression {
        var p = SQLExpressionParser(tokens: try SQLLexer.tokens(text), text: text)
        let e = try p.parseAliased()
        guard p.atEnd else { throw p.error("unexpected input") }
        return e
    }
}

/// A token of the SQL expression subset.
enum SQLToken: Equatable {
    case identifier(String, quoted: Bool)
    case number(String)
    case string(String)
    case symbol(String)
}

enum SQLLexer {
    static func tokens(_ text: String) throws(EngineError) -> [SQLToken] {
        let s = Array(text.unicodeScalars)
        var out: [SQLToken] = []
        var i = 0
        func fail(_ why: String) -> EngineError {
            .transform(name: "ParseException", message: "[PARSE_SYNTAX_ERROR] \(why) at position \(i) in: \(text)")
        }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            if c == "`" {
                var name = ""
                i += 1
                while true {
                    guard i < s.count else { throw fail("unclosed backquote") }
                    if s[i] == "`" {
                        if i + 1 < s.count, s[i + 1] == "`" { name.unicodeScalars.append("`"); i += 2; continue }
                        i += 1
                        break
                    }
                    name.unicodeScalars.append(s[i])
                    i += 1
                }
                out.append(.identifier(name, quoted: true))
            } else if c == "'" || c == "\"" {
                var str = ""
                i += 1
                while true {
                    guard i < s.count else { throw fail("unclosed string literal") }
                    if s[i] == "\\", i + 1 < s.count {
                        let n = s[i + 1]
                        switch n {
                        case "n": str += "\n"
                        case "t": str += "\t"
                        case "r": str += "\r"
                        case "0": str += "\0"
                        default: str.unicodeScalars.append(n)
                        }
                        i += 2
                        continue
                    }
                    if s[i] == c {
                        if i + 1 < s.count, s[i + 1] == c { str.unicodeScalars.append(c); i += 2; continue }
                        i += 1
                        break
                    }
                    str.unicodeScalars.append(s[i])
                    i += 1
                }
                out.append(.string(str))
            } else if c.properties.numericType != nil && c.isASCII || (c == "." && i + 1 < s.count && s[i + 1].isASCII && s[i + 1].properties.numericType != nil) {
                var num = ""
                while i < s.count, s[i].isASCII, s[i].properties.numericType != nil || s[i] == "." { num.unicodeScalars.append(s[i]); i += 1 }
                if i < s.count, s[i] == "e" || s[i] == "E" {
                    num += "e"
                    i += 1
                    if i < s.count, s[i] == "+" || s[i] == "-" { num.unicodeScalars.append(s[i]); i += 1 }
                    while i < s.count, s[i].isASCII, s[i].properties.numericType != nil { num.unicodeScalars.append(s[i]); i += 1 }
                }
                if i < s.count, "LlDd".unicodeScalars.contains(s[i]), !(i + 1 < s.count && (s[i + 1].properties.isAlphabetic || s[i + 1] == "_")) {
                    num.unicodeScalars.append(s[i])
                    i += 1
                }
                out.append(.number(num))
            } else if c.properties.isAlphabetic || c == "_" {
                var name = ""
                while i < s.count, s[i].properties.isAlphabetic || s[i] == "_" || (s[i].isASCII && s[i].properties.numericType != nil) {
                    name.unicodeScalars.append(s[i])
                    i += 1
                }
                out.append(.identifier(name, quoted: false))
            } else {
                let three = i + 2 < s.count ? String(String.UnicodeScalarView(s[i...i + 2])) : ""
                let two = i + 1 < s.count ? String(String.UnicodeScalarView(s[i...i + 1])) : ""
                if three == "<=>" {
                    out.append(.symbol(three)); i += 3
                } else if ["<=", ">=", "!=", "<>", "==", "||"].contains(two) {
                    out.append(.symbol(two)); i += 2
                } else if "+-*/%=<>(),.!".unicodeScalars.contains(c) {
                    out.append(.symbol(String(c))); i += 1
                } else {
                    throw fail("unexpected character '\(c)'")
                }
            }
        }
        return out
    }
}
