import Foundation

/// A Parquet file held in memory, read as Glue record batches.
///
/// `init` checks the leading and trailing `PAR1` magic and the footer length, decodes the
/// footer and maps the schema to Glue types (see `LeafConversion` for the type table, and
/// `ParquetSchemaLayout` for lists and maps). Reading decodes only the column chunks of the
/// requested top-level columns (a struct column reads all its leaves) and, with a predicate,
/// skips row groups whose statistics rule every row out. Malformed input of any kind — a
/// truncated file, bad magic, a corrupt footer or page, lengths that lie — throws
/// `EngineError.malformedInput` naming the file (and the row group and column where known);
/// an encoding or codec gluelab does not read throws `EngineError.unsupported` naming it.
public struct ParquetFile: Sendable {
    /// The decoded footer.
    public let metadata: Parquet.FileMetaData
    /// The object the bytes came from, for errors and batch sources.
    public let source: String
    let bytes: [UInt8]
    let layout: ParquetSchemaLayout
    /// The `ColumnOrder` of every leaf (1 = TYPE_ORDER), when the footer lists them.
    let columnOrders: [Int16]?
    /// Where the footer's Thrift bytes start; column chunks must end before it.
    let footerStart: Int

    /// The Glue schema of the file's columns.
    public var schema: StructType { layout.schema }

    /// The bytes a reader fetches to learn the file's layout: the footer, its 4-byte length
    /// and the trailing magic.
    public var footerBytes: Int64 { Int64(bytes.count - footerStart) }

    /// Parses the footer of `data`; `source` names the object in errors.
    public init(_ data: Data, source: String) throws(EngineError) {
        self.source = source
        let bytes = [UInt8](data)
        self.bytes = bytes
        func malformed(_ reason: String, _ value: String = "") -> EngineError {
            .malformedInput(source: source, line: 0, reason: reason, value: value)
        }
        guard bytes.count >= 12 else { throw malformed("not a Parquet file: \(bytes.count) bytes is too short", "") }
        let tail = bytes[(bytes.count - 4)...]
        if tail.elementsEqual(Array("PARE".utf8)) {
            throw .unsupported(what: "encrypted Parquet file \(source)", reason: "gluelab does not read Parquet modular encryption")
        }
        guard bytes[0..<4].elementsEqual(Parquet.magic) else {
            throw malformed("not a Parquet file: it does not start with PAR1", String(decoding: bytes[0..<4], as: UTF8.self))
        }
        guard tail.elementsEqual(Parquet.magic) else {
            throw malformed("not a Parquet file (or a truncated one): it does not end with PAR1", String(decoding: tail, as: UTF8.self))
        }
        var length: UInt32 = 0
        for k in 0..<4 { length |= UInt32(bytes[bytes.count - 8 + k]) << (8 * UInt32(k)) }
        guard Int(length) <= bytes.count - 12 else {
            throw malformed("footer length \(length) exceeds the file's \(bytes.count) bytes", String(length))
        }
        footerStart = bytes.count - 8 - Int(length)
        var orders: [Int16]?
        do {
            var reader = ThriftCompactReader(bytes, start: footerStart, end: bytes.count - 8)
            metadata = try Parquet.FileMetaData.decode(&reader, columnOrders: &orders)
            layout = try ParquetSchemaLayout(metadata.schema)
        } catch {
            throw error.inParquet(source, context: "footer")
        }
        columnOrders = orders
        for (i, group) in metadata.rowGroups.enumerated() {
            guard group.columns.count == layout.leaves.count, group.numRows >= 0 else {
                throw malformed("row group \(i) has \(group.columns.count) column chunks for \(layout.leaves.count) columns")
            }
            // Every row holds one value of a flat column, and at least one entry of a nested one.
            for leaf in layout.leaves {
                guard let values = group.columns[leaf.index].metaData?.numValues else { continue }
                if leaf.maxRepetitionLevel == 0 ? values != group.numRows : values < group.numRows {
                    throw malformed("row group \(i) has \(group.numRows) rows but column \(leaf.dottedPath) \(values) values")
                }
            }
        }
    }

