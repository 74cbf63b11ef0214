/// Function calls in spark.sql: which Spark functions run (as SQLite's own or as registered
/// functions with Spark's semantics), which are rewritten, which are refused, and the Spark
/// type each returns (for result columns that are not a bare column reference).
enum SparkSQLCalls {
    /// Functions whose SQLite built-in behaves as Spark's for the values loaded here.
    static let sqliteBuiltins: Set<String> = [
        "count", "sum", "avg", "min", "max", "abs", "substr", "coalesce", "nullif", "upper", "lower", "trim", "ltrim", "rtrim",
        "length", "replace", "round", "instr", "ifnull", "row_number", "rank", "dense_rank", "ntile", "lag", "lead",
        "first_value", "last_value", "percent_rank", "cume_dist",
    ]

    /// Spark names that are another function here.
    static let renamed: [String: String] = [
        "mean": "avg", "substring": "substr", "nvl": "ifnull", "char_length": "length", "character_length": "length",
        "lcase": "lower", "ucase": "upper", "current_date": "spark_current_date", "current_timestamp": "spark_current_timestamp", "day": "dayofmonth", "power": "pow", "ceiling": "ceil", "std": "stddev",
    ]

    /// Spark functions gluelab's spark.sql knows and does not run, with advice.
    static let refused: [String: String] = {
        var r: [String: String] = [:]
        for f in ["explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "inline_outer", "stack"] {
            r[f] = "generator functions are not supported by gluelab's spark.sql; use the DataFrame API or Relationalize"
        }
        for f in ["collect_list", "collect_set", "array", "array_contains", "size", "split", "map", "struct", "named_struct",
                  "from_json", "to_json", "get_json_object", "element_at", "sort_array", "array_distinct", "flatten",
                  "transform", "filter", "aggregate", "map_keys", "map_values", "arrays_zip"] {
            r[f] = "arrays, maps and structs are not supported by gluelab's spark.sql (its columns are atomic)"
        }
        for f in ["percentile", "percentile_approx", "approx_count_distinct", "corr", "covar_pop", "covar_samp",
                  "monotonically_increasing_id", "input_file_name", "rand", "randn", "uuid", "md5", "sha1", "sha2", "hash",
                  "crc32", "base64", "unbase64", "window", "from_unixtime", "unix_timestamp", "to_utc_timestamp",
                  "from_utc_timestamp", "add_months", "months_between", "last_day", "next_day", "trunc", "date_trunc",
                  "weekofyear", "format_number", "format_string", "printf", "translate", "levenshtein", "soundex",
                  "reverse", "repeat", "locate", "position", "substring_index", "overlay", "ascii", "chr", "bin", "hex",
                  "unhex", "conv", "bround", "any_value", "bool_and", "bool_or", "every", "some", "count_if", "max_by",
                  "min_by"] {
            r[f] = "this function is not supported by gluelab's spark.sql"
        }
        return r
    }()

    /// Translates the call at `name` (its `(` is the next token, its `)` at `close`).
    static func translate(call name: Int, close: Int, with tr: SparkSQLTranslator, into out: inout SQLText) throws(EngineError) {
        let tok = tr.tokens[name]
        var fn = tok.text.lowercased()
        let args = tr.arguments(name + 1, close)
        func arg(_ r: Range<Int>) throws(EngineError) -> String {
            var t = SQLText()
            try tr.translate(r, into: &t)
            return t.text
        }
        func need(_ n: ClosedRange<Int>) throws(EngineError) {
            guard n.contains(args.count) else {
                let expected = n.lowerBound == n.upperBound ? "\(n.lowerBound)" : "\(n.lowerBound) to \(n.upperBound)"
                throw .transform(name: "AnalysisException",
                                 message: "Invalid number of arguments for function \(fn). Expected: \(expected); Found: \(args.count); \(tok.position)")
            }
        }
        if let reason = refused[fn] {
            throw .unsupported(what: "spark.sql: \(fn) (\(tok.position))", reason: reason)
        }
        fn = renamed[fn] ?? fn
        switch fn {
        case "concat":
            try need(1...Int.max)
            var parts: [String] = []
            for a in args { parts.append(try arg(a)) }
            out.append("(" + parts.joined(separator: " || ") + ")")
        case "if", "iif":
            try need(3...3)
            out.append("(CASE WHEN \(try arg(args[0])) THEN \(try arg(args[1])) ELSE \(try arg(args[2])) END)")
        case "nvl2":
            try need(3...3)
            out.append("(CASE WHEN \(try arg(args[0])) IS NOT NULL THEN \(try arg(args[1])) ELSE \(try arg(args[2])) END)")
        case "cast", "try_cast":
            guard let asIndex = (name + 2..<close).last(where: { tr.tokens[$0].isKeyword("AS") }) else {
                throw .transform(name: "ParseException", message: "CAST needs AS <type> (\(tok.position))")
            }
            let type = try castType(tr.tokens[(asIndex + 1)..<close], at: tok)
            out.append("spark_cast(\(try arg((name + 2)..<asIndex)), \(SQLText.quoteString(type.typeName)))")
        default:
            guard sqliteBuiltins.contains(fn) || SparkSQLFunctions.names.contains(fn) else {
                throw .transform(name: "AnalysisException",
                                 message: "Undefined function: '\(tok.text)'. This function is neither a registered temporary function "
                                     + "nor a permanent function registered in the database 'default'.; \(tok.position)")
            }
            var inner = SQLText()
            try tr.translate((name + 2)..<close, into: &inner)
            out.append(fn + "(" + inner.text + ")")
        }
    }

