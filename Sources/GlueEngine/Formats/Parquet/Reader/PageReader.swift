/// The decoded content of one column chunk: the levels of every entry and the non-null values.
struct LeafChunk {
    /// One definition level per entry (empty when the leaf's maximum is 0).
    var definitionLevels: [UInt8] = []
    /// One repetition level per entry (empty when the leaf's maximum is 0).
    var repetitionLevels: [UInt8] = []
    var values: PhysicalValues
    /// Level entries (values and nulls at every nesting level).
    var entryCount = 0
}

/// Reads the pages of one column chunk: the dictionary page, data pages v1 and v2 (levels
/// RLE or BIT_PACKED, values in any encoding gluelab knows), index pages (skipped). Pages are
/// decompressed with `ParquetCodec.decompress`; uncompressed pages are read in place.
struct PageReader {
    let file: [UInt8]
    let leaf: ParquetLeaf
    let meta: Parquet.ColumnMetaData
    /// The chunk's bytes in `file`.
    let range: Range<Int>

    /// Reads every page of the chunk.
    func read() throws(EngineError) -> LeafChunk {
        var chunk = LeafChunk(values: PhysicalValues(type: leaf.physicalType, typeLength: Int(leaf.element.typeLength ?? 0)))
        let expected = meta.numValues
        if leaf.maxDefinitionLevel > 0 { chunk.definitionLevels.reserveCapacity(Int(clamping: min(expected, 1 << 24))) }
        var dictionary: PhysicalValues?
        var position = range.lowerBound
        while Int64(chunk.entryCount) < expected {
            guard position < range.upperBound else {
                throw parquetCorrupt("column chunk ends after \(chunk.entryCount) of its \(expected) values")
            }
            var r = ThriftCompactReader(file, start: position, end: range.upperBound)
            let header = try Parquet.PageHeader.decode(&r)
            let body = r.position..<(r.position + Int(header.compressedPageSize))
            guard body.upperBound <= range.upperBound else {
                throw parquetCorrupt("page of \(header.compressedPageSize) bytes runs past its column chunk", "offset \(r.position)")
            }
            position = body.upperBound
            switch header.type {
            case .dictionaryPage:
                guard dictionary == nil, chunk.entryCount == 0, let h = header.dictionaryPageHeader else {
                    throw parquetCorrupt("unexpected dictionary page", "offset \(body.lowerBound)")
                }
                guard h.encoding == .plain || h.encoding == .plainDictionary else {
                    throw .unsupported(what: "dictionary page encoding \(h.encoding.thriftName)", reason: "dictionary pages are PLAIN")
                }
                let page = try decompress(body, size: Int(header.uncompressedPageSize))
                var dict = PhysicalValues(type: leaf.physicalType, typeLength: chunk.values.typeLength)
                try page.withBytes { (raw: UnsafeRawBufferPointer) throws(EngineError) in
                    try PlainDecoder.decode(raw, count: Int(h.numValues), into: &dict)
                }
                dictionary = dict
            case .dataPage:
                guard let h = header.dataPageHeader else { throw parquetCorrupt("data page without its header") }
                try checkCount(Int64(h.numValues), read: chunk.entryCount)
                let page = try decompress(body, size: Int(header.uncompressedPageSize))
                try page.withBytes { (raw: UnsafeRawBufferPointer) throws(EngineError) in
                    try readV1(raw, h, dictionary: dictionary, into: &chunk)
                }
            case .dataPageV2:
                guard let h = header.dataPageHeaderV2 else { throw parquetCorrupt("data page v2 without its header") }
                try checkCount(Int64(h.numValues), read: chunk.entryCount)
                try readV2(body, h, uncompressedSize: Int(header.uncompressedPageSize), dictionary: dictionary, into: &chunk)
            case .indexPage:
                continue
            }
        }
        guard Int64(chunk.entryCount) == expected else {
            throw parquetCorrupt("column chunk holds \(chunk.entryCount) values where its metadata says \(expected)")
        }
        return chunk
    }

    /// A page may not hold more values than the chunk has left.
    private func checkCount(_ n: Int64, read: Int) throws(EngineError) {
        guard n <= meta.numValues - Int64(read) else {
            throw parquetCorrupt("page of \(n) values where the column chunk has \(meta.numValues - Int64(read)) left")
        }
    }

