import Dispatch

/// Writes a DynamicFrame's batches as one Parquet file, streaming: each leaf column keeps the
/// encoded, compressed pages of the current row group only, and a row group goes to the output
/// as soon as it holds `blockSize` uncompressed bytes. Peak memory is about one row group
/// (compressed) plus one batch.
///
/// ```swift
/// let output = ParquetBufferOutput()
/// let writer = try ParquetWriter(schema: frame.schema(), options: ParquetWriteOptions(), output: output)
/// for batch in frame.batches { try writer.write(batch) }
/// try writer.close()
/// ```
///
/// - The file: `PAR1`, the row groups' column chunks (an optional dictionary page, then v1
///   data pages, each with a Thrift compact header), the footer, its length, `PAR1`. The
///   footer has `created_by` "gluelab version 0.1.0", TYPE_DEFINED_ORDER column orders, and
///   per chunk the encodings, sizes, offsets and statistics (`null_count`, and `min_value` /
///   `max_value` where there are values). Nothing in it depends on the time or the machine:
///   the same frame and options always make the same bytes.
/// - Schema: see `ParquetSchemaMapping`. A batch may lack columns, or hold a `null`-typed
///   column where the schema has a type (both write nulls); nested structs likewise.
/// - Pages: v1 data pages of about `pageSize` bytes and at most 20 000 rows (parquet-mr's
///   limit), PLAIN or dictionary-encoded (see `LeafValueEncoder`); levels RLE / bit-packed.
/// - The columns of a batch are encoded in parallel.
public final class ParquetWriter {
    /// The `created_by` of every file gluelab writes.
    public static let createdBy = "gluelab version 0.1.0"

    private let schema: StructType
    private let options: ParquetWriteOptions
    private let output: any ParquetOutput
    private let elements: [Parquet.SchemaElement]
    /// One writer per leaf, grouped by top-level field.
    private let writers: [[ColumnChunkWriter]]
    private let fieldIndex: [String: Int]

    private var offset: Int64 = 0
    private var staging: [UInt8] = []
    private var rowGroups: [Parquet.RowGroup] = []
    private var rowsInGroup = 0
    private var rowsWritten: Int64 = 0
    private var bytesWritten: Int64 = 0
    private var footer: Parquet.FileMetaData?
    private var failure: EngineError?

    /// Starts a file for frames of `schema` (the frame's merged schema, `frame.schema()`).
    ///
    /// - Throws: `EngineError.unsupported` before writing anything when the schema holds a
    ///   choice (each is named, with the `resolveChoice` that fixes it), a struct without
    ///   fields or no field at all, or when the codec is not available; `EngineError.io` when
    ///   the output fails.
    public init(schema: StructType, options: ParquetWriteOptions, output: any ParquetOutput) throws(EngineError) {
        try ParquetSchemaMapping.checkWritable(schema)
        _ = try ParquetCodec.compress([], codec: options.compression)
        self.schema = schema
        self.options = options
        self.output = output
        let mapped = ParquetSchemaMapping.map(schema)
        elements = mapped.elements
        writers = mapped.leaves.map { $0.map { ColumnChunkWriter(leaf: $0, options: options) } }
        var index: [String: Int] = [:]
        for (i, f) in schema.fields.enumerated() { index[f.name] = i }
        fieldIndex = index
        staging.reserveCapacity(Self.stagingSize)
        try emit(Parquet.magic)
    }

    /// Writes a batch's rows.
    ///
    /// - Throws: `EngineError.unsupported` naming the column when a column's type differs from
    ///   the schema's (other than being null) or is not in the schema; after an error the
    ///   writer refuses further calls.
    public func write(_ batch: RecordBatch) throws(EngineError) {
        try checkUsable()
        var columns = [Column?](repeating: nil, count: schema.fields.count)
        for (name, column) in zip(batch.names, batch.columns) {
            guard let i = fieldIndex[name] else {
                throw .unsupported(what: "Parquet", reason: "column \(name) is not in the frame's schema")
            }
            if let problem = Self.mismatch(column.type, schema.fields[i].type, path: name) {
                throw .unsupported(what: "Parquet", reason: problem)
            }
            columns[i] = column
        }
        do {
            var start = 0
            while start < batch.count {
                let (rows, fills) = rowsToTake(remaining: batch.count - start)
                try encode(columns, rows: start..<(start + rows))
                rowsInGroup += rows
                start += rows
                if fills || bufferedSize >= options.blockSize { try flushRowGroup() }
            }
        } catch {
            failure = error
            throw error
        }
    }

