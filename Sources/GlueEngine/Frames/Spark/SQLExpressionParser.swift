/// The recursive-descent parser behind `SparkExpressionParser` (also usable by `spark.sql`).
/// Precedence, low to high: OR, AND, NOT, comparisons/IS/IN/LIKE/BETWEEN, `+ - ||`, `* / %`,
/// unary minus, primaries.
struct SQLExpressionParser {
    let tokens: [SQLToken]
    let text: String
    var index = 0

    init(tokens: [SQLToken], text: String) {
        self.tokens = tokens
        self.text = text
    }

    var atEnd: Bool { index >= tokens.count }

    func error(_ why: String) -> EngineError {
        let near = index < tokens.count ? " near \(Self.describe(tokens[index]))" : " at the end"
        return .transform(name: "ParseException", message: "[PARSE_SYNTAX_ERROR] Syntax error\(near): \(why) in: \(text)")
    }

    static func describe(_ t: SQLToken) -> String {
        switch t {
        case .identifier(let s, _): "'\(s)'"
        case .number(let s): "'\(s)'"
        case .string(let s): "'\(s)'"
        case .symbol(let s): "'\(s)'"
        }
    }

    // MARK: - Token helpers

    func peekKeyword(_ k: String, offset: Int = 0) -> Bool {
        guard index + offset < tokens.count, case .identifier(let s, false) = tokens[index + offset] else { return false }
        return s.uppercased() == k
    }

    mutating func keyword(_ k: String) -> Bool {
        guard peekKeyword(k) else { return false }
        index += 1
        return true
    }

    mutating func expectKeyword(_ k: String) throws(EngineError) {
        guard keyword(k) else { throw error("expected \(k)") }
    }

    func peekSymbol(_ s: String) -> Bool {
        index < tokens.count && tokens[index] == .symbol(s)
    }

    mutating func symbol(_ s: String) -> Bool {
        guard peekSymbol(s) else { return false }
        index += 1
        return true
    }

    mutating func expectSymbol(_ s: String) throws(EngineError) {
        guard symbol(s) else { throw error("expected '\(s)'") }
    }

    static let reserved: Set<String> = ["AND", "OR", "NOT", "IS", "IN", "LIKE", "RLIKE", "BETWEEN", "AS", "WHEN", "THEN",
                                        "ELSE", "END", "FROM", "WHERE", "GROUP", "ORDER", "BY", "HAVING", "LIMIT", "ON",
                                        "JOIN", "LEFT", "RIGHT", "FULL", "INNER", "OUTER", "CROSS", "SEMI", "ANTI", "UNION",
                                        "ASC", "DESC", "NULLS", "OVER", "PARTITION", "DISTINCT", "SELECT", "USING"]

    // MARK: - Grammar

    /// `expr [AS] alias`.
    mutating func parseAliased() throws(EngineError) -> ColumnExpression {
        let e = try parseExpression()
        if keyword("AS") {
            return .alias(e, try parseName())
        }
        if index < tokens.count, case .identifier(let s, let quoted) = tokens[index], quoted || !Self.reserved.contains(s.uppercased()) {
            index += 1
            return .alias(e, s)
        }
        return e
    }

    mutating func parseName() throws(EngineError) -> String {
        guard index < tokens.count, case .identifier(let s, _) = tokens[index] else { throw error("expected a name") }
        index += 1
        return s
    }

    mutating func parseExpression() throws(EngineError) -> ColumnExpression {
        var e = try parseAnd()
        while keyword("OR") { e = .binary(.or, e, try parseAnd()) }
        return e
    }

    mutating func parseAnd() throws(EngineError) -> ColumnExpression {
        var e = try parseNot()
        while keyword("AND") { e = .binary(.and, e, try parseNot()) }
        return e
    }

    mutating func parseNot() throws(EngineError) -> ColumnExpression {
        if keyword("NOT") || symbol("!") { return .unary(.not, try parseNot()) }
        return try parseComparison()
    }

