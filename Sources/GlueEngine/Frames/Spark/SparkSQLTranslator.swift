/// Translates the Spark SQL subset `spark.sql` accepts into SQLite's dialect, or refuses a
/// construct with its name and position.
///
/// What is translated: backquoted names (→ `"name"`), `"text"` strings (Spark's default reads
/// them as strings), typed literals (`DATE '2024-01-01'`), literal suffixes (`10L`, `2.5D`),
/// `/` (always a fractional division in Spark), `<=>` (→ `IS`), `RLIKE`/`REGEXP`, `MINUS`,
/// `SORT BY` (one partition here, so `ORDER BY`), `CAST`/`TRY_CAST` (Spark's casts: a text
/// that is not a number casts to null), `concat`, `if`, `nvl`, `nvl2`, `mean`, `substring`;
/// the other supported functions run as registered functions with Spark's semantics
/// (``SparkSQLFunctions``). Everything else Spark SQL has and gluelab does not is refused.
struct SparkSQLTranslator {
    let tokens: [SparkSQLToken]
    /// Token indexes after which the outermost select list gets `AS "name"` (Spark's generated
    /// name of an unaliased expression, so SQLite does not name it after the translated text).
    private(set) var aliases: [Int: String] = [:]
    /// The outermost select list: the name of each item and its tokens.
    private(set) var selectItems: [(name: String?, tokens: ArraySlice<SparkSQLToken>)] = []

    /// Indexes of the names a `WITH` clause defines (`WITH a AS (...), b(x, y) AS (...)`).
    let cteNames: Set<Int>

    init(tokens: [SparkSQLToken]) {
        self.tokens = tokens
        var names: Set<Int> = []
        var i = 0
        while i < tokens.count {
            guard tokens[i].isKeyword("WITH") else { i += 1; continue }
            i += 1
            if i < tokens.count && tokens[i].isKeyword("RECURSIVE") { i += 1 }
            while i < tokens.count && tokens[i].isName {
                names.insert(i)
                i += 1
                // Skip an optional column list, then `AS ( ... )`.
                for _ in 0..<2 {
                    if i < tokens.count && tokens[i].isKeyword("AS") { i += 1 }
                    guard i < tokens.count, tokens[i].isSymbol("(") else { break }
                    var depth = 0
                    repeat {
                        if tokens[i].isSymbol("(") { depth += 1 }
                        if tokens[i].isSymbol(")") { depth -= 1 }
                        i += 1
                    } while i < tokens.count && depth > 0
                }
                guard i < tokens.count, tokens[i].isSymbol(",") else { break }
                i += 1
            }
        }
        cteNames = names
    }

    /// Statements spark.sql refuses (spark.sql runs one query here).
    static let statementKeywords: Set<String> = [
        "INSERT", "CREATE", "DROP", "DELETE", "UPDATE", "ALTER", "MERGE", "TRUNCATE", "CACHE", "UNCACHE",
        "SET", "RESET", "SHOW", "DESCRIBE", "DESC", "EXPLAIN", "USE", "REFRESH", "ANALYZE", "LOAD", "ATTACH",
        "DETACH", "PRAGMA", "VACUUM", "REPLACE", "MSCK", "ADD", "LIST", "BEGIN", "COMMIT", "ROLLBACK", "GRANT",
        "REVOKE", "REINDEX", "CLEAR",
    ]

