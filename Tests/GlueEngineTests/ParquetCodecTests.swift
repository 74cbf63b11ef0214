import Testing
@testable import GlueEngine

@Suite struct ParquetCodecTests {
    @Test func snappyGzipAndUncompressedAreSupported() {
        #expect(ParquetCodec.supported.map(\.name).sorted() == ["GZIP", "SNAPPY", "UNCOMPRESSED"])
    }

    @Test(arguments: [Parquet.CompressionCodec.uncompressed, .snappy, .gzip])
    func pagesRoundTripThroughEachCodec(codec: Parquet.CompressionCodec) throws {
        let page = CodecSamples.text(200_000)
        let compressed = try ParquetCodec.compress(page, codec: codec)
        if codec != .uncompressed { #expect(compressed.count < page.count / 2) }
        let restored = try ParquetCodec.decompress(compressed[...], codec: codec, uncompressedSize: page.count)
        #expect(restored == page)
    }

    @Test func snappyPagesUseTheRawFormatWithItsLengthPreamble() throws {
        let compressed = try ParquetCodec.compress(Array("hello".utf8), codec: .snappy)
        #expect(compressed == [0x05, 0x10] + Array("hello".utf8))
    }

    @Test(arguments: [Parquet.CompressionCodec.zstd, .lz4, .lz4Raw, .brotli, .lzo])
    func otherCodecsAreRefusedByName(codec: Parquet.CompressionCodec) {
        #expect(throws: EngineError.unsupported(what: "Parquet codec \(codec.name)",
                                                reason: "gluelab reads and writes SNAPPY, GZIP and UNCOMPRESSED")) {
            try ParquetCodec.decompress([1, 2, 3], codec: codec, uncompressedSize: 3)
        }
        do {
            _ = try ParquetCodec.compress([1, 2, 3], codec: codec)
            Issue.record("\(codec.name) was accepted")
        } catch {
            #expect(error.description.contains(codec.name))
        }
    }

    @Test func aCorruptSnappyPageNamesTheCodec() {
        do {
            _ = try ParquetCodec.decompress([0x05, 0x10, 0x68], codec: .snappy, uncompressedSize: 5)
            Issue.record("a truncated page was accepted")
        } catch {
            #expect(error.description.hasPrefix("snappy:0: a literal is truncated"))
        }
    }

    @Test func glueCompressionOptionNames() throws {
        #expect(try ParquetCodec.parse("SNAPPY") == .snappy)
        #expect(try ParquetCodec.parse("gzip") == .gzip)
        #expect(try ParquetCodec.parse("none") == .uncompressed)
        #expect(throws: EngineError.self) { try ParquetCodec.parse("zstd") }
    }
}