    mutating func parseComparison() throws(EngineError) -> ColumnExpression {
        let e = try parseAdditive()
        let ops: [(String, ColumnBinaryOperator)] = [("<=>", .equalNullSafe), ("==", .equal), ("=", .equal), ("!=", .notEqual),
                                                    ("<>", .notEqual), ("<=", .lessEqual), (">=", .greaterEqual), ("<", .less), (">", .greater)]
        for (s, op) in ops where symbol(s) {
            return .binary(op, e, try parseAdditive())
        }
        if keyword("IS") {
            let negated = keyword("NOT")
            try expectKeyword("NULL")
            return .unary(negated ? .isNotNull : .isNull, e)
        }
        let negated = keyword("NOT")
        var result: ColumnExpression
        if keyword("IN") {
            try expectSymbol("(")
            var items: [ColumnExpression] = []
            repeat { items.append(try parseExpression()) } while symbol(",")
            try expectSymbol(")")
            result = .isIn(e, items)
        } else if peekKeyword("LIKE") || peekKeyword("RLIKE") || peekKeyword("REGEXP") {
            let regex = !peekKeyword("LIKE")
            index += 1
            guard index < tokens.count, case .string(let pattern) = tokens[index] else { throw error("expected a pattern string") }
            index += 1
            result = .like(e, pattern: pattern, regex: regex)
        } else if keyword("BETWEEN") {
            let lo = try parseAdditive()
            try expectKeyword("AND")
            result = .between(e, lo, try parseAdditive())
        } else {
            if negated { throw error("expected IN, LIKE or BETWEEN after NOT") }
            return e
        }
        return negated ? .unary(.not, result) : result
    }

    mutating func parseAdditive() throws(EngineError) -> ColumnExpression {
        var e = try parseMultiplicative()
        while true {
            if symbol("+") { e = .binary(.add, e, try parseMultiplicative()) }
            else if symbol("-") { e = .binary(.subtract, e, try parseMultiplicative()) }
            else if symbol("||") { e = .function("concat", [e, try parseMultiplicative()]) }
            else { return e }
        }
    }

    mutating func parseMultiplicative() throws(EngineError) -> ColumnExpression {
        var e = try parseUnary()
        while true {
            if symbol("*") { e = .binary(.multiply, e, try parseUnary()) }
            else if symbol("/") { e = .binary(.divide, e, try parseUnary()) }
            else if symbol("%") { e = .binary(.modulo, e, try parseUnary()) }
            else { return e }
        }
    }

    mutating func parseUnary() throws(EngineError) -> ColumnExpression {
        if symbol("-") {
            let inner = try parseUnary()
            if case .literal(let v) = inner {
                switch v {
                case .int(let i): return .literal(.int(0 &- i))
                case .long(let l): return .literal(.long(0 &- l))
                case .double(let d): return .literal(.double(-d))
                case .decimal(var d): d.unscaled = -d.unscaled; return .literal(.decimal(d))
                default: break
                }
            }
            return .unary(.negate, inner)
        }
        if symbol("+") { return try parseUnary() }
        return try parsePrimary()
    }

    mutating func parsePrimary() throws(EngineError) -> ColumnExpression {
        guard index < tokens.count else { throw error("expected an expression") }
        let token = tokens[index]
        index += 1
        switch token {
        case .number(let n): return try Self.number(n, parser: self)
        case .string(let s): return .literal(.string(s))
        case .symbol("("):
            let e = try parseExpression()
            try expectSymbol(")")
            return e
        case .symbol("*"):
            return .star
        case .identifier(let name, let quoted):
            if !quoted {
                switch name.uppercased() {
                case "NULL": return .literal(.null)
                case "TRUE": return .literal(.boolean(true))
                case "FALSE": return .literal(.boolean(false))
                case "CAST" where peekSymbol("("):
                    index += 1
                    let e = try parseExpression()
                    try expectKeyword("AS")
                    let start = index
                    var depth = 0
                    while index < tokens.count, !(depth == 0 && tokens[index] == .symbol(")")) {
                        if tokens[index] == .symbol("(") || tokens[index] == .symbol("<") { depth += 1 }
                        if tokens[index] == .symbol(")") || tokens[index] == .symbol(">") { depth -= 1 }
                        index += 1
                    }
                    let typeText = tokens[start..<index].map { t -> String in
                        switch t {
                        case .identifier(let s, _), .number(let s), .symbol(let s): return s
                        case .string(let s): return s
                        }
                    }.joined(separator: " ")
                    try expectSymbol(")")
                    return .cast(e, try SparkTypes.parse(typeText))
                case "CASE":
                    return try parseCase()
                case "DATE", "TIMESTAMP":
                    if index < tokens.count, case .string(let s) = tokens[index] {
                        index += 1
                        return .cast(.literal(.string(s)), name.uppercased() == "DATE" ? .date : .timestamp)
                    }
                case "CURRENT_DATE", "CURRENT_TIMESTAMP":
                    if !peekSymbol("(") { return .function(name.lowercased(), []) }
                default: break
                }
                if peekSymbol("(") {
                    index += 1
                    return try parseCall(name)
                }
            }
            var path = name
            while peekSymbol("."), index + 1 < tokens.count {
                index += 1
                if symbol("*") { return .column(path + ".*") }
                path += "." + (try parseName())
            }
            return .column(path)
        default:
            index -= 1
            throw error("expected an expression")
        }
    }

