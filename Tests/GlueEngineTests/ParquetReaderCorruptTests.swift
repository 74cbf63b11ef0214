import Foundation
import Testing

@testable import GlueEngine

/// Damaged files throw `EngineError`s naming the file (and row group and column where known);
/// none crashes the process.
@Suite struct ParquetReaderCorruptTests {
    private func bytes(_ name: String) throws -> [UInt8] { [UInt8](try ParquetFixtures.data("\(name).parquet")) }

    /// Opens and reads `bytes` fully (with and without a predicate); returns the error, if any.
    private func readAll(_ bytes: [UInt8], source: String = "s3://b/bad.parquet") -> EngineError? {
        do {
            let file = try ParquetFile(Data(bytes), source: source)
            _ = try file.read(batchSize: 5)
            _ = try file.read(predicate: ParquetPredicate("id", .gt, .long(3)))
            return nil
        } catch {
            return error
        }
    }

    private func reason(_ error: EngineError?) -> String {
        guard case .malformedInput(_, _, let reason, _)? = error else { return "" }
        return reason
    }

    @Test func tooShortOrWithoutMagicIsNotAParquetFile() throws {
        #expect(reason(readAll(Array("PAR1".utf8))).contains("too short"))
        var b = try bytes("int96")
        b[0] = UInt8(ascii: "X")
        #expect(reason(readAll(b)).contains("does not start with PAR1"))
        b = try bytes("int96")
        b[b.count - 1] = UInt8(ascii: "2")
        #expect(reason(readAll(b)).contains("does not end with PAR1"))
        b[b.count - 1] = UInt8(ascii: "E")
        #expect {
            _ = try ParquetFile(Data(b), source: "s3://b/enc.parquet")
        } throws: { "\($0)".contains("encrypted") }
    }

    @Test func everyTruncationThrows() throws {
        let b = try bytes("int96")
        for length in 0..<b.count {
            #expect(readAll(Array(b[0..<length])) != nil, "\(length) bytes")
        }
    }

    @Test func aFileCutInTheMiddleWithItsFooterIntactThrows() throws {
        let b = try bytes("nested")
        let footer = Int(UInt32(b[b.count - 8]) | UInt32(b[b.count - 7]) << 8 | UInt32(b[b.count - 6]) << 16) + 8
        let dataEnd = b.count - footer
        let cut = Array(b[0..<(dataEnd / 2)]) + Array(b[dataEnd...])
        let error = readAll(cut, source: "s3://b/cut.parquet")
        #expect(reason(error).contains("outside the file's data"))
        #expect("\(error.map { "\($0)" } ?? "")".hasPrefix("s3://b/cut.parquet:0: row group 0, column "))
    }

    @Test func aFooterLengthThatLiesThrows() throws {
        var b = try bytes("nested")
        let n = b.count
        for (k, byte) in [UInt8(0xFF), 0xFF, 0, 0].enumerated() { b[n - 8 + k] = byte }
        #expect(reason(readAll(b)).contains("footer length 65535 exceeds"))
        b = try bytes("nested")
        b[n - 8] = b[n - 8] &- 20  // 20 bytes too short: the footer starts inside itself
        #expect(readAll(b) != nil)
    }

    @Test func aGarbagePageHeaderThrowsNamingTheColumn() throws {
        var b = try bytes("flat_nodict")
        let file = try ParquetFile(Data(b), source: "x")
        let offset = Int(try #require(file.metadata.rowGroups[0].columns[3].metaData).dataPageOffset)
        for k in 0..<16 { b[offset + k] = 0xFF }
        let error = readAll(b, source: "s3://b/garbage.parquet")
        #expect("\(error.map { "\($0)" } ?? "")".hasPrefix("s3://b/garbage.parquet:0: row group 0, column i32: unknown Thrift wire type"))
    }

    /// The position and length of the varint value of field `id` in the page header at `offset`.
    private func headerField(_ b: [UInt8], at offset: Int, id: Int16) throws -> (Int, Int) {
        var r = ThriftCompactReader(b, start: offset)
        try r.beginStruct()
        while let f = try r.nextField() {
            let start = r.position
            try r.skip(f.type)
            if f.id == id { return (start, r.position - start) }
        }
        throw EngineError.notFound(what: "field \(id)")
    }

    @Test func aPageSizeThatLiesThrows() throws {
        var b = try bytes("flat_nodict")
        let file = try ParquetFile(Data(b), source: "x")
        let offset = Int(try #require(file.metadata.rowGroups[0].columns[11].metaData).dataPageOffset)
        let (at, length) = try headerField(b, at: offset, id: 3)
        #expect(length >= 2)
        for k in 0..<length { b[at + k] = k == length - 1 ? 0x7F : 0xFE }  // the largest even zigzag of that length
        #expect(reason(readAll(b)).contains("runs past its column chunk"))
    }

    @Test func aLevelLengthThatLiesThrows() throws {
        var b = try bytes("flat_nodict")
        let file = try ParquetFile(Data(b), source: "x")
        let offset = Int(try #require(file.metadata.rowGroups[0].columns[3].metaData).dataPageOffset)
        var r = ThriftCompactReader(b, start: offset)
        _ = try Parquet.PageHeader.decode(&r)
        for k in 0..<4 { b[r.position + k] = k == 3 ? 0x7F : 0xFF }
        #expect(reason(readAll(b)).contains("level length 2147483647 exceeds the page"))
    }

    /// Random byte flips and truncations with the footer kept: each read either succeeds or
    /// throws an `EngineError`; a trap would end the test run.
    @Test(arguments: ["flat_plain", "nested_v2", "rowgroups", "delta", "bss", "legacy", "duckdb_range_v2"])
    func randomDamageNeverCrashes(_ name: String) throws {
        let original = try bytes(name)
        var rng = SplitMix64(seed: 0x5EED ^ UInt64(name.utf8.count))
        var failures = 0
        for round in 0..<120 {
            var b = original
            if round % 4 == 3 {
                let cut = Int(rng.next() % UInt64(b.count - 8))
                let length = Int(rng.next() % 64)
                b.removeSubrange(cut..<min(cut + length, b.count - 8))
            } else {
                for _ in 0..<(1 + Int(rng.next() % 4)) {
                    b[Int(rng.next() % UInt64(b.count))] ^= UInt8(truncatingIfNeeded: rng.next() | 1)
                }
            }
            if readAll(b) != nil { failures += 1 }
        }
        #expect(failures > 0)
    }
}
