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
    private var pages: DictionaryPages<FixedDictionary<T.Bits>>
    private var minimum: T?
    private var maximum: T?
    private(set) var plainBytesSeen = 0

    init(dictionary: Bool) {
        pages = DictionaryPages(dictionary: dictionary)
    }

    mutating func append(_ storage: LeafStorage, _ selection: LeafSelection, _ positions: Range<Int>) {
        guard !positions.isEmpty, let values = T.values(in: storage) else { return }
        plainBytesSeen += positions.count * MemoryLayout<T>.stride
        values.withUnsafeBufferPointer { buffer in
            if pages.mode != .dictionary { PlainEncoder.appendFixed(buffer, selection, positions, to: pages.plain) }
            if pages.mode == .plain {
                updateStatistics(buffer, selection, positions)
            } else if let dictionary = pages.dictionary {
                addIndices(buffer, selection, positions, dictionary)
            }
        }
    }

    private func addIndices(_ values: UnsafeBufferPointer<T>, _ selection: LeafSelection, _ positions: Range<Int>,
                            _ dictionary: FixedDictionary<T.Bits>) {
        let n = positions.count
        let indices = pages.indices
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

    private mutating func see(_ dictionary: FixedDictionary<T.Bits>?) {
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

    var pageByteSize: Int { pages.pageByteSize }

    var dictionaryByteSize: Int { pages.dictionaryByteSize }

    var needsFallback: Bool { pages.needsFallback }

    mutating func finishPage(_ body: (Parquet.Encoding, UnsafeRawBufferPointer) throws(EngineError) -> Void) throws(EngineError) {
        see(try pages.finishPage(body))
    }

    mutating func fallBack() {
        see(pages.fallBack())
    }

    mutating func finishChunk() -> ChunkValues {
        let (page, inUse) = pages.finishChunk()
        see(inUse)
        var result = ChunkValues(dictionary: page)
        if let minimum, let maximum {
            result.min = Self.bytes(minimum.asStatisticsMin)
            result.max = Self.bytes(maximum.asStatisticsMax)
        }
        minimum = nil
        maximum = nil
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
