/// A column chunk ready to go into the file: its pages (each a Thrift header then the
/// compressed body) and the metadata the footer needs.
struct EncodedColumnChunk {
    /// The dictionary page (header, then body), when the chunk has one.
    var dictionaryPage: [[UInt8]]
    /// The data pages: header, body, header, body...
    var dataPages: [[UInt8]]
    var encodings: [Parquet.Encoding]
    var numValues: Int64
    /// Page headers and uncompressed bodies, dictionary page included.
    var totalUncompressedSize: Int64
    /// Page headers and compressed bodies, dictionary page included.
    var totalCompressedSize: Int64
    var statistics: Parquet.Statistics
}

/// Builds the column chunks of one leaf column, row group after row group: cuts its levels
/// and values into v1 data pages of about `pageSize` uncompressed bytes and at most 20 000 rows
/// (at row boundaries for repeated columns), compresses each page as it is finished, and keeps
/// the chunk's pages until the row group is written.
///
/// Not thread-safe: the `ParquetWriter` hands each writer to one thread at a time.
final class ColumnChunkWriter: @unchecked Sendable {
    let leaf: WriterLeaf
    private let codec: Parquet.CompressionCodec
    private let pageSize: Int
    private let encoder: any LeafValueEncoder
    private let definitionWidth: Int
    private let repetitionWidth: Int

    // The page being built.
    private var pageDefinitions: [UInt8] = []
    private var pageRepetitions: [UInt8] = []
    private var pageValues = 0
    private var pageRows = 0

    // The chunk being built.
    /// Page headers and bodies, in file order.
    private var pages: [[UInt8]] = []
    private var numValues: Int64 = 0
    private var nullCount: Int64 = 0
    private var uncompressedSize: Int64 = 0
    private var compressedSize: Int64 = 0
    private var encodings: Set<Parquet.Encoding> = []
    /// The encoded levels of the page being finished.
    private let levels = GrowableBytes()
    /// Page buffers to fill again (written pages handed back by `recycle`), so that each row
    /// group does not take fresh memory from the system.
    private var spare: [[UInt8]] = []
    /// Entries appended over the writer's life, to size appends by the average value size.
    private var entriesSeen = 0

    /// Entries per page at most (a page header counts them in 32 bits).
    static let maxPageEntries = 1 << 30
    /// Rows per page at most: parquet-mr's `parquet.page.row.count.limit` default, which Glue's
    /// writers inherit. It also bounds the page buffers of dictionary-encoded columns, whose
    /// pages would otherwise hold millions of 1- to 3-bit indices.
    static let maxPageRows = 20_000

    init(leaf: WriterLeaf, options: ParquetWriteOptions) {
        self.leaf = leaf
        codec = options.compression
        pageSize = options.pageSize
        encoder = LeafValueEncoders.make(for: leaf, dictionary: options.enableDictionary)
        definitionWidth = RLEHybridEncoder.bitWidth(leaf.maxDefinitionLevel)
        repetitionWidth = RLEHybridEncoder.bitWidth(leaf.maxRepetitionLevel)
    }

    /// The uncompressed bytes this chunk holds so far (pages, the page being built, the
    /// dictionary).
    var bufferedSize: Int {
        Int(uncompressedSize) + encoder.pageByteSize + encoder.dictionaryByteSize
            + (pageDefinitions.count * (definitionWidth + repetitionWidth) + 7) / 8
    }

    /// Adds a slice's levels and values, finishing pages as they fill.
    func append(_ slice: LeafSlice) throws(EngineError) {
        let n = slice.definitionLevels.count
        let repeated = !slice.repetitionLevels.isEmpty
        let maxDef = UInt8(leaf.maxDefinitionLevel)
        var e = 0
        var v = 0
        while e < n {
            // Entries are at least as many as rows, so this many entries stay within the page's rows.
            var end = min(n, e + min(appendSize(), Self.maxPageRows - pageRows))
            if repeated {
                while end < n && slice.repetitionLevels[end] != 0 { end += 1 }
            }
            var values = 0
            slice.definitionLevels.withUnsafeBufferPointer { defs in
                for k in e..<end where defs[k] == maxDef { values += 1 }
            }
            if repeated {
                slice.repetitionLevels.withUnsafeBufferPointer { reps in
                    for k in e..<end where reps[k] == 0 { pageRows += 1 }
                }
            } else {
                pageRows += end - e
            }
            pageDefinitions.append(contentsOf: slice.definitionLevels[e..<end])
            if repeated { pageRepetitions.append(contentsOf: slice.repetitionLevels[e..<end]) }
            encoder.append(slice.storage, slice.selection, v..<(v + values))
            pageValues += values
            entriesSeen += end - e
            v += values
            e = end
            if encoder.needsFallback {
                try finishPage()
                encoder.fallBack()
            } else if encoder.pageByteSize + (pageDefinitions.count * (definitionWidth + repetitionWidth)) / 8 >= pageSize
                || pageRows >= Self.maxPageRows || pageDefinitions.count >= Self.maxPageEntries {
                try finishPage()
            }
        }
    }

