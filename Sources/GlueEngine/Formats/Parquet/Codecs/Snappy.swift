/// Raw Snappy, the default page codec of Glue's Parquet writer, in pure Swift.
///
/// The format is google/snappy's `format_description.txt` (the raw format, not the framing
/// format): a little-endian varint preamble with the uncompressed length, then a sequence of
/// elements, each starting with a tag byte whose low two bits say what follows:
///
/// - `00` a literal: `len - 1` in the upper six bits when the literal is at most 60 bytes,
///   else 60...63 there and `len - 1` in the next 1...4 bytes (little-endian); the bytes follow;
/// - `01` a copy with a 1-byte offset: length 4...11 in bits 2...4, offset 0...2047 from bits
///   5...7 (high) and the next byte (low);
/// - `10` a copy with a 2-byte offset: length 1...64 in the upper six bits, the offset in the
///   next two bytes (little-endian);
/// - `11` a copy with a 4-byte offset: as `10`, with a 4-byte offset.
///
/// A copy may overlap its own output (offset < length): that is how runs are encoded.
///
/// `compress` is the usual greedy matcher over 64 KiB blocks with a hash table of 4-byte
/// sequences (`SnappyCompressor.swift`); it writes literals, 1-byte and 2-byte offset copies.
/// `decompress` reads every element kind and checks everything against hostile input
/// (`SnappyDecompressor.swift`).
public enum Snappy {
    /// The compressor never matches across blocks of this size, so offsets fit in 16 bits.
    static let blockSize = 1 << 16

    /// The largest output `compress` can produce for `count` input bytes (google/snappy's
    /// bound, which leaves room for the 16-byte fast-path stores as well).
    static func maxCompressedLength(_ count: Int) -> Int {
        32 + count + count / 6
    }

    /// Writes `value` as a little-endian base-128 varint at `p` and returns the next position.
    @inline(__always)
    static func writeVarint(_ value: UInt32, to p: UnsafeMutableRawPointer) -> UnsafeMutableRawPointer {
        var v = value
        var q = p
        while v >= 0x80 {
            q.storeBytes(of: UInt8(truncatingIfNeeded: v) | 0x80, as: UInt8.self)
            q += 1
            v >>= 7
        }
        q.storeBytes(of: UInt8(truncatingIfNeeded: v), as: UInt8.self)
        return q + 1
    }

    /// Unaligned little-endian loads.
    @inline(__always)
    static func load32(_ p: UnsafeRawPointer, _ offset: Int) -> UInt32 {
        UInt32(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    static func load64(_ p: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: p.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// The error for a stream that cannot be decompressed.
    static func malformed(_ reason: String, _ value: String) -> EngineError {
        .malformedInput(source: "snappy", line: 0, reason: reason, value: value)
    }
}
