import GlueEngine

/// `pyspark.sql.Row`: what `collect()`, `take(n)`, `first()` and `head()` give. `row["a"]`,
/// `row[0]`, `row.a`, `row.asDict(recursive=False)`, `len(row)`, iteration over the values,
/// `"a" in row`... Struct values come back as nested Rows, arrays as lists, maps as dicts,
/// dates and timestamps as their ISO text (gluelab scripts have no `datetime`), decimals as
/// floats. `Row(a=1, b="x")` makes one; `Row("a", "b")` makes a row class, called with values.
final class RowObject: PyObject {
    let names: [String]
    let values: [PyValue]

    init(names: [String], values: [PyValue]) {
        self.names = names
        self.values = values
    }

    /// A row of a record, fields in `schema` order (absent fields are `None`).
    convenience init(_ record: DynamicRecord, schema: StructType) {
        self.init(names: schema.names, values: schema.fields.map { RowObject.value(record[$0.name], $0.type) })
    }

    /// The script value of a cell: structs become Rows.
    static func value(_ v: Value, _ type: DataType) -> PyValue {
        switch (v, type) {
        case (.structure(let r), .structure(let s)): return .object(RowObject(r, schema: s))
        case (.array(let items), .array(let e)): return .list(PyList(items.map { value($0, e) }))
        default: return PyValue(v)
        }
    }

    var typeName: String { "Row" }
    var repr: String {
        "Row(" + zip(names, values).map { "\($0)=\(Self.literalRepr($1))" }.joined(separator: ", ") + ")"
    }

    /// Python's repr of a collected value (no interpreter needed: rows hold plain values).
    static func literalRepr(_ v: PyValue) -> String {
        switch v {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return pythonFloatRepr(d)
        case .str(let s): return pythonStringRepr(s)
        case .list(let l): return "[" + l.items.map(literalRepr).joined(separator: ", ") + "]"
        case .tuple(let t): return "(" + t.map(literalRepr).joined(separator: ", ") + (t.count == 1 ? ",)" : ")")
        case .dict(let d): return "{" + d.items.map { "\(literalRepr($0.key.value)): \(literalRepr($0.value))" }.joined(separator: ", ") + "}"
        case .object(let o): return o.repr
        default: return "<\(v.typeName)>"
        }
    }

    func iterate(runtime: any PyRuntime) throws -> [PyValue]? { values }

    func contains(_ value: PyValue, runtime: any PyRuntime) throws -> Bool? {
        guard case .str(let s) = value else { return false }
        return names.contains(s)
    }

    func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue {
        switch key {
        case .str(let name):
            guard let i = names.firstIndex(of: name) else { throw PyException(.valueError, "\(name) is not in list") }
            return values[i]
        case .int(let i):
            let index = i < 0 ? i + values.count : i
            guard values.indices.contains(index) else { throw PyException(.indexError, "tuple index out of range") }
            return values[index]
        default:
            throw PyException(.typeError, "tuple indices must be integers or slices, not \(key.typeName)")
        }
    }

    func compare(_ op: ComparisonOperator, _ other: PyValue, runtime: any PyRuntime) throws -> PyValue? {
        guard op == .equal || op == .notEqual else { return nil }
        let same: Bool
        if let row = other.object(as: RowObject.self) {
            same = repr == row.repr
        } else if case .tuple(let t) = other {
            same = repr == RowObject(names: names, values: t).repr
        } else {
            same = false
        }
        return .bool(op == .equal ? same : !same)
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "asDict":
            return nativeMethod(name, [.optional("recursive", .bool(false))]) { b, _ in
                .dict(self.dict(recursive: try b.bool("recursive")))
            }
        case "count":
            return nativeMethod(name, ["value"]) { b, runtime in
                .int(try self.values.filter { try runtime.truthy(try Self.equal($0, b["value"], runtime)) }.count)
            }
        case "__fields__": return .list(PyList(names.map(PyValue.str)))
        default:
            if let i = names.firstIndex(of: name) { return values[i] }
            if name.hasPrefix("__") { return nil }
            throw PyException(.attributeError, name)
        }
    }

    private static func equal(_ a: PyValue, _ b: PyValue, _ runtime: any PyRuntime) throws -> PyValue {
        .bool(literalRepr(a) == literalRepr(b))
    }

    func dict(recursive: Bool) -> PyDict {
        PyDict(zip(names, values).map { name, value in
            if recursive, let row = value.object(as: RowObject.self) { return (name, .dict(row.dict(recursive: true))) }
            return (name, value)
        })
    }

    /// `Row("a", "b")` gives a row class; calling it names values by those fields.
    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        let fieldNames = try values.map { v -> String in
            guard case .str(let s) = v else { throw PyException(.typeError, "'Row' object is not callable") }
            return s
        }
        guard arguments.positional.count <= fieldNames.count, arguments.keywords.isEmpty else {
            throw PyException(.valueError, "Can not create Row with fields \(fieldNames), expected \(fieldNames.count) values but got \(arguments.positional.count)")
        }
        return .object(RowObject(names: Array(fieldNames.prefix(arguments.positional.count)), values: arguments.positional))
    }

    /// The `Row` class: `Row(a=1)` (keywords, in the order given) or `Row("a", "b")`.
    static var rowClass: PyValue { .object(NativeClass("Row", module: "pyspark.sql.types") { args, _ in
        if !args.keywords.isEmpty {
            guard args.positional.isEmpty else { throw PyException(.valueError, "Can not use both args and kwargs to create Row") }
            return .object(RowObject(names: args.keywords.map(\.name), values: args.keywords.map(\.value)))
        }
        return .object(RowObject(names: args.positional.indices.map { "_\($0 + 1)" }, values: args.positional))
    }) }
}
