/// One leaf (primitive) column of a Parquet schema, with the levels its values can reach.
struct WriterLeaf: Sendable, Equatable {
    /// The names from the root's child down to the leaf (`["tags", "list", "element"]`).
    let path: [String]
    /// The Glue type of the values (`.null` for a column that is null in every record).
    let type: DataType
    let physicalType: Parquet.PhysicalType
    let maxDefinitionLevel: Int
    let maxRepetitionLevel: Int
}

/// How a Glue schema becomes a Parquet schema.
///
/// Every field is `optional` (Glue data is nullable). Types map as pyarrow and Spark write them:
///
/// | Glue | Parquet |
/// | --- | --- |
/// | boolean | BOOLEAN |
/// | byte, short | INT32 with INTEGER(8/16, signed) and INT_8/INT_16 |
/// | int, long | INT32, INT64 |
/// | float, double | FLOAT, DOUBLE |
/// | decimal(p,s) | INT32 (p ≤ 9) or INT64, DECIMAL(s, p) logical and converted type, scale and precision set |
/// | string | BYTE_ARRAY with STRING and UTF8 |
/// | binary | BYTE_ARRAY |
/// | date | INT32 with DATE |
/// | timestamp | INT64 with TIMESTAMP(isAdjustedToUTC=true, MICROS) and TIMESTAMP_MICROS |
/// | null | INT32 with UNKNOWN (every value null) |
/// | struct | a group |
/// | array | `group name (LIST) { repeated group list { optional element } }` |
/// | map | `group name (MAP) { repeated group key_value { required binary key (STRING); optional value } }` |
///
/// The root is called `schema` (as pyarrow names it). Choices cannot be written (Parquet has no
/// union), nor structs without fields (Parquet has no empty group).
enum ParquetSchemaMapping {
    /// The name of the schema's root element.
    static let rootName = "schema"

    /// The schema elements (root first, depth-first) and the leaves under each top-level field.
    static func map(_ schema: StructType) -> (elements: [Parquet.SchemaElement], leaves: [[WriterLeaf]]) {
        var elements = [Parquet.SchemaElement(name: rootName, numChildren: Int32(schema.fields.count))]
        var leaves: [[WriterLeaf]] = []
        for field in schema.fields {
            var fieldLeaves: [WriterLeaf] = []
            add(field.name, field.type, repetition: .optional, path: [], def: 0, rep: 0, &elements, &fieldLeaves)
            leaves.append(fieldLeaves)
        }
        return (elements, leaves)
    }

    private static func add(_ name: String, _ type: DataType, repetition: Parquet.Repetition, path: [String], def: Int, rep: Int,
                            _ elements: inout [Parquet.SchemaElement], _ leaves: inout [WriterLeaf]) {
        let path = path + [name]
        let def = repetition == .required ? def : def + 1
        switch type {
        case .structure(let s):
            elements.append(.init(repetition: repetition, name: name, numChildren: Int32(s.fields.count)))
            for f in s.fields { add(f.name, f.type, repetition: .optional, path: path, def: def, rep: rep, &elements, &leaves) }
        case .array(let element):
            elements.append(.init(repetition: repetition, name: name, numChildren: 1, convertedType: .list, logicalType: .list))
            elements.append(.init(repetition: .repeated, name: "list", numChildren: 1))
            add("element", element, repetition: .optional, path: path + ["list"], def: def + 1, rep: rep + 1, &elements, &leaves)
        case .map(let value):
            elements.append(.init(repetition: repetition, name: name, numChildren: 1, convertedType: .map, logicalType: .map))
            elements.append(.init(repetition: .repeated, name: "key_value", numChildren: 2))
            let inner = path + ["key_value"]
            add("key", .string, repetition: .required, path: inner, def: def + 1, rep: rep + 1, &elements, &leaves)
            add("value", value, repetition: .optional, path: inner, def: def + 1, rep: rep + 1, &elements, &leaves)
        default:
            var e = Parquet.SchemaElement(type: physicalType(type), repetition: repetition, name: name)
            annotate(&e, type)
            elements.append(e)
            leaves.append(WriterLeaf(path: path, type: type, physicalType: physicalType(type),
                                      maxDefinitionLevel: def, maxRepetitionLevel: rep))
        }
    }

    /// The physical type of an atomic Glue type.
    static func physicalType(_ type: DataType) -> Parquet.PhysicalType {
        switch type {
        case .boolean: .boolean
        case .long, .timestamp: .int64
        case .decimal(let p, _): p <= 9 ? .int32 : .int64
        case .float: .float
        case .double: .double
        case .string, .binary: .byteArray
        default: .int32  // null, byte, short, int, date
        }
    }

    /// Sets the logical and converted types of a leaf element.
    private static func annotate(_ e: inout Parquet.SchemaElement, _ type: DataType) {
        switch type {
        case .null:
            e.logicalType = .unknown
        case .byte:
            e.logicalType = .integer(bitWidth: 8, isSigned: true)
            e.convertedType = .int8
        case .short:
            e.logicalType = .integer(bitWidth: 16, isSigned: true)
            e.convertedType = .int16
        case .decimal(let p, let s):
            e.logicalType = .decimal(scale: Int32(s), precision: Int32(p))
            e.convertedType = .decimal
            e.scale = Int32(s)
            e.precision = Int32(p)
        case .string:
            e.logicalType = .string
            e.convertedType = .utf8
        case .date:
            e.logicalType = .date
            e.convertedType = .date
        case .timestamp:
            e.logicalType = .timestamp(isAdjustedToUTC: true, unit: .micros)
            e.convertedType = .timestampMicros
        default:
            break
        }
    }
}
