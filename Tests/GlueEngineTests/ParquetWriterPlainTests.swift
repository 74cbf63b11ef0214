import Testing
@testable import GlueEngine

/// PLAIN encoding, byte for byte (`Encodings.md`: little-endian fixed widths, byte arrays behind
/// a 4-byte length, booleans bit-packed LSB first).
@Suite struct ParquetWriterPlainTests {
    private func fixed<T>(_ values: [T], _ selection: LeafSelection, _ positions: Range<Int>) -> [UInt8] {
        let out = GrowableBytes()
        values.withUnsafeBufferPointer { PlainEncoder.appendFixed($0, selection, positions, to: out) }
        return Array(out.bytes)
    }

    @Test func fixedWidthValuesAreLittleEndian() {
        #expect(fixed([Int32(1), -2], .range(0..<2), 0..<2) == [1, 0, 0, 0, 0xFE, 0xFF, 0xFF, 0xFF])
        #expect(fixed([Int64(0x0102_0304_0506_0708)], .range(0..<1), 0..<1) == [8, 7, 6, 5, 4, 3, 2, 1])
        #expect(fixed([Float(1.5)], .range(0..<1), 0..<1) == [0, 0, 0xC0, 0x3F])
        #expect(fixed([Double(-2)], .range(0..<1), 0..<1) == [0, 0, 0, 0, 0, 0, 0, 0xC0])
    }

    @Test func selectionsPickTheNonNullRows() {
        let values: [Int32] = [10, 11, 12, 13, 14]
        // rows 1..<5, positions 1..<3 of them: 12, 13
        #expect(fixed(values, .range(1..<5), 1..<3) == [12, 0, 0, 0, 13, 0, 0, 0])
        // rows 0, 3, 4 (1 and 2 null), positions 1..<3: 13, 14
        #expect(fixed(values, .indices([0, 3, 4]), 1..<3) == [13, 0, 0, 0, 14, 0, 0, 0])
    }

    @Test func byteArraysHaveTheirLengthInFront() {
        var column = ByteColumn()
        for s in ["ab", "", "é", "xyz"] { column.append(s) }
        let out = GrowableBytes()
        PlainEncoder.appendBytes(column, .range(0..<4), 0..<3, to: out)
        #expect(Array(out.bytes) == [2, 0, 0, 0, 0x61, 0x62, 0, 0, 0, 0, 2, 0, 0, 0, 0xC3, 0xA9])
        let picked = GrowableBytes()
        PlainEncoder.appendBytes(column, .indices([0, 3]), 1..<2, to: picked)
        #expect(Array(picked.bytes) == [3, 0, 0, 0, 0x78, 0x79, 0x7A])
    }

    @Test func booleansAreBitPackedLSBFirst() {
        let out = GrowableBytes()
        PlainEncoder.packBooleans([true, false, true, true, false, false, false, false, true], into: out)
        #expect(Array(out.bytes) == [0x0D, 0x01])
    }

    @Test func aDataPageIsLevelsThenValues() throws {
        // One optional long column, values 1, null, 3: a 22-byte page body of the definition levels
        // (length 3 + RLE runs: one 1, one 0, one 1 written as a bit-packed group 0b101) and the
        // two PLAIN values.
        let frame = DynamicFrame(records: [DynamicRecord([("n", .long(1))]), DynamicRecord([("m", .long(0))]),
                                           DynamicRecord([("n", .long(3))])])
        var o = ParquetWriteOptions()
        o.compression = .uncompressed
        o.enableDictionary = false
        let bytes = try ParquetWriter.encode(DynamicFrame(batches: frame.batches.map { b in
            b.with(names: ["n"], columns: [b.column("n")!])
        }), options: o)
        let header: [UInt8] = [0x15, 0x00, 0x15, 0x2C, 0x15, 0x2C, 0x2C, 0x15, 0x06, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00, 0x00]
        let body: [UInt8] = [0x02, 0x00, 0x00, 0x00, 0x03, 0x05] + [1, 0, 0, 0, 0, 0, 0, 0] + [3, 0, 0, 0, 0, 0, 0, 0]
        #expect(Array(bytes[4..<(4 + header.count + body.count)]) == header + body)
    }
}
