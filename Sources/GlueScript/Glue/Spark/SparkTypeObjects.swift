import GlueEngine

/// `pyspark.sql.types`: the type classes (`StringType()`, `IntegerType()`, `LongType()`,
/// `DoubleType()`, `FloatType()`, `ShortType()`, `ByteType()`, `BooleanType()`, `DateType()`,
/// `TimestampType()`, `BinaryType()`, `NullType()`, `DecimalType(precision=10, scale=0)`,
/// `ArrayType(elementType, containsNull=True)`, `MapType(keyType, valueType,
/// valueContainsNull=True)`, `StructType(fields)`, `StructField(name, dataType,
/// nullable=True)`), for `cast`, `spark.read.schema(...)` and `createDataFrame(rows, schema)`.
/// Instances print as pyspark prints them (`DecimalType(10,2)`, `StructType([StructField('id',
/// LongType(), True)])`). Maps have string keys in gluelab (as DynamicFrame maps do).
enum SparkTypeObjects {
    static let atomic: [(String, DataType)] = [
        ("StringType", .string), ("IntegerType", .int), ("LongType", .long), ("DoubleType", .double),
        ("FloatType", .float), ("ShortType", .short), ("ByteType", .byte), ("BooleanType", .boolean),
        ("DateType", .date), ("TimestampType", .timestamp), ("BinaryType", .binary), ("NullType", .null),
    ]

    /// The module's members.
    static func members() -> [String: PyValue] {
        var members: [String: PyValue] = [:]
        for (name, type) in atomic {
            members[name] = .object(NativeClass(name, module: "pyspark.sql.types") { args, _ in
                _ = try args.bind(name, [])
                return .object(DataTypeObject(type))
            })
        }
        members["DecimalType"] = .object(NativeClass("DecimalType", module: "pyspark.sql.types") { args, _ in
            let b = try args.bind("DecimalType", [.optional("precision", .int(10)), .optional("scale", .int(0))])
            let p = try b.int("precision"), s = try b.int("scale")
            guard p > 0, p <= 38, s >= 0, s <= p else {
                throw PyException(.valueError, "DecimalType(\(p),\(s)): precision must be 1 to 38 and scale 0 to precision")
            }
            return .object(DataTypeObject(.decimal(precision: p, scale: s)))
        })
        members["ArrayType"] = .object(NativeClass("ArrayType", module: "pyspark.sql.types") { args, _ in
            let b = try args.bind("ArrayType", ["elementType", .optional("containsNull", .bool(true))])
            return .object(DataTypeObject(.array(try dataType(b["elementType"], "ArrayType"))))
        })
        members["MapType"] = .object(NativeClass("MapType", module: "pyspark.sql.types") { args, _ in
            let b = try args.bind("MapType", ["keyType", "valueType", .optional("valueContainsNull", .bool(true))])
            guard try dataType(b["keyType"], "MapType") == .string else {
                throw PyException(.typeError, "MapType(): gluelab maps have string keys (keyType=StringType())")
            }
            return .object(DataTypeObject(.map(try dataType(b["valueType"], "MapType"))))
        })
        members["StructField"] = .object(NativeClass("StructField", module: "pyspark.sql.types") { args, _ in
            let b = try args.bind("StructField", ["name", "dataType", .optional("nullable", .bool(true)), .optional("metadata")])
            return .object(StructFieldObject(name: try b.string("name"), type: try dataType(b["dataType"], "StructField"),
                                             nullable: try b.bool("nullable")))
        })
        members["StructType"] = .object(NativeClass("StructType", module: "pyspark.sql.types") { args, _ in
            let b = try args.bind("StructType", [.optional("fields")])
            let items = b["fields"].isNone ? [] : (b["fields"].sequenceItems ?? [])
            let fields = try items.map { item -> StructFieldObject in
                guard let f = item.object(as: StructFieldObject.self) else {
                    throw PyException(.typeError, "StructType() fields must be StructField objects, not \(item.typeName)")
                }
                return f
            }
            return .object(StructTypeObject(fields))
        })
        members["Row"] = RowObject.rowClass
        return members
    }

    /// A type given to `cast`, `ArrayType`, `StructField`...: a type object or a Spark type
    /// name (`"double"`, `"bigint"`, `"decimal(10,2)"`, `"array<string>"`).
    static func dataType(_ value: PyValue, _ function: String) throws -> DataType {
        switch value {
        case .str(let name): return try parse(name, function)
        case .object(let o):
            if let t = o as? DataTypeObject { return t.type }
            if let s = o as? StructTypeObject { return .structure(s.structType) }
        default: break
        }
        throw PyException(.typeError, "\(function)(): expected a DataType (StringType(), ...) or a type name string, got \(value.typeName)")
    }

    /// A Spark type name.
    static func parse(_ name: String, _ function: String) throws -> DataType {
        try SparkTypes.parse(name)
    }

    /// pyspark's `repr` of a type.
    static func repr(_ type: DataType) -> String {
        switch type {
        case .decimal(let p, let s): return "DecimalType(\(p),\(s))"
        case .array(let e): return "ArrayType(\(repr(e)), True)"
        case .map(let v): return "MapType(StringType(), \(repr(v)), True)"
        case .structure(let s): return StructTypeObject(s).repr
        case .choice(let c): return repr(.structure(StructType(c.members.map { Field($0.name, $0) })))
        default: return (atomic.first { $0.1 == type }?.0 ?? "NullType") + "()"
        }
    }

    /// pyspark's class name of a type (`StringType`, `StructType`).
    static func className(_ type: DataType) -> String {
        switch type {
        case .decimal: "DecimalType"
        case .array: "ArrayType"
        case .map: "MapType"
        case .structure, .choice: "StructType"
        default: atomic.first { $0.1 == type }?.0 ?? "NullType"
        }
    }
}

/// An instance of a `pyspark.sql.types` type (all but `StructType`).
final class DataTypeObject: PyObject {
    let type: DataType

    init(_ type: DataType) {
        self.type = type
    }

    var typeName: String { SparkTypeObjects.className(type) }
    var repr: String { SparkTypeObjects.repr(type) }

    func compare(_ op: ComparisonOperator, _ other: PyValue, runtime: any PyRuntime) throws -> PyValue? {
        guard op == .equal || op == .notEqual else { return nil }
        let same = (other.object(as: DataTypeObject.self)?.type == type)
        return .bool(op == .equal ? same : !same)
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "simpleString": return nativeMethod(name, []) { _, _ in .str(SparkText.simpleString(self.type)) }
        case "typeName": return nativeMethod(name, []) { _, _ in .str(self.type == .int ? "integer" : self.type == .null ? "void" : self.type.name) }
        case "elementType":
            if case .array(let e) = type { return e.isStructure ? .object(StructTypeObject(e.structFields)) : .object(DataTypeObject(e)) }
            return nil
        case "precision":
            if case .decimal(let p, _) = type { return .int(p) }
            return nil
        case "scale":
            if case .decimal(_, let s) = type { return .int(s) }
            return nil
        default: return nil
        }
    }
}

extension DataType {
    var isStructure: Bool {
        if case .structure = self { return true }
        return false
    }

    var structFields: StructType {
        if case .structure(let s) = self { return s }
        return StructType()
    }
}