    /// How many entries to append at once: about a quarter page (and at most the room left in
    /// a dictionary, but at least 64) by the average value size so far, at most 4096 (a few to
    /// start with, in case values are huge).
    private func appendSize() -> Int {
        guard entriesSeen > 0 else { return min(64, max(1, pageSize / 8)) }
        let average = max(1, encoder.plainBytesSeen / entriesSeen)
        var size = pageSize / (4 * average)
        let dictionary = encoder.dictionaryByteSize
        if dictionary > 0 { size = min(size, max(64, (LeafValueEncoders.dictionaryLimit - dictionary) / average)) }
        return min(4096, max(1, size))
    }

    /// Encodes, compresses and keeps the page being built.
    private func finishPage() throws(EngineError) {
        let entries = pageDefinitions.count
        guard entries > 0 else { return }
        levels.removeAll()
        if leaf.maxRepetitionLevel > 0 {
            pageRepetitions.withUnsafeBufferPointer {
                RLEHybridEncoder.encodeWithLength($0, bitWidth: repetitionWidth, into: levels)
            }
        }
        pageDefinitions.withUnsafeBufferPointer {
            RLEHybridEncoder.encodeWithLength($0, bitWidth: definitionWidth, into: levels)
        }
        var pageEncoding = Parquet.Encoding.plain
        try encoder.finishPage { (encoding, values) throws(EngineError) in
            pageEncoding = encoding
            var body = spare.popLast() ?? []
            body.removeAll(keepingCapacity: true)
            body.reserveCapacity(levels.count + values.count)
            body.append(contentsOf: levels.bytes)
            body.append(contentsOf: values)
            try keep(body, into: &pages) { uncompressed, compressed in
                Parquet.PageHeader(type: .dataPage, uncompressedPageSize: uncompressed, compressedPageSize: compressed,
                                   dataPageHeader: Parquet.DataPageHeader(numValues: Int32(entries), encoding: encoding))
            }
            // A compressed page keeps its own bytes: the body can serve the next page.
            if codec != .uncompressed { spare.append(body) }
        }
        encodings.insert(pageEncoding)
        numValues += Int64(entries)
        nullCount += Int64(entries - pageValues)
        pageDefinitions.removeAll(keepingCapacity: true)
        pageRepetitions.removeAll(keepingCapacity: true)
        pageValues = 0
        pageRows = 0
    }

    /// Compresses `page`, appends its header and body to `out`, and counts their sizes.
    private func keep(_ page: [UInt8], into out: inout [[UInt8]],
                      header make: (Int32, Int32) -> Parquet.PageHeader) throws(EngineError) {
        let compressed = try ParquetCodec.compress(page, codec: codec)
        guard page.count <= Int(Int32.max), compressed.count <= Int(Int32.max) else {
            throw .unsupported(what: "Parquet", reason: "a page of column \(leaf.path.joined(separator: ".")) "
                               + "outgrew 2 GiB; lower pageSize")
        }
        let header = make(Int32(page.count), Int32(compressed.count)).thriftBytes()
        out.append(header)
        out.append(codec == .uncompressed ? compressed : Self.trimmed(compressed))
        uncompressedSize += Int64(header.count + page.count)
        compressedSize += Int64(header.count + compressed.count)
    }

    /// `bytes`, copied to a buffer of their size when the codec left much room unused behind
    /// them (a codec writes into room for the worst case; the page is kept for the whole row
    /// group).
    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.capacity - bytes.count > max(4096, bytes.count / 8) else { return bytes }
        return bytes.withUnsafeBytes { source in
            [UInt8](unsafeUninitializedCapacity: source.count) { buffer, count in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: source)
                count = source.count
            }
        }
    }

    /// Takes back the pages of a chunk once they are written, to fill them again (uncompressed
    /// pages only: compressed ones are smaller than a page body).
    func recycle(_ written: [[UInt8]]) {
        guard codec == .uncompressed else { return }
        for page in written where page.capacity >= 1 << 16 { spare.append(page) }
    }

    /// Finishes the chunk for the row group being written, and starts the next one.
    func finishChunk() throws(EngineError) -> EncodedColumnChunk {
        try finishPage()
        let values = encoder.finishChunk()
        var dictionaryPage: [[UInt8]] = []
        if let dictionary = values.dictionary {
            try keep(dictionary.body, into: &dictionaryPage) { uncompressed, compressed in
                Parquet.PageHeader(type: .dictionaryPage, uncompressedPageSize: uncompressed, compressedPageSize: compressed,
                                   dictionaryPageHeader: Parquet.DictionaryPageHeader(numValues: Int32(dictionary.count)))
            }
            encodings.insert(.plain)
        }
        encodings.insert(.rle)
        let chunk = EncodedColumnChunk(
            dictionaryPage: dictionaryPage, dataPages: pages,
            encodings: encodings.sorted { $0.rawValue < $1.rawValue }, numValues: numValues,
            totalUncompressedSize: uncompressedSize, totalCompressedSize: compressedSize,
            statistics: Parquet.Statistics(nullCount: nullCount, maxValue: values.max, minValue: values.min))
        pages = []
        numValues = 0
        nullCount = 0
        uncompressedSize = 0
        compressedSize = 0
        encodings = []
        return chunk
    }
}
