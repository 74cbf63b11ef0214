/// A value dictionary the page machinery can write out as a dictionary page.
protocol PageDictionary: AnyObject {
    init()
    /// The distinct values so far.
    var count: Int { get }
    /// The size of the PLAIN dictionary page body.
    var byteSize: Int { get }
    /// Appends the PLAIN encoding of the entries (the dictionary page body).
    func appendPlain(to out: inout [UInt8])
}

extension FixedDictionary: PageDictionary {}
extension ByteDictionary: PageDictionary {}

/// The page machinery the fixed-width and byte-array value encoders share, as parquet-mr does
/// it: the first page of a chunk is encoded both ways (PLAIN bytes and dictionary indices) and
/// the dictionary kept only if that is smaller; a kept dictionary falls back to PLAIN for the
/// rest of the chunk once it outgrows `LeafValueEncoders.dictionaryLimit`. Each encoder appends
/// its values to `plain` and/or `indices` as `mode` asks, and keeps its own statistics; the
/// methods that drop a dictionary hand it back so the encoder can fold its entries into them.
struct DictionaryPages<Dictionary: PageDictionary> {
    enum Mode { case trial, dictionary, plain }

    private let useDictionary: Bool
    private(set) var mode: Mode
    private(set) var dictionary: Dictionary?
    /// The dictionary page of a chunk that fell back to PLAIN.
    private var fallbackPage: (body: [UInt8], count: Int)?
    /// The current page's PLAIN values (in trial and plain modes).
    let plain = GrowableBytes(capacity: 1 << 16)
    /// The current page's dictionary indices, as `UInt32`s (in trial and dictionary modes).
    let indices = GrowableBytes(capacity: 1 << 14)
    /// The RLE-encoded indices of a finished page.
    private let encoded = GrowableBytes(capacity: 1 << 12)

    init(dictionary: Bool) {
        useDictionary = dictionary
        mode = dictionary ? .trial : .plain
        self.dictionary = dictionary ? Dictionary() : nil
    }

    private var indexCount: Int { indices.count / 4 }

    private var indexBitWidth: Int { max(1, RLEHybridEncoder.bitWidth((dictionary?.count ?? 1) - 1)) }

    var pageByteSize: Int {
        mode == .dictionary ? 1 + (indexCount * indexBitWidth + 7) / 8 : plain.count
    }

    var dictionaryByteSize: Int { mode == .plain ? 0 : dictionary?.byteSize ?? 0 }

    var needsFallback: Bool { mode != .plain && (dictionary?.byteSize ?? 0) >= LeafValueEncoders.dictionaryLimit }

    /// Hands the finished page to `body`; returns the dictionary a lost trial dropped.
    mutating func finishPage(_ body: (Parquet.Encoding, UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError) -> Dictionary? {
        var dropped: Dictionary?
        if mode == .trial {
            let dictionaryCost = (dictionary?.byteSize ?? 0) + 1 + (indexCount * indexBitWidth + 7) / 8
            if !needsFallback && dictionaryCost < plain.count {
                mode = .dictionary
            } else {
                dropped = dictionary
                dictionary = nil
                indices.removeAll()
                mode = .plain
            }
        }
        if mode == .dictionary {
            plain.removeAll()
            let width = indexBitWidth
            encoded.removeAll()
            encoded.reserve(1).storeBytes(of: UInt8(width), as: UInt8.self)
            encoded.commit(1)
            let buffer = UnsafeBufferPointer(start: indices.base.assumingMemoryBound(to: UInt32.self), count: indexCount)
            RLEHybridEncoder.encode(buffer, bitWidth: width, into: encoded)
            indices.removeAll()
            try body(.rleDictionary, encoded.bytes)
        } else {
            defer { plain.removeAll() }
            try body(.plain, plain.bytes)
        }
        return dropped
    }

    /// Falls back to PLAIN for the rest of the chunk, keeping the dictionary page written so
    /// far; returns the dropped dictionary.
    mutating func fallBack() -> Dictionary? {
        guard mode == .dictionary, let dictionary else { return nil }
        var body: [UInt8] = []
        dictionary.appendPlain(to: &body)
        fallbackPage = (body, dictionary.count)
        self.dictionary = nil
        mode = .plain
        return dictionary
    }

    /// Ends the chunk and starts the next one over: the chunk's dictionary page, if any, and
    /// the dictionary still in use at the end (for statistics).
    mutating func finishChunk() -> (page: (body: [UInt8], count: Int)?, inUse: Dictionary?) {
        var page = fallbackPage
        var inUse: Dictionary?
        if mode == .dictionary, let dictionary {
            var body: [UInt8] = []
            dictionary.appendPlain(to: &body)
            page = (body, dictionary.count)
            inUse = dictionary
        }
        fallbackPage = nil
        indices.removeAll()
        plain.removeAll()
        mode = useDictionary ? .trial : .plain
        dictionary = useDictionary ? Dictionary() : nil
        return (page, inUse)
    }
}