    /// Clauses Spark SQL has that gluelab's spark.sql does not translate, with advice.
    static let refusedKeywords: [String: String] = [
        "LATERAL": "LATERAL VIEW is not supported by gluelab's spark.sql; explode arrays with the DataFrame API or Relationalize",
        "PIVOT": "PIVOT is not supported by gluelab's spark.sql; use GROUP BY with CASE WHEN ... THEN ... END per value",
        "UNPIVOT": "UNPIVOT is not supported by gluelab's spark.sql; use UNION ALL of one SELECT per column",
        "TRANSFORM": "TRANSFORM (script transforms) is not supported by gluelab's spark.sql",
        "TABLESAMPLE": "TABLESAMPLE is not supported by gluelab's spark.sql; use LIMIT",
        "DISTRIBUTE": "DISTRIBUTE BY is not supported by gluelab's spark.sql (one partition here); use ORDER BY",
        "CLUSTER": "CLUSTER BY is not supported by gluelab's spark.sql (one partition here); use ORDER BY",
        "INTERVAL": "INTERVAL literals are not supported by gluelab's spark.sql; use date_add(d, n) / date_sub(d, n)",
        "SEMI": "LEFT SEMI JOIN is not supported by gluelab's spark.sql; use WHERE EXISTS (SELECT 1 FROM ... WHERE ...)",
        "ANTI": "LEFT ANTI JOIN is not supported by gluelab's spark.sql; use WHERE NOT EXISTS (SELECT 1 FROM ... WHERE ...)",
        "GROUPING": "GROUPING SETS are not supported by gluelab's spark.sql; use UNION ALL of GROUP BY queries",
        "ROLLUP": "ROLLUP is not supported by gluelab's spark.sql; use UNION ALL of GROUP BY queries",
        "CUBE": "CUBE is not supported by gluelab's spark.sql; use UNION ALL of GROUP BY queries",
        "QUALIFY": "QUALIFY is not supported by gluelab's spark.sql; filter a window result in an outer query",
    ]

    /// Keywords that may stand before `(` without being a function call.
    static let nonFunctionWords: Set<String> = [
        "IN", "EXISTS", "OVER", "AS", "ON", "USING", "AND", "OR", "NOT", "FROM", "JOIN", "WHERE", "SELECT",
        "VALUES", "WHEN", "THEN", "ELSE", "BY", "HAVING", "ALL", "DISTINCT", "ANY", "SOME", "UNION", "INTERSECT",
        "EXCEPT", "MINUS", "LIMIT", "WITH", "CASE", "IS", "LIKE", "RLIKE", "REGEXP", "BETWEEN", "WINDOW", "OFFSET",
        "ROWS", "RANGE", "PARTITION", "ORDER", "GROUP", "END", "OUTER", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
    ]

    /// The SQLite text of the query.
    mutating func translate() throws(EngineError) -> String {
        try checkStatement()
        findSelectList()
        var out = SQLText()
        try translate(tokens.indices, into: &out, topLevel: true)
        return out.text
    }

    /// Refuses anything but one query.
    private func checkStatement() throws(EngineError) {
        guard let first = tokens.first else {
            throw .transform(name: "ParseException", message: "empty query: spark.sql needs a SELECT")
        }
        if let semi = tokens.firstIndex(where: { $0.isSymbol(";") }), semi != tokens.count - 1 {
            throw .unsupported(what: "spark.sql: ';' (\(tokens[semi].position))",
                               reason: "spark.sql runs one statement; call it once per query")
        }
        let k = first.keyword
        if Self.statementKeywords.contains(k) {
            throw .unsupported(what: "spark.sql: \(k) (\(first.position))",
                               reason: "gluelab's spark.sql runs queries only (SELECT, or WITH ... SELECT); "
                                   + "write data with df.write or glueContext.write_dynamic_frame, register views with df.createOrReplaceTempView")
        }
        guard k == "SELECT" || k == "WITH" || k == "FROM" || k == "VALUES" || first.isSymbol("(") else {
            throw .transform(name: "ParseException", message: "mismatched input '\(first.text)' expecting SELECT or WITH (\(first.position))")
        }
    }

    /// Finds the outermost query's select list (its first `SELECT` outside parentheses), the
    /// names of its items, and where to add aliases.
    private mutating func findSelectList() {
        var depth = 0
        var start: Int?
        for (i, t) in tokens.enumerated() {
            if t.isSymbol("(") { depth += 1 } else if t.isSymbol(")") { depth -= 1 }
            if depth == 0 && t.isKeyword("SELECT") { start = i + 1; break }
        }
        guard var i = start else { return }
        if i < tokens.count && (tokens[i].isKeyword("DISTINCT") || tokens[i].isKeyword("ALL")) { i += 1 }
        let ends: Set<String> = ["FROM", "WHERE", "GROUP", "HAVING", "ORDER", "LIMIT", "UNION", "INTERSECT", "EXCEPT",
                                 "MINUS", "WINDOW", "SORT", "CLUSTER", "DISTRIBUTE", "LATERAL"]
        var itemStart = i
        depth = 0
        var items: [Range<Int>] = []
        while i < tokens.count {
            let t = tokens[i]
            if t.isSymbol("(") || t.isKeyword("CASE") { depth += 1 }
            if t.isSymbol(")") || t.isKeyword("END") { depth -= 1 }
            if depth < 0 || (depth == 0 && (ends.contains(t.keyword) || t.isSymbol(";"))) { break }
            if depth == 0 && t.isSymbol(",") {
                items.append(itemStart..<i)
                itemStart = i + 1
            }
            i += 1
        }
        items.append(itemStart..<i)
        for range in items where !range.isEmpty {
            let item = tokens[range]
            if let alias = Self.alias(of: item) {
                let asKeyword = item[item.endIndex - 2].isKeyword("AS")
                selectItems.append((alias, item.dropLast(asKeyword ? 2 : 1)))
            } else if Self.isBareColumn(item) || item.last?.isSymbol("*") == true {
                selectItems.append((item.last?.text, item))
            } else {
                let name = Self.generatedName(item)
                aliases[range.upperBound - 1] = name
                selectItems.append((name, item))
            }
        }
    }

