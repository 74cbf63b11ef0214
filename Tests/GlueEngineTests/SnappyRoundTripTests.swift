import Testing
@testable import GlueEngine

/// Inputs for the codec tests, made deterministically.
enum CodecSamples {
    /// `count` random bytes from the engine's SplitMix64.
    static func random(_ count: Int, seed: UInt64) -> [UInt8] {
        var rng = SplitMix64(seed: seed)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 8)
        while bytes.count < count {
            var word = rng.next()
            for _ in 0..<8 {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return Array(bytes.prefix(count))
    }

    /// CSV-like text of about `count` bytes: repetitive fields with varying numbers, as the
    /// pages of a real order table are.
    static func text(_ count: Int) -> [UInt8] {
        var rng = SplitMix64(seed: 42)
        let names = ["alice", "bob", "carol", "dave", "erin", "frank"]
        let states = ["shipped", "pending", "cancelled", "delivered"]
        var text = "order_id,customer,status,amount,ordered_at\n"
        var id = 100_000
        while text.utf8.count < count {
            let name = names[Int(rng.next() % UInt64(names.count))]
            let state = states[Int(rng.next() % UInt64(states.count))]
            let cents = rng.next() % 100_000
            text += "\(id),\(name),\(state),\(cents / 100).\(cents % 100),2024-03-\(10 + rng.next() % 18)T12:\(10 + rng.next() % 50):00Z\n"
            id += 1 + Int(rng.next() % 3)
        }
        return Array(text.utf8.prefix(count))
    }
}

@Suite struct SnappyRoundTripTests {
    static func roundTrip(_ input: [UInt8]) throws -> [UInt8] {
        let compressed = Snappy.compress(input)
        #expect(compressed.count <= Snappy.maxCompressedLength(input.count))
        let restored = try Snappy.decompress(compressed[...], expectedSize: input.count)
        #expect(restored == input)
        return compressed
    }

    @Test func emptyInputIsJustThePreamble() throws {
        #expect(try Self.roundTrip([]) == [0x00])
    }

    @Test func oneByteIsOneLiteral() throws {
        #expect(try Self.roundTrip([0x7A]) == [0x01, 0x00, 0x7A])
    }

    @Test func everyShortLengthRoundTrips() throws {
        // Around the matcher's 15-byte margin and the 16-byte fast paths.
        for count in 0...80 {
            _ = try Self.roundTrip(CodecSamples.random(count, seed: UInt64(count)))
            _ = try Self.roundTrip([UInt8](repeating: UInt8(count), count: count))
            _ = try Self.roundTrip(Array(CodecSamples.text(count)))
        }
    }

    @Test func allSameBytesShrinkToAFewPercent() throws {
        let input = [UInt8](repeating: 0x30, count: 200_000)
        let compressed = try Self.roundTrip(input)
        #expect(compressed.count < input.count / 20, "got \(compressed.count) bytes")
    }

    @Test func randomBytesBarelyGrow() throws {
        let input = CodecSamples.random(300_000, seed: 7)
        let compressed = try Self.roundTrip(input)
        #expect(compressed.count <= input.count + input.count / 1000 + 16, "got \(compressed.count) bytes")
    }

    @Test func textCompressesAndRoundTrips() throws {
        let input = CodecSamples.text(100_000)
        let compressed = try Self.roundTrip(input)
        #expect(compressed.count < input.count * 6 / 10, "got \(compressed.count) of \(input.count) bytes")
    }

    @Test func inputsAroundTheBlockSizeRoundTrip() throws {
        for count in [65_535, 65_536, 65_537, 65_536 + 15, 65_536 + 16, 65_536 + 17] {
            _ = try Self.roundTrip(CodecSamples.text(count))
            _ = try Self.roundTrip(CodecSamples.random(count, seed: UInt64(count)))
        }
    }

    @Test func severalBlocksOfMixedDataRoundTrip() throws {
        var input: [UInt8] = []
        for part in 0..<12 {
            switch part % 3 {
            case 0: input += CodecSamples.text(50_000 + part * 1_000)
            case 1: input += CodecSamples.random(40_000, seed: UInt64(part))
            default: input += [UInt8](repeating: UInt8(part), count: 30_000)
            }
        }
        // Repeat an earlier stretch far back: matches never cross a 64 KiB block.
        input += input[1_000..<90_000]
        let compressed = try Self.roundTrip(input)
        #expect(compressed.count < input.count)
    }

    @Test func longMatchesAreSplitIntoCopiesOfAtMost64Bytes() throws {
        // 20 bytes, then the same 20 bytes 10 times: one literal, then copies.
        let unit = Array("0123456789abcdefghij".utf8)
        let input = Array((0..<11).map { _ in unit }.joined())
        let compressed = try Self.roundTrip(input)
        #expect(compressed.count < 40, "got \(compressed.count) bytes")
    }
}
