/// A fixed-width value Parquet stores PLAIN as its little-endian bytes: INT32, INT64, FLOAT,
/// DOUBLE.
protocol ParquetFixedValue: Comparable {
    associatedtype Bits: FixedWidthInteger & UnsignedInteger
    var parquetBits: Bits { get }
    init(parquetBits: Bits)
    /// True for values statistics leave out (NaN).
    var isUnordered: Bool { get }
    /// The value as a statistics minimum / maximum (floating-point zero as -0.0 / +0.0, as
    /// parquet.thrift asks).
    var asStatisticsMin: Self { get }
    var asStatisticsMax: Self { get }
    /// The values of this type in a leaf's storage.
    static func values(in storage: LeafStorage) -> [Self]?
}

extension Int32: ParquetFixedValue {
    var parquetBits: UInt32 { UInt32(bitPattern: self) }
    init(parquetBits: UInt32) { self.init(bitPattern: parquetBits) }
    var isUnordered: Bool { false }
    var asStatisticsMin: Int32 { self }
    var asStatisticsMax: Int32 { self }
    static func values(in storage: LeafStorage) -> [Int32]? {
        if case .int32(let v) = storage { return v }
        return nil
    }
}

extension Int64: ParquetFixedValue {
    var parquetBits: UInt64 { UInt64(bitPattern: self) }
    init(parquetBits: UInt64) { self.init(bitPattern: parquetBits) }
    var isUnordered: Bool { false }
    var asStatisticsMin: Int64 { self }
    var asStatisticsMax: Int64 { self }
    static func values(in storage: LeafStorage) -> [Int64]? {
        if case .int64(let v) = storage { return v }
        return nil
    }
}

extension Float: ParquetFixedValue {
    var parquetBits: UInt32 { bitPattern }
    init(parquetBits: UInt32) { self.init(bitPattern: parquetBits) }
    var isUnordered: Bool { isNaN }
    var asStatisticsMin: Float { self == 0 ? -0.0 : self }
    var asStatisticsMax: Float { self == 0 ? 0.0 : self }
    static func values(in storage: LeafStorage) -> [Float]? {
        if case .float32(let v) = storage { return v }
        return nil
    }
}

extension Double: ParquetFixedValue {
    var parquetBits: UInt64 { bitPattern }
    init(parquetBits: UInt64) { self.init(bitPattern: parquetBits) }
    var isUnordered: Bool { isNaN }
    var asStatisticsMin: Double { self == 0 ? -0.0 : self }
    var asStatisticsMax: Double { self == 0 ? 0.0 : self }
    static func values(in storage: LeafStorage) -> [Double]? {
        if case .float64(let v) = storage { return v }
        return nil
    }
}

/// The state and work of a fixed-width column's values, PLAIN or dictionary-encoded (see
/// `LeafValueEncoder`). A struct used through the non-generic `Int32ValueEncoder`,
/// `Int64ValueEncoder`, `FloatValueEncoder` and `DoubleValueEncoder`, so that every loop is
/// compiled for its concrete type.
struct FixedValueCore<T: ParquetFixedValue> {
    private enum Mode { case trial, dictionary, plain }

    private let useDictionary: Bool
    private var mode: Mode
    private var dictionary: FixedDictionary<T.Bits>?
    /// The dictionary page of a chunk that fell back to PLAIN.
    private var fallbackPage: (body: [UInt8], count: Int)?
    /// The current page's PLAIN values (in trial and plain modes).
    private let plain = GrowableBytes(capacity: 1 << 16)
    /// The current page's dictionary indices, as `UInt32`s (in trial and dictionary modes).
    private let indices = GrowableBytes(capacity: 1 << 14)
    /// The RLE-encoded indices of a finished page.
    private let encoded = GrowableBytes(capacity: 1 << 12)
    private var minimum: T?
    private var maximum: T?
    private(set) var plainBytesSeen = 0

    init(dictionary: Bool) {
        useDictionary = dictionary
        mode = dictionary ? .trial : .plain
        self.dictionary = dictionary ? FixedDictionary() : nil
    }