    /// The alias of a select item: `expr AS name` or `expr name`.
    static func alias(of item: ArraySlice<SparkSQLToken>) -> String? {
        guard item.count >= 2, let last = item.last, last.isName else { return nil }
        let prev = item[item.endIndex - 2]
        if prev.isKeyword("AS") { return last.text }
        if last.kind == .word && ["END", "NULL", "TRUE", "FALSE"].contains(last.keyword) { return nil }
        if prev.isSymbol(")") || prev.kind == .number || prev.kind == .string || prev.isKeyword("END") { return last.text }
        let operators: Set<String> = ["NOT", "AND", "OR", "IS", "LIKE", "RLIKE", "REGEXP", "IN", "CASE", "WHEN", "THEN",
                                      "ELSE", "BETWEEN", "DISTINCT", "DATE", "TIMESTAMP", "INTERVAL"]
        if prev.isName && !operators.contains(prev.keyword) { return last.text }
        return nil
    }

    /// `name` or `t.name`.
    static func isBareColumn(_ item: ArraySlice<SparkSQLToken>) -> Bool {
        let t = Array(item)
        if t.count == 1 { return t[0].isName && !["NULL", "TRUE", "FALSE"].contains(t[0].keyword) }
        return t.count == 3 && t[0].isName && t[1].isSymbol(".") && t[2].isName
    }

    /// Spark's name for an unaliased expression, approximated: the text as written with
    /// function names lower-cased, `count(*)` as `count(1)`, and a top-level operator
    /// expression in parentheses (`(price * 2)`).
    static func generatedName(_ item: ArraySlice<SparkSQLToken>) -> String {
        let t = Array(item)
        var s = ""
        var hasOperator = false
        var depth = 0
        for (i, tok) in t.enumerated() {
            let next = i + 1 < t.count ? t[i + 1] : nil
            var text: String
            switch tok.kind {
            case .string: text = tok.text
            case .quotedName: text = tok.text
            case .number: text = stripSuffix(tok.text)
            case .word:
                text = next?.isSymbol("(") == true && !nonFunctionWords.contains(tok.keyword) ? tok.text.lowercased() : tok.text
            case .symbol: text = tok.text
            }
            if tok.isSymbol("*") && i > 0 && t[i - 1].isSymbol("(") && i >= 2 && t[i - 2].isKeyword("count") { text = "1" }
            if tok.isSymbol("(") { depth += 1 }
            if tok.isSymbol(")") { depth -= 1 }
            if depth == 0 && tok.kind == .symbol && !["(", ")", ".", ","].contains(tok.text) && i > 0 { hasOperator = true }
            let noSpaceBefore = tok.isSymbol(")") || tok.isSymbol(",") || tok.isSymbol(".") || tok.isSymbol("(")
                || (i > 0 && (t[i - 1].isSymbol("(") || t[i - 1].isSymbol(".")))
            if !s.isEmpty && !noSpaceBefore { s += " " }
            s += text
        }
        return hasOperator ? "(\(s))" : s
    }

    static func stripSuffix(_ number: String) -> String {
        var n = number
        if n.uppercased().hasSuffix("BD") { n.removeLast(2); return n }
        if let last = n.last, "LlSsYyDdFf".contains(last) { n.removeLast() }
        return n
    }

