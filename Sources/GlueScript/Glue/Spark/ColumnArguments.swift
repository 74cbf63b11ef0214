import GlueEngine

/// How pyspark turns function and method arguments into column expressions. pyspark has two
/// rules, chosen per parameter:
/// - `ColumnOrName` (most functions: `F.upper("name")`, `df.select("a")`): a `str` names a
///   column, a `Column` is itself;
/// - a value (`F.lit(x)`, `F.when(cond, value)`, `col.otherwise(value)`, the right side of an
///   operator, `isin`, `between`): a `Column` is itself, anything else becomes a literal.
enum ColumnArguments {
    /// A `ColumnOrName` argument: a `str` is a column name (`"*"` is the star), a `Column` its
    /// expression. Anything else: `TypeError` naming `function` and `argument`, in pyspark's
    /// words (`[NOT_COLUMN_OR_STR] Argument `col` should be a Column or str, got int.`).
    static func column(_ value: PyValue, _ function: String, _ argument: String = "col") throws -> ColumnExpression {
        switch value {
        case .str(let name): return name == "*" ? .star : .column(name)
        case .object(let o):
            if let c = o as? ColumnObject { return try c.plainExpression(function) }
        default: break
        }
        throw PyException(.typeError, "\(function)() argument '\(argument)' should be a Column or str, got \(value.typeName)")
    }

    /// A value argument: a `Column` is itself, a Python value a literal.
    static func value(_ value: PyValue, _ function: String) throws -> ColumnExpression {
        if let c = value.object(as: ColumnObject.self) { return try c.plainExpression(function) }
        return .literal(try literal(value, function))
    }

    /// The Spark literal of a Python value, typed as `F.lit` types it: `int` → IntegerType when
    /// it fits 32 bits, else LongType; `float` → DoubleType; `str` → StringType; `bool` →
    /// BooleanType; `None` → null; a list or tuple → an array of literals.
    static func literal(_ value: PyValue, _ function: String) throws -> Value {
        switch value {
        case .none: return .null
        case .bool(let b): return .boolean(b)
        case .int(let i): return Int32(exactly: i).map(Value.int) ?? .long(Int64(i))
        case .float(let d): return .double(d)
        case .str(let s): return .string(s)
        case .list(let l): return .array(try l.items.map { try literal($0, function) })
        case .tuple(let t): return .array(try t.map { try literal($0, function) })
        default:
            throw PyException(.typeError, "\(function)(): unsupported literal type \(value.typeName)")
        }
    }

    /// Columns given as `*cols` where a single list also counts (`select(["a", "b"])`,
    /// `groupBy(["k"])`), as pyspark accepts both.
    static func flattened(_ values: [PyValue]) -> [PyValue] {
        if values.count == 1, let items = values[0].sequenceItems { return items }
        return values
    }

    /// `ColumnOrName` arguments given as `*cols` (or one list).
    static func columns(_ values: [PyValue], _ function: String) throws -> [ColumnExpression] {
        try flattened(values).map { try column($0, function, "cols") }
    }

    /// Sort keys (`orderBy`, `sort`, `Window.orderBy`): a name or plain Column sorts ascending
    /// (nulls first), a Column from `asc()`/`desc()`/`desc_nulls_first()`... keeps its order.
    /// `ascending` (a bool or a list of bools, `orderBy(..., ascending=False)`) overrides the
    /// direction of keys given by name or plain Column, as pyspark does.
    static func sortOrders(_ values: [PyValue], ascending: PyValue = .none, _ function: String) throws -> [SortOrder] {
        let items = flattened(values)
        var directions: [Bool]?
        switch ascending {
        case .none: directions = nil
        case .bool(let b): directions = Array(repeating: b, count: items.count)
        case .int(let i): directions = Array(repeating: i != 0, count: items.count)
        case .list, .tuple:
            let flags = ascending.sequenceItems ?? []
            guard flags.count == items.count else {
                throw PyException(.valueError, "\(function)(): ascending list length (\(flags.count)) does not match the number of columns (\(items.count))")
            }
            directions = try flags.map {
                switch $0 {
                case .bool(let b): return b
                case .int(let i): return i != 0
                default: throw PyException(.typeError, "\(function)(): ascending must be a bool or a list of bools, not \($0.typeName)")
                }
            }
        default:
            throw PyException(.typeError, "\(function)(): ascending can only be bool or list, but got \(ascending.typeName)")
        }
        return try items.enumerated().map { i, item in
            if let c = item.object(as: ColumnObject.self), let order = c.sortOrder {
                if let directions { return SortOrder(order.expression, ascending: directions[i]) }
                return order
            }
            let expression = try column(item, function, "cols")
            return SortOrder(expression, ascending: directions?[i] ?? true)
        }
    }

    /// A Column object for an expression.
    static func wrap(_ expression: ColumnExpression) -> PyValue {
        .object(ColumnObject(expression))
    }
}
