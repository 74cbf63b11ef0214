import Foundation
import Testing

@testable import GlueEngine

/// The value encodings on hand-made bytes: DELTA_BINARY_PACKED (spec examples and a
/// round trip through a small test encoder), DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY,
/// PLAIN booleans and INT96, BYTE_STREAM_SPLIT.
@Suite struct ParquetReaderDecodingTests {
    /// DELTA_BINARY_PACKED with blocks of 128 values in 4 miniblocks (what parquet-mr and Arrow write).
    static func deltaEncode(_ values: [Int64]) -> [UInt8] {
        var w = ThriftBytes()
        w.varint(128)
        w.varint(4)
        w.varint(UInt64(values.count))
        w.zigzag(values.first ?? 0)
        var i = 1
        while i < values.count {
            let block = (i..<min(values.count, i + 128)).map { values[$0] &- values[$0 - 1] }
            let minDelta = block.min()!
            w.zigzag(minDelta)
            let relative = block.map { UInt64(bitPattern: $0 &- minDelta) }
            let miniblocks = stride(from: 0, to: relative.count, by: 32).map { Array(relative[$0..<min(relative.count, $0 + 32)]) }
            let widths = miniblocks.map { mb in mb.map { 64 - $0.leadingZeroBitCount }.max() ?? 0 }
            for m in 0..<4 { w.bytes.append(UInt8(m < widths.count ? widths[m] : 0)) }
            for (mb, width) in zip(miniblocks, widths) {
                var bits = [Bool](repeating: false, count: 32 * width)
                for (k, v) in mb.enumerated() { for b in 0..<width { bits[k * width + b] = (v >> UInt64(b)) & 1 == 1 } }
                for byte in stride(from: 0, to: bits.count, by: 8) {
                    w.bytes.append((0..<8).reduce(UInt8(0)) { $0 | (bits[byte + $1] ? 1 << UInt8($1) : 0) })
                }
            }
            i += 128
        }
        return w.bytes
    }