    static func number(_ n: String, parser: SQLExpressionParser) throws(EngineError) -> ColumnExpression {
        let lower = n.lowercased()
        if lower.hasSuffix("l"), let v = Int64(n.dropLast()) { return .literal(.long(v)) }
        if lower.hasSuffix("d"), let v = Double(n.dropLast()) { return .literal(.double(v)) }
        if lower.contains("e"), let v = Double(n) { return .literal(.double(v)) }
        if !n.contains(".") {
            if let v = Int32(n) { return .literal(.int(v)) }
            if let v = Int64(n) { return .literal(.long(v)) }
        }
        let digits = n.filter(\.isNumber)
        let scale = n.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first?.count ?? 0
        let precision = max(digits.drop { $0 == "0" }.count, scale, 1)
        if precision <= 18, let d = DecimalValue(parsing: n, precision: precision, scale: scale) { return .literal(.decimal(d)) }
        if let v = Double(n) { return .literal(.double(v)) }
        throw parser.error("not a number")
    }

    mutating func parseCase() throws(EngineError) -> ColumnExpression {
        var operand: ColumnExpression?
        if !peekKeyword("WHEN") { operand = try parseExpression() }
        var branches: [WhenBranch] = []
        while keyword("WHEN") {
            var cond = try parseExpression()
            if let operand { cond = .binary(.equal, operand, cond) }
            try expectKeyword("THEN")
            branches.append(WhenBranch(condition: cond, value: try parseExpression()))
        }
        guard !branches.isEmpty else { throw error("expected WHEN") }
        let otherwise: ColumnExpression? = keyword("ELSE") ? try parseExpression() : nil
        try expectKeyword("END")
        return .when(branches, otherwise: otherwise)
    }

    mutating func parseCall(_ name: String) throws(EngineError) -> ColumnExpression {
        let lower = name.lowercased()
        let distinct = keyword("DISTINCT")
        var args: [ColumnExpression] = []
        if !symbol(")") {
            repeat { args.append(try parseExpression()) } while symbol(",")
            try expectSymbol(")")
        }
        var e: ColumnExpression
        let aggregates: [String: AggregateFunction] = ["sum": .sum, "avg": .avg, "mean": .avg, "min": .min, "max": .max,
                                                        "count": .count, "first": .first, "last": .last,
                                                        "collect_list": .collectList, "collect_set": .collectSet]
        if let f = aggregates[lower] {
            guard args.count == 1 || (f == .count && args.count >= 1) else { throw error("\(lower) takes one argument") }
            let arg: ColumnExpression? = args[0] == .star ? nil : args[0]
            e = .aggregate(f, f == .count && arg == .literal(.int(1)) ? nil : arg, distinct: distinct)
        } else if let r = RankingFunction(rawValue: lower) {
            e = .ranking(r)
        } else {
            e = .function(lower, args)
        }
        if keyword("OVER") {
            try expectSymbol("(")
            var spec = WindowSpec()
            if keyword("PARTITION") {
                try expectKeyword("BY")
                repeat { spec.partitionBy.append(try parseExpression()) } while symbol(",")
            }
            if keyword("ORDER") {
                try expectKeyword("BY")
                spec.orderBy = try parseSortOrders()
            }
            try expectSymbol(")")
            e = .window(e, spec)
        }
        return e
    }

    /// `expr [ASC|DESC] [NULLS FIRST|LAST], ...`.
    mutating func parseSortOrders() throws(EngineError) -> [SortOrder] {
        var out: [SortOrder] = []
        repeat {
            let e = try parseExpression()
            var ascending = true
            if keyword("DESC") { ascending = false } else { _ = keyword("ASC") }
            var nullsFirst: Bool?
            if keyword("NULLS") {
                if keyword("FIRST") { nullsFirst = true } else { try expectKeyword("LAST"); nullsFirst = false }
            }
            out.append(SortOrder(e, ascending: ascending, nullsFirst: nullsFirst))
        } while symbol(",")
        return out
    }
}
