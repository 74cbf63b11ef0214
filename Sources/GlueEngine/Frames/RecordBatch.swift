/// A batch of records stored by column: the unit a frame is made of (a few thousand to ~64k rows).
///
/// Different batches of one frame may have different columns or column types (a field first
/// seen in a later file, a type that drifts); the frame's schema merges them.
public struct RecordBatch: Sendable {
    /// The rows in the batch.
    public let count: Int
    /// Column names, unique, in order.
    public let names: [String]
    /// One column per name, each `count` rows long.
    public let columns: [Column]
    /// Where the rows came from (an `s3://` URI), when they came from one object.
    public var source: String?

    public init(count: Int, names: [String], columns: [Column], source: String? = nil) {
        precondition(names.count == columns.count && columns.allSatisfy { $0.count == count })
        self.count = count
        self.names = names
        self.columns = columns
        self.source = source
    }

    /// A batch built from records; fields are ordered by first appearance.
    public init(records: [DynamicRecord], source: String? = nil) {
        let builder = StructAppender()
        for r in records { builder.appendRecord(r) }
        let (names, columns) = builder.finishFields()
        self.init(count: records.count, names: names, columns: columns, source: source)
    }

    /// The schema of this batch alone.
    public var schema: StructType {
        StructType(zip(names, columns).map { Field($0.0, $0.1.type) })
    }

    /// The column called `name`, if any.
    public func column(_ name: String) -> Column? {
        names.firstIndex(of: name).map { columns[$0] }
    }

    /// Row `i` as a record (null fields left out).
    public func record(at i: Int) -> DynamicRecord {
        ColumnStorage.record(names: names, fields: columns, row: i)
    }

    /// All rows as records.
    public var records: [DynamicRecord] { (0..<count).map(record(at:)) }

    /// This batch with columns replaced, keeping the source.
    public func with(names: [String], columns: [Column]) -> RecordBatch {
        RecordBatch(count: count, names: names, columns: columns, source: source)
    }
}