    /// The number of row groups.
    public var rowGroupCount: Int { metadata.rowGroups.count }

    /// Reads the file: the columns named in `columns` (all when nil; names not in the file are
    /// ignored, as a DynamicFrame treats an absent field as null), in batches of at most
    /// `batchSize` rows, skipping the row groups `predicate` rules out.
    ///
    /// The predicate only skips whole row groups: rows of the groups read are not filtered,
    /// so the caller still applies its filter to them.
    public func read(columns: [String]? = nil, predicate: ParquetPredicate? = nil,
                     batchSize: Int = 65_536) throws(EngineError) -> ParquetReadResult {
        var result = ParquetReadResult(batches: [], rowGroupsRead: 0, rowGroupsSkipped: 0, bytesRead: footerBytes)
        let fields = selectedFields(columns)
        for i in 0..<rowGroupCount {
            if let predicate, !predicate.mayMatch(rowGroup: i, of: self) {
                result.rowGroupsSkipped += 1
                continue
            }
            result.batches += try readRowGroup(i, fields: fields, batchSize: batchSize)
            result.bytesRead += try chunkBytes(rowGroup: i, fields: fields)
            result.rowGroupsRead += 1
        }
        return result
    }

    /// Reads one row group (for streaming), with the same column selection as `read`.
    public func readRowGroup(_ i: Int, columns: [String]?, batchSize: Int = 65_536) throws(EngineError) -> [RecordBatch] {
        try readRowGroup(i, fields: selectedFields(columns), batchSize: batchSize)
    }

    /// The bytes `readRowGroup(i, columns:)` reads from the object: its column chunks.
    public func columnChunkBytes(rowGroup i: Int, columns: [String]?) throws(EngineError) -> Int64 {
        try chunkBytes(rowGroup: i, fields: selectedFields(columns))
    }

    // MARK: Internals

    /// The indices of the top-level fields to read, in the order asked.
    func selectedFields(_ columns: [String]?) -> [Int] {
        guard let columns else { return Array(layout.fields.indices) }
        var out: [Int] = []
        for name in columns {
            if let i = layout.schema.index(of: name), !out.contains(i) { out.append(i) }
        }
        return out
    }

    private func leaves(of fields: [Int]) -> [ParquetLeaf] {
        layout.leaves.filter { fields.contains($0.topLevelField) }
    }

    private func chunkBytes(rowGroup i: Int, fields: [Int]) throws(EngineError) -> Int64 {
        guard metadata.rowGroups.indices.contains(i) else { throw .notFound(what: "row group \(i) of \(source)") }
        var total: Int64 = 0
        for leaf in leaves(of: fields) { total += Int64(try chunkRange(rowGroup: i, leaf: leaf).1.count) }
        return total
    }

    /// The metadata and byte range of a leaf's chunk in row group `i`, checked against the file.
    func chunkRange(rowGroup i: Int, leaf: ParquetLeaf) throws(EngineError) -> (Parquet.ColumnMetaData, Range<Int>) {
        let chunk = metadata.rowGroups[i].columns[leaf.index]
        let context = "row group \(i), column \(leaf.dottedPath)"
        guard let meta = chunk.metaData else {
            throw .malformedInput(source: source, line: 0, reason: "\(context): column chunk without metadata", value: "")
        }
        guard chunk.filePath == nil || chunk.filePath == "" else {
            throw .unsupported(what: "\(context) of \(source) lives in \(chunk.filePath ?? "")", reason: "gluelab reads single-file Parquet")
        }
        guard meta.type == leaf.physicalType else {
            throw .malformedInput(source: source, line: 0, reason: "\(context): chunk type disagrees with the schema",
                                  value: meta.type.thriftName)
        }
        var start = meta.dataPageOffset
        if let dictionary = meta.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        let (end, overflow) = start.addingReportingOverflow(meta.totalCompressedSize)
        guard start >= 0, meta.totalCompressedSize >= 0, !overflow, end <= Int64(footerStart) else {
            throw .malformedInput(source: source, line: 0, reason: "\(context): column chunk lies outside the file's data",
                                  value: "\(start)+\(meta.totalCompressedSize)")
        }
        return (meta, Int(start)..<Int(end))
    }

