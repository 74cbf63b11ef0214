/// The arguments of one call: positional values in order, then keywords in order (splats
/// already expanded by the interpreter).
public struct CallArguments {
    public var positional: [PyValue]
    public var keywords: [(name: String, value: PyValue)]

    public init(_ positional: [PyValue] = [], keywords: [(name: String, value: PyValue)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    /// Binds the arguments to `parameters` as Python binds them to a `def`: positionals in
    /// order, then keywords by name; a parameter with a default may be left out.
    ///
    /// Errors (`TypeError`, Python's wording): too many positionals, an unknown keyword (unless
    /// `extraKeywords` is true: they are kept in ``BoundArguments/extra``, like `**kwargs`), a
    /// parameter given twice, a required parameter missing.
    public func bind(_ function: String, _ parameters: [ParameterSpec], extraKeywords: Bool = false) throws -> BoundArguments {
        guard positional.count <= parameters.count else {
            throw PyException(.typeError, "\(function)() takes \(parameters.count) positional argument\(parameters.count == 1 ? "" : "s") but \(positional.count) were given")
        }
        var values: [String: PyValue] = [:]
        for (i, v) in positional.enumerated() { values[parameters[i].name] = v }
        var extra: [(name: String, value: PyValue)] = []
        for (name, v) in keywords {
            guard parameters.contains(where: { $0.name == name }) else {
                if extraKeywords { extra.append((name, v)); continue }
                throw PyException(.typeError, "\(function)() got an unexpected keyword argument '\(name)'")
            }
            guard values[name] == nil else {
                throw PyException(.typeError, "\(function)() got multiple values for argument '\(name)'")
            }
            values[name] = v
        }
        let missing = parameters.filter { values[$0.name] == nil && $0.defaultValue == nil }.map { "'\($0.name)'" }
        guard missing.isEmpty else {
            throw PyException(.typeError, "\(function)() missing \(missing.count) required argument\(missing.count == 1 ? "" : "s"): \(missing.joined(separator: ", "))")
        }
        for p in parameters where values[p.name] == nil { values[p.name] = p.defaultValue }
        return BoundArguments(function: function, values: values, extra: extra)
    }
}

/// One parameter of a native function: required (`"frame"`) or with a default
/// (`.optional("transformation_ctx", .str(""))`).
public struct ParameterSpec: ExpressibleByStringLiteral {
    public let name: String
    /// nil: required.
    public let defaultValue: PyValue?

    public init(stringLiteral name: String) {
        self.name = name
        defaultValue = nil
    }

    public init(_ name: String, default value: PyValue?) {
        self.name = name
        defaultValue = value
    }

    /// A parameter with a default.
    public static func optional(_ name: String, _ value: PyValue = .none) -> ParameterSpec {
        ParameterSpec(name, default: value)
    }
}

/// Arguments bound to names, with typed accessors that raise Python's `TypeError` naming the
/// function and parameter when a value has the wrong type.
public struct BoundArguments {
    public let function: String
    public let values: [String: PyValue]
    /// Keywords no parameter took (only with `extraKeywords: true`), in order.
    public let extra: [(name: String, value: PyValue)]

    /// The bound value (`.none` for an unknown name).
    public subscript(name: String) -> PyValue { values[name] ?? .none }

    /// A `str` argument.
    public func string(_ name: String) throws -> String {
        guard case .str(let s) = self[name] else { throw typeError(name, "str") }
        return s
    }

    /// A `str` argument that may be `None`.
    public func optionalString(_ name: String) throws -> String? {
        if self[name].isNone { return nil }
        return try string(name)
    }

    /// An `int` argument (a `bool` counts, as in Python).
    public func int(_ name: String) throws -> Int {
        switch self[name] {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        default: throw typeError(name, "int")
        }
    }

    /// A `bool` argument (ints are accepted as their truth value).
    public func bool(_ name: String) throws -> Bool {
        switch self[name] {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: throw typeError(name, "bool")
        }
    }

    /// A list or tuple of `str`.
    public func strings(_ name: String) throws -> [String] {
        guard let items = self[name].sequenceItems else { throw typeError(name, "list of str") }
        return try items.map {
            guard case .str(let s) = $0 else { throw typeError(name, "list of str") }
            return s
        }
    }

    /// A dict argument (`None` gives an empty dict).
    public func dict(_ name: String) throws -> PyDict {
        switch self[name] {
        case .dict(let d): return d
        case .none: return PyDict()
        default: throw typeError(name, "dict")
        }
    }

    /// A host object of type `T`.
    public func object<T: PyObject>(_ name: String, as type: T.Type, typeName: String) throws -> T {
        guard let o = self[name].object(as: T.self) else { throw typeError(name, typeName) }
        return o
    }

    func typeError(_ name: String, _ expected: String) -> PyException {
        PyException(.typeError, "\(function)() argument '\(name)' must be \(expected), not \(self[name].typeName)")
    }
}
