/// A host object visible to scripts: a module, `GlueContext`, `DynamicFrame`, a transform
/// class, ... The interpreter calls these hooks; every one has a default that raises the
/// `TypeError` / `AttributeError` Python would raise, so an object implements only what it
/// supports.
///
/// Hooks throw ``PyException`` for Python-level errors (the interpreter adds the script
/// location) or any other error (an `EngineError` from the engine is shown as it is, with the
/// location of the call that raised it).
public protocol PyObject: AnyObject {
    /// The Python type name (`DynamicFrame`, `GlueContext`, `module`).
    var typeName: String { get }
    /// `obj.name`; nil when there is no such attribute (the interpreter raises
    /// `AttributeError: 'T' object has no attribute 'name'`). Methods come back bound, as a
    /// ``PyBuiltin``.
    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue?
    /// `obj.name = value`; false when the object does not allow it.
    func setAttribute(_ name: String, to value: PyValue, runtime: any PyRuntime) throws -> Bool
    /// `obj(...)`.
    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue
    /// `obj[key]`.
    func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue
    /// `obj[key] = value`.
    func setItem(_ key: PyValue, to value: PyValue, runtime: any PyRuntime) throws
    /// `obj op other` (or `other op obj` when `reflected`); nil when unsupported (the
    /// interpreter raises `TypeError: unsupported operand type(s)`).
    func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: any PyRuntime) throws -> PyValue?
    /// `obj op other` for `== != < <= > >=`; nil to fall back to identity for `==`/`!=` and a
    /// `TypeError` for ordering.
    func compare(_ op: ComparisonOperator, _ other: PyValue, runtime: any PyRuntime) throws -> PyValue?
    /// `-obj`, `~obj`, ... (`not obj` uses ``truthy(runtime:)``); nil when unsupported.
    func unary(_ op: UnaryOperator, runtime: any PyRuntime) throws -> PyValue?
    /// `bool(obj)`.
    func truthy(runtime: any PyRuntime) throws -> Bool
    /// The items `for x in obj` visits, nil when not iterable.
    func iterate(runtime: any PyRuntime) throws -> [PyValue]?
    /// `x in obj`; nil when unsupported.
    func contains(_ value: PyValue, runtime: any PyRuntime) throws -> Bool?
    /// `repr(obj)` (and `str(obj)` unless ``str`` differs).
    var repr: String { get }
    /// `str(obj)`.
    var str: String { get }
}

extension PyObject {
    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? { nil }
    public func setAttribute(_ name: String, to value: PyValue, runtime: any PyRuntime) throws -> Bool { false }
    public func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        throw PyException(.typeError, "'\(typeName)' object is not callable")
    }
    public func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue {
        throw PyException(.typeError, "'\(typeName)' object is not subscriptable")
    }
    public func setItem(_ key: PyValue, to value: PyValue, runtime: any PyRuntime) throws {
        throw PyException(.typeError, "'\(typeName)' object does not support item assignment")
    }
    public func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: any PyRuntime) throws -> PyValue? { nil }
    public func compare(_ op: ComparisonOperator, _ other: PyValue, runtime: any PyRuntime) throws -> PyValue? { nil }
    public func unary(_ op: UnaryOperator, runtime: any PyRuntime) throws -> PyValue? { nil }
    public func truthy(runtime: any PyRuntime) throws -> Bool { true }
    public func iterate(runtime: any PyRuntime) throws -> [PyValue]? { nil }
    public func contains(_ value: PyValue, runtime: any PyRuntime) throws -> Bool? { nil }
    public var repr: String { "<\(typeName) object>" }
    public var str: String { repr }
}

/// What native code may ask of the running interpreter.
public protocol PyRuntime: AnyObject {
    /// Calls a script function, builtin or callable object (e.g. the `f` given to `Map.apply`).
    func call(_ callee: PyValue, _ arguments: CallArguments) throws -> PyValue
    /// Python's `str(value)` (e.g. for messages and `print`).
    func str(_ value: PyValue) throws -> String
    /// Python's `repr(value)`.
    func repr(_ value: PyValue) throws -> String
    /// Python's truth test.
    func truthy(_ value: PyValue) throws -> Bool
    /// Writes one line of script output (`print`, `show()`, `printSchema()`): the run's log.
    func output(_ line: String)
}

/// A native function or bound method: a name (for messages and `repr`) and a body.
public final class PyBuiltin {
    /// `count`, `DynamicFrame.count`, `len`.
    public let name: String
    public let body: (CallArguments, any PyRuntime) throws -> PyValue

    public init(_ name: String, _ body: @escaping (CallArguments, any PyRuntime) throws -> PyValue) {
        self.name = name
        self.body = body
    }
}

/// A module as scripts see it: a name and its members (`from awsglue.context import GlueContext`).
/// Submodules are members too (`awsglue.context` is member `context` of `awsglue`).
public class PyModule: PyObject {
    public let name: String
    public var members: [String: PyValue]

    public init(name: String, members: [String: PyValue] = [:]) {
        self.name = name
        self.members = members
    }

    public var typeName: String { "module" }
    public var repr: String { "<module '\(name)'>" }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        members[name]
    }
}
