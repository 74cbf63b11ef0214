import Testing
@testable import GlueEngine

/// Decompressing streams made by hand from google/snappy's format description, and streams
/// made by the reference implementation (python-snappy 0.7 / cramjam / pyarrow, which agree
/// byte for byte on these inputs).
@Suite struct SnappyStreamTests {
    static func decompress(_ stream: [UInt8], _ size: Int) throws -> [UInt8] {
        try Snappy.decompress(stream[...], expectedSize: size)
    }

    static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Hand-made streams

    @Test func aLiteral() throws {
        // Preamble 5, literal tag (5 - 1) << 2.
        #expect(Self.text(try Self.decompress([0x05, 0x10] + Array("hello".utf8), 5)) == "hello")
    }

    @Test func theFormatDescriptionsOverlappingCopy() throws {
        // "xababab" = <literal "xab"> <copy offset 2 length 4> (a 1-byte offset copy).
        #expect(Self.text(try Self.decompress([0x07, 0x08] + Array("xab".utf8) + [0x01, 0x02], 7)) == "xababab")
    }

    @Test func aRunFromOneByte() throws {
        // "a", then a 2-byte offset copy of offset 1, length 64.
        let out = try Self.decompress([65, 0x00, 0x61, 0x02 | (63 << 2), 0x01, 0x00], 65)
        #expect(out == [UInt8](repeating: 0x61, count: 65))
    }

    @Test func overlappingCopiesOfEveryShortOffset() throws {
        for offset in 1...12 {
            let pattern = Array("ABCDEFGHIJKL".utf8.prefix(offset))
            let length = 60
            let stream = [UInt8(offset + length), UInt8((offset - 1) << 2)] + pattern
                + [0x02 | UInt8((length - 1) << 2), UInt8(offset), 0x00]
            let expected = Array((0..<(offset + length)).map { pattern[$0 % offset] })
            #expect(try Self.decompress(stream, offset + length) == expected, "offset \(offset)")
        }
    }

    @Test func copiesWithOneTwoAndFourByteOffsets() throws {
        let abcd = Array("abcd".utf8)
        // Copy-1: length 4 + 3 = 7 in bits 2...4, offset 4.
        #expect(Self.text(try Self.decompress([11, 0x0C] + abcd + [0x01 | (3 << 2), 0x04], 11)) == "abcdabcdabc")
        // Copy-2: length 8, offset 4 (little-endian 16 bits).
        #expect(Self.text(try Self.decompress([12, 0x0C] + abcd + [0x02 | (7 << 2), 0x04, 0x00], 12)) == "abcdabcdabcd")
        // Copy-4: length 8, offset 4 (little-endian 32 bits).
        #expect(Self.text(try Self.decompress([12, 0x0C] + abcd + [0x03 | (7 << 2), 0x04, 0x00, 0x00, 0x00], 12)) == "abcdabcdabcd")
    }

    @Test func aCopyOneOffsetUsesTheTagsHighBits() throws {
        // 300 literal bytes, then copy-1 with offset 300 = 0b001_00101100 (high bits in the tag).
        let literal = CodecSamples.random(300, seed: 3)
        let stream = [0xB0, 0x02, 61 << 2, 0x2B, 0x01] + literal + [0x01 | (0 << 2) | (1 << 5), 0x2C]
        #expect(try Self.decompress(stream, 304) == literal + literal.prefix(4))
    }

    @Test func longLiteralsWithOneToFourLengthBytes() throws {
        let data = CodecSamples.random(70_000, seed: 9)
        // 100 bytes: tag 60, one length byte (99).
        #expect(try Self.decompress([100, 60 << 2, 99] + data.prefix(100), 100) == Array(data.prefix(100)))
        // 70000 bytes: tag 62, three length bytes (69999 = 0x01116F).
        let preamble: [UInt8] = [0xF0, 0xA2, 0x04]
        #expect(try Self.decompress(preamble + [62 << 2, 0x6F, 0x11, 0x01] + data, 70_000) == data)
        // 5 bytes written with a 4-byte length (legal, if wasteful).
        #expect(try Self.decompress([5, 63 << 2, 4, 0, 0, 0] + data.prefix(5), 5) == Array(data.prefix(5)))
    }

    @Test func twoLiteralsInARowArePermitted() throws {
        #expect(Self.text(try Self.decompress([6, 0x08] + Array("abc".utf8) + [0x08] + Array("def".utf8), 6)) == "abcdef")
    }

    @Test func aSliceOfALargerBufferDecompresses() throws {
        let buffer: [UInt8] = [0xEE, 0xEE, 0x05, 0x10] + Array("hello".utf8) + [0xEE]
        #expect(try Snappy.decompress(buffer[2..<9], expectedSize: 5) == Array("hello".utf8))
    }

    // MARK: - Reference streams