    /// The index of the `)` matching the `(` at `open`.
    func closing(_ open: Int) throws(EngineError) -> Int {
        var depth = 0
        var i = open
        while i < tokens.count {
            if tokens[i].isSymbol("(") { depth += 1 }
            if tokens[i].isSymbol(")") { depth -= 1; if depth == 0 { return i } }
            i += 1
        }
        throw .transform(name: "ParseException", message: "unbalanced parenthesis (\(tokens[open].position))")
    }

    /// The argument ranges of the call whose `(` is at `open` and `)` at `close`.
    func arguments(_ open: Int, _ close: Int) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var depth = 0
        var start = open + 1
        for i in (open + 1)..<close {
            if tokens[i].isSymbol("(") { depth += 1 }
            if tokens[i].isSymbol(")") { depth -= 1 }
            if depth == 0 && tokens[i].isSymbol(",") { result.append(start..<i); start = i + 1 }
        }
        if start < close || !result.isEmpty { result.append(start..<close) }
        return result
    }

    /// Translates `range` into `out`.
    func translate(_ range: Range<Int>, into out: inout SQLText, topLevel: Bool = false) throws(EngineError) {
        var i = range.lowerBound
        while i < range.upperBound {
            let t = tokens[i]
            let next = i + 1 < range.upperBound ? tokens[i + 1] : nil
            var last = i
            switch t.kind {
            case .string:
                out.append(SQLText.quoteString(t.text))
            case .quotedName:
                out.append(SQLText.quoteName(t.text))
            case .number:
                out.append(Self.stripSuffix(t.text))
            case .symbol:
                switch t.text {
                case "/": out.append("* 1.0 /")
                case "<=>": out.append("IS")
                case "!": out.append("NOT")
                case "&&", "::", "[", "]", "^", "~", "&", "|", ":":
                    throw .unsupported(what: "spark.sql: '\(t.text)' (\(t.position))", reason: "this operator is not supported by gluelab's spark.sql")
                case ";": break
                default: out.append(t.text, glue: t.text == "." || t.text == ")" || t.text == ",")
                }
            case .word:
                let k = t.keyword
                if let reason = Self.refusedKeywords[k] {
                    throw .unsupported(what: "spark.sql: \(k) (\(t.position))", reason: reason)
                }
                if next?.isSymbol("(") == true && !Self.nonFunctionWords.contains(k) && !(i > 0 && tokens[i - 1].isSymbol(".")) {
                    let close = try closing(i + 1)
                    if cteNames.contains(i) {
                        // A CTE with a column list: `WITH t(a, b) AS (...)`.
                        out.append(SQLText.quoteName(t.text))
                        try translate((i + 1)..<(close + 1), into: &out)
                    } else {
                        try SparkSQLCalls.translate(call: i, close: close, with: self, into: &out)
                    }
                    last = close
                } else if (k == "DATE" || k == "TIMESTAMP"), let n = next, n.kind == .string {
                    out.append(SQLText.quoteString(try SparkSQLCalls.typedLiteral(k, n)))
                    last = i + 1
                } else if k == "RLIKE" || k == "REGEXP" {
                    out.append("REGEXP")
                } else if k == "MINUS" {
                    out.append("EXCEPT")
                } else if k == "DIV" {
                    out.append("/")
                } else if k == "SORT", next?.isKeyword("BY") == true {
                    out.append("ORDER")
                } else if k == "LEFT" || k == "RIGHT" || k == "FULL" || k == "CROSS" || k == "INNER" || k == "JOIN" {
                    if let n = next, n.isKeyword("SEMI") || n.isKeyword("ANTI") {
                        throw .unsupported(what: "spark.sql: \(k) \(n.keyword) JOIN (\(t.position))", reason: Self.refusedKeywords[n.keyword]!)
                    }
                    out.append(t.text)
                } else {
                    out.append(t.text, glue: i > range.lowerBound && tokens[i - 1].isSymbol("."))
                }
            }
            if topLevel, let alias = aliases[last] { out.append("AS " + SQLText.quoteName(alias)) }
            i = last + 1
        }
    }
}

/// SQL text being built, with spaces between tokens where they read well.
struct SQLText {
    private(set) var text = ""

    mutating func append(_ s: String, glue: Bool = false) {
        if !text.isEmpty && !glue && !text.hasSuffix("(") && !text.hasSuffix(".") { text += " " }
        text += s
    }

    static func quoteString(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    static func quoteName(_ s: String) -> String { "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