    private func readRowGroup(_ i: Int, fields: [Int], batchSize: Int) throws(EngineError) -> [RecordBatch] {
        guard metadata.rowGroups.indices.contains(i) else { throw .notFound(what: "row group \(i) of \(source)") }
        let group = metadata.rowGroups[i]
        let rows = Int(clamping: group.numRows)
        var decoded: [Int: DecodedLeaf] = [:]
        for leaf in leaves(of: fields) {
            let (meta, range) = try chunkRange(rowGroup: i, leaf: leaf)
            do {
                let chunk = try PageReader(file: bytes, leaf: leaf, meta: meta, range: range).read()
                let dense = try LeafConverter.convert(chunk.values, leaf.conversion, column: leaf.dottedPath)
                decoded[leaf.index] = try DecodedLeaf(leaf: leaf, chunk: chunk, dense: dense, rows: rows)
            } catch {
                throw error.inParquet(source, context: "row group \(i), column \(leaf.dottedPath)")
            }
        }
        let assembler = ColumnAssembler(leaves: decoded)
        let names = fields.map { layout.schema.fields[$0].name }
        let shapes = fields.map { layout.fields[$0] }
        let step = max(1, batchSize)
        var batches: [RecordBatch] = []
        var starts: [Int: Int] = [:]
        var first = 0
        while first < rows {
            let range = first..<min(rows, first + step)
            let columns: [Column]
            do {
                columns = try assembler.columns(shapes, rows: range, valueStarts: starts)
            } catch {
                throw error.inParquet(source, context: "row group \(i)")
            }
            batches.append(RecordBatch(count: range.count, names: names, columns: columns, source: source))
            for (index, leaf) in decoded { starts[index, default: 0] += Self.valueCount(leaf, rows: range) }
            first = range.upperBound
        }
        return batches
    }

    /// The dense values that rows `rows` of a leaf hold.
    private static func valueCount(_ leaf: DecodedLeaf, rows: Range<Int>) -> Int {
        let entries = leaf.entries(of: rows)
        guard leaf.leaf.maxDefinitionLevel > 0 else { return entries.count }
        let maxDef = UInt8(leaf.leaf.maxDefinitionLevel)
        var n = 0
        leaf.definitionLevels.withUnsafeBufferPointer { p in
            for e in entries where p[e] == maxDef { n += 1 }
        }
        return n
    }
}

/// What `ParquetFile.read` returns.
public struct ParquetReadResult: Sendable {
    /// The rows read, in file order, at most `batchSize` rows per batch.
    public var batches: [RecordBatch]
    /// Row groups decoded.
    public var rowGroupsRead: Int
    /// Row groups the predicate ruled out by their statistics (never decoded).
    public var rowGroupsSkipped: Int
    /// Bytes read from the object: the footer (with its length and magic) plus the byte ranges
    /// of the column chunks decoded.
    public var bytesRead: Int64

    public init(batches: [RecordBatch], rowGroupsRead: Int, rowGroupsSkipped: Int, bytesRead: Int64) {
        self.batches = batches
        self.rowGroupsRead = rowGroupsRead
        self.rowGroupsSkipped = rowGroupsSkipped
        self.bytesRead = bytesRead
    }

    /// The number of rows read.
    public var rowCount: Int { batches.reduce(0) { $0 + $1.count } }
}
