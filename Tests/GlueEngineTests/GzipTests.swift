import Testing
@testable import GlueEngine

@Suite struct GzipTests {
    static let csv = Array("order_id,customer,amount\n1001,alice,12.50\n1002,bob,7.25\n1003,alice,12.50\n".utf8)

    /// `gzip.compress(csv, mtime=0)` from Python 3's gzip module.
    static let pythonGzip: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xCB, 0x2F, 0x4A, 0x49, 0x2D, 0x8A,
        0xCF, 0x4C, 0xD1, 0x49, 0x2E, 0x2D, 0x2E, 0xC9, 0xCF, 0x4D, 0x2D, 0xD2, 0x49, 0xCC, 0xCD, 0x2F,
        0xCD, 0x2B, 0xE1, 0x32, 0x34, 0x30, 0x30, 0xD4, 0x49, 0xCC, 0xC9, 0x4C, 0x4E, 0xD5, 0x31, 0x34,
        0xD2, 0x33, 0x35, 0x00, 0x09, 0x18, 0xE9, 0x24, 0xE5, 0x27, 0xE9, 0x98, 0xEB, 0x19, 0x99, 0x82,
        0x78, 0xC6, 0x28, 0xD2, 0x00, 0xCE, 0xB0, 0x6A, 0x8D, 0x49, 0x00, 0x00, 0x00,
    ]

    /// Two members: `gzip.compress(b"first member, ") + gzip.compress(b"second member")`.
    static let twoMembers: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x4B, 0xCB, 0x2C, 0x2A, 0x2E, 0x51,
        0xC8, 0x4D, 0xCD, 0x4D, 0x4A, 0x2D, 0xD2, 0x51, 0x00, 0x00, 0xDE, 0xFF, 0x0A, 0x62, 0x0E, 0x00,
        0x00, 0x00, 0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0x2B, 0x4E, 0x4D, 0xCE,
        0xCF, 0x4B, 0x51, 0xC8, 0x4D, 0xCD, 0x4D, 0x4A, 0x2D, 0x02, 0x00, 0x24, 0x74, 0xFA, 0x9F, 0x0D,
        0x00, 0x00, 0x00,
    ]

    /// `zlib.compress(b"a zlib stream, not gzip")`: a zlib (RFC 1950) stream.
    static let zlibStream: [UInt8] = [
        0x78, 0x9C, 0x4B, 0x54, 0xA8, 0xCA, 0xC9, 0x4C, 0x52, 0x28, 0x2E, 0x29, 0x4A, 0x4D, 0xCC, 0xD5,
        0x51, 0xC8, 0xCB, 0x2F, 0x51, 0x48, 0xAF, 0xCA, 0x2C, 0x00, 0x00, 0x62, 0x58, 0x08, 0x56,
    ]

    /// The error's reason, or nil when the data decompressed.
    static func failure(_ data: [UInt8], _ size: Int) -> String? {
        do {
            _ = try Gzip.decompress(data[...], expectedSize: size)
            return nil
        } catch {
            guard case .malformedInput(let source, _, let reason, _) = error else { return "wrong case: \(error)" }
            #expect(source == "gzip")
            return reason
        }
    }

    @Test func roundTrips() throws {
        let inputs: [[UInt8]] = [[], [0x41], Self.csv, CodecSamples.text(300_000), CodecSamples.random(100_000, seed: 5),
                                 [UInt8](repeating: 0, count: 1_000_000)]
        for input in inputs {
            let compressed = try Gzip.compress(input)
            #expect(compressed.prefix(3) == [0x1F, 0x8B, 0x08], "a gzip member")
            #expect(try Gzip.decompress(compressed[...], expectedSize: input.count) == input)
        }
        let text = CodecSamples.text(300_000)
        #expect(try Gzip.compress(text).count < text.count / 3)
    }

    @Test func pythonsGzipOutputDecompresses() throws {
        #expect(try Gzip.decompress(Self.pythonGzip[...], expectedSize: Self.csv.count) == Self.csv)
    }

    @Test func concatenatedMembersAndZlibStreamsDecompress() throws {
        #expect(try Gzip.decompress(Self.twoMembers[...], expectedSize: 27) == Array("first member, second member".utf8))
        #expect(try Gzip.decompress(Self.zlibStream[...], expectedSize: 23) == Array("a zlib stream, not gzip".utf8))
    }

    @Test func corruptDataIsAnError() throws {
        var bad = Self.pythonGzip
        bad[20] ^= 0xFF
        #expect(Self.failure(bad, Self.csv.count) != nil)
        var badChecksum = Self.pythonGzip
        badChecksum[badChecksum.count - 6] ^= 0x01
        #expect(Self.failure(badChecksum, Self.csv.count) == "the data is corrupt")
        #expect(Self.failure(Array("not gzip at all".utf8), 10) == "the data is corrupt")
        #expect(Self.failure(Self.twoMembers + [0x00, 0x01], 27) != nil, "trailing garbage")
    }

    @Test func truncatedDataAndWrongSizesAreErrors() {
        #expect(Self.failure(Array(Self.pythonGzip.prefix(40)), Self.csv.count) == "the data is truncated")
        #expect(Self.failure([], 0) == "the data is truncated")
        #expect(Self.failure(Self.pythonGzip, Self.csv.count - 1) == "the data decompresses to more than the expected size")
        #expect(Self.failure(Self.pythonGzip, Self.csv.count + 1)
                == "the data decompresses to less than the expected size")
        #expect(Self.failure(Self.pythonGzip, 1 << 30) == "the expected size is impossible for the data's size")
    }

    @Test func everyTruncationAndByteFlipIsHandled() throws {
        let original = CodecSamples.text(5_000)
        let compressed = try Gzip.compress(original)
        for end in 0..<compressed.count {
            #expect(Self.failure(Array(compressed[..<end]), original.count) != nil, "truncated at \(end)")
        }
        var rng = SplitMix64(seed: 99)
        for _ in 0..<500 {
            var bad = compressed
            let at = Int(rng.next() % UInt64(bad.count))
            bad[at] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
            if let out = try? Gzip.decompress(bad[...], expectedSize: original.count) {
                #expect(out.count == original.count)
            }
        }
    }
}
