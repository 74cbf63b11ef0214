import Testing
@testable import GlueEngine

/// The RLE / bit-packing hybrid against `Encodings.md` and hand-packed bytes.
@Suite struct RLEHybridEncoderTests {
    private func encode(_ values: [UInt32], width: Int) -> [UInt8] {
        let out = GrowableBytes()
        values.withUnsafeBufferPointer { RLEHybridEncoder.encode($0, bitWidth: width, into: out) }
        return Array(out.bytes)
    }

    @Test func bitPacksZeroToSevenAsEncodingsMdShows() {
        // Encodings.md: 0..7 with bit width 3 pack to 10001000 11000110 11111010; one group of 8
        // makes the header varint(1 << 1 | 1) = 3.
        #expect(encode([0, 1, 2, 3, 4, 5, 6, 7], width: 3) == [0x03, 0x88, 0xC6, 0xFA])
    }

    @Test func runsOfEightOrMoreAreRLE() {
        // 100 ones: varint(100 << 1) = C8 01, then the value in one byte.
        #expect(encode([UInt32](repeating: 1, count: 100), width: 1) == [0xC8, 0x01, 0x01])
        // A value of 9 bits takes 2 bytes, little-endian.
        #expect(encode([UInt32](repeating: 300, count: 8), width: 9) == [0x10, 0x2C, 0x01])
    }

    @Test func literalGroupsThenARun() {
        // 1,0,1,0,1,0,1,0 packs to 0b01010101; then ten 1s.
        #expect(encode([1, 0, 1, 0, 1, 0, 1, 0] + [UInt32](repeating: 1, count: 10), width: 1)
                == [0x03, 0x55, 0x14, 0x01])
        // Two literal groups share one header (2 << 1 | 1 = 5).
        #expect(encode([1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 0, 1, 0, 1, 0, 1], width: 1) == [0x05, 0x55, 0xAA])
    }

    @Test func aRunStartingInsideAGroupIsLiteralUntilTheNextGroup() {
        // 2,3 then twenty 1s: the first group (2,3,1,1,1,1,1,1) is packed, the other 14 ones are a run.
        let values: [UInt32] = [2, 3] + [UInt32](repeating: 1, count: 20)
        #expect(encode(values, width: 2) == [0x03, 0b0101_1110, 0b0101_0101, 0x1C, 0x01])
    }

    @Test func aShortLastGroupIsPaddedWithZeros() {
        #expect(encode([1, 0, 1], width: 1) == [0x03, 0x05])
        // ... unless it is one short run reaching the end.
        #expect(encode([2, 2, 2], width: 2) == [0x06, 0x02])
        #expect(encode([], width: 1) == [])
    }

    @Test func levelsInV1PagesHaveTheirLengthInFront() {
        let levels: [UInt8] = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0]
        let out = GrowableBytes()
        levels.withUnsafeBufferPointer { RLEHybridEncoder.encodeWithLength($0, bitWidth: 1, into: out) }
        // a run of nine 1s, then a run of one 0 (it reaches the end), behind their length 4.
        #expect(Array(out.bytes) == [0x04, 0x00, 0x00, 0x00, 0x12, 0x01, 0x02, 0x00])
    }

    @Test func bitWidths() {
        #expect(RLEHybridEncoder.bitWidth(0) == 0)
        #expect(RLEHybridEncoder.bitWidth(1) == 1)
        #expect(RLEHybridEncoder.bitWidth(2) == 2)
        #expect(RLEHybridEncoder.bitWidth(3) == 2)
        #expect(RLEHybridEncoder.bitWidth(255) == 8)
        #expect(RLEHybridEncoder.bitWidth(256) == 9)
    }

    @Test func wideIndicesPackAcrossBytes() {
        // 8 values of width 17 take 17 bytes; value k at bit offset 17k.
        let values: [UInt32] = [0x1FFFF, 0, 1, 0x10000, 5, 6, 7, 0x1ABCD]
        let out = encode(values, width: 17)
        #expect(out.count == 18 && out[0] == 0x03)
        var bits: [Bool] = []
        for byte in out.dropFirst() { for b in 0..<8 { bits.append(byte >> b & 1 == 1) } }
        for (k, v) in values.enumerated() {
            var decoded: UInt32 = 0
            for b in 0..<17 where bits[17 * k + b] { decoded |= 1 << b }
            #expect(decoded == v)
        }
    }
}