    private func delta(_ bytes: [UInt8], count: Int) throws -> [Int64] {
        var out: [Int64] = []
        _ = try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) -> Int in
            try DeltaDecoders.decodeBinaryPacked(UnsafeRawBufferPointer(p), count: count, into: &out)
        }
        return out
    }

    @Test func deltaBinaryPackedSpecExamples() throws {
        // 1, 2, 3, 4, 5: min delta 1, every miniblock of width 0.
        #expect(try delta([0x80, 0x01, 0x04, 0x05, 0x02, 0x02, 0, 0, 0, 0], count: 5) == [1, 2, 3, 4, 5])
        // 7, 5, 3, 1, 2, 3, 4, 5: min delta -2, relative deltas 0 0 0 3 3 3 3 in 2 bits.
        let bytes: [UInt8] = [0x80, 0x01, 0x04, 0x08, 0x0E, 0x03, 2, 0, 0, 0, 0xC0, 0xFF, 0, 0, 0, 0, 0, 0]
        #expect(try delta(bytes, count: 8) == [7, 5, 3, 1, 2, 3, 4, 5])
        #expect(try delta(Self.deltaEncode([42]), count: 1) == [42])
    }

    @Test func deltaBinaryPackedRoundTrips() throws {
        var rng = SplitMix64(seed: 7)
        let cases: [[Int64]] = [
            (0..<1000).map { Int64($0) },
            (0..<300).map { _ in Int64(bitPattern: rng.next()) },  // 64-bit wide deltas
            (0..<129).map { _ in Int64(rng.next() % 1000) - 500 },
            [Int64.max, Int64.min, 0, Int64.max, -1, 1],
        ]
        for values in cases {
            #expect(try delta(Self.deltaEncode(values), count: values.count) == values)
        }
    }

    @Test func deltaBinaryPackedRefusesBadHeadersAndCounts() throws {
        #expect { try delta([0x81, 0x01, 0x04, 0x01, 0x00], count: 1) } throws: { "\($0)".contains("bad DELTA_BINARY_PACKED header") }
        #expect { try delta(Self.deltaEncode([1, 2, 3]), count: 2) } throws: { "\($0)".contains("holds 3 values where 2") }
        var cut = Self.deltaEncode((0..<200).map { Int64($0 * $0) })
        cut.removeLast(40)
        #expect { try delta(cut, count: 200) } throws: { "\($0)".contains("ends early") }
    }

    @Test func deltaByteArrays() throws {
        let words = ["Hello", "World", "Foobar", "ABCDEF"]
        var bytes = Self.deltaEncode(words.map { Int64($0.utf8.count) })
        bytes += Array(words.joined().utf8)
        var out = ByteColumn()
        let used = try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) -> Int in
            try DeltaDecoders.decodeLengthByteArray(UnsafeRawBufferPointer(p), count: 4, into: &out)
        }
        #expect((0..<4).map(out.string(at:)) == words)
        #expect(used == bytes.count)

        let sorted = ["axis", "axle", "babble", "babyhood"]
        var incremental = Self.deltaEncode([0, 2, 0, 3])
        incremental += Self.deltaEncode([4, 2, 6, 5])
        incremental += Array("axislebabbleyhood".utf8)
        var decoded = ByteColumn()
        try incremental.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) in
            try DeltaDecoders.decodeByteArray(UnsafeRawBufferPointer(p), count: 4, fixedLength: nil, into: &decoded)
        }
        #expect((0..<4).map(decoded.string(at:)) == sorted)

        var lying = Self.deltaEncode([0, 9])
        lying += Self.deltaEncode([1, 1])
        lying += Array("ab".utf8)
        #expect {
            try lying.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) in
                var sink = ByteColumn()
                try DeltaDecoders.decodeByteArray(UnsafeRawBufferPointer(p), count: 2, fixedLength: nil, into: &sink)
            }
        } throws: { "\($0)".contains("prefix length 9 exceeds") }
    }

    private func plain(_ bytes: [UInt8], _ type: Parquet.PhysicalType, count: Int, length: Int = 0,
                       split: Bool = false) throws -> PhysicalValues {
        var values = PhysicalValues(type: type, typeLength: length)
        try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) in
            if split {
                try PlainDecoder.decodeByteStreamSplit(UnsafeRawBufferPointer(p), count: count, into: &values)
            } else {
                try PlainDecoder.decode(UnsafeRawBufferPointer(p), count: count, into: &values)
            }
        }
        return values
    }

    @Test func plainBooleansInt96AndByteArrays() throws {
        #expect(try plain([0b0000_0101, 0b1], .boolean, count: 9).bools == [true, false, true, false, false, false, false, false, true])
        // Julian day 2440589 (1970-01-02) and 1500 ns of the day: one day and 1 µs (floored).
        var int96 = withUnsafeBytes(of: Int64(1500).littleEndian, Array.init)
        int96 += withUnsafeBytes(of: Int32(2_440_589).littleEndian, Array.init)
        #expect(try plain(int96, .int96, count: 1).int64s == [86_400_000_001])
        let strings = try plain([2, 0, 0, 0, 0x68, 0x69, 0, 0, 0, 0], .byteArray, count: 2).bytes
        #expect((0..<2).map(strings.string(at:)) == ["hi", ""])
        #expect { try plain([9, 0, 0, 0, 0x68], .byteArray, count: 1) } throws: { "\($0)".contains("length 9 exceeds") }
        #expect { try plain([1, 2, 3], .int32, count: 1) } throws: { "\($0)".contains("need 4 bytes") }
    }

    @Test func byteStreamSplit() throws {
        let floats: [Float] = [1.5, -2.25, 1e-3]
        let raw = floats.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        let split = (0..<4).flatMap { k in (0..<3).map { raw[$0 * 4 + k] } }
        #expect(try plain(split, .float, count: 3, split: true).floats == floats)
        let fixed = try plain([1, 4, 2, 5, 3, 6], .fixedLenByteArray, count: 2, length: 3, split: true).bytes
        #expect(Array(fixed[0]) == [1, 2, 3] && Array(fixed[1]) == [4, 5, 6])
        #expect { try plain([1, 2, 3], .double, count: 1, split: true) } throws: { "\($0)".contains("end early") }
    }
}