    mutating func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>) {
        guard !positions.isEmpty, let values = T.values(in: storage) else { return }
        plainBytesSeen += positions.count * MemoryLayout<T>.stride
        values.withUnsafeBufferPointer { buffer in
            if mode != .dictionary { PlainEncoder.appendFixed(buffer, selection, positions, to: plain) }
            if mode == .plain {
                updateStatistics(buffer, selection, positions)
            } else if let dictionary {
                addIndices(buffer, selection, positions, dictionary)
            }
        }
    }

    private func addIndices(_ values: UnsafeBufferPointer<T>, _ selection: LeafSelection, _ positions: Range<Int>,
                            _ dictionary: FixedDictionary<T.Bits>) {
        let n = positions.count
        let out = indices.reserve(4 * n).assumingMemoryBound(to: UInt32.self)
        guard let base = values.baseAddress else { return }
        switch selection {
        case .range(let rows):
            let first = base + rows.lowerBound + positions.lowerBound
            dictionary.indices(n, into: out) { first[$0].parquetBits }
        case .indices(let rowIndices):
            rowIndices.withUnsafeBufferPointer { idx in
                let at = idx.baseAddress! + positions.lowerBound
                dictionary.indices(n, into: out) { base[Int(at[$0])].parquetBits }
            }
        }
        indices.commit(4 * n)
    }

    private mutating func updateStatistics(_ values: UnsafeBufferPointer<T>, _ selection: LeafSelection, _ positions: Range<Int>) {
        var lo = minimum
        var hi = maximum
        @inline(__always) func see(_ v: T) {
            if v.isUnordered { return }
            if let l = lo, !(v < l) {} else { lo = v }
            if let h = hi, !(v > h) {} else { hi = v }
        }
        switch selection {
        case .range(let rows):
            let first = rows.lowerBound + positions.lowerBound
            for k in first..<(first + positions.count) { see(values[k]) }
        case .indices(let rowIndices):
            rowIndices.withUnsafeBufferPointer { idx in
                for k in positions { see(values[Int(idx[k])]) }
            }
        }
        minimum = lo
        maximum = hi
    }

    private mutating func seeDictionary() {
        guard let dictionary else { return }
        let entries = UnsafeBufferPointer(start: dictionary.entries, count: dictionary.count)
        var lo = minimum
        var hi = maximum
        for bits in entries {
            let v = T(parquetBits: bits)
            if v.isUnordered { continue }
            if let l = lo, !(v < l) {} else { lo = v }
            if let h = hi, !(v > h) {} else { hi = v }
        }
        minimum = lo
        maximum = hi
    }

    private var indexCount: Int { indices.count / 4 }

    private var indexBitWidth: Int { max(1, RLEHybridEncoder.bitWidth((dictionary?.count ?? 1) - 1)) }

    var pageByteSize: Int {
        mode == .dictionary ? 1 + (indexCount * indexBitWidth + 7) / 8 : plain.count
    }

    var dictionaryByteSize: Int { mode == .plain ? 0 : dictionary?.byteSize ?? 0 }

    var needsFallback: Bool { mode != .plain && (dictionary?.byteSize ?? 0) >= LeafValueEncoders.dictionaryLimit }

    mutating func finishPage(_ body: (Parquet.Encoding, UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError) {
        if mode == .trial {
            let dictionaryCost = (dictionary?.byteSize ?? 0) + 1 + (indexCount * indexBitWidth + 7) / 8
            if !needsFallback && dictionaryCost < plain.count {
                mode = .dictionary
            } else {
                seeDictionary()
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
    }

    mutating func fallBack() {
        guard mode == .dictionary, let dictionary else { return }
        var body: [UInt8] = []
        dictionary.appendPlain(to: &body)
        fallbackPage = (body, dictionary.count)
        seeDictionary()
        self.dictionary = nil
        mode = .plain
    }

    mutating func finishChunk() -> ChunkValues {
        var result = ChunkValues(dictionary: fallbackPage)
        if mode == .dictionary, let dictionary {
            var body: [UInt8] = []
            dictionary.appendPlain(to: &body)
            result.dictionary = (body, dictionary.count)
            seeDictionary()
        }
        if let minimum, let maximum {
            result.min = Self.bytes(minimum.asStatisticsMin)
            result.max = Self.bytes(maximum.asStatisticsMax)
        }
        minimum = nil
        maximum = nil
        fallbackPage = nil
        indices.removeAll()
        plain.removeAll()
        mode = useDictionary ? .trial : .plain
        dictionary = useDictionary ? FixedDictionary() : nil
        return result
    }

    private static func bytes(_ v: T) -> [UInt8] {
        withUnsafeBytes(of: v) { Array($0) }
    }
}

/// A `LeafValueEncoder` made of a `FixedValueCore` (the conformance is written once here; the
/// four classes below only name their type).
protocol FixedValueEncoding: LeafValueEncoder {
    associatedtype Value: ParquetFixedValue
    var core: FixedValueCore<Value> { get set }
}

extension FixedValueEncoding {
    func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>) {
        core.append(storage, selection, positions)
    }

    var pageByteSize: Int { core.pageByteSize }
    var plainBytesSeen: Int { core.plainBytesSeen }
    var dictionaryByteSize: Int { core.dictionaryByteSize }
    var needsFallback: Bool { core.needsFallback }
    func finishPage(_ body: (Parquet.Encoding, UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError) {
        try core.finishPage(body)
    }
    func fallBack() { core.fallBack() }
    func finishChunk() -> ChunkValues { core.finishChunk() }
}

/// INT32 values: int, byte, short, date, decimal of up to 9 digits.
final class Int32ValueEncoder: FixedValueEncoding {
    var core: FixedValueCore<Int32>
    init(dictionary: Bool) { core = FixedValueCore(dictionary: dictionary) }
}

/// INT64 values: long, timestamp, decimal of 10 to 18 digits.
final class Int64ValueEncoder: FixedValueEncoding {
    var core: FixedValueCore<Int64>
    init(dictionary: Bool) { core = FixedValueCore(dictionary: dictionary) }
}

/// FLOAT values.
final class FloatValueEncoder: FixedValueEncoding {
    var core: FixedValueCore<Float>
    init(dictionary: Bool) { core = FixedValueCore(dictionary: dictionary) }
}

/// DOUBLE values.
final class DoubleValueEncoder: FixedValueEncoding {
    var core: FixedValueCore<Double>
    init(dictionary: Bool) { core = FixedValueCore(dictionary: dictionary) }
}
