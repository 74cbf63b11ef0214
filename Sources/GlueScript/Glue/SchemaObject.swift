import GlueEngine

/// What `DynamicFrame.schema()` returns (awsglue's `gluetypes.StructType`), kept small: its
/// `str`/`repr` is the `printSchema()` tree; `fields` lists ``FieldObject``s; `field_names()`,
/// `hasField(name)` and `getField(name)` look fields up.
public final class SchemaObject: PyObject {
    public let schema: StructType

    public init(_ schema: StructType) {
        self.schema = schema
    }

    public var typeName: String { "StructType" }
    /// The tree without its final newline.
    public var repr: String { String(schema.treeString().dropLast()) }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "fields":
            return .list(PyList(schema.fields.map { .object(FieldObject($0)) }))
        case "field_names":
            return nativeMethod("field_names", []) { _, _ in .list(PyList(self.schema.names.map(PyValue.str))) }
        case "hasField":
            return nativeMethod("hasField", ["field"]) { b, _ in .bool(self.schema[try b.string("field")] != nil) }
        case "getField":
            return nativeMethod("getField", ["field_name"]) { b, _ in
                let name = try b.string("field_name")
                guard let f = self.schema[name] else { throw PyException(.keyError, "'\(name)'") }
                return .object(FieldObject(f))
            }
        default:
            return nil
        }
    }

    public func iterate(runtime: any PyRuntime) throws -> [PyValue]? {
        schema.fields.map { .object(FieldObject($0)) }
    }

    public func contains(_ value: PyValue, runtime: any PyRuntime) throws -> Bool? {
        guard case .str(let name) = value else { return false }
        return schema[name] != nil
    }
}

/// One field of a ``SchemaObject``: `name` and `dataType` (whose `str` is the Glue type name,
/// `choice` members included: `choice<long,string>`).
public final class FieldObject: PyObject {
    public let field: Field

    public init(_ field: Field) {
        self.field = field
    }

    public var typeName: String { "Field" }
    public var repr: String { "Field(\(field.name), \(Self.typeText(field.type)))" }

    public func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "name": .str(field.name)
        case "dataType": .str(Self.typeText(field.type))
        default: nil
        }
    }

    /// A type as one line: `long`, `array<string>`, `struct<id:long>`, `choice<long,string>`.
    static func typeText(_ type: DataType) -> String {
        switch type {
        case .array(let e): "array<\(typeText(e))>"
        case .map(let v): "map<string,\(typeText(v))>"
        case .structure(let s): "struct<" + s.fields.map { "\($0.name):\(typeText($0.type))" }.joined(separator: ",") + ">"
        case .choice(let c): "choice<" + c.members.map(typeText).joined(separator: ",") + ">"
        default: type.typeName
        }
    }
}
