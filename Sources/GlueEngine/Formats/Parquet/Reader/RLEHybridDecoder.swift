/// The RLE / bit-packing hybrid of `Encodings.md`, used for repetition and definition levels,
/// dictionary indices and RLE booleans: a sequence of runs, each a ULEB128 header whose low bit
/// says bit-packed (`groups << 1 | 1`, then `groups * bitWidth` bytes of 8-value groups packed
/// LSB first) or repeated (`count << 1`, then the value in `ceil(bitWidth / 8)` little-endian
/// bytes). The caller strips any length prefix (levels in v1 pages, RLE booleans) or bit-width
/// byte (dictionary indices) first.
///
/// Works on a raw buffer the caller keeps alive; every read is bounds-checked.
struct RLEHybridDecoder {
    private let base: UnsafeRawBufferPointer
    private var position = 0
    let bitWidth: Int
    private var repeatLeft = 0
    private var repeatValue: UInt64 = 0
    private var packedLeft = 0
    private var packedBit = 0

    /// `bitWidth` is 0...32.
    init(_ bytes: UnsafeRawBufferPointer, bitWidth: Int) throws(EngineError) {
        guard (0...32).contains(bitWidth) else { throw parquetCorrupt("RLE bit width out of range", String(bitWidth)) }
        self.base = bytes
        self.bitWidth = bitWidth
    }

    /// Appends the next `count` values to `out`; throws if the runs hold fewer.
    mutating func decode<T: FixedWidthInteger>(_ count: Int, into out: inout [T]) throws(EngineError) {
        // Runs can repeat a value any number of times, so the count alone is not trusted.
        out.reserveCapacity(out.count + min(count, 8 * base.count + 8))
        var needed = count
        while needed > 0 {
            if repeatLeft > 0 {
                let n = min(needed, repeatLeft)
                out.append(contentsOf: repeatElement(T(truncatingIfNeeded: repeatValue), count: n))
                repeatLeft -= n
                needed -= n
            } else if packedLeft > 0 {
                let n = min(needed, packedLeft)
                unpack(n, into: &out)
                packedLeft -= n
                needed -= n
            } else {
                try readRunHeader()
            }
        }
    }

    private mutating func readRunHeader() throws(EngineError) {
        var header: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < base.count else { throw parquetCorrupt("RLE/bit-packed data ends early", "\(base.count) bytes") }
            let b = base[position]
            position += 1
            header |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { break }
            shift += 7
            guard shift <= 28 else { throw parquetCorrupt("RLE run header too long") }
        }
        if header & 1 == 1 {
            let groups = Int(header >> 1)
            let byteLength = groups * bitWidth
            let available = min(byteLength, base.count - position)
            packedBit = position * 8
            packedLeft = bitWidth == 0 ? groups * 8 : min(groups * 8, available * 8 / bitWidth)
            position += available
            guard packedLeft > 0 || groups == 0 else { throw parquetCorrupt("bit-packed run without data") }
        } else {
            let byteCount = (bitWidth + 7) / 8
            guard base.count - position >= byteCount else { throw parquetCorrupt("RLE run value missing") }
            var v: UInt64 = 0
            for k in 0..<byteCount { v |= UInt64(base[position + k]) << (8 * UInt64(k)) }
            position += byteCount
            repeatValue = v
            repeatLeft = Int(header >> 1)
        }
    }

    /// Unpacks `n` values of the current bit-packed run (they are known to be in bounds).
    private mutating func unpack<T: FixedWidthInteger>(_ n: Int, into out: inout [T]) {
        let w = bitWidth
        guard w > 0 else {
            out.append(contentsOf: repeatElement(0, count: n))
            return
        }
        let mask: UInt64 = (1 << UInt64(w)) - 1
        var bit = packedBit
        let count = base.count
        for _ in 0..<n {
            let byte = bit >> 3
            let word: UInt64
            if byte + 8 <= count {
                word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
            } else {
                var v: UInt64 = 0
                for k in 0..<min(8, count - byte) { v |= UInt64(base[byte + k]) << (8 * UInt64(k)) }
                word = v
            }
            out.append(T(truncatingIfNeeded: (word >> UInt64(bit & 7)) & mask))
            bit += w
        }
        packedBit = bit
    }

    /// Decodes the deprecated BIT_PACKED level encoding: `count` values packed MSB first, no header.
    /// Returns the bytes used.
    static func decodeLegacyBitPacked(_ bytes: UnsafeRawBufferPointer, bitWidth: Int, count: Int,
                                      into out: inout [UInt8]) throws(EngineError) -> Int {
        let used = (count * bitWidth + 7) / 8
        guard used <= bytes.count else { throw parquetCorrupt("BIT_PACKED levels end early") }
        out.reserveCapacity(out.count + count)
        var bit = 0
        for _ in 0..<count {
            var v = 0
            for _ in 0..<bitWidth {
                let b = (bytes[bit >> 3] >> UInt8(7 - (bit & 7))) & 1
                v = v << 1 | Int(b)
                bit += 1
            }
            out.append(UInt8(truncatingIfNeeded: v))
        }
        return used
    }

    /// The bits needed for values up to `maxValue` (0 for 0).
    static func bitWidth(of maxValue: Int) -> Int {
        maxValue <= 0 ? 0 : Int.bitWidth - maxValue.leadingZeroBitCount
    }
}