    static let reference: [(original: String, compressed: [UInt8])] = [
        ("Hello, Hello, Hello, snappy! Hello, Hello, Hello, parquet!",
         [0x3A, 0x18, 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x2C, 0x20, 0x36, 0x07, 0x00, 0x18, 0x73, 0x6E, 0x61,
          0x70, 0x70, 0x79, 0x21, 0x3A, 0x16, 0x00, 0x38, 0x48, 0x65, 0x6C, 0x6C, 0x6F, 0x2C, 0x20, 0x70,
          0x61, 0x72, 0x71, 0x75, 0x65, 0x74, 0x21]),
        (String(repeating: "ab", count: 100) + String(repeating: "x", count: 70),
         [0x8E, 0x02, 0x04, 0x61, 0x62, 0xFE, 0x02, 0x00, 0xFE, 0x02, 0x00, 0xFE, 0x02, 0x00, 0x09, 0x02,
          0x00, 0x78, 0xFE, 0x01, 0x00, 0x05, 0x01]),
        ("order_id,customer,amount\n1001,alice,12.50\n1002,bob,7.25\n1003,alice,12.50\n1004,carol,99.99\n1005,bob,7.25\n",
         [0x68, 0xA0, 0x6F, 0x72, 0x64, 0x65, 0x72, 0x5F, 0x69, 0x64, 0x2C, 0x63, 0x75, 0x73, 0x74, 0x6F,
          0x6D, 0x65, 0x72, 0x2C, 0x61, 0x6D, 0x6F, 0x75, 0x6E, 0x74, 0x0A, 0x31, 0x30, 0x30, 0x31, 0x2C,
          0x61, 0x6C, 0x69, 0x63, 0x65, 0x2C, 0x31, 0x32, 0x2E, 0x35, 0x30, 0x01, 0x11, 0x24, 0x32, 0x2C,
          0x62, 0x6F, 0x62, 0x2C, 0x37, 0x2E, 0x32, 0x35, 0x01, 0x0E, 0x00, 0x33, 0x3E, 0x1F, 0x00, 0x6C,
          0x34, 0x2C, 0x63, 0x61, 0x72, 0x6F, 0x6C, 0x2C, 0x39, 0x39, 0x2E, 0x39, 0x39, 0x0A, 0x31, 0x30,
          0x30, 0x35, 0x2C, 0x62, 0x6F, 0x62, 0x2C, 0x37, 0x2E, 0x32, 0x35, 0x0A]),
    ]

    @Test func streamsFromTheReferenceImplementationDecompress() throws {
        for (original, compressed) in Self.reference {
            let bytes = Array(original.utf8)
            #expect(try Self.decompress(compressed, bytes.count) == bytes)
            #expect(try Snappy.decompress(Snappy.compress(bytes)[...], expectedSize: bytes.count) == bytes)
        }
    }

    @Test func theReferencesTwoHundredFiftySixByteRepeatDecompresses() throws {
        // bytes(range(256)) * 2: a 262-byte literal (2 length bytes), then copies of offset 256.
        let ramp = (0...255).map { UInt8($0) }
        let original = ramp + ramp
        let compressed: [UInt8] = [0x80, 0x04, 0xF4, 0x05, 0x01] + ramp + ramp.prefix(6)
            + [0xFE, 0x00, 0x01, 0xFE, 0x00, 0x01, 0xFE, 0x00, 0x01, 0xE6, 0x00, 0x01]
        #expect(compressed.count == 279)
        #expect(try Self.decompress(compressed, 512) == original)
    }
}

/// Random valid streams of every element kind, checked against a byte-by-byte decoder written
/// straight from the format description (so the decompressor's fast paths are covered).
@Suite struct SnappyRandomStreamTests {
    /// Builds a random stream and the output the format description says it stands for.
    static func randomStream(_ rng: inout SplitMix64, elements: Int) -> (stream: [UInt8], output: [UInt8]) {
        var body: [UInt8] = []
        var output: [UInt8] = []
        func appendLiteral(_ bytes: [UInt8]) {
            let n = bytes.count - 1
            if n < 60 {
                body.append(UInt8(n << 2))
            } else {
                let lengthBytes = n < 1 << 8 ? 1 : n < 1 << 16 ? 2 : 3
                body.append(UInt8((59 + lengthBytes) << 2))
                for i in 0..<lengthBytes { body.append(UInt8(truncatingIfNeeded: n >> (8 * i))) }
            }
            body += bytes
            output += bytes
        }
        appendLiteral((0..<40).map { _ in UInt8(truncatingIfNeeded: rng.next()) })
        for _ in 0..<elements {
            let choice = rng.next() % 8
            if choice == 0 {
                let count = 1 + Int(rng.next() % (rng.next() % 4 == 0 ? 300 : 20))
                appendLiteral((0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next() % 4 + 97) })
                continue
            }
            // Mostly short offsets (overlapping copies), some far ones.
            let maxOffset = rng.next() % 3 == 0 ? min(output.count, 65_535) : min(output.count, 20)
            let offset = 1 + Int(rng.next() % UInt64(maxOffset))
            let count: Int
            if choice <= 3 && offset < 2048 {
                count = 4 + Int(rng.next() % 8)
                body += [UInt8(1 | (count - 4) << 2 | (offset >> 8) << 5), UInt8(offset & 0xFF)]
            } else if choice == 7 {
                count = 1 + Int(rng.next() % 64)
                body += [UInt8(3 | (count - 1) << 2)] + (0..<4).map { UInt8(truncatingIfNeeded: offset >> (8 * $0)) }
            } else {
                count = 1 + Int(rng.next() % 64)
                body += [UInt8(2 | (count - 1) << 2), UInt8(offset & 0xFF), UInt8(offset >> 8)]
            }
            for _ in 0..<count { output.append(output[output.count - offset]) }
        }
        var preamble: [UInt8] = []
        var length = output.count
        while length >= 0x80 {
            preamble.append(UInt8(length & 0x7F) | 0x80)
            length >>= 7
        }
        preamble.append(UInt8(length))
        return (preamble + body, output)
    }

    @Test func randomStreamsDecompressToWhatTheFormatSays() throws {
        var rng = SplitMix64(seed: 31)
        for round in 0..<60 {
            let (stream, expected) = Self.randomStream(&rng, elements: 10 + round * 40)
            #expect(try Snappy.decompress(stream[...], expectedSize: expected.count) == expected, "round \(round)")
        }
    }
}
