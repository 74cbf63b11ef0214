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

/// Values of a fixed-width type, PLAIN or dictionary-encoded (see `LeafValueEncoder`).
final class FixedValueEncoder<T: ParquetFixedValue>: LeafValueEncoder {
    private enum Mode { case trial, dictionary, plain }

    private let useDictionary: Bool
    private var mode: Mode
    private var dictionary: FixedDictionary<T.Bits>?
    /// The dictionary page of a chunk that fell back to PLAIN.
    private var fallbackPage: (body: [UInt8], count: Int)?
    /// The current page's PLAIN values (in trial and plain modes).
    private let plain = GrowableBytes(capacity: 1 << 16)
    /// The current page's dictionary indices (in trial and dictionary modes).
    private var indices: [UInt32] = []
    private var minimum: T?
    private var maximum: T?
    private(set) var plainBytesSeen = 0

    init(dictionary: Bool) {
        useDictionary = dictionary
        mode = dictionary ? .trial : .plain
        self.dictionary = dictionary ? FixedDictionary() : nil
    }

    func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>) {
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
        let start = indices.count
        indices.append(contentsOf: repeatElement(0, count: positions.count))
        indices.withUnsafeMutableBufferPointer { out in
            switch selection {
            case .range(let rows):
                let first = rows.lowerBound + positions.lowerBound
                for k in 0..<positions.count { out[start + k] = dictionary.index(of: values[first + k].parquetBits) }
            case .indices(let rowIndices):
                rowIndices.withUnsafeBufferPointer { idx in
                    for k in 0..<positions.count {
                        out[start + k] = dictionary.index(of: values[Int(idx[positions.lowerBound + k])].parquetBits)
                    }
                }
            }
        }
    }

    private func updateStatistics(_ values: UnsafeBufferPointer<T>, _ selection: LeafSelection, _ positions: Range<Int>) {
        switch selection {
        case .range(let rows):
            let first = rows.lowerBound + positions.lowerBound
            for k in first..<(first + positions.count) { see(values[k]) }
        case .indices(let rowIndices):
            rowIndices.withUnsafeBufferPointer { idx in
                for k in positions { see(values[Int(idx[k])]) }
            }
        }
    }

    @inline(__always)
    private func see(_ v: T) {
        if v.isUnordered { return }
        if let m = minimum {
            if v < m { minimum = v }
        } else {
            minimum = v
        }
        if let m = maximum {
            if v > m { maximum = v }
        } else {
            maximum = v
        }
    }

    private func seeDictionary() {
        guard let dictionary else { return }
        for k in 0..<dictionary.count { see(T(parquetBits: dictionary.entries[k])) }
    }

    private var indexBitWidth: Int { max(1, RLEHybridEncoder.bitWidth((dictionary?.count ?? 1) - 1)) }

    var pageByteSize: Int {
        mode == .dictionary ? 1 + (indices.count * indexBitWidth + 7) / 8 : plain.count
    }

    var dictionaryByteSize: Int { mode == .plain ? 0 : dictionary?.byteSize ?? 0 }

    var needsFallback: Bool { mode != .plain && (dictionary?.byteSize ?? 0) >= parquetDictionaryLimit }

    func finishPage(into body: inout [UInt8]) -> Parquet.Encoding {
        if mode == .trial {
            let dictionaryCost = (dictionary?.byteSize ?? 0) + 1 + (indices.count * indexBitWidth + 7) / 8
            if !needsFallback && dictionaryCost < plain.count {
                mode = .dictionary
            } else {
                seeDictionary()
                dictionary = nil
                indices.removeAll(keepingCapacity: false)
                mode = .plain
            }
        }
        if mode == .dictionary {
            plain.removeAll()
            body.append(UInt8(indexBitWidth))
            indices.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: indexBitWidth, into: &body) }
            indices.removeAll(keepingCapacity: true)
            return .rleDictionary
        }
        body.append(contentsOf: plain.bytes)
        plain.removeAll()
        return .plain
    }

    func fallBack() {
        guard mode == .dictionary, let dictionary else { return }
        var body: [UInt8] = []
        dictionary.appendPlain(to: &body)
        fallbackPage = (body, dictionary.count)
        seeDictionary()
        self.dictionary = nil
        mode = .plain
    }

    func finishChunk() -> ChunkValues {
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
        indices.removeAll(keepingCapacity: true)
        plain.removeAll()
        mode = useDictionary ? .trial : .plain
        dictionary = useDictionary ? FixedDictionary() : nil
        return result
    }

    private static func bytes(_ v: T) -> [UInt8] {
        withUnsafeBytes(of: v) { Array($0) }
    }
}
