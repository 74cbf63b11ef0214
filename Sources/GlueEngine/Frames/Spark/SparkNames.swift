/// The names Spark gives expression columns: `(price * 2)`, `sum(qty)`, `count(1)`,
/// `upper(name)`, `CAST(a AS DOUBLE)`, `CASE WHEN (a > 1) THEN x ELSE y END`.
enum SparkNames {
    static func name(_ e: ColumnExpression) -> String {
        switch e {
        case .column(let n, _):
            return n.split(separator: ".").last.map(String.init) ?? n
        case .star:
            return "*"
        case .literal(let v):
            return literal(v)
        case .alias(_, let n):
            return n
        case .cast(let inner, let t):
            return "CAST(\(name(inner)) AS \(SparkTypes.sqlName(t)))"
        case .unary(let op, let inner):
            switch op {
            case .negate: return "(- \(name(inner)))"
            case .not: return "(NOT \(name(inner)))"
            case .isNull: return "(\(name(inner)) IS NULL)"
            case .isNotNull: return "(\(name(inner)) IS NOT NULL)"
            }
        case .binary(let op, let l, let r):
            if op == .notEqual { return "(NOT (\(name(l)) = \(name(r))))" }
            return "(\(name(l)) \(op.rawValue) \(name(r)))"
        case .isIn(let x, let list):
            return "(\(name(x)) IN (\(list.map(name).joined(separator: ", "))))"
        case .like(let x, let pattern, let regex):
            return regex ? "RLIKE(\(name(x)), \(pattern))" : "\(name(x)) LIKE \(pattern)"
        case .between(let x, let lo, let hi):
            return "((\(name(x)) >= \(name(lo))) AND (\(name(x)) <= \(name(hi))))"
        case .when(let branches, let otherwise):
            var s = "CASE"
            for b in branches { s += " WHEN \(name(b.condition)) THEN \(name(b.value))" }
            if let otherwise { s += " ELSE \(name(otherwise))" }
            return s + " END"
        case .function(let f, let args):
            return function(f.lowercased(), args.map(name))
        case .aggregate(let f, let arg, let distinct):
            var shown = "1"
            if let arg, arg != .star { shown = name(arg) }
            return "\(f.rawValue)(\(distinct ? "DISTINCT " : "")\(shown))"
        case .window(let inner, let spec):
            return "\(name(inner)) OVER (\(window(spec, ranking: isRanking(inner))))"
        case .ranking(let r):
            return "\(r.rawValue)()"
        }
    }

    private static func isRanking(_ e: ColumnExpression) -> Bool {
        if case .ranking = e { return true }
        return false
    }

    static func window(_ spec: WindowSpec, ranking: Bool) -> String {
        var parts: [String] = []
        if !spec.partitionBy.isEmpty { parts.append("PARTITION BY " + spec.partitionBy.map(name).joined(separator: ", ")) }
        if !spec.orderBy.isEmpty { parts.append("ORDER BY " + spec.orderBy.map(sortOrder).joined(separator: ", ")) }
        if ranking {
            parts.append("ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW")
        } else if spec.orderBy.isEmpty {
            parts.append("ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING")
        } else {
            parts.append("RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW")
        }
        return parts.joined(separator: " ")
    }

    static func sortOrder(_ o: SortOrder) -> String {
        "\(name(o.expression)) \(o.ascending ? "ASC" : "DESC") NULLS \(o.nullsFirst ? "FIRST" : "LAST")"
    }

    /// A literal as Spark names it: strings bare, `NULL`, `true`, doubles in Java's form.
    static func literal(_ v: Value) -> String {
        switch v {
        case .null: "NULL"
        case .string(let s): s
        case .date(let d): "DATE '\(Value.dateText(d))'"
        case .timestamp(let t): "TIMESTAMP '\(SparkCast.timestampText(t))'"
        default: SparkCast.text(v)
        }
    }

    /// Function names, with the arguments Spark adds (`regexp_replace(s, a, b, 1)`,
    /// `split(s, ,, -1)`, `round(x, 0)`).
    private static func function(_ f: String, _ args: [String]) -> String {
        switch f {
        case "current_date", "current_timestamp", "input_file_name":
            return "\(f)()"
        case "regexp_replace" where args.count == 3:
            return "regexp_replace(\(args.joined(separator: ", ")), 1)"
        case "split" where args.count == 2:
            return "split(\(args.joined(separator: ", ")), -1)"
        case "round" where args.count == 1, "bround" where args.count == 1:
            return "\(f)(\(args[0]), 0)"
        case "dayofmonth", "day":
            return "dayofmonth(\(args.joined(separator: ", ")))"
        case "substr":
            return "substring(\(args.joined(separator: ", ")))"
        case "mean":
            return "avg(\(args.joined(separator: ", ")))"
        default:
            return "\(f)(\(args.joined(separator: ", ")))"
        }
    }
}