    /// Writes the last row group and the footer; returns the footer. Calling it again returns
    /// the same footer.
    @discardableResult
    public func close() throws(EngineError) -> Parquet.FileMetaData {
        if let footer { return footer }
        try checkUsable()
        do {
            try flushRowGroup()
            let metadata = Parquet.FileMetaData(
                version: 1, schema: elements, numRows: rowsWritten, rowGroups: rowGroups,
                createdBy: Self.createdBy, typeDefinedColumnOrders: writers.reduce(0) { $0 + $1.count })
            let bytes = metadata.thriftBytes()
            try emit(bytes)
            let length = UInt32(bytes.count)
            try emit((0..<4).map { UInt8(truncatingIfNeeded: length >> (8 * $0)) })
            try emit(Parquet.magic)
            try flushStaging()
            footer = metadata
            return metadata
        } catch {
            failure = error
            throw error
        }
    }

    /// The Parquet file of a whole frame, in memory (throws as `init` and `write` do).
    public static func encode(_ frame: DynamicFrame, options: ParquetWriteOptions = .init()) throws(EngineError) -> [UInt8] {
        let output = ParquetBufferOutput()
        let writer = try ParquetWriter(schema: frame.schema(), options: options, output: output)
        for batch in frame.batches { try writer.write(batch) }
        try writer.close()
        return output.bytes
    }

    private func checkUsable() throws(EngineError) {
        if let failure {
            throw .unsupported(what: "Parquet", reason: "the writer stopped at an earlier error (\(failure))")
        }
        if footer != nil {
            throw .unsupported(what: "Parquet", reason: "the writer is closed")
        }
    }

    // MARK: - Row groups

    /// The uncompressed bytes buffered for the current row group.
    private var bufferedSize: Int {
        writers.reduce(0) { total, field in field.reduce(total) { $0 + $1.bufferedSize } }
    }

    /// How many of the batch's remaining rows go into the current row group, and whether they
    /// are expected to fill it. The first rows of a file are a small probe that gives the
    /// bytes per row.
    private func rowsToTake(remaining: Int) -> (Int, Bool) {
        let buffered = bufferedSize
        let rowsSoFar = Int(rowsWritten) + rowsInGroup
        guard rowsSoFar > 0 else { return (min(remaining, max(1, options.blockSize / 64), 1024), false) }
        let perRow = max(1, Double(bytesWritten + Int64(buffered)) / Double(rowsSoFar))
        let fit = Int(Double(max(0, options.blockSize - buffered)) / perRow)
        return fit >= remaining ? (remaining, false) : (max(1, fit), true)
    }

    /// Shreds and encodes rows `rows` of every column, the columns in parallel.
    private func encode(_ columns: [Column?], rows: Range<Int>) throws(EngineError) {
        let fields = schema.fields
        let writers = self.writers
        let errors = WriterSlots<EngineError>(count: fields.count)
        defer { errors.deallocate() }
        let work = { @Sendable (i: Int) in
            do throws(EngineError) {
                let slices = try ColumnShredder.shred(columns[i], type: fields[i].type, rows: rows, name: fields[i].name)
                for (writer, slice) in zip(writers[i], slices) { try writer.append(slice) }
            } catch {
                errors.store(error, at: i)
            }
        }
        if fields.count > 1 && rows.count * fields.count >= 8192 {
            DispatchQueue.concurrentPerform(iterations: fields.count, execute: work)
        } else {
            for i in 0..<fields.count { work(i) }
        }
        for i in 0..<fields.count {
            if let error = errors.load(i) { throw error }
        }
    }

