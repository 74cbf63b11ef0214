/// The RLE / bit-packing hybrid encoding (Parquet `Encodings.md`, "RLE = 3"), used for
/// definition and repetition levels and for dictionary indices.
///
/// The encoder walks the values in groups of 8: where a run of at least 8 equal values starts
/// it writes an RLE run (`varint(length << 1)` then the value in `ceil(bitWidth / 8)` bytes,
/// little-endian); otherwise it takes the 8 values into a bit-packed run
/// (`varint(groups << 1 | 1)` then the values packed LSB first, `bitWidth` bytes per group).
/// Consecutive literal groups share one header. A last, partial group is padded with zeros
/// (readers stop at the value count the page gives), except that a short run of equal values
/// reaching the end is written as an RLE run.
enum RLEHybridEncoder {
    /// The bits needed for values up to `maxValue` (0 for 0).
    static func bitWidth(_ maxValue: Int) -> Int {
        maxValue <= 0 ? 0 : Int.bitWidth - maxValue.leadingZeroBitCount
    }

    /// Appends the hybrid encoding of `values` (each below `1 << bitWidth`) to `out`.
    static func encode<T: FixedWidthInteger & UnsignedInteger>(_ values: UnsafeBufferPointer<T>, bitWidth: Int,
                                                               into out: GrowableBytes) {
        let n = values.count
        guard n > 0 else { return }
        var i = 0
        var literalStart = -1  // first value of the pending bit-packed run, or -1
        while i < n {
            let v = values[i]
            var j = i + 1
            while j < n && values[j] == v { j += 1 }
            let run = j - i
            if run >= 8 || (j == n && literalStart < 0) {
                if literalStart >= 0 {
                    packLiteral(values, from: literalStart, to: i, bitWidth: bitWidth, into: out)
                    literalStart = -1
                }
                writeRun(UInt64(v), count: run, bitWidth: bitWidth, into: out)
                i = j
            } else {
                if literalStart < 0 { literalStart = i }
                i = min(i + 8, n)
            }
        }
        if literalStart >= 0 {
            packLiteral(values, from: literalStart, to: n, bitWidth: bitWidth, into: out)
        }
    }

    /// Appends the hybrid encoding of `values`, with the 4-byte little-endian length in front
    /// (the form of levels in a v1 data page).
    static func encodeWithLength(_ values: UnsafeBufferPointer<UInt8>, bitWidth: Int, into out: GrowableBytes) {
        let lengthAt = out.count
        _ = out.reserve(4)
        out.commit(4)
        encode(values, bitWidth: bitWidth, into: out)
        let length = UInt32(out.count - lengthAt - 4)
        (out.base + lengthAt).storeBytes(of: length.littleEndian, as: UInt32.self)
    }

    /// An RLE run: `count` copies of `value`.
    static func writeRun(_ value: UInt64, count: Int, bitWidth: Int, into out: GrowableBytes) {
        let p = out.reserve(16)
        var n = varint(UInt64(count) << 1, at: p)
        var v = value
        for _ in 0..<((bitWidth + 7) / 8) {
            p.storeBytes(of: UInt8(truncatingIfNeeded: v), toByteOffset: n, as: UInt8.self)
            v >>= 8
            n += 1
        }
        out.commit(n)
    }

    /// A bit-packed run of `values[start..<end]`, padded with zeros to a multiple of 8 values.
    static func packLiteral<T: FixedWidthInteger & UnsignedInteger>(_ values: UnsafeBufferPointer<T>, from start: Int,
                                                                    to end: Int, bitWidth: Int, into out: GrowableBytes) {
        let groups = (end - start + 7) / 8
        let p = out.reserve(10 + groups * bitWidth)
        var n = varint(UInt64(groups) << 1 | 1, at: p)
        var acc: UInt64 = 0
        var bits = 0
        let width = UInt64(bitWidth)
        var k = start
        let full = start + (end - start) / 8 * 8
        while k < full {
            // a whole group: 8 values, bitWidth bytes
            for g in 0..<8 {
                acc |= UInt64(values[k + g]) << UInt64(bits)
                bits += bitWidth
                while bits >= 8 {
                    p.storeBytes(of: UInt8(truncatingIfNeeded: acc), toByteOffset: n, as: UInt8.self)
                    n += 1
                    acc >>= 8
                    bits -= 8
                }
            }
            k += 8
        }
        if full < end {
            for g in 0..<8 {
                if full + g < end { acc |= UInt64(values[full + g]) << UInt64(bits) }
                bits += Int(width)
                while bits >= 8 {
                    p.storeBytes(of: UInt8(truncatingIfNeeded: acc), toByteOffset: n, as: UInt8.self)
                    n += 1
                    acc >>= 8
                    bits -= 8
                }
            }
        }
        out.commit(n)
    }

    /// ULEB128 at `p`; returns the bytes written (at most 10).
    @inline(__always)
    static func varint(_ value: UInt64, at p: UnsafeMutableRawPointer) -> Int {
        var v = value
        var n = 0
        while v >= 0x80 {
            p.storeBytes(of: UInt8(truncatingIfNeeded: v) | 0x80, toByteOffset: n, as: UInt8.self)
            v >>= 7
            n += 1
        }
        p.storeBytes(of: UInt8(v), toByteOffset: n, as: UInt8.self)
        return n + 1
    }
}
