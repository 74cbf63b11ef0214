/// The non-null values of one column chunk (or of a dictionary page) as their physical type
/// stores them, before the logical conversion: one typed buffer is used, chosen by `type`.
/// INT96 values are kept as microseconds since the epoch in `int64s`; BYTE_ARRAY and
/// FIXED_LEN_BYTE_ARRAY values in `bytes`.
struct PhysicalValues {
    let type: Parquet.PhysicalType
    /// The byte length of FIXED_LEN_BYTE_ARRAY values (0 otherwise).
    let typeLength: Int
    var bools: [Bool] = []
    var int32s: [Int32] = []
    var int64s: [Int64] = []
    var floats: [Float] = []
    var doubles: [Double] = []
    var bytes = ByteColumn()

    init(type: Parquet.PhysicalType, typeLength: Int) {
        self.type = type
        self.typeLength = typeLength
    }

    /// The number of values held.
    var count: Int {
        switch type {
        case .boolean: bools.count
        case .int32: int32s.count
        case .int64, .int96: int64s.count
        case .float: floats.count
        case .double: doubles.count
        case .byteArray, .fixedLenByteArray: bytes.count
        }
    }

    /// Appends `dictionary[i]` for every index (dictionary-encoded pages); an index past the
    /// dictionary throws.
    mutating func appendGathered(from dictionary: PhysicalValues, indices: [UInt32]) throws(EngineError) {
        let size = dictionary.count
        var maxIndex: UInt32 = 0
        for i in indices where i > maxIndex { maxIndex = i }
        guard indices.isEmpty || Int(maxIndex) < size else {
            throw parquetCorrupt("dictionary index \(maxIndex) past the dictionary's \(size) values")
        }
        switch type {
        case .boolean: Self.gather(dictionary.bools, indices, into: &bools)
        case .int32: Self.gather(dictionary.int32s, indices, into: &int32s)
        case .int64, .int96: Self.gather(dictionary.int64s, indices, into: &int64s)
        case .float: Self.gather(dictionary.floats, indices, into: &floats)
        case .double: Self.gather(dictionary.doubles, indices, into: &doubles)
        case .byteArray, .fixedLenByteArray: try Self.gatherBytes(dictionary.bytes, indices, into: &bytes)
        }
    }

    private static func gather<T>(_ source: [T], _ indices: [UInt32], into out: inout [T]) {
        out.reserveCapacity(out.count + indices.count)
        source.withUnsafeBufferPointer { src in
            for i in indices { out.append(src[Int(i)]) }
        }
    }

    /// Copies the dictionary entries' bytes (no String per value).
    private static func gatherBytes(_ source: ByteColumn, _ indices: [UInt32], into out: inout ByteColumn) throws(EngineError) {
        var total = 0
        source.offsets.withUnsafeBufferPointer { off in
            for i in indices { total += Int(off[Int(i) + 1] - off[Int(i)]) }
        }
        let start = out.data.count
        guard start + total <= Int(Int32.max) else { throw parquetCorrupt("column chunk holds more than 2 GiB of bytes") }
        out.data.reserveCapacity(start + total)
        out.offsets.reserveCapacity(out.offsets.count + indices.count)
        source.offsets.withUnsafeBufferPointer { off in
            source.data.withUnsafeBufferPointer { data in
                for i in indices {
                    let a = Int(off[Int(i)])
                    let b = Int(off[Int(i) + 1])
                    out.data.append(contentsOf: UnsafeBufferPointer(rebasing: data[a..<b]))
                    out.offsets.append(Int32(out.data.count))
                }
            }
        }
    }
}

extension Array where Element: FixedWidthInteger {
    /// Appends `count` little-endian values copied from `source` (which may be unaligned).
    mutating func appendLittleEndian(_ source: UnsafeRawBufferPointer, count: Int) {
        guard count > 0 else { return }
        let old = self.count
        append(contentsOf: repeatElement(0, count: count))
        withUnsafeMutableBytes { dst in
            dst.baseAddress!.advanced(by: old * MemoryLayout<Element>.stride)
                .copyMemory(from: source.baseAddress!, byteCount: count * MemoryLayout<Element>.stride)
        }
        #if _endian(big)
        for i in old..<self.count { self[i] = Element(littleEndian: self[i]) }
        #endif
    }
}

extension Array where Element: BinaryFloatingPoint {
    /// Appends `count` little-endian IEEE values copied from `source` (which may be unaligned).
    mutating func appendLittleEndian(_ source: UnsafeRawBufferPointer, count: Int) {
        guard count > 0 else { return }
        let old = self.count
        append(contentsOf: repeatElement(0, count: count))
        withUnsafeMutableBytes { dst in
            dst.baseAddress!.advanced(by: old * MemoryLayout<Element>.stride)
                .copyMemory(from: source.baseAddress!, byteCount: count * MemoryLayout<Element>.stride)
        }
    }
}
