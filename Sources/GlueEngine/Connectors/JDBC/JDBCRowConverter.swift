import GRDB

/// Turns stored rows into a column batch: each value converted to its column's Glue type
/// (``JDBCTypes``), and a row with a value that does not convert turned into an error record
/// that names the column and the value and carries the row's key columns as stored.
struct JDBCRowConverter {
    let info: JDBCTableInfo
    let source: String
    /// The columns that identify a row in an error record (bookmark keys, primary key, or all).
    let identifying: [Int]
    private var builders: [ColumnBuilder]
    private var values: [Value]
    /// Rows in the builders, not yet flushed.
    private(set) var pending = 0
    /// Rows seen, good or bad.
    private(set) var read = 0
    private(set) var errors: [ErrorRecord] = []

    init(info: JDBCTableInfo, source: String, identifying: [Int]) {
        self.info = info
        self.source = source
        self.identifying = identifying
        builders = info.columns.map { _ in ColumnBuilder() }
        values = Array(repeating: .null, count: info.columns.count)
    }

    mutating func append(_ stored: [DatabaseValue]) {
        read += 1
        for (j, column) in info.columns.enumerated() {
            switch JDBCTypes.value(stored[j], as: column.type) {
            case .success(let v):
                values[j] = v
            case .failure(let mismatch):
                let key = DynamicRecord(identifying.map { (info.columns[$0].name, JDBCTypes.rawValue(stored[$0])) })
                errors.append(ErrorRecord(
                    message: "column \(column.name) (declared \(column.declared)): stored \(mismatch.storageName) "
                        + "\(EngineError.quote(mismatch.raw.plainText)) is not a valid \(mismatch.target.typeName)",
                    transformation: "jdbc", source: source, raw: mismatch.raw.plainText, record: key))
                return
            }
        }
        for (b, v) in zip(builders, values) { b.append(v) }
        pending += 1
    }

    /// The pending rows as a batch; the builders start afresh.
    mutating func flush() -> RecordBatch {
        let columns = zip(builders, info.columns).map { Self.finish($0, type: $1.type) }
        let batch = RecordBatch(count: pending, names: info.columns.map(\.name), columns: columns, source: source)
        builders = info.columns.map { _ in ColumnBuilder() }
        pending = 0
        return batch
    }

    /// The builder's column; a column with only nulls keeps its declared type (the table says
    /// what the column is, as a JDBC result set's metadata does), instead of typing as `null`.
    static func finish(_ builder: ColumnBuilder, type: DataType?) -> Column {
        let column = builder.finish()
        guard case .null = column.storage, let type else { return column }
        let n = column.count
        let none = [Bool](repeating: false, count: n)
        let storage: ColumnStorage
        switch type {
        case .boolean: storage = .boolean(none)
        case .byte, .short, .int, .date: storage = .int32([Int32](repeating: 0, count: n), type)
        case .long, .timestamp, .decimal: storage = .int64([Int64](repeating: 0, count: n), type)
        case .float: storage = .float32([Float](repeating: 0, count: n))
        case .double: storage = .float64([Double](repeating: 0, count: n))
        case .string, .binary: storage = .bytes(ByteColumn(offsets: [Int32](repeating: 0, count: n + 1), data: []), type)
        default: return column
        }
        return Column(count: n, storage: storage, validity: none)
    }
}
