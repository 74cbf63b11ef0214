/// A Python set of hashable values, in insertion order (CPython's order differs for ints
/// only in rare cases; gluelab keeps insertion order so output is stable).
public final class PySet: PyObject {
    public private(set) var members: [PyKey] = []
    private var index: Set<PyKey> = []

    public init() {}

    public var typeName: String { "set" }

    /// Adds a value (`TypeError` when unhashable).
    public func add(_ value: PyValue) throws {
        let k = try hashKey(value)
        if index.insert(k).inserted { members.append(k) }
    }

    public func remove(_ key: PyKey) -> Bool {
        guard index.remove(key) != nil else { return false }
        members.removeAll { $0 == key }
        return true
    }

    public func has(_ value: PyValue) throws -> Bool { index.contains(try hashKey(value)) }

    public var count: Int { members.count }

    public func iterate(runtime: any PyRuntime) throws -> [PyValue]? { members.map(\.value) }

    public func contains(_ value: PyValue, runtime: any PyRuntime) throws -> Bool? { try has(value) }

    public func truthy(runtime: any PyRuntime) throws -> Bool { !members.isEmpty }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "add":
            return .builtin(PyBuiltin("add") { args, _ in
                let b = try args.bind("add", ["elem"])
                try self.add(b["elem"])
                return .none
            })
        case "discard", "remove":
            return .builtin(PyBuiltin(name) { args, runtime in
                let b = try args.bind(name, ["elem"])
                if !self.remove(try hashKey(b["elem"])) && name == "remove" {
                    throw PyException(.keyError, try runtime.repr(b["elem"]))
                }
                return .none
            })
        default:
            return nil
        }
    }

    public var repr: String { "set(...)" }
}

/// `range(start, stop, step)`, iterated lazily by `for`.
final class PyRange: PyObject {
    let start: Int
    let stop: Int
    let step: Int

    init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    var typeName: String { "range" }

    var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }

    func iterate(runtime: any PyRuntime) throws -> [PyValue]? {
        (0..<count).map { .int(start + $0 * step) }
    }

    func contains(_ value: PyValue, runtime: any PyRuntime) throws -> Bool? {
        let n: Int
        switch value {
        case .int(let i): n = i
        case .bool(let b): n = b ? 1 : 0
        case .float(let d): guard let i = Int(exactly: d) else { return false }; n = i
        default: return false
        }
        let inBounds = step > 0 ? (n >= start && n < stop) : (n <= start && n > stop)
        return inBounds && (n - start) % step == 0
    }

    func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue {
        guard case .int(var i) = key else {
            throw PyException(.typeError, "range indices must be integers or slices, not \(key.typeName)")
        }
        if i < 0 { i += count }
        guard i >= 0 && i < count else { throw PyException(.indexError, "range object index out of range") }
        return .int(start + i * step)
    }

    func truthy(runtime: any PyRuntime) throws -> Bool { count > 0 }

    var repr: String { step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))" }
}

/// `a:b:c` inside a subscript, as host objects receive it.
public final class PySlice: PyObject {
    public let lower: PyValue
    public let upper: PyValue
    public let step: PyValue

    init(lower: PyValue, upper: PyValue, step: PyValue) {
        self.lower = lower
        self.upper = upper
        self.step = step
    }

    public var typeName: String { "slice" }

    /// The positions the slice selects in a sequence of `count` items (Python's rules).
    func indices(_ count: Int) throws -> [Int] {
        func int(_ v: PyValue) throws -> Int? {
            switch v {
            case .none: return nil
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            default: throw PyException(.typeError, "slice indices must be integers or None or have an __index__ method")
            }
        }
        let s = try int(step) ?? 1
        if s == 0 { throw PyException(.valueError, "slice step cannot be zero") }
        func clamp(_ v: Int?, _ def: Int) -> Int {
            guard var x = v else { return def }
            if x < 0 { x += count }
            if s > 0 { return min(max(x, 0), count) }
            return min(max(x, -1), count - 1)
        }
        let lo = clamp(try int(lower), s > 0 ? 0 : count - 1)
        let hi = clamp(try int(upper), s > 0 ? count : -1)
        var out: [Int] = []
        var i = lo
        while s > 0 ? i < hi : i > hi {
            out.append(i)
            i += s
        }
        return out
    }

    public var repr: String { "slice(...)" }
}

/// A builtin type object (`str`, `int`, `list`, ...) or the type of a host object: callable
/// when it has a constructor, compared by name, with `__name__`.
final class PyType: PyObject {
    let name: String
    let construct: ((CallArguments, any PyRuntime) throws -> PyValue)?

    init(_ name: String, construct: ((CallArguments, any PyRuntime) throws -> PyValue)?) {
        self.name = name
        self.construct = construct
    }

    var typeName: String { "type" }
    var repr: String { "<class '\(name)'>" }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        guard let construct else { throw PyException(.typeError, "cannot create '\(name)' instances") }
        return try construct(arguments, runtime)
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        name == "__name__" ? .str(self.name) : nil
    }

    func compare(_ op: ComparisonOperator, _ other: PyValue, runtime: any PyRuntime) throws -> PyValue? {
        guard op == .equal || op == .notEqual else { return nil }
        let same = (other.object(as: PyType.self)?.name).map { $0 == name } ?? false
        return .bool(op == .equal ? same : !same)
    }
}