    /// The type of `CAST(x AS type)`.
    static func castType(_ tokens: ArraySlice<SparkSQLToken>, at tok: SparkSQLToken) throws(EngineError) -> DataType {
        let text = tokens.map { $0.kind == .number ? SparkSQLTranslator.stripSuffix($0.text) : $0.text }.joined().lowercased()
        if text.hasPrefix("varchar(") || text.hasPrefix("char(") { return .string }
        switch text {
        case "string", "int", "integer", "bigint", "long", "smallint", "short", "tinyint", "byte", "double", "float",
             "real", "boolean", "date", "timestamp":
            if let t = DataType(parsing: text) { return t }
        default:
            if text.hasPrefix("decimal"), let t = DataType(parsing: text) { return t }
            if text == "dec" { return .decimal(precision: 10, scale: 0) }
        }
        if text.hasPrefix("decimal") {
            throw .unsupported(what: "spark.sql: CAST AS \(text) (\(tok.position))", reason: "decimals up to 18 digits are supported")
        }
        throw .unsupported(what: "spark.sql: CAST AS \(text) (\(tok.position))",
                           reason: "casts to string, int, bigint, smallint, tinyint, double, float, decimal(p,s), boolean, date and timestamp are supported")
    }

    /// The text stored for `DATE '...'` / `TIMESTAMP '...'`.
    static func typedLiteral(_ kind: String, _ literal: SparkSQLToken) throws(EngineError) -> String {
        if kind == "DATE", let d = SparkSQLDates.parseDate(literal.text) { return SparkSQLDates.dateText(d) }
        if kind == "TIMESTAMP", let t = SparkSQLDates.parseTimestamp(literal.text) { return SparkSQLDates.timestampText(t) }
        throw .transform(name: "ParseException", message: "Cannot parse the \(kind) value: \(literal.text) (\(literal.position))")
    }

    /// The Spark type a call returns, when it is known from its name (and, for `sum`, `min`,
    /// `max`, `round`, `abs`, `coalesce`, the type of a column argument, from `columnType`).
    static func resultType(of item: ArraySlice<SparkSQLToken>, columnType: (String) -> DataType?) -> DataType? {
        let t = Array(item)
        guard t.count >= 3, t[0].kind == .word, t[1].isSymbol("("), t.last?.isSymbol(")") == true else {
            return isPredicate(t) ? .boolean : nil
        }
        // The call must span the whole item (a window function's OVER (...) may follow it).
        var depth = 0
        for (i, tok) in t.enumerated() {
            if tok.isSymbol("(") { depth += 1 }
            if tok.isSymbol(")") {
                depth -= 1
                if depth == 0 && i != t.count - 1 {
                    guard t[i + 1].isKeyword("OVER") else { return isPredicate(t) ? .boolean : nil }
                    break
                }
            }
        }
        let fn = renamed[t[0].text.lowercased()] ?? t[0].text.lowercased()
        var argColumn: DataType? {
            var i = 2
            if t[i].isKeyword("DISTINCT") { i += 1 }
            if t[i].isName, i + 1 < t.count, t[i + 1].isSymbol(")") || t[i + 1].isSymbol(",") { return columnType(t[i].text) }
            if t[i].isName, i + 3 < t.count, t[i + 1].isSymbol("."), t[i + 2].isName,
               t[i + 3].isSymbol(")") || t[i + 3].isSymbol(",") { return columnType(t[i + 2].text) }
            return nil
        }
        switch fn {
        case "count": return .long
        case "avg", "stddev", "stddev_samp", "stddev_pop", "variance", "var_samp", "var_pop", "sqrt", "exp", "ln", "log10",
             "pow", "signum", "percent_rank", "cume_dist":
            return .double
        case "year", "month", "dayofmonth", "hour", "minute", "second", "dayofweek", "dayofyear", "quarter", "length", "instr",
             "row_number", "rank", "dense_rank", "ntile", "datediff":
            return .int
        case "to_date", "spark_current_date", "date_add", "date_sub": return .date
        case "to_timestamp", "spark_current_timestamp": return .timestamp
        case "upper", "lower", "trim", "ltrim", "rtrim", "concat", "concat_ws", "substr", "date_format", "regexp_replace",
             "regexp_extract", "lpad", "rpad", "initcap", "replace":
            return .string
        case "floor", "ceil": return .long
        case "cast", "try_cast":
            guard let asIndex = t.lastIndex(where: { $0.isKeyword("AS") }) else { return nil }
            return try? castType(t[(asIndex + 1)..<(t.count - 1)], at: t[0])
        case "sum":
            switch argColumn {
            case .byte?, .short?, .int?, .long?: return .long
            case .float?, .double?: return .double
            case .decimal(let p, let s)?: return .decimal(precision: min(18, p + 10), scale: s)
            default: return nil
            }
        case "min", "max", "first", "last", "round", "abs", "coalesce", "ifnull", "first_value", "last_value", "lag", "lead",
             "greatest", "least":
            return argColumn
        case "regexp", "rlike": return .boolean
        default: return nil
        }
    }

    /// True when `t` is, at its top level, a comparison or a boolean operator.
    static func isPredicate(_ t: [SparkSQLToken]) -> Bool {
        var depth = 0
        for tok in t {
            if tok.isSymbol("(") || tok.isKeyword("CASE") { depth += 1 }
            if tok.isSymbol(")") || tok.isKeyword("END") { depth -= 1 }
            guard depth == 0 else { continue }
            if tok.kind == .symbol, ["=", "==", "!=", "<>", "<", ">", "<=", ">=", "<=>"].contains(tok.text) { return true }
            if ["AND", "OR", "NOT", "IS", "LIKE", "RLIKE", "REGEXP", "IN", "BETWEEN", "EXISTS"].contains(tok.keyword) { return true }
        }
        return false
    }
}
