/// A value of the script dialect at run time: Python's built-in types, plus host objects
/// (`GlueContext`, `DynamicFrame`, modules, ...) behind ``PyObject``.
///
/// Lists and dicts are reference types (``PyList``, ``PyDict``), as in Python: `a = b` shares
/// one list. The interpreter runs on one thread; values never cross threads, so they are not
/// `Sendable`.
public enum PyValue {
    case none
    case bool(Bool)
    /// A 64-bit integer (the dialect's ints are 64-bit; overflow is an `OverflowError`).
    case int(Int)
    case float(Double)
    case str(String)
    case list(PyList)
    case tuple([PyValue])
    case dict(PyDict)
    /// A native function or bound method.
    case builtin(PyBuiltin)
    /// A function defined by the script (`def`, `lambda`); the interpreter defines its payload.
    case function(PyFunction)
    /// A host object: a module, a Glue object, a record, ...
    case object(any PyObject)

    /// Python's type name, as `type(x).__name__` and error messages show it.
    public var typeName: String {
        switch self {
        case .none: "NoneType"
        case .bool: "bool"
        case .int: "int"
        case .float: "float"
        case .str: "str"
        case .list: "list"
        case .tuple: "tuple"
        case .dict: "dict"
        case .builtin: "builtin_function_or_method"
        case .function: "function"
        case .object(let o): o.typeName
        }
    }

    /// The string, if this is a `str`.
    public var stringValue: String? {
        if case .str(let s) = self { return s }
        return nil
    }

    /// The int, if this is an `int` (a `bool` is not taken as an int here).
    public var intValue: Int? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// Whether this is `None`.
    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// The items of a list or tuple, nil for anything else.
    public var sequenceItems: [PyValue]? {
        switch self {
        case .list(let l): l.items
        case .tuple(let t): t
        default: nil
        }
    }

    /// The host object, if this is one of type `T`.
    public func object<T: PyObject>(as type: T.Type) -> T? {
        if case .object(let o) = self { return o as? T }
        return nil
    }
}

/// A Python list: a mutable, shared sequence.
public final class PyList {
    public var items: [PyValue]

    public init(_ items: [PyValue] = []) {
        self.items = items
    }
}

/// A Python dict: insertion-ordered, keyed by hashable values (``PyKey``).
public final class PyDict {
    /// Keys in insertion order (a deleted key is removed from here too).
    public private(set) var keys: [PyKey] = []
    private var storage: [PyKey: PyValue] = [:]

    public init() {}

    /// A dict with string keys, in the order given (a record handed to a Map or Filter
    /// function: storage reserved up front, so a record costs one allocation per table).
    public init(_ pairs: [(String, PyValue)]) {
        keys.reserveCapacity(pairs.count)
        storage.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[.str(k)] = v }
    }

    public var count: Int { keys.count }

    /// The value for `key`; setting nil removes it. A new key goes to the end, an existing one
    /// keeps its place (Python's order rule).
    public subscript(key: PyKey) -> PyValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The value for a string key.
    public subscript(string key: String) -> PyValue? {
        get { storage[.str(key)] }
        set { self[.str(key)] = newValue }
    }

    /// `(key, value)` pairs in order.
    public var items: [(key: PyKey, value: PyValue)] {
        keys.map { ($0, storage[$0]!) }
    }
}

/// A hashable Python value, usable as a dict key or set member: `None`, bools, ints, floats,
/// strings and tuples of these. As in Python, `1`, `1.0` and `True` are the same key.
public indirect enum PyKey: Hashable {
    case none
    case int(Int)
    case float(Double)
    case str(String)
    case tuple([PyKey])

    /// The key for `value`, or nil when the value is unhashable (list, dict, ...).
    public init?(_ value: PyValue) {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .int(b ? 1 : 0)
        case .int(let i): self = .int(i)
        case .float(let d):
            if d.rounded() == d, let i = Int(exactly: d) { self = .int(i) } else { self = .float(d) }
        case .str(let s): self = .str(s)
        case .tuple(let items):
            var keys: [PyKey] = []
            for item in items {
                guard let k = PyKey(item) else { return nil }
                keys.append(k)
            }
            self = .tuple(keys)
        default: return nil
        }
    }

    /// The key as a value (a bool key comes back as an int, as `{True: 1}` would print `1`
    /// only in CPython's first-key rule; gluelab does not keep that distinction).
    public var value: PyValue {
        switch self {
        case .none: .none
        case .int(let i): .int(i)
        case .float(let d): .float(d)
        case .str(let s): .str(s)
        case .tuple(let keys): .tuple(keys.map(\.value))
        }
    }
}
