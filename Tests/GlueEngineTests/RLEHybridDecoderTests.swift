import Foundation
import Testing

@testable import GlueEngine

/// The RLE / bit-packing hybrid and the deprecated BIT_PACKED levels, on the examples of
/// `Encodings.md` and hand-made runs.
@Suite struct RLEHybridDecoderTests {
    private func decode(_ bytes: [UInt8], width: Int, counts: [Int]) throws -> [UInt32] {
        try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) -> [UInt32] in
            var decoder = try RLEHybridDecoder(UnsafeRawBufferPointer(p), bitWidth: width)
            var out: [UInt32] = []
            for n in counts { try decoder.decode(n, into: &out) }
            return out
        }
    }

    @Test func bitPackedRunFromTheSpec() throws {
        // 0...7 with bit width 3: one group, header (1 << 1) | 1.
        #expect(try decode([0x03, 0x88, 0xC6, 0xFA], width: 3, counts: [8]) == [0, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test func repeatedRunsWithOneAndTwoByteValues() throws {
        #expect(try decode([0x0A, 0x01], width: 1, counts: [5]) == [1, 1, 1, 1, 1])
        #expect(try decode([0x06, 0x2C, 0x01], width: 9, counts: [3]) == [300, 300, 300])
    }

    @Test func runsAreReadAcrossCallBoundaries() throws {
        // RLE 4 × 2, then bit-packed 8 values (width 2), then RLE 3 × 1.
        let bytes: [UInt8] = [0x08, 0x02, 0x03, 0b1110_0100, 0b0001_1011, 0x06, 0x01]
        let values = try decode(bytes, width: 2, counts: [3, 2, 6, 4])
        #expect(values == [2, 2, 2, 2, 0, 1, 2, 3, 3, 2, 1, 0, 1, 1, 1])
    }

    @Test func widthZeroAndWidth32() throws {
        #expect(try decode([0x08], width: 0, counts: [4]) == [0, 0, 0, 0])
        var bytes: [UInt8] = [0x03]
        for v in [UInt32.max, 0, 1, 0x8000_0000, 7, 8, 9, 10] { bytes += withUnsafeBytes(of: v.littleEndian, Array.init) }
        #expect(try decode(bytes, width: 32, counts: [8]) == [UInt32.max, 0, 1, 0x8000_0000, 7, 8, 9, 10])
    }

    @Test func aShortLastGroupStillGivesTheValuesItHolds() throws {
        // A bit-packed header announcing 2 groups (16 values) with bytes for only 8.
        #expect(try decode([0x05, 0x88, 0xC6, 0xFA], width: 3, counts: [8]) == [0, 1, 2, 3, 4, 5, 6, 7])
    }

    @Test func askingForMoreValuesThanTheRunsHoldThrows() throws {
        #expect { try decode([0x0A, 0x01], width: 1, counts: [6]) } throws: { "\($0)".contains("ends early") }
        #expect { try decode([0x0A], width: 8, counts: [1]) } throws: { "\($0)".contains("value missing") }
        #expect { try decode([0x03], width: 3, counts: [1]) } throws: { "\($0)".contains("without data") }
        #expect { try decode([], width: 33, counts: [1]) } throws: { "\($0)".contains("bit width out of range") }
    }

    @Test func legacyBitPackedLevelsAreMostSignificantBitFirst() throws {
        let bytes: [UInt8] = [0b0000_0101, 0b0011_1001, 0b0111_0111]
        var out: [UInt8] = []
        let used = try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) -> Int in
            try RLEHybridDecoder.decodeLegacyBitPacked(UnsafeRawBufferPointer(p), bitWidth: 3, count: 8, into: &out)
        }
        #expect(out == [0, 1, 2, 3, 4, 5, 6, 7])
        #expect(used == 3)
        #expect {
            try bytes.withUnsafeBufferPointer { (p: UnsafeBufferPointer<UInt8>) throws(EngineError) in
                _ = try RLEHybridDecoder.decodeLegacyBitPacked(UnsafeRawBufferPointer(p), bitWidth: 3, count: 9, into: &out)
            }
        } throws: { "\($0)".contains("end early") }
    }

    @Test func bitWidths() {
        #expect([0, 1, 2, 3, 4, 7, 8, 255, 256].map(RLEHybridDecoder.bitWidth(of:)) == [0, 1, 2, 2, 3, 3, 4, 8, 9])
    }
}
