import GlueEngine

/// `pyspark.sql.Column`: an expression scripts build and hand to DataFrame methods.
///
/// Operators go through the ``PyObject`` hooks: `+ - * / %` (either side may be a Python value,
/// taken as a literal), `**` (`pow`), comparisons `== != < <= > >=` (each gives a Column),
/// `&` (AND), `|` (OR), `~` (NOT), unary `-`. Python's `and`, `or`, `not` and `if col:` need a
/// truth value, which a Column does not have: they raise pyspark's `ValueError`. Methods are in
/// `ColumnObject+Methods.swift`. `str(col)` is pyspark's `Column<'(price * 2)'>`.
///
/// A Column from `asc()`, `desc()`, `asc_nulls_last()`... carries a sort order: only `orderBy`,
/// `sort` and `Window.orderBy` take it.
final class ColumnObject: PyObject {
    /// The expression (for a sort column, the expression being sorted).
    let expression: ColumnExpression
    /// Set by `asc()`/`desc()` and their `nulls_first`/`nulls_last` variants.
    let sortOrder: SortOrder?

    init(_ expression: ColumnExpression) {
        self.expression = expression
        sortOrder = nil
    }

    init(sort: SortOrder) {
        expression = sort.expression
        sortOrder = sort
    }

    var typeName: String { "Column" }
    var repr: String { "Column<'\(text)'>" }

    /// Spark's text of the expression (`(price * 2)`, `sum(qty) AS total`, `a DESC NULLS LAST`).
    var text: String {
        if let sortOrder { return ColumnText.sql(sortOrder) }
        return ColumnText.sql(expression)
    }

    /// The expression, refusing a sort column where a value is needed (Spark rejects a sort
    /// order outside a sort when it analyses the plan).
    func plainExpression(_ function: String) throws -> ColumnExpression {
        if let sortOrder {
            throw PyException(.typeError, "\(function)(): a sort order (\(ColumnText.sql(sortOrder))) can only be used in orderBy, sort or Window.orderBy")
        }
        return expression
    }

    static let boolMessage = "Cannot convert column into bool: please use '&' for 'and', '|' for 'or', '~' for 'not' when building DataFrame boolean expressions."

    func truthy(runtime: any PyRuntime) throws -> Bool {
        throw PyException(.valueError, Self.boolMessage)
    }

    func iterate(runtime: any PyRuntime) throws -> [PyValue]? {
        throw PyException(.typeError, "Column is not iterable")
    }

    func contains(_ value: PyValue, runtime: any PyRuntime) throws -> Bool? {
        throw PyException(.valueError, Self.boolMessage)
    }

    func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: any PyRuntime) throws -> PyValue? {
        let function = "Column.__\(Self.dunder(op))__"
        let mine = try plainExpression(function)
        let theirs = try ColumnArguments.value(other, function)
        let (left, right) = reflected ? (theirs, mine) : (mine, theirs)
        switch op {
        case .add: return ColumnArguments.wrap(.binary(.add, left, right))
        case .subtract: return ColumnArguments.wrap(.binary(.subtract, left, right))
        case .multiply: return ColumnArguments.wrap(.binary(.multiply, left, right))
        case .divide: return ColumnArguments.wrap(.binary(.divide, left, right))
        case .modulo: return ColumnArguments.wrap(.binary(.modulo, left, right))
        case .power: return ColumnArguments.wrap(.function("pow", [left, right]))
        case .bitAnd: return ColumnArguments.wrap(.binary(.and, left, right))
        case .bitOr: return ColumnArguments.wrap(.binary(.or, left, right))
        case .floorDivide: return nil
        }
    }

    private static func dunder(_ op: BinaryOperator) -> String {
        switch op {
        case .add: "add"
        case .subtract: "sub"
        case .multiply: "mul"
        case .divide: "truediv"
        case .floorDivide: "floordiv"
        case .modulo: "mod"
        case .power: "pow"
        case .bitAnd: "and"
        case .bitOr: "or"
        }
    }

    func compare(_ op: ComparisonOperator, _ other: PyValue, runtime: any PyRuntime) throws -> PyValue? {
        let function = "Column.__\(op.rawValue)__"
        let left = try plainExpression(function)
        let right = try ColumnArguments.value(other, function)
        let binary: ColumnBinaryOperator
        switch op {
        case .equal: binary = .equal
        case .notEqual: binary = .notEqual
        case .less: binary = .less
        case .lessEqual: binary = .lessEqual
        case .greater: binary = .greater
        case .greaterEqual: binary = .greaterEqual
        default: return nil
        }
        return ColumnArguments.wrap(.binary(binary, left, right))
    }

    func unary(_ op: UnaryOperator, runtime: any PyRuntime) throws -> PyValue? {
        switch op {
        case .negate: return ColumnArguments.wrap(.unary(.negate, try plainExpression("Column.__neg__")))
        case .invert: return ColumnArguments.wrap(.unary(.not, try plainExpression("Column.__invert__")))
        case .not: throw PyException(.valueError, Self.boolMessage)
        case .plus: return nil
        }
    }

    func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue {
        ColumnArguments.wrap(try extract(key, "Column.__getitem__"))
    }

    /// `col[key]` / `col.getItem(key)` / `col.getField(name)`: a struct field of a named column,
    /// read as the dotted name (`a.b`). Array elements and map values are refused (the engine
    /// does not evaluate them).
    func extract(_ key: PyValue, _ function: String) throws -> ColumnExpression {
        let base = try plainExpression(function)
        if case .str(let field) = key, case .column(let name, let table) = base {
            return .column(name + "." + field, table: table)
        }
        throw PyException(.typeError, "\(function)(\(RowObject.literalRepr(key))) on \(ColumnText.sql(base)) is not available in gluelab: only struct fields of a named column are (F.col(\"a\")[\"b\"], F.col(\"a.b\")); array elements and map values are not")
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        if let method = try method(name) { return method }
        if name.hasPrefix("_") { return nil }
        if let unsupported = Self.unsupportedMethods[name] {
            throw PyException(.attributeError, "'Column' object has no attribute '\(name)' (not available in gluelab\(unsupported.isEmpty ? "" : "; " + unsupported))")
        }
        // pyspark: `col.field` is `col[field]` for any other name.
        return ColumnArguments.wrap(try extract(.str(name), "Column.__getattr__"))
    }

    /// Real pyspark Column methods gluelab does not build, with a hint where one helps.
    static let unsupportedMethods: [String: String] = [
        "bitwiseAND": "", "bitwiseOR": "", "bitwiseXOR": "", "dropFields": "", "withField": "",
        "ilike": "use lower(col).like(pattern)", "isNaN": "", "try_cast": "use cast",
    ]
}
