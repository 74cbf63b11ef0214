import Foundation

/// A Spark DataFrame, minimal: one strict schema and the batches that follow it.
///
/// Unlike a `DynamicFrame`, a DataFrame has exactly one type per column: its `schema` never
/// holds a choice, and every batch has exactly the schema's columns, in order, with the
/// schema's types (a value missing in a batch is a null of the column's type). Made by
/// `DynamicFrame.toDF()`; turned back with `DynamicFrame.fromDF(_:name:)`. The Spark API
/// (select, where, show, Spark's printSchema...) is in `Frames/Spark/`.
///
/// After a join a DataFrame may hold two columns of one name (as Spark keeps them); each
/// column then carries the ids of the frames it came from (`qualifiers`), which resolve
/// `df1["id"]` (`ColumnExpression.column("id", table: df1.id)`).
public struct DataFrame: Sendable {
    /// The schema; never contains a choice.
    public let schema: StructType
    /// The rows, as batches that each have exactly `schema`'s columns and types.
    public let batches: [RecordBatch]
    /// Spark's nullability of each column (printSchema's `nullable = ...`): true unless the
    /// column is known never to be null (`count`, `lit(1)`, `row_number()`).
    public internal(set) var nullable: [Bool]
    /// Per column, the frame ids and aliases that qualify it (`df["id"]`, `alias("a")`).
    var qualifiers: [Set<String>]
    /// This frame's identity: `df["col"]` in a script is `.column("col", table: df.id)`.
    public internal(set) var id: String

    /// A DataFrame of `batches` shaped to `schema`: choices in `schema` become structs with one
    /// field per member type (as `toDF()` keeps them), missing columns become typed nulls,
    /// values are cast to the column types, columns the schema lacks are dropped.
    public init(schema: StructType, batches: [RecordBatch]) {
        let strict = StructType(schema.fields.map { Field($0.name, $0.type.keepingChoicesAsStructs) })
        self.init(strict: strict, batches: batches.map { $0.strictlyTyped(as: strict) })
    }

    /// A DataFrame from parts already in shape.
    init(strict schema: StructType, batches: [RecordBatch]) {
        self.init(strict: schema, batches: batches, nullable: nil, qualifiers: nil)
    }

    /// A DataFrame from parts already in shape, with its column nullability and qualifiers
    /// (nil: all nullable, unqualified). Every frame gets a fresh `id`, added to each column's
    /// qualifiers.
    init(strict schema: StructType, batches: [RecordBatch], nullable: [Bool]?, qualifiers: [Set<String>]?) {
        self.schema = schema
        self.batches = batches
        self.nullable = nullable ?? Array(repeating: true, count: schema.fields.count)
        let id = "df" + UUID().uuidString.prefix(8).lowercased()
        self.id = id
        self.qualifiers = (qualifiers ?? Array(repeating: [], count: schema.fields.count)).map { $0.union([id]) }
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
