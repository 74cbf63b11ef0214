import GlueEngine

/// Spark's text of a column expression, as pyspark prints a Column (`Column<'(price * 2)'>`):
/// operators in parentheses with Spark's SQL spelling (`(a = 1)`, `(NOT (a = 1))` for `!=`,
/// `(a IS NULL)`), literals bare (`(name = bob)`, `NULL`, `true`), functions by name
/// (`upper(name)`, `count(1)` for `count("*")`, `count(DISTINCT id)`), `CAST(a AS DOUBLE)`,
/// `x AS name`, `CASE WHEN ... THEN ... ELSE ... END`, and windows with Spark's unresolved
/// frame (`row_number() OVER (PARTITION BY k ORDER BY ts DESC NULLS LAST unspecifiedframe$())`).
enum ColumnText {
    static func sql(_ e: ColumnExpression) -> String {
        switch e {
        case .column(let name, _): return name
        case .star: return "*"
        case .literal(let v): return literal(v)
        case .alias(let inner, let name): return "\(sql(inner)) AS \(name)"
        case .cast(let inner, let type): return "CAST(\(sql(inner)) AS \(typeSQL(type)))"
        case .unary(let op, let inner):
            switch op {
            case .negate: return "(- \(sql(inner)))"
            case .not: return "(NOT \(sql(inner)))"
            case .isNull: return "(\(sql(inner)) IS NULL)"
            case .isNotNull: return "(\(sql(inner)) IS NOT NULL)"
            }
        case .binary(.notEqual, let l, let r): return "(NOT (\(sql(l)) = \(sql(r))))"
        case .binary(let op, let l, let r): return "(\(sql(l)) \(op.rawValue) \(sql(r)))"
        case .isIn(let inner, let values): return "(\(sql(inner)) IN (\(values.map(sql).joined(separator: ", "))))"
        case .like(let inner, let pattern, let regex): return "\(sql(inner)) \(regex ? "RLIKE" : "LIKE") \(pattern)"
        case .between(let inner, let low, let high): return "((\(sql(inner)) >= \(sql(low))) AND (\(sql(inner)) <= \(sql(high))))"
        case .when(let branches, let otherwise):
            var out = "CASE"
            for b in branches { out += " WHEN \(sql(b.condition)) THEN \(sql(b.value))" }
            if let otherwise { out += " ELSE \(sql(otherwise))" }
            return out + " END"
        case .function("getItem", let args) where args.count == 2: return "\(sql(args[0]))[\(sql(args[1]))]"
        case .function(let name, let args): return "\(name)(\(args.map(sql).joined(separator: ", ")))"
        case .aggregate(let f, let argument, let distinct):
            let inner = argument.map(sql) ?? "1"
            return "\(f.rawValue)(\(distinct ? "DISTINCT " : "")\(inner))"
        case .window(let inner, let spec): return "\(sql(inner)) OVER (\(window(spec)))"
        case .ranking(let f): return "\(f.rawValue)()"
        }
    }

    static func sql(_ order: SortOrder) -> String {
        "\(sql(order.expression)) \(order.ascending ? "ASC" : "DESC") NULLS \(order.nullsFirst ? "FIRST" : "LAST")"
    }

    static func window(_ spec: WindowSpec) -> String {
        var parts: [String] = []
        if !spec.partitionBy.isEmpty { parts.append("PARTITION BY " + spec.partitionBy.map(sql).joined(separator: ", ")) }
        if !spec.orderBy.isEmpty { parts.append("ORDER BY " + spec.orderBy.map(sql).joined(separator: ", ")) }
        parts.append("unspecifiedframe$()")
        return parts.joined(separator: " ")
    }

    /// A literal as Spark's pretty SQL shows it: strings and numbers bare, `NULL`, `true`.
    static func literal(_ v: Value) -> String {
        switch v {
        case .null: return "NULL"
        case .boolean(let b): return b ? "true" : "false"
        case .double(let d): return SparkText.javaText(d.description, isZero: d == 0, isNaN: d.isNaN, isInfinite: d.isInfinite, negative: d < 0)
        case .array(let items): return "array(" + items.map(literal).joined(separator: ", ") + ")"
        default: return v.plainText
        }
    }

    /// A type in SQL (`DOUBLE`, `BIGINT`, `DECIMAL(10,2)`, `ARRAY<STRING>`).
    static func typeSQL(_ type: DataType) -> String {
        SparkText.simpleString(type).uppercased()
    }
}