    /// Writes the current row group's column chunks (finished in parallel) and records its
    /// metadata.
    private func flushRowGroup() throws(EngineError) {
        guard rowsInGroup > 0 else { return }
        let leaves = writers.flatMap { $0 }
        let chunks = WriterSlots<Result<EncodedColumnChunk, EngineError>>(count: leaves.count)
        defer { chunks.deallocate() }
        DispatchQueue.concurrentPerform(iterations: leaves.count) { i in
            chunks.store(Result { () throws(EngineError) in try leaves[i].finishChunk() }, at: i)
        }
        let groupStart = offset
        var columnChunks: [Parquet.ColumnChunk] = []
        var uncompressed: Int64 = 0
        var compressed: Int64 = 0
        for (i, writer) in leaves.enumerated() {
            guard let result = chunks.take(i) else { continue }
            var chunk = try result.get()
            var dictionaryOffset: Int64?
            if !chunk.dictionaryPage.isEmpty {
                dictionaryOffset = offset
                for piece in chunk.dictionaryPage { try emit(piece) }
            }
            let dataOffset = offset
            for piece in chunk.dataPages { try emit(piece) }
            let written = chunk.dataPages
            chunk.dataPages = []
            writer.recycle(written)
            let leaf = writer.leaf
            let metadata = Parquet.ColumnMetaData(
                type: leaf.physicalType, encodings: chunk.encodings, pathInSchema: leaf.path, codec: options.compression,
                numValues: chunk.numValues, totalUncompressedSize: chunk.totalUncompressedSize,
                totalCompressedSize: chunk.totalCompressedSize, dataPageOffset: dataOffset,
                dictionaryPageOffset: dictionaryOffset, statistics: chunk.statistics)
            columnChunks.append(Parquet.ColumnChunk(fileOffset: 0, metaData: metadata))
            uncompressed += chunk.totalUncompressedSize
            compressed += chunk.totalCompressedSize
        }
        rowGroups.append(Parquet.RowGroup(
            columns: columnChunks, totalByteSize: uncompressed, numRows: Int64(rowsInGroup), fileOffset: groupStart,
            totalCompressedSize: compressed, ordinal: Int16(exactly: rowGroups.count)))
        rowsWritten += Int64(rowsInGroup)
        bytesWritten += uncompressed
        rowsInGroup = 0
    }

    // MARK: - Output

    private static let stagingSize = 1 << 18

    /// Sends bytes to the output, gathering small pieces.
    private func emit(_ bytes: [UInt8]) throws(EngineError) {
        offset += Int64(bytes.count)
        if staging.count + bytes.count <= Self.stagingSize {
            staging.append(contentsOf: bytes)
            return
        }
        try flushStaging()
        if bytes.count < Self.stagingSize {
            staging.append(contentsOf: bytes)
        } else {
            try write(bytes)
        }
    }

    private func flushStaging() throws(EngineError) {
        guard !staging.isEmpty else { return }
        try write(staging)
        staging.removeAll(keepingCapacity: true)
    }

    private func write(_ bytes: [UInt8]) throws(EngineError) {
        var failure: EngineError?
        bytes.withUnsafeBytes { raw in
            do throws(EngineError) {
                try output.write(raw)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }

    // MARK: - Batch types

    /// Why a batch column of type `found` cannot be written under the schema type `expected`,
    /// or nil when it can (nulls anywhere, fewer struct fields, other decimal precisions).
    static func mismatch(_ found: DataType, _ expected: DataType, path: String) -> String? {
        switch (found, expected) {
        case (.null, _):
            return nil
        case (.structure(let f), .structure(let e)):
            for field in f.fields {
                guard let target = e[field.name] else {
                    return "column \(path).\(field.name) is not in the frame's schema"
                }
                if let problem = mismatch(field.type, target.type, path: "\(path).\(field.name)") { return problem }
            }
            return nil
        case (.array(let f), .array(let e)):
            return mismatch(f, e, path: path + "[]")
        case (.map(let f), .map(let e)):
            return mismatch(f, e, path: path + ".value")
        default:
            if found.isAtomic && found.name == expected.name { return nil }
            return "column \(path) holds \(found.typeName) values in a batch but the frame's schema says \(expected.typeName)"
        }
    }
}

/// Result slots that concurrent work items fill, one each.
final class WriterSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(1, count))
        slots.initialize(repeating: nil, count: max(1, count))
    }

    func store(_ value: T, at i: Int) { slots[i] = value }

    func load(_ i: Int) -> T? { slots[i] }

    /// Moves the value out, leaving the slot empty.
    func take(_ i: Int) -> T? {
        defer { slots[i] = nil }
        return slots[i]
    }

    func deallocate() {
        slots.deinitialize(count: max(1, count))
        slots.deallocate()
    }
}
