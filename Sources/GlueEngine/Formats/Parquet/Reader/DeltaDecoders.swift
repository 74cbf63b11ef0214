/// The DELTA encodings of `Encodings.md`.
///
/// - DELTA_BINARY_PACKED (INT32, INT64): a header (`block size`, `miniblocks per block`,
///   `total values` as ULEB128, `first value` as zigzag), then blocks: a zigzag `min delta`, one
///   bit-width byte per miniblock, and the miniblocks (deltas minus min delta, bit-packed LSB
///   first). Arithmetic wraps, as the spec requires.
/// - DELTA_LENGTH_BYTE_ARRAY: the lengths DELTA_BINARY_PACKED, then all the bytes back to back.
/// - DELTA_BYTE_ARRAY: prefix lengths DELTA_BINARY_PACKED, then the suffixes as
///   DELTA_LENGTH_BYTE_ARRAY; each value is the previous value's prefix plus its suffix.
enum DeltaDecoders {
    /// The most values reserved ahead (zero-width miniblocks hold values in no bytes, so a
    /// count from the page is not trusted further).
    static let trustedCount = 1 << 20

    /// Decodes a DELTA_BINARY_PACKED run that must hold exactly `count` values; appends them to
    /// `out` and returns the bytes used.
    static func decodeBinaryPacked(_ buf: UnsafeRawBufferPointer, count: Int, into out: inout [Int64]) throws(EngineError) -> Int {
        var p = 0
        let blockSize = try varint(buf, &p)
        let miniblocks = try varint(buf, &p)
        let total = try varint(buf, &p)
        var last = try zigzag(buf, &p)
        guard blockSize > 0, blockSize % 128 == 0, miniblocks > 0, blockSize % miniblocks == 0,
            (blockSize / miniblocks) % 32 == 0, blockSize <= 1 << 20
        else { throw parquetCorrupt("bad DELTA_BINARY_PACKED header", "block \(blockSize), miniblocks \(miniblocks)") }
        guard total == UInt64(count) else {
            throw parquetCorrupt("DELTA_BINARY_PACKED run holds \(total) values where \(count) were expected")
        }
        guard count > 0 else { return p }
        let perMiniblock = Int(blockSize / miniblocks)
        out.reserveCapacity(out.count + min(count, Self.trustedCount))
        out.append(last)
        var left = count - 1
        while left > 0 {
            let minDelta = try zigzag(buf, &p)
            let widthsAt = p
            guard buf.count - p >= Int(miniblocks) else { throw parquetCorrupt("DELTA_BINARY_PACKED block ends early") }
            p += Int(miniblocks)
            for m in 0..<Int(miniblocks) where left > 0 {
                let width = Int(buf[widthsAt + m])
                guard width <= 64 else { throw parquetCorrupt("DELTA_BINARY_PACKED bit width", String(width)) }
                let n = min(perMiniblock, left)
                guard (n * width + 7) / 8 <= buf.count - p else { throw parquetCorrupt("DELTA_BINARY_PACKED miniblock ends early") }
                var bit = p * 8
                for _ in 0..<n {
                    let packed = readBits(buf, bit: bit, width: width)
                    last = last &+ minDelta &+ Int64(bitPattern: packed)
                    out.append(last)
                    bit += width
                }
                // A miniblock is stored whole (padded) even when the values end inside it.
                p = min(buf.count, p + perMiniblock * width / 8)
                left -= n
            }
        }
        return p
    }

    /// Appends `count` DELTA_LENGTH_BYTE_ARRAY values; returns the bytes used.
    static func decodeLengthByteArray(_ buf: UnsafeRawBufferPointer, count: Int, into out: inout ByteColumn) throws(EngineError) -> Int {
        var lengths: [Int64] = []
        var p = try decodeBinaryPacked(buf, count: count, into: &lengths)
        out.offsets.reserveCapacity(out.offsets.count + min(count, Self.trustedCount))
        for length in lengths {
            guard length >= 0, length <= Int64(buf.count - p) else {
                throw parquetCorrupt("DELTA_LENGTH_BYTE_ARRAY length \(length) exceeds the \(buf.count - p) bytes left")
            }
            try PlainDecoder.appendValue(UnsafeRawBufferPointer(rebasing: buf[p..<(p + Int(length))]), to: &out)
            p += Int(length)
        }
        return p
    }

    /// Appends `count` DELTA_BYTE_ARRAY values (each of `fixedLength` bytes when given).
    static func decodeByteArray(_ buf: UnsafeRawBufferPointer, count: Int, fixedLength: Int?, into out: inout ByteColumn) throws(EngineError) {
        var prefixes: [Int64] = []
        let p = try decodeBinaryPacked(buf, count: count, into: &prefixes)
        var suffixes = ByteColumn()
        _ = try decodeLengthByteArray(UnsafeRawBufferPointer(rebasing: buf[p...]), count: count, into: &suffixes)
        var previous: [UInt8] = []
        out.offsets.reserveCapacity(out.offsets.count + min(count, Self.trustedCount))
        for i in 0..<count {
            let prefix = prefixes[i]
            guard prefix >= 0, prefix <= Int64(previous.count) else {
                throw parquetCorrupt("DELTA_BYTE_ARRAY prefix length \(prefix) exceeds the previous value's \(previous.count) bytes")
            }
            previous.removeSubrange(Int(prefix)...)
            previous.append(contentsOf: suffixes[i])
            if let fixedLength, previous.count != fixedLength {
                throw parquetCorrupt("DELTA_BYTE_ARRAY value of \(previous.count) bytes in a FIXED_LEN_BYTE_ARRAY(\(fixedLength)) column")
            }
            guard out.data.count + previous.count <= Int(Int32.max) else { throw parquetCorrupt("column chunk holds more than 2 GiB of bytes") }
            out.data.append(contentsOf: previous)
            out.offsets.append(Int32(out.data.count))
        }
    }

    /// `width` (0...64) bits starting at bit offset `bit`, LSB first; bytes past the end read as 0.
    static func readBits(_ buf: UnsafeRawBufferPointer, bit: Int, width: Int) -> UInt64 {
        guard width > 0 else { return 0 }
        let byte = bit >> 3
        let shift = UInt64(bit & 7)
        var low: UInt64
        if byte + 8 <= buf.count {
            low = UInt64(littleEndian: buf.loadUnaligned(fromByteOffset: byte, as: UInt64.self))
        } else {
            low = 0
            for k in 0..<max(0, min(8, buf.count - byte)) { low |= UInt64(buf[byte + k]) << (8 * UInt64(k)) }
        }
        var value = low >> shift
        if Int(shift) + width > 64, byte + 8 < buf.count {
            value |= UInt64(buf[byte + 8]) << (64 - shift)
        }
        return width == 64 ? value : value & ((1 << UInt64(width)) - 1)
    }

    private static func varint(_ buf: UnsafeRawBufferPointer, _ p: inout Int) throws(EngineError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard p < buf.count else { throw parquetCorrupt("DELTA data ends early") }
            let b = buf[p]
            p += 1
            result |= UInt64(b & 0x7F) &<< shift
            if b & 0x80 == 0 { return result }
            shift += 7
            guard shift < 64 else { throw parquetCorrupt("DELTA varint too long") }
        }
    }

    private static func zigzag(_ buf: UnsafeRawBufferPointer, _ p: inout Int) throws(EngineError) -> Int64 {
        let v = try varint(buf, &p)
        return Int64(bitPattern: (v >> 1) ^ (0 &- (v & 1)))
    }
}
