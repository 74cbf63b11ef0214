import Testing
@testable import GlueEngine

/// Glue's Parquet format options.
@Suite struct ParquetWriteOptionsTests {
    @Test func defaultsAreGlues() throws {
        let o = ParquetWriteOptions()
        #expect(o.compression == .snappy)
        #expect(o.blockSize == 134_217_728)
        #expect(o.pageSize == 1_048_576)
        #expect(o.enableDictionary)
        #expect(try ParquetWriteOptions(glueOptions: [:]) == o)
    }

    @Test func compressionNames() throws {
        #expect(try ParquetWriteOptions(glueOptions: ["compression": .string("GZIP")]).compression == .gzip)
        #expect(try ParquetWriteOptions(glueOptions: ["compression": .string("none")]).compression == .uncompressed)
        #expect(try ParquetWriteOptions(glueOptions: ["compression": .string("uncompressed")]).compression == .uncompressed)
        #expect(throws: EngineError.invalidOption(name: "compression", value: "lz4", reason: "gluelab writes snappy, gzip or none")) {
            try ParquetWriteOptions(glueOptions: ["compression": .string("lz4")])
        }
    }

    @Test func sizesAreNumbersOrNumericStrings() throws {
        let o = try ParquetWriteOptions(glueOptions: ["blockSize": .long(64 << 20), "pageSize": .string("65536")])
        #expect(o.blockSize == 64 << 20)
        #expect(o.pageSize == 65_536)
        #expect(try ParquetWriteOptions(glueOptions: ["pageSize": .int(4096)]).pageSize == 4096)
        #expect(throws: EngineError.invalidOption(name: "blockSize", value: "big", reason: "expected a number of bytes")) {
            try ParquetWriteOptions(glueOptions: ["blockSize": .string("big")])
        }
        #expect(throws: EngineError.invalidOption(name: "pageSize", value: "0", reason: "must be between 1 and 1073741824 bytes")) {
            try ParquetWriteOptions(glueOptions: ["pageSize": .long(0)])
        }
    }

    @Test func useGlueParquetWriterIsAcceptedAndUnknownNamesAreNot() throws {
        #expect(try ParquetWriteOptions(glueOptions: ["useGlueParquetWriter": .boolean(true)]) == ParquetWriteOptions())
        #expect(throws: EngineError.invalidOption(
            name: "blocksize", value: "1",
            reason: "unknown Parquet format option; known options: compression, blockSize, pageSize, useGlueParquetWriter")) {
            try ParquetWriteOptions(glueOptions: ["blocksize": .long(1)])
        }
    }
}
