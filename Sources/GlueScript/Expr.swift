/// An expression of the script dialect, with where it starts.
///
/// Named `Expr` (as in Python's `ast.expr`) rather than `Expression`, which Foundation also
/// declares: a file importing both modules would otherwise have to qualify every use.
public struct Expr: Equatable, Sendable {
    /// What the expression is.
    public indirect enum Kind: Equatable, Sendable {
        /// A variable: `glueContext`, `F`, `r`.
        case name(String)
        /// `None`.
        case none
        /// `True` / `False`.
        case bool(Bool)
        /// An integer literal.
        case int(Int)
        /// A float literal.
        case float(Double)
        /// A string literal; adjacent literals (`"a" "b"`) are already joined.
        case string(String)
        /// `[a, b]`.
        case list([Expr])
        /// `(a, b)`, `a, b`, `()`, `(a,)`.
        case tuple([Expr])
        /// `{k: v, ...}`; `{}` is an empty dict.
        case dict([DictEntry])
        /// `{a, b}` (never empty: `{}` is a dict).
        case set([Expr])
        /// `value.name`; `nameLocation` is where `name` is (a chain can span lines).
        case attribute(Expr, name: String, nameLocation: SourceLocation)
        /// `value[index]`; a slice index is `.slice`, several indices are a `.tuple`.
        case `subscript`(Expr, index: Expr)
        /// `lower:upper:step` inside a subscript, each part optional.
        case slice(lower: Expr?, upper: Expr?, step: Expr?)
        /// `callee(arguments)`; `openLocation` is where `(` is.
        case call(Expr, arguments: [Argument], openLocation: SourceLocation)
        /// `lambda params: body`.
        case lambda(parameters: [Parameter], body: Expr)
        /// `-x`, `+x`, `~x`, `not x`.
        case unary(UnaryOperator, Expr)
        /// `a + b` etc., including `&` and `|` (pyspark column logic).
        case binary(BinaryOperator, Expr, Expr)
        /// `a < b`, chained as in Python: `a < b <= c` is `a < b and b <= c`, `b` evaluated once.
        case compare(Expr, [Comparison])
        /// `a and b and c` / `a or b`: two or more operands, evaluated left to right with
        /// short-circuit; the value is the last operand evaluated (Python semantics).
        case boolean(BooleanOperator, [Expr])
        /// `then if condition else otherwise`.
        case conditional(condition: Expr, then: Expr, otherwise: Expr)
    }

    public let kind: Kind
    /// Where the expression's first token is, as in Python's `ast`: `(a + b) * c` starts at
    /// the `(`, while the parenthesized `a + b` inside it starts at `a`.
    public let location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var line: Int { location.line }
    public var column: Int { location.column }
}

/// `key: value` in a dict display.
public struct DictEntry: Equatable, Sendable {
    public let key: Expr
    public let value: Expr

    public init(key: Expr, value: Expr) {
        self.key = key
        self.value = value
    }
}

/// One argument of a call.
///
/// `*args` and `**kwargs` splats are accepted in calls (hand-written jobs pass option dicts as
/// `**options`); the interpreter expands a sequence or a dict there.
public struct Argument: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// `f(x)`.
        case positional(Expr)
        /// `f(name=x)`.
        case keyword(String, Expr)
        /// `f(*xs)`.
        case unpack(Expr)
        /// `f(**options)`.
        case unpackKeywords(Expr)
    }

    public let kind: Kind
    /// Where the argument starts (the keyword's name, or the `*` / `**`).
    public let location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The argument's expression, whatever its kind.
    public var value: Expr {
        switch kind {
        case .positional(let e), .keyword(_, let e), .unpack(let e), .unpackKeywords(let e): e
        }
    }
}

/// A parameter of a `def` or `lambda`: a name with an optional type and default.
///
/// Only plain positional-or-keyword parameters are accepted: `*args`, `**kwargs`, a bare `*`
/// and `/` are refused by name (a Map or Filter function takes one record).
public struct Parameter: Equatable, Sendable {
    public let name: String
    /// `name: T` in a `def` (never in a `lambda`): evaluated when the function is defined,
    /// then only recorded, as in Python.
    public let typeAnnotation: Expr?
    /// The default value, evaluated once when the function is defined (Python semantics).
    public let defaultValue: Expr?
    public let location: SourceLocation

    public init(name: String, typeAnnotation: Expr? = nil, defaultValue: Expr?, at location: SourceLocation) {
        self.name = name
        self.typeAnnotation = typeAnnotation
        self.defaultValue = defaultValue
        self.location = location
    }
}

/// One `op right` link of a comparison chain.
public struct Comparison: Equatable, Sendable {
    public let op: ComparisonOperator
    public let right: Expr
    /// Where the operator is.
    public let location: SourceLocation

    public init(_ op: ComparisonOperator, _ right: Expr, at location: SourceLocation) {
        self.op = op
        self.right = right
        self.location = location
    }
}

/// `-x`, `+x`, `~x` (pyspark's column negation), `not x`.
public enum UnaryOperator: String, Equatable, Sendable {
    case negate = "-"
    case plus = "+"
    case invert = "~"
    case not = "not"
}

/// The binary operators of the dialect. `^`, `<<`, `>>` and `@` are refused by the parser.
public enum BinaryOperator: String, Equatable, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case floorDivide = "//"
    case modulo = "%"
    case power = "**"
    /// `&`: bitwise and on ints, logical and on pyspark columns.
    case bitAnd = "&"
    /// `|`: bitwise or on ints, logical or on pyspark columns.
    case bitOr = "|"
}

/// `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`, `is`, `is not`.
public enum ComparisonOperator: String, Equatable, Sendable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case `in` = "in"
    case notIn = "not in"
    case `is` = "is"
    case isNot = "is not"
}

/// `and` / `or`.
public enum BooleanOperator: String, Equatable, Sendable {
    case and
    case or
}
