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
///
/// Keys and values sit in parallel arrays with a key → position index. Dicts made from one
/// ``Layout`` (the records a Map or Filter function receives) share its key array and index
/// until one of them adds or removes a key (copy on write), so a record costs its values only.
public final class PyDict {
    /// The keys of a family of dicts, with their positions: built once, shared by every dict
    /// made from it.
    public struct Layout {
        public let keys: [PyKey]
        let index: [PyKey: Int]
        /// The string keys, in order (`names` of the records it is made for).
        public let names: [String]

        public init(names: [String]) {
            self.names = names
            keys = names.map { .str($0) }
            var index: [PyKey: Int] = [:]
            index.reserveCapacity(keys.count)
            for (i, k) in keys.enumerated() { index[k] = i }
            self.index = index
        }
    }

    /// Keys in insertion order (a deleted key is removed from here too).
    public private(set) var keys: [PyKey] = []
    private var values: [PyValue] = []
    private var index: [PyKey: Int] = [:]

    public init() {}

    /// A dict with string keys, in the order given (later pairs with the same key win).
    public init(_ pairs: [(String, PyValue)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        index.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[.str(k)] = v }
    }

    /// A dict with `layout`'s keys and `values` in the same order (`values.count` must be
    /// `layout.keys.count`).
    public init(layout: Layout, values: [PyValue]) {
        precondition(values.count == layout.keys.count, "a layout's dict needs one value per key")
        keys = layout.keys
        index = layout.index
        self.values = values
    }

    public var count: Int { keys.count }

    /// The value for `key`; setting nil removes it. A new key goes to the end, an existing one
    /// keeps its place (Python's order rule).
    public subscript(key: PyKey) -> PyValue? {
        get { index[key].map { values[$0] } }
        set {
            if let newValue {
                if let i = index[key] {
                    values[i] = newValue
                } else {
                    index[key] = keys.count
                    keys.append(key)
                    values.append(newValue)
                }
            } else if let i = index.removeValue(forKey: key) {
                keys.remove(at: i)
                values.remove(at: i)
                for j in i..<keys.count { index[keys[j]] = j }
            }
        }
    }

    /// The value for a string key.
    public subscript(string key: String) -> PyValue? {
        get { self[.str(key)] }
        set { self[.str(key)] = newValue }
    }

    /// `(key, value)` pairs in order.
    public var items: [(key: PyKey, value: PyValue)] {
        Array(zip(keys, values)).map { (key: $0.0, value: $0.1) }
    }

    /// The values, in key order.
    public var orderedValues: [PyValue] { values }
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
