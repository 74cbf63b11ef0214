import GlueEngine

/// `pyspark.sql.types.StructType`: `df.schema`, `StructType([StructField(...)])`. Offers
/// `fields`, `names`, `fieldNames()`, `add(name, type, nullable=True)`, `simpleString()`,
/// `treeString()`, `len(schema)`, `schema["name"]`, iteration over its fields, and pyspark's
/// repr (`StructType([StructField('id', LongType(), True)])`).
final class StructTypeObject: PyObject {
    let fields: [StructFieldObject]

    init(_ fields: [StructFieldObject]) {
        self.fields = fields
    }

    /// A schema's fields; `nullable` per field (all nullable when nil or short).
    convenience init(_ schema: StructType, nullable: [Bool]? = nil) {
        self.init(schema.fields.enumerated().map { i, f in
            StructFieldObject(name: f.name, type: f.type, nullable: nullable.flatMap { i < $0.count ? $0[i] : nil } ?? true)
        })
    }

    var structType: StructType { StructType(fields.map { Field($0.name, $0.type) }) }

    var typeName: String { "StructType" }
    var repr: String { "StructType([" + fields.map(\.repr).joined(separator: ", ") + "])" }

    func iterate(runtime: any PyRuntime) throws -> [PyValue]? { fields.map { .object($0) } }

    func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue {
        switch key {
        case .str(let name):
            guard let f = fields.first(where: { $0.name == name }) else { throw PyException(.keyError, "No StructField named \(name)") }
            return .object(f)
        case .int(let i):
            let index = i < 0 ? i + fields.count : i
            guard fields.indices.contains(index) else { throw PyException(.indexError, "StructType index out of range") }
            return .object(fields[index])
        default:
            throw PyException(.typeError, "StructType keys should be strings or integers, not \(key.typeName)")
        }
    }

    func compare(_ op: ComparisonOperator, _ other: PyValue, runtime: any PyRuntime) throws -> PyValue? {
        guard op == .equal || op == .notEqual else { return nil }
        let same = other.object(as: StructTypeObject.self).map { $0.repr == repr } ?? false
        return .bool(op == .equal ? same : !same)
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "fields": return .list(PyList(fields.map { .object($0) }))
        case "names": return .list(PyList(fields.map { .str($0.name) }))
        case "fieldNames": return nativeMethod(name, []) { _, _ in .list(PyList(self.fields.map { .str($0.name) })) }
        case "simpleString": return nativeMethod(name, []) { _, _ in .str(SparkText.simpleString(.structure(self.structType))) }
        case "treeString": return nativeMethod(name, []) { _, _ in .str(SparkText.treeString(self.structType)) }
        case "add":
            return nativeMethod(name, ["field", .optional("data_type"), .optional("nullable", .bool(true))]) { b, _ in
                if let f = b["field"].object(as: StructFieldObject.self) { return .object(StructTypeObject(self.fields + [f])) }
                let field = StructFieldObject(name: try b.string("field"), type: try SparkTypeObjects.dataType(b["data_type"], "StructType.add"),
                                              nullable: try b.bool("nullable"))
                return .object(StructTypeObject(self.fields + [field]))
            }
        default: return nil
        }
    }
}

/// `pyspark.sql.types.StructField(name, dataType, nullable=True)`: `name`, `dataType`,
/// `nullable`, pyspark's repr (`StructField('id', LongType(), True)`).
final class StructFieldObject: PyObject {
    let name: String
    let type: DataType
    let nullable: Bool

    init(name: String, type: DataType, nullable: Bool) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }

    var typeName: String { "StructField" }
    var repr: String { "StructField(\(pythonStringRepr(name)), \(SparkTypeObjects.repr(type)), \(nullable ? "True" : "False"))" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "name": return .str(self.name)
        case "dataType": return type.isStructure ? .object(StructTypeObject(type.structFields)) : .object(DataTypeObject(type))
        case "nullable": return .bool(nullable)
        case "simpleString": return nativeMethod(name, []) { _, _ in .str("\(self.name):\(SparkText.simpleString(self.type))") }
        default: return nil
        }
    }
}
