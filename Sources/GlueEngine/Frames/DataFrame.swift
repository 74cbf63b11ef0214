/// A Spark DataFrame, minimal: one strict schema and the batches that follow it.
///
/// Unlike a `DynamicFrame`, a DataFrame has exactly one type per column: its `schema` never
/// holds a choice, and every batch has exactly the schema's columns, in order, with the
/// schema's types (a value missing in a batch is a null of the column's type). Made by
/// `DynamicFrame.toDF()`; turned back with `DynamicFrame.fromDF(_:name:)`. The DataFrame API
/// (select, where, show, Spark's printSchema...) comes later.
public struct DataFrame: Sendable {
    /// The schema; never contains a choice.
    public let schema: StructType
    /// The rows, as batches that each have exactly `schema`'s columns and types.
    public let batches: [RecordBatch]

    /// A DataFrame of `batches` shaped to `schema`: choices in `schema` become structs with one
    /// field per member type (as `toDF()` keeps them), missing columns become typed nulls,
    /// values are cast to the column types, columns the schema lacks are dropped.
    public init(schema: StructType, batches: [RecordBatch]) {
        let strict = StructType(schema.fields.map { Field($0.name, $0.type.keepingChoicesAsStructs) })
        self.init(strict: strict, batches: batches.map { $0.strictlyTyped(as: strict) })
    }

    /// A DataFrame from parts already in shape.
    init(strict schema: StructType, batches: [RecordBatch]) {
        self.schema = schema
        self.batches = batches
    }

    /// The number of rows.
    public func count() -> Int {
        batches.reduce(0) { $0 + $1.count }
    }

    /// The rows as records (null fields left out, as record views do).
    public var records: [DynamicRecord] { batches.flatMap(\.records) }
}

extension DataType {
    /// This type with every choice, at any depth, replaced by a struct with one field per
    /// member, named by the member's type (`{long: long, string: string}`).
    var keepingChoicesAsStructs: DataType {
        switch self {
        case .choice(let c):
            return .structure(StructType(c.members.map { Field($0.name, $0.keepingChoicesAsStructs) }))
        case .structure(let s):
            return .structure(StructType(s.fields.map { Field($0.name, $0.type.keepingChoicesAsStructs) }))
        case .array(let e):
            return .array(e.keepingChoicesAsStructs)
        case .map(let v):
            return .map(v.keepingChoicesAsStructs)
        default:
            return self
        }
    }
}
