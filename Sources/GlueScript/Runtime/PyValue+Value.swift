import GlueEngine

extension PyValue {
    /// The script value of an engine value, as Glue hands a record's fields to Python:
    /// integral types become `int`, float/double/decimal `float`, strings `str`, binary a
    /// `str` of its bytes (Latin-1), dates `str` `yyyy-MM-dd`, timestamps `str` ISO 8601,
    /// arrays `list`, structs and maps `dict`, null `None`.
    public init(_ value: Value) {
        switch value {
        case .null: self = .none
        case .boolean(let b): self = .bool(b)
        case .byte, .short, .int, .long: self = .int(Int(value.integerValue ?? 0))
        case .float(let f): self = .float(Double(f))
        case .double(let d): self = .float(d)
        case .decimal: self = .float(Double(value.plainText) ?? 0)
        case .string(let s): self = .str(s)
        case .binary(let bytes): self = .str(String(bytes.map { Character(Unicode.Scalar($0)) }))
        case .date, .timestamp: self = .str(value.plainText)
        case .array(let items): self = .list(PyList(items.map(PyValue.init)))
        case .map(let r), .structure(let r): self = .dict(PyDict(r.fields.map { ($0.name, PyValue($0.value)) }))
        }
    }

    /// The engine value of a script value, for records a `Map` function returns and for
    /// connection and format options: `int` → long, `float` → double, `bool` → boolean, `str`
    /// → string, `None` → null, list/tuple → array, dict → struct (keys become field names
    /// with `str()`). Functions and host objects have no engine value: `TypeError`.
    public func engineValue() throws -> Value {
        switch self {
        case .none: return .null
        case .bool(let b): return .boolean(b)
        case .int(let i): return .long(Int64(i))
        case .float(let d): return .double(d)
        case .str(let s): return .string(s)
        case .list(let l): return .array(try l.items.map { try $0.engineValue() })
        case .tuple(let t): return .array(try t.map { try $0.engineValue() })
        case .dict(let d): return .structure(try d.engineRecord())
        case .builtin, .function, .object:
            throw PyException(.typeError, "a \(typeName) cannot be stored in a record or passed as an option value")
        }
    }
}

extension PyDict {
    /// The dict as a record: keys in order (`str` keys as they are, others by their text),
    /// values converted with ``PyValue/engineValue()``.
    public func engineRecord() throws -> DynamicRecord {
        var record = DynamicRecord()
        for (key, value) in items {
            let name: String
            switch key {
            case .str(let s): name = s
            case .int(let i): name = String(i)
            case .float(let d): name = String(d)
            case .none: name = "None"
            case .tuple: throw PyException(.typeError, "a tuple cannot be a record field name")
            }
            record[name] = try value.engineValue()
        }
        return record
    }

    /// The dict as engine options (`connection_options`, `format_options`): string keys only.
    public func engineOptions(_ what: String) throws -> [String: Value] {
        var out: [String: Value] = [:]
        for (key, value) in items {
            guard case .str(let name) = key else {
                throw PyException(.typeError, "\(what) keys must be str, not \(key.value.typeName)")
            }
            out[name] = try value.engineValue()
        }
        return out
    }
}
