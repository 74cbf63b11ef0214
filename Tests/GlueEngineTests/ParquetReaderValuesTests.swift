import Foundation
import Testing

@testable import GlueEngine

/// Every fixture reads back the values pyarrow reads (pyarrow and DuckDB files, page v1/v2,
/// dictionary on and off, DELTA, BYTE_STREAM_SPLIT, INT96, nested types, legacy forms).
@Suite struct ParquetReaderValuesTests {
    static let uncompressed = [
        "flat_plain", "flat_v2", "flat_nodict", "nested", "nested_v2", "nested_item", "rowgroups", "delta", "bss",
        "int96", "duckdb_none", "duckdb_range", "duckdb_range_v2", "legacy",
    ]

    @Test(arguments: uncompressed)
    func readsTheValuesPyarrowReads(_ name: String) throws {
        let file = try ParquetFixtures.open(name)
        let result = try file.read()
        try expectFixtureRows(result.batches, name)
        #expect(result.rowCount == Int(file.metadata.numRows))
        #expect(result.batches.allSatisfy { $0.source == "s3://fixtures/\(name).parquet" })
    }

    /// The Glue schema (`printSchema()` text) of every fixture, reviewed by hand in
    /// `Golden/parquet/<name>.schema.txt`: see `LeafConversion` for the type table.
    @Test(arguments: uncompressed)
    func schemaPrintsAsGlueTypes(_ name: String) throws {
        let expected = String(decoding: try ParquetFixtures.data("\(name).schema.txt"), as: UTF8.self)
        #expect(try ParquetFixtures.open(name).schema.treeString() == expected)
    }

    @Test(arguments: uncompressed)
    func smallBatchesHoldTheSameRows(_ name: String) throws {
        let result = try ParquetFixtures.open(name).read(batchSize: 3)
        #expect(result.batches.allSatisfy { $0.count <= 3 })
        try expectFixtureRows(result.batches, name)
    }

    /// pyarrow's and DuckDB's default codec (SNAPPY), and GZIP: run once the codecs land.
    @Test(.enabled(if: ParquetCodec.supported.contains(.snappy)), arguments: ["flat_snappy", "duckdb_default"])
    func readsSnappyFiles(_ name: String) throws {
        try expectFixtureRows(try ParquetFixtures.open(name).read().batches, name)
    }

    @Test(.enabled(if: ParquetCodec.supported.contains(.gzip)))
    func readsGzipFiles() throws {
        try expectFixtureRows(try ParquetFixtures.open("flat_gzip").read().batches, "flat_gzip")
    }

    @Test func snappyFilesNameTheCodecWhileItIsMissing() throws {
        let file = try ParquetFixtures.open("flat_snappy")
        #expect(file.schema == (try ParquetFixtures.open("flat_plain")).schema)
        if !ParquetCodec.supported.contains(.snappy) {
            #expect { try file.read() } throws: { "\($0)".contains("SNAPPY") }
        }
    }

    @Test func aCodecGluelabLacksIsNamed() throws {
        let file = try ParquetFixtures.open("flat_zstd")
        #expect { try file.read() } throws: { error in
            guard case EngineError.unsupported(let what, _) = error else { return false }
            return what == "Parquet codec ZSTD in s3://fixtures/flat_zstd.parquet (row group 0, column i32)"
        }
    }

    @Test func anUnsigned64BitValuePastLongIsAnErrorNamingTheColumn() throws {
        let file = try ParquetFixtures.open("uint64_overflow")
        #expect(file.schema.treeString() == "root\n|-- u: long\n")
        #expect { try file.read() } throws: { error in
            "\(error)".contains("18446744073709551615") && "\(error)".contains("column u")
        }
    }

    @Test func anEmptyProjectionCountsRowsWithoutReadingColumns() throws {
        let file = try ParquetFixtures.open("flat_plain")
        #expect(file.rowGroupCount == 1)
        let none = try file.read(columns: [])
        #expect(none.rowCount == 6)
        #expect(none.batches.allSatisfy { $0.names.isEmpty })
        #expect(none.bytesRead == file.footerBytes)
    }
}