    private func readV1(_ raw: UnsafeRawBufferPointer, _ h: Parquet.DataPageHeader, dictionary: PhysicalValues?,
                        into chunk: inout LeafChunk) throws(EngineError) {
        let n = Int(h.numValues)
        var p = 0
        if leaf.maxRepetitionLevel > 0 {
            p += try levels(raw, from: p, encoding: h.repetitionLevelEncoding, max: leaf.maxRepetitionLevel, count: n,
                            into: &chunk.repetitionLevels)
        }
        let defStart = chunk.definitionLevels.count
        if leaf.maxDefinitionLevel > 0 {
            p += try levels(raw, from: p, encoding: h.definitionLevelEncoding, max: leaf.maxDefinitionLevel, count: n,
                            into: &chunk.definitionLevels)
        }
        let present = nonNullCount(chunk.definitionLevels, from: defStart, entries: n)
        try values(UnsafeRawBufferPointer(rebasing: raw[p...]), encoding: h.encoding, count: present, dictionary: dictionary,
                   into: &chunk.values)
        chunk.entryCount += n
    }

    private func readV2(_ body: Range<Int>, _ h: Parquet.DataPageHeaderV2, uncompressedSize: Int, dictionary: PhysicalValues?,
                        into chunk: inout LeafChunk) throws(EngineError) {
        let n = Int(h.numValues)
        let repLength = Int(h.repetitionLevelsByteLength)
        let defLength = Int(h.definitionLevelsByteLength)
        guard repLength + defLength <= body.count, repLength + defLength <= uncompressedSize else {
            throw parquetCorrupt("data page v2 level lengths exceed the page")
        }
        let defStart = chunk.definitionLevels.count
        try file.withUnsafeBufferPointer { (all: UnsafeBufferPointer<UInt8>) throws(EngineError) in
            let raw = UnsafeRawBufferPointer(all)
            if leaf.maxRepetitionLevel > 0 {
                let bytes = UnsafeRawBufferPointer(rebasing: raw[body.lowerBound..<(body.lowerBound + repLength)])
                try rleLevels(bytes, max: leaf.maxRepetitionLevel, count: n, into: &chunk.repetitionLevels)
            }
            if leaf.maxDefinitionLevel > 0 {
                let start = body.lowerBound + repLength
                try rleLevels(UnsafeRawBufferPointer(rebasing: raw[start..<(start + defLength)]), max: leaf.maxDefinitionLevel,
                              count: n, into: &chunk.definitionLevels)
            }
        }
        let present = nonNullCount(chunk.definitionLevels, from: defStart, entries: n)
        let valueRange = (body.lowerBound + repLength + defLength)..<body.upperBound
        let page = h.isCompressed
            ? try decompress(valueRange, size: uncompressedSize - repLength - defLength)
            : PageBytes(storage: file, range: valueRange)
        try page.withBytes { (raw: UnsafeRawBufferPointer) throws(EngineError) in
            try values(raw, encoding: h.encoding, count: present, dictionary: dictionary, into: &chunk.values)
        }
        chunk.entryCount += n
    }

    /// The entries of a page whose definition level is the maximum (the values stored).
    private func nonNullCount(_ levels: [UInt8], from start: Int, entries: Int) -> Int {
        guard leaf.maxDefinitionLevel > 0 else { return entries }
        let maxLevel = UInt8(leaf.maxDefinitionLevel)
        var count = 0
        levels.withUnsafeBufferPointer { p in
            for i in start..<p.count where p[i] == maxLevel { count += 1 }
        }
        return count
    }

    /// Decodes v1 levels (`RLE` with a 4-byte length, or `BIT_PACKED`); returns the bytes used.
    private func levels(_ raw: UnsafeRawBufferPointer, from p: Int, encoding: Parquet.Encoding, max: Int, count: Int,
                        into out: inout [UInt8]) throws(EngineError) -> Int {
        let rest = UnsafeRawBufferPointer(rebasing: raw[p...])
        switch encoding {
        case .rle:
            guard rest.count >= 4 else { throw parquetCorrupt("level data ends early") }
            let length = Int(UInt32(littleEndian: rest.loadUnaligned(as: UInt32.self)))
            guard length <= rest.count - 4 else { throw parquetCorrupt("level length \(length) exceeds the page") }
            try rleLevels(UnsafeRawBufferPointer(rebasing: rest[4..<(4 + length)]), max: max, count: count, into: &out)
            return 4 + length
        case .bitPacked:
            let start = out.count
            let used = try RLEHybridDecoder.decodeLegacyBitPacked(rest, bitWidth: RLEHybridDecoder.bitWidth(of: max), count: count, into: &out)
            try check(out, from: start, max: max)
            return used
        default:
            throw .unsupported(what: "level encoding \(encoding.thriftName)", reason: "levels are RLE or BIT_PACKED")
        }
    }

