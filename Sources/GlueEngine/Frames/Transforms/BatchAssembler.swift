/// Builds one `RecordBatch` from rows taken out of other batches (and, for transforms that make
/// new records, from records). Filter, split_rows, repartition and coalesce use it to regroup
/// rows without going through `DynamicRecord`s.
///
/// Column types are recomputed from the rows actually copied: a choice column whose string
/// rows were all filtered out comes back as a plain `long` column, as Glue's on-the-fly schema
/// would. A top-level field with no value in any copied row is left out (records leave null
/// fields out, so the recomputed schema of those records has no such field) — unless it was
/// null in every row of a source batch, or set to null explicitly in an appended record: such
/// a field was typed `null` before and stays so, until `DropNullFields` removes it.
final class BatchAssembler {
    private let root = StructAppender()
    private var sources: Set<String> = []
    private var sawUnknownSource = false
    /// Fields that were `null`-typed in a source batch or explicitly null in a record.
    private var explicitNulls: Set<String> = []

    /// The rows appended so far.
    var count: Int { root.count }

    /// Copies rows `rows` of `batch`, in the order given.
    func append<S: Sequence>(_ batch: RecordBatch, rows: S) where S.Element == Int {
        let builders = batch.names.map { root.field($0) }
        noteNullColumns(of: batch)
        noteSource(batch.source)
        for i in rows {
            for (column, builder) in zip(batch.columns, builders) {
                Self.appendCell(column, i, to: builder)
            }
            root.endRow()
        }
    }

    /// Declares the fields of `batch` without copying rows, so they exist (as nulls) even when
    /// no row of `batch` ends up in the result.
    func declareFields(of batch: RecordBatch) {
        for n in batch.names { _ = root.field(n) }
        noteNullColumns(of: batch)
    }

    /// Appends a record as one row.
    func append(_ record: DynamicRecord) {
        sawUnknownSource = true
        for (n, v) in zip(record.names, record.values) where v.isNull { explicitNulls.insert(n) }
        root.appendRecord(record)
    }

    /// The finished batch; its `source` is kept when every row came from one object.
    func finish() -> RecordBatch {
        var (names, columns) = root.finishFields()
        for i in names.indices.reversed() {
            if case .null = columns[i].storage, !explicitNulls.contains(names[i]) {
                names.remove(at: i)
                columns.remove(at: i)
            }
        }
        let source = !sawUnknownSource && sources.count == 1 ? sources.first : nil
        return RecordBatch(count: root.count, names: names, columns: columns, source: source)
    }

    private func noteNullColumns(of batch: RecordBatch) {
        for (n, c) in zip(batch.names, batch.columns) {
            if case .null = c.storage { explicitNulls.insert(n) }
        }
    }

    private func noteSource(_ source: String?) {
        if let source { sources.insert(source) } else { sawUnknownSource = true }
    }

    /// Copies row `i` of `column` into `builder`, with fast paths that avoid making `Value`s
    /// (and Strings) for the common flat types.
    static func appendCell(_ column: Column, _ i: Int, to builder: ColumnBuilder) {
        if let validity = column.validity, !validity[i] {
            builder.appendNull()
            return
        }
        switch column.storage {
        case .null:
            builder.appendNull()
        case .int64(let v, .long):
            builder.appendLong(v[i])
        case .int32(let v, .int):
            builder.appendInt(v[i])
        case .float64(let v):
            builder.appendDouble(v[i])
        case .boolean(let v):
            builder.appendBool(v[i])
        case .bytes(let b, .string):
            let start = Int(b.offsets[i])
            let end = Int(b.offsets[i + 1])
            b.data.withUnsafeBytes { raw in
                builder.appendString(bytes: UnsafeRawBufferPointer(rebasing: raw[start..<end]))
            }
        case .choice(let tags, let members):
            let tag = tags[i]
            if tag == ColumnStorage.nullTag {
                builder.appendNull()
            } else {
                appendCell(members[Int(tag)], i, to: builder)
            }
        default:
            builder.append(column.value(at: i))
        }
    }
}

extension RecordBatch {
    /// The rows `rows` of this batch as a new batch (this batch itself when every row is kept).
    func gather(_ rows: [Int]) -> RecordBatch {
        if rows.count == count, rows.elementsEqual(0..<count) { return self }
        if let flat = gatherFlat(rows) { return flat }
        let a = BatchAssembler()
        a.declareFields(of: self)
        a.append(self, rows: rows)
        return a.finish()
    }
}

extension RecordBatch {
    /// `gather` for a batch of flat columns (booleans, numbers, dates, timestamps, strings,
    /// binaries; no structs, arrays, maps or choices): copies the typed buffers directly, with
    /// the assembler's rule kept — a column left with no value is dropped, unless it was an
    /// all-null column to begin with. Nil when the batch has other columns or no rows are kept.
    func gatherFlat(_ rows: [Int]) -> RecordBatch? {
        guard !rows.isEmpty else { return nil }
        var names: [String] = []
        var columns: [Column] = []
        for (name, column) in zip(self.names, self.columns) {
            let validity = column.validity.map { v in rows.map { v[$0] } }
            if let validity, !validity.contains(true) { continue }
            let storage: ColumnStorage
            switch column.storage {
            case .null: storage = .null
            case .boolean(let v): storage = .boolean(rows.map { v[$0] })
            case .int32(let v, let t): storage = .int32(rows.map { v[$0] }, t)
            case .int64(let v, let t): storage = .int64(rows.map { v[$0] }, t)
            case .float32(let v): storage = .float32(rows.map { v[$0] })
            case .float64(let v): storage = .float64(rows.map { v[$0] })
            case .bytes(let b, let t):
                var out = ByteColumn(offsets: [0], data: [])
                out.offsets.reserveCapacity(rows.count + 1)
                for r in rows {
                    out.data.append(contentsOf: b[r])
                    out.offsets.append(Int32(out.data.count))
                }
                storage = .bytes(out, t)
            case .structure, .array, .map, .choice:
                return nil
            }
            names.append(name)
            columns.append(Column(count: rows.count, storage: storage, validity: validity))
        }
        return RecordBatch(count: rows.count, names: names, columns: columns, source: source)
    }
}
