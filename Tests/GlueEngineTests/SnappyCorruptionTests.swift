import Testing
@testable import GlueEngine

/// Broken and hostile snappy streams are errors naming the problem, never crashes.
@Suite struct SnappyCorruptionTests {
    /// The error's reason, or nil when the stream decompressed.
    static func failure(_ stream: [UInt8], _ size: Int) -> String? {
        do {
            _ = try Snappy.decompress(stream[...], expectedSize: size)
            return nil
        } catch {
            guard case .malformedInput(let source, _, let reason, _) = error else { return "wrong case: \(error)" }
            #expect(source == "snappy")
            return reason
        }
    }

    @Test func badPreambles() {
        #expect(Self.failure([], 0) == "the preamble (uncompressed length) is truncated")
        #expect(Self.failure([0x80], 0) == "the preamble (uncompressed length) is truncated")
        #expect(Self.failure([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], 0)
                == "the preamble (uncompressed length) is longer than 5 bytes")
        #expect(Self.failure([0xFF, 0xFF, 0xFF, 0xFF, 0x7F], 0) == "the preamble (uncompressed length) is over 4 GiB")
    }

    @Test func aPreambleThatDiffersFromThePageHeaderIsAnError() throws {
        let stream = [0x05, 0x10] + Array("hello".utf8)
        #expect(Self.failure(stream, 6) == "the preamble's uncompressed length differs from the expected size")
        do {
            _ = try Snappy.decompress(stream[...], expectedSize: 6)
        } catch {
            #expect(error.description == "snappy:0: the preamble's uncompressed length differs from the expected size: \"5 in the stream, 6 expected\"")
        }
    }

    @Test func aHugePreambleOnATinyStreamIsRefusedBeforeAllocating() {
        // 4 GiB - 1 claimed by a 7-byte stream.
        let stream: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00, 0x61]
        #expect(Self.failure(stream, Int(UInt32.max)) == "the preamble's uncompressed length is impossible for the stream's size")
    }

    @Test func copyOffsets() {
        // Offset 0.
        #expect(Self.failure([5, 0x00, 0x61, 0x01, 0x00], 5) == "a copy has offset 0")
        // Offset 2 after one byte of output.
        #expect(Self.failure([5, 0x00, 0x61, 0x01, 0x02], 5) == "a copy reaches before the start of the output")
        // A stream that starts with a copy.
        #expect(Self.failure([4, 0x01, 0x01], 4) == "a copy reaches before the start of the output")
        // A 4-byte offset far beyond the output.
        #expect(Self.failure([5, 0x00, 0x61, 0x03 | (3 << 2), 0x00, 0x00, 0x00, 0x80], 5)
                == "a copy reaches before the start of the output")
    }

    @Test func truncatedElements() {
        #expect(Self.failure([5, 0x10, 0x68, 0x65], 5) == "a literal is truncated")
        #expect(Self.failure([20, 60 << 2], 20) == "a literal's length is truncated")
        #expect(Self.failure([5, 0x00, 0x61, 0x01], 5) == "a copy is truncated")
        #expect(Self.failure([5, 0x00, 0x61, 0x02, 0x01], 5) == "a copy is truncated")
        #expect(Self.failure([5, 0x00, 0x61, 0x03, 0x01, 0x00, 0x00], 5) == "a copy is truncated")
    }

    @Test func lengthsThatDoNotFillTheOutputExactly() {
        // Ends early.
        #expect(Self.failure([6, 0x10] + Array("hello".utf8), 6) == "the stream ends before the output is full")
        // A literal past the end.
        #expect(Self.failure([3, 0x10] + Array("hello".utf8), 3) == "a literal goes past the end of the output")
        // A copy past the end.
        #expect(Self.failure([6, 0x00, 0x61, 0x01 | (2 << 2), 0x01], 6) == "a copy goes past the end of the output")
        // Elements after an empty output.
        #expect(Self.failure([0, 0x00, 0x61], 0) == "data after the end of the output")
    }

    @Test func everyTruncationAndByteFlipOfARealStreamIsHandled() {
        let original = CodecSamples.text(3_000) + [UInt8](repeating: 0x20, count: 200)
        let stream = Snappy.compress(original)
        for end in 0..<stream.count {
            #expect(Self.failure(Array(stream[..<end]), original.count) != nil, "truncated at \(end)")
        }
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<3_000 {
            var bad = stream
            for _ in 0..<(1 + rng.next() % 3) {
                let at = Int(rng.next() % UInt64(bad.count))
                bad[at] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
            }
            // Either an error or some output of the right size: never a crash.
            if let out = try? Snappy.decompress(bad[...], expectedSize: original.count) {
                #expect(out.count == original.count)
            }
        }
    }
}
