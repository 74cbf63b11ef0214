/// The values of a column chunk: encodes the non-null values of each data page (PLAIN or
/// dictionary indices), keeps the dictionary and the min/max statistics.
///
/// Dictionary encoding, when enabled, starts on trial: the first page is encoded both ways,
/// and the dictionary is kept only if the dictionary plus the page's indices are smaller than
/// the PLAIN page (so unique ids go PLAIN at once). A kept dictionary that grows past
/// `LeafValueEncoders.dictionaryLimit` bytes ends its page, is written, and the rest of the
/// chunk is PLAIN (as pyarrow does with its 1 MiB `dictionary_pagesize_limit`). Each chunk
/// starts again.
protocol LeafValueEncoder: AnyObject {
    /// Appends the values at positions `positions` of `selection` to the current page.
    func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>)
    /// The encoded size of the current page's values so far.
    var pageByteSize: Int { get }
    /// The PLAIN size of every value appended so far (for sizing appends).
    var plainBytesSeen: Int { get }
    /// The dictionary's PLAIN size (0 without one), for row-group sizing.
    var dictionaryByteSize: Int { get }
    /// True when the dictionary has outgrown its limit: finish the page, then `fallBack()`.
    var needsFallback: Bool { get }
    /// Hands the page's encoded values and their encoding to `body` (the bytes are valid
    /// during the call only), then starts a new page.
    func finishPage(_ body: (Parquet.Encoding, UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError)
    /// Writes PLAIN from now to the end of the chunk.
    func fallBack()
    /// Ends the chunk: its dictionary page body and entry count (if it used a dictionary) and
    /// its min/max statistics; then gets ready for the next chunk.
    func finishChunk() -> ChunkValues
}

/// What a finished column chunk's values leave for its metadata.
struct ChunkValues {
    var dictionary: (body: [UInt8], count: Int)?
    var min: [UInt8]?
    var max: [UInt8]?
}

/// How leaf columns are encoded.
enum LeafValueEncoders {
    /// The biggest dictionary (PLAIN bytes) before a chunk falls back to PLAIN.
    static let dictionaryLimit = 1 << 20

    /// The encoder for a leaf's values.
    static func make(for leaf: WriterLeaf, dictionary: Bool) -> any LeafValueEncoder {
        switch leaf.type {
        case .null: return NullValueEncoder()
        case .boolean: return BooleanValueEncoder()
        case .float: return FloatValueEncoder(dictionary: dictionary)
        case .double: return DoubleValueEncoder(dictionary: dictionary)
        case .string, .binary: return ByteArrayValueEncoder(dictionary: dictionary)
        default:
            return leaf.physicalType == .int64 ? Int64ValueEncoder(dictionary: dictionary) : Int32ValueEncoder(dictionary: dictionary)
        }
    }
}

/// A column that is null in every record: no values at all.
final class NullValueEncoder: LeafValueEncoder {
    func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>) {}
    var pageByteSize: Int { 0 }
    var plainBytesSeen: Int { 0 }
    var dictionaryByteSize: Int { 0 }
    var needsFallback: Bool { false }
    func finishPage(_ body: (Parquet.Encoding, UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError) {
        try body(.plain, UnsafeRawBufferPointer(start: nil, count: 0))
    }
    func fallBack() {}
    func finishChunk() -> ChunkValues { ChunkValues() }
}

/// Booleans: always PLAIN, bit-packed.
final class BooleanValueEncoder: LeafValueEncoder {
    private var page: [Bool] = []
    private let packed = GrowableBytes()
    private var sawFalse = false
    private var sawTrue = false
    private(set) var plainBytesSeen = 0

    func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>) {
        guard !positions.isEmpty, case .boolean(let values) = storage else { return }
        page.reserveCapacity(page.count + positions.count)
        switch selection {
        case .range(let rows):
            let first = rows.lowerBound + positions.lowerBound
            page.append(contentsOf: values[first..<(first + positions.count)])
        case .indices(let indices):
            for k in positions { page.append(values[Int(indices[k])]) }
        }
        plainBytesSeen += (positions.count + 7) / 8
    }

    var pageByteSize: Int { (page.count + 7) / 8 }
    var dictionaryByteSize: Int { 0 }
    var needsFallback: Bool { false }

    func finishPage(_ body: (Parquet.Encoding, UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError) {
        if !sawFalse || !sawTrue {
            for b in page {
                if b { sawTrue = true } else { sawFalse = true }
            }
        }
        packed.removeAll()
        PlainEncoder.packBooleans(page, into: packed)
        page.removeAll(keepingCapacity: true)
        try body(.plain, packed.bytes)
    }

    func fallBack() {}

    func finishChunk() -> ChunkValues {
        defer {
            sawFalse = false
            sawTrue = false
        }
        guard sawFalse || sawTrue else { return ChunkValues() }
        return ChunkValues(min: [sawFalse ? 0 : 1], max: [sawTrue ? 1 : 0])
    }
}