    private func rleLevels(_ bytes: UnsafeRawBufferPointer, max: Int, count: Int, into out: inout [UInt8]) throws(EngineError) {
        let start = out.count
        var decoder = try RLEHybridDecoder(bytes, bitWidth: RLEHybridDecoder.bitWidth(of: max))
        try decoder.decode(count, into: &out)
        try check(out, from: start, max: max)
    }

    private func check(_ levels: [UInt8], from start: Int, max: Int) throws(EngineError) {
        var highest: UInt8 = 0
        levels.withUnsafeBufferPointer { p in
            for i in start..<p.count where p[i] > highest { highest = p[i] }
        }
        guard Int(highest) <= max else { throw parquetCorrupt("level \(highest) above the column's maximum \(max)") }
    }

    /// Decodes `count` values in `encoding`.
    private func values(_ raw: UnsafeRawBufferPointer, encoding: Parquet.Encoding, count: Int, dictionary: PhysicalValues?,
                        into out: inout PhysicalValues) throws(EngineError) {
        guard count > 0 else { return }
        let type = leaf.physicalType
        switch (encoding, type) {
        case (.plain, _):
            try PlainDecoder.decode(raw, count: count, into: &out)
        case (.plainDictionary, _), (.rleDictionary, _):
            guard let dictionary else { throw parquetCorrupt("dictionary-encoded page without a dictionary page") }
            guard let width = raw.first else { throw parquetCorrupt("dictionary indices missing") }
            var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: raw[1...]), bitWidth: Int(width))
            var indices: [UInt32] = []
            try decoder.decode(count, into: &indices)
            try out.appendGathered(from: dictionary, indices: indices)
        case (.rle, .boolean):
            guard raw.count >= 4 else { throw parquetCorrupt("RLE booleans end early") }
            let length = Int(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
            guard length <= raw.count - 4 else { throw parquetCorrupt("RLE boolean length \(length) exceeds the page") }
            var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(rebasing: raw[4..<(4 + length)]), bitWidth: 1)
            var bits: [UInt8] = []
            try decoder.decode(count, into: &bits)
            out.bools.append(contentsOf: bits.lazy.map { $0 != 0 })
        case (.deltaBinaryPacked, .int32), (.deltaBinaryPacked, .int64):
            var decoded: [Int64] = []
            _ = try DeltaDecoders.decodeBinaryPacked(raw, count: count, into: &decoded)
            if type == .int32 {
                out.int32s.append(contentsOf: decoded.lazy.map { Int32(truncatingIfNeeded: $0) })
            } else {
                out.int64s.append(contentsOf: decoded)
            }
        case (.deltaLengthByteArray, .byteArray):
            _ = try DeltaDecoders.decodeLengthByteArray(raw, count: count, into: &out.bytes)
        case (.deltaByteArray, .byteArray), (.deltaByteArray, .fixedLenByteArray):
            let fixed = type == .fixedLenByteArray ? out.typeLength : nil
            try DeltaDecoders.decodeByteArray(raw, count: count, fixedLength: fixed, into: &out.bytes)
        case (.byteStreamSplit, _):
            try PlainDecoder.decodeByteStreamSplit(raw, count: count, into: &out)
        default:
            throw .unsupported(what: "Parquet encoding \(encoding.thriftName) for \(type.thriftName) values",
                               reason: "the Parquet spec does not define it")
        }
    }

    /// The page body, decompressed with the chunk's codec (in place when uncompressed).
    private func decompress(_ body: Range<Int>, size: Int) throws(EngineError) -> PageBytes {
        if meta.codec == .uncompressed { return PageBytes(storage: file, range: body) }
        guard size >= 0 else { throw parquetCorrupt("negative uncompressed page size") }
        let out = try ParquetCodec.decompress(file[body], codec: meta.codec, uncompressedSize: size)
        return PageBytes(storage: out, range: 0..<out.count)
    }
}

/// Bytes of a page: a range of the file, or a decompressed buffer.
struct PageBytes {
    let storage: [UInt8]
    let range: Range<Int>

    func withBytes(_ body: (UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError) {
        try storage.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) in
            try body(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(p)[range]))
        }
    }
}
