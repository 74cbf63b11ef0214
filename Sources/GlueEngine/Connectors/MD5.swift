/// MD5 (RFC 1321), incremental, in pure Swift: the ETag of a single-part S3 object is the hex
/// MD5 of its bytes. Foundation on Linux has no CryptoKit, so the engine carries its own.
///
/// ```swift
/// var md5 = MD5()
/// md5.update(Array("abc".utf8))
/// md5.finalize()  // "900150983cd24fb0d6963f7d28e17f72"
/// ```
public struct MD5: Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32) = (0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476)
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    public init() {
        buffer.reserveCapacity(64)
    }

    /// The hex MD5 of `bytes`.
    public static func hex(_ bytes: some Collection<UInt8>) -> String {
        var md5 = MD5()
        md5.update(bytes)
        return md5.finalize()
    }

    /// Feeds more bytes.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        length &+= UInt64(bytes.count)
        let done: Void? = bytes.withContiguousStorageIfAvailable { raw in
            consume(UnsafeRawBufferPointer(raw))
        }
        if done == nil {
            let copy = Array(bytes)
            copy.withUnsafeBytes { consume($0) }
        }
    }

    /// Feeds the bytes of a raw buffer (for `Data` and file chunks without copying).
    public mutating func update(_ raw: UnsafeRawBufferPointer) {
        length &+= UInt64(raw.count)
        consume(raw)
    }

    /// Pads, finishes and returns the digest as 32 lowercase hex digits.
    public mutating func finalize() -> String {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let rem = (buffer.count + 1) % 64
        tail += [UInt8](repeating: 0, count: rem <= 56 ? 56 - rem : 120 - rem)
        for i in 0..<8 { tail.append(UInt8(truncatingIfNeeded: bitLength >> (8 * UInt64(i)))) }
        tail.withUnsafeBytes { consume($0) }
        let words = [state.0, state.1, state.2, state.3]
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(32)
        for w in words {
            for i in 0..<4 {
                let byte = UInt8(truncatingIfNeeded: w >> (8 * UInt32(i)))
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 15)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func consume(_ raw: UnsafeRawBufferPointer) {
        var offset = 0
        if !buffer.isEmpty {
            let need = 64 - buffer.count
            let n = min(need, raw.count)
            buffer.append(contentsOf: raw[0..<n])
            offset = n
            guard buffer.count == 64 else { return }
            buffer.withUnsafeBytes { block($0.baseAddress!) }
            buffer.removeAll(keepingCapacity: true)
        }
        while raw.count - offset >= 64 {
            block(raw.baseAddress! + offset)
            offset += 64
        }
        if offset < raw.count { buffer.append(contentsOf: raw[offset...]) }
    }

    private static let shifts: [UInt32] = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
                                           5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
                                           4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
                                           6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]

    /// `floor(abs(sin(i + 1)) * 2^32)`, RFC 1321 §3.4.
    private static let sines: [UInt32] = [
        0xd76a_a478, 0xe8c7_b756, 0x2420_70db, 0xc1bd_ceee, 0xf57c_0faf, 0x4787_c62a, 0xa830_4613, 0xfd46_9501,
        0x6980_98d8, 0x8b44_f7af, 0xffff_5bb1, 0x895c_d7be, 0x6b90_1122, 0xfd98_7193, 0xa679_438e, 0x49b4_0821,
        0xf61e_2562, 0xc040_b340, 0x265e_5a51, 0xe9b6_c7aa, 0xd62f_105d, 0x0244_1453, 0xd8a1_e681, 0xe7d3_fbc8,
        0x21e1_cde6, 0xc337_07d6, 0xf4d5_0d87, 0x455a_14ed, 0xa9e3_e905, 0xfcef_a3f8, 0x676f_02d9, 0x8d2a_4c8a,
        0xfffa_3942, 0x8771_f681, 0x6d9d_6122, 0xfde5_380c, 0xa4be_ea44, 0x4bde_cfa9, 0xf6bb_4b60, 0xbebf_bc70,
        0x289b_7ec6, 0xeaa1_27fa, 0xd4ef_3085, 0x0488_1d05, 0xd9d4_d039, 0xe6db_99e5, 0x1fa2_7cf8, 0xc4ac_5665,
        0xf429_2244, 0x432a_ff97, 0xab94_23a7, 0xfc93_a039, 0x655b_59c3, 0x8f0c_cc92, 0xffef_f47d, 0x8584_5dd1,
        0x6fa8_7e4f, 0xfe2c_e6e0, 0xa301_4314, 0x4e08_11a1, 0xf753_7e82, 0xbd3a_f235, 0x2ad7_d2bb, 0xeb86_d391,
    ]

    /// Processes one 64-byte block.
    private mutating func block(_ p: UnsafeRawPointer) {
        var (a, b, c, d) = state
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { m in
            for i in 0..<16 { m[i] = UInt32(littleEndian: p.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)) }
            Self.sines.withUnsafeBufferPointer { k in
                Self.shifts.withUnsafeBufferPointer { r in
                    for i in 0..<64 {
                        var f: UInt32
                        let g: Int
                        switch i >> 4 {
                        case 0: f = (b & c) | (~b & d); g = i
                        case 1: f = (d & b) | (~d & c); g = (5 &* i &+ 1) & 15
                        case 2: f = b ^ c ^ d; g = (3 &* i &+ 5) & 15
                        default: f = c ^ (b | ~d); g = (7 &* i) & 15
                        }
                        f = f &+ a &+ k[i] &+ m[g]
                        a = d
                        d = c
                        c = b
                        let s = r[i]
                        b = b &+ ((f << s) | (f >> (32 - s)))
                    }
                }
            }
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }
}
