/// A statement of the script dialect, with where it starts.
///
/// Named `Stmt` (Python's `ast.stmt`) to pair with `Expr`.
public struct Stmt: Equatable, Sendable {
    /// What the statement is.
    public indirect enum Kind: Equatable, Sendable {
        /// `import a.b`, `import a as b, c`.
        case `import`([ImportedName])
        /// `from a.b import x, y as z`; `names` is nil for `from a import *`.
        case fromImport(module: String, names: [ImportedName]?)
        /// An expression evaluated for its effect: `job.commit()`.
        case expression(Expr)
        /// `t = value`, `a = b = value` (targets left to right), `a, b = value`.
        /// Each target is a name, attribute, subscript, or a tuple/list of targets.
        case assign(targets: [Expr], value: Expr)
        /// `target op= value`; the target is a name, attribute or subscript.
        case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
        /// `def name(parameters) -> returnType: body`. The return type, like parameter types,
        /// is an expression Python evaluates when the function is defined and then only records
        /// (Glue Studio's SQL node helper is `def sparkSqlQuery(...) -> DynamicFrame:`).
        case functionDef(name: String, parameters: [Parameter], returnType: Expr?, body: [Stmt])
        /// `return` / `return value` (a tuple for `return a, b`); only inside a `def`.
        case `return`(Expr?)
        /// `if c: ... elif d: ... else: ...`: the `if` and `elif` branches in order, then the
        /// `else` body (empty when there is none).
        case `if`(branches: [ConditionalBranch], orElse: [Stmt])
        /// `pass`.
        case pass
        /// `for target in iterable: body`; the target is like an assignment target
        /// (`for alias, frame in mapping.items():` in Glue Studio's SQL node helper).
        /// `for ... else` is refused.
        case `for`(target: Expr, iterable: Expr, body: [Stmt])
        /// `while condition: body else: orElse` (`orElse` empty when there is none; it runs
        /// when the loop ends without `break`).
        case `while`(condition: Expr, body: [Stmt], orElse: [Stmt])
        /// `break`, inside a `for` or `while` loop.
        case `break`
        /// `continue`, inside a `for` or `while` loop.
        case `continue`
        /// `raise`, `raise exception`, `raise exception from cause`.
        case raise(exception: Expr?, cause: Expr?)
        /// `try: body except ...: ... else: orElse finally: finalBody` (the lists are empty
        /// when the clause is absent; there is at least one handler or a `finally`).
        case `try`(body: [Stmt], handlers: [ExceptHandler], orElse: [Stmt], finalBody: [Stmt])
        /// `assert test` / `assert test, message`.
        case assert(test: Expr, message: Expr?)
    }

    public let kind: Kind
    /// Where the statement's first token is.
    public let location: SourceLocation

    public init(_ kind: Kind, at location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var line: Int { location.line }
    public var column: Int { location.column }
}

/// A module (or a name from a module) as an import binds it: `awsglue.context`, `functions as F`.
public struct ImportedName: Equatable, Sendable {
    /// The dotted module path (`import`) or the imported name (`from ... import`).
    public let name: String
    /// The `as` name, if any.
    public let alias: String?
    public let location: SourceLocation

    public init(name: String, alias: String?, at location: SourceLocation) {
        self.name = name
        self.alias = alias
        self.location = location
    }

    /// The variable the import binds: the alias, else for `import a.b` the first part `a`
    /// (as Python binds it), else the name.
    public var boundName: String {
        if let alias { return alias }
        if let dot = name.firstIndex(of: ".") { return String(name[..<dot]) }
        return name
    }
}

/// One `if` or `elif` test with its body.
public struct ConditionalBranch: Equatable, Sendable {
    public let condition: Expr
    public let body: [Stmt]
    /// Where the `if` or `elif` keyword is.
    public let location: SourceLocation

    public init(condition: Expr, body: [Stmt], at location: SourceLocation) {
        self.condition = condition
        self.body = body
        self.location = location
    }
}

/// One `except` clause: `except:`, `except T:`, `except (T, U) as name:`.
public struct ExceptHandler: Equatable, Sendable {
    /// The class (or tuple of classes) matched; nil for a bare `except:`.
    public let type: Expr?
    /// The `as` name, bound to the exception inside the clause (and unbound after it).
    public let name: String?
    public let body: [Stmt]
    /// Where the `except` keyword is.
    public let location: SourceLocation

    public init(type: Expr?, name: String?, body: [Stmt], at location: SourceLocation) {
        self.type = type
        self.name = name
        self.body = body
        self.location = location
    }
}
