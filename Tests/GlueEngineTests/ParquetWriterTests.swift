import Foundation
import Testing
@testable import GlueEngine

/// The writer end to end: what it refuses, the footer it writes (row groups, pages, encodings,
/// statistics), and that the bytes are the same every time.
@Suite struct ParquetWriterTests {
    static func options(_ configure: (inout ParquetWriteOptions) -> Void = { _ in }) -> ParquetWriteOptions {
        var o = ParquetWriteOptions()
        o.compression = .uncompressed
        configure(&o)
        return o
    }

    /// Writes `frame` and returns the bytes and the footer `close()` gave.
    static func write(_ frame: DynamicFrame, _ options: ParquetWriteOptions = options()) throws -> ([UInt8], Parquet.FileMetaData) {
        let output = ParquetBufferOutput()
        let writer = try ParquetWriter(schema: frame.schema(), options: options, output: output)
        for b in frame.batches { try writer.write(b) }
        let footer = try writer.close()
        return (output.bytes, footer)
    }

    private func column(_ footer: Parquet.FileMetaData, _ name: String, group: Int = 0) throws -> Parquet.ColumnMetaData {
        try #require(footer.rowGroups[group].columns.first { $0.metaData?.pathInSchema.joined(separator: ".") == name }?.metaData)
    }

    // MARK: - Refusals

    @Test func aChoiceColumnIsRefusedBeforeAnythingIsWritten() throws {
        let frame = DynamicFrame(records: [DynamicRecord([("price", .double(1.5))]), DynamicRecord([("price", .string("n/a"))])])
        let output = ParquetBufferOutput()
        #expect(throws: EngineError.unsupported(
            what: "Parquet",
            reason: "column price is a choice of double and string: Parquet has no union type; resolve it first, "
                + "e.g. resolveChoice(specs=[(\"price\", \"cast:double\")])")) {
            try ParquetWriter(schema: frame.schema(), options: Self.options(), output: output)
        }
        #expect(output.bytes.isEmpty)
        // Resolving it, as the message says, makes the frame writable.
        let fixed = try frame.resolveChoice(specs: [("price", "cast:double")])
        #expect(try ParquetWriter.encode(fixed, options: Self.options()).count > 8)
    }

    @Test func everyChoiceIsNamedWithItsMembers() {
        let frame = DynamicFrame(records: [
            DynamicRecord([("id", .long(1)), ("address", .structure(DynamicRecord([("zip", .long(2134))]))),
                           ("qty", .int(1))]),
            DynamicRecord([("id", .long(2)), ("address", .structure(DynamicRecord([("zip", .string("02134"))]))),
                           ("qty", .long(3))]),
        ])
        #expect(throws: EngineError.unsupported(
            what: "Parquet",
            reason: "columns address.zip (a choice of long and string) and qty (a choice of int and long) are choices: "
                + "Parquet has no union type; resolve them first, "
                + "e.g. resolveChoice(specs=[(\"address.zip\", \"cast:long\"), (\"qty\", \"cast:long\")])")) {
            try ParquetWriter.encode(frame, options: Self.options())
        }
    }

    @Test func aChoiceOfArrayElementsPointsToTheChoiceOption() {
        let frame = DynamicFrame(records: [DynamicRecord([("tags", .array([.int(1), .string("x")]))])])
        #expect(throws: EngineError.unsupported(
            what: "Parquet",
            reason: "column tags[] is a choice of int and string: Parquet has no union type; resolve it first, "
                + "e.g. resolveChoice(choice=\"cast:int\")")) {
            try ParquetWriter.encode(frame, options: Self.options())
        }
    }

    @Test func aStructWithoutFieldsIsRefused() {
        let frame = DynamicFrame(records: [DynamicRecord([("id", .long(1)), ("meta", .structure(DynamicRecord()))])])
        #expect(throws: EngineError.unsupported(
            what: "Parquet",
            reason: "column meta is a struct without fields: Parquet has no empty group; drop it first, "
                + "e.g. drop_fields(paths=[\"meta\"])")) {
            try ParquetWriter.encode(frame, options: Self.options())
        }
    }

    @Test func aBatchWhoseTypeDiffersFromTheSchemaIsRefusedByName() throws {
        let schema = StructType([Field("id", .long), Field("s", .structure(StructType([Field("x", .int)])))])
        let writer = try ParquetWriter(schema: schema, options: Self.options(), output: ParquetBufferOutput())
        let bad = RecordBatch(records: [DynamicRecord([("s", .structure(DynamicRecord([("x", .string("1"))])))])])
        #expect(throws: EngineError.unsupported(
            what: "Parquet", reason: "column s.x holds string values in a batch but the frame's schema says int")) {
            try writer.write(bad)
        }
        let extra = RecordBatch(records: [DynamicRecord([("other", .long(1))])])
        #expect(throws: EngineError.unsupported(what: "Parquet", reason: "column other is not in the frame's schema")) {
            try writer.write(extra)
        }
    }

    @Test func aCodecThatIsNotAvailableIsRefusedBeforeWriting() {
        var o = ParquetWriteOptions()
        o.compression = .lzo
        let output = ParquetBufferOutput()
        #expect(throws: EngineError.self) {
            try ParquetWriter(schema: StructType([Field("a", .long)]), options: o, output: output)
        }
        #expect(output.bytes.isEmpty)
    }

    // MARK: - File layout

    @Test func theFileIsMagicPagesFooterLengthMagic() throws {
        let frame = DynamicFrame(records: (0..<10).map { DynamicRecord([("n", .long(Int64($0)))]) })
        let (bytes, footer) = try Self.write(frame)
        #expect(Array(bytes.prefix(4)) == Parquet.magic)
        #expect(Array(bytes.suffix(4)) == Parquet.magic)
        let footerBytes = footer.thriftBytes()
        let length = bytes[bytes.count - 8..<bytes.count - 4].enumerated().reduce(0) { $0 | Int($1.element) << (8 * $1.offset) }
        #expect(length == footerBytes.count)
        #expect(Array(bytes[(bytes.count - 8 - length)..<(bytes.count - 8)]) == footerBytes)
        #expect(footer.createdBy == "gluelab version 0.1.0")
        #expect(footer.version == 1)
        #expect(footer.typeDefinedColumnOrders == 1)
        #expect(footer.numRows == 10)
        let n = try column(footer, "n")
        #expect(n.dataPageOffset == 4)
        #expect(n.numValues == 10)
        #expect(n.totalCompressedSize == n.totalUncompressedSize)
        #expect(4 + Int(n.totalCompressedSize) + 8 + length == bytes.count)
    }

    @Test func theSchemaFollowsGlueTypes() throws {
        let frame = DynamicFrame(records: [DynamicRecord([
            ("flag", .boolean(true)), ("b", .byte(1)), ("s", .short(2)), ("i", .int(3)), ("l", .long(4)),
            ("f", .float(1)), ("d", .double(2)), ("small", .decimal(DecimalValue(unscaled: 1, precision: 9, scale: 2))),
            ("big", .decimal(DecimalValue(unscaled: 1, precision: 18, scale: 4))), ("str", .string("x")),
            ("bin", .binary([1])), ("day", .date(1)), ("at", .timestamp(1)), ("nothing", .null),
            ("tags", .array([.string("a")])), ("m", .map(DynamicRecord([("k", .long(1))]))),
        ])])
        let (_, footer) = try Self.write(frame)
        let s = footer.schema
        #expect(s[0] == Parquet.SchemaElement(name: "schema", numChildren: 16))
        #expect(s[1] == .init(type: .boolean, repetition: .optional, name: "flag"))
        #expect(s[2] == .init(type: .int32, repetition: .optional, name: "b", convertedType: .int8,
                              logicalType: .integer(bitWidth: 8, isSigned: true)))
        #expect(s[3] == .init(type: .int32, repetition: .optional, name: "s", convertedType: .int16,
                              logicalType: .integer(bitWidth: 16, isSigned: true)))
        #expect(s[4] == .init(type: .int32, repetition: .optional, name: "i"))
        #expect(s[5] == .init(type: .int64, repetition: .optional, name: "l"))
        #expect(s[6] == .init(type: .float, repetition: .optional, name: "f"))
        #expect(s[7] == .init(type: .double, repetition: .optional, name: "d"))
        #expect(s[8] == .init(type: .int32, repetition: .optional, name: "small", convertedType: .decimal, scale: 2,
                              precision: 9, logicalType: .decimal(scale: 2, precision: 9)))
        #expect(s[9] == .init(type: .int64, repetition: .optional, name: "big", convertedType: .decimal, scale: 4,
                              precision: 18, logicalType: .decimal(scale: 4, precision: 18)))
        #expect(s[10] == .init(type: .byteArray, repetition: .optional, name: "str", convertedType: .utf8, logicalType: .string))
        #expect(s[11] == .init(type: .byteArray, repetition: .optional, name: "bin"))
        #expect(s[12] == .init(type: .int32, repetition: .optional, name: "day", convertedType: .date, logicalType: .date))
        #expect(s[13] == .init(type: .int64, repetition: .optional, name: "at", convertedType: .timestampMicros,
                               logicalType: .timestamp(isAdjustedToUTC: true, unit: .micros)))
        #expect(s[14] == .init(type: .int32, repetition: .optional, name: "nothing", logicalType: .unknown))
        #expect(Array(s[15...17]) == [
            .init(repetition: .optional, name: "tags", numChildren: 1, convertedType: .list, logicalType: .list),
            .init(repetition: .repeated, name: "list", numChildren: 1),
            .init(type: .byteArray, repetition: .optional, name: "element", convertedType: .utf8, logicalType: .string),
        ])
        #expect(Array(s[18...21]) == [
            .init(repetition: .optional, name: "m", numChildren: 1, convertedType: .map, logicalType: .map),
            .init(repetition: .repeated, name: "key_value", numChildren: 2),
            .init(type: .byteArray, repetition: .required, name: "key", convertedType: .utf8, logicalType: .string),
            .init(type: .int64, repetition: .optional, name: "value"),
        ])
        #expect(footer.typeDefinedColumnOrders == 17)
    }

    // MARK: - Row groups, pages, encodings

    @Test func blockSizeMakesRowGroupsAndTheirCountsAddUp() throws {
        let records = (0..<5000).map { i in
            DynamicRecord([("id", .long(Int64(i))), ("tags", .array((0..<(i % 3)).map { .long(Int64($0)) }))])
        }
        let frame = DynamicFrame(batches: [RecordBatch(records: Array(records[..<2000])), RecordBatch(records: Array(records[2000...]))])
        let (bytes, footer) = try Self.write(frame, Self.options { $0.blockSize = 16 << 10 })
        #expect(footer.rowGroups.count > 3)
        #expect(footer.rowGroups.reduce(0) { $0 + $1.numRows } == 5000)
        #expect(footer.numRows == 5000)
        var expectedOffset: Int64 = 4
        for (k, group) in footer.rowGroups.enumerated() {
            #expect(group.ordinal == Int16(k))
            #expect(group.fileOffset == expectedOffset)
            let ids = try column(footer, "id", group: k)
            let tags = try column(footer, "tags.list.element", group: k)
            #expect(ids.numValues == group.numRows)
            #expect(tags.numValues >= group.numRows)
            for meta in [ids, tags] {
                #expect((meta.dictionaryPageOffset ?? meta.dataPageOffset) == expectedOffset)
                expectedOffset += meta.totalCompressedSize
            }
            #expect(group.totalByteSize == ids.totalUncompressedSize + tags.totalUncompressedSize)
            #expect(group.totalCompressedSize == ids.totalCompressedSize + tags.totalCompressedSize)
        }
        // tags: 0, 1 or 2 elements per row; an empty list is one level entry.
        let tagValues = footer.rowGroups.indices.reduce(Int64(0)) { $0 + ((try? column(footer, "tags.list.element", group: $1))?.numValues ?? 0) }
        #expect(tagValues == (0..<5000).reduce(Int64(0)) { $0 + Int64(max(1, $1 % 3)) })
        #expect(Int(expectedOffset) + 8 + footer.thriftBytes().count == bytes.count)
    }

    @Test func smallPagesMakeMoreBytesOfHeadersButTheSameValues() throws {
        let frame = DynamicFrame(records: (0..<3000).map { DynamicRecord([("id", .long(Int64($0)))]) })
        let (_, big) = try Self.write(frame)
        let (_, small) = try Self.write(frame, Self.options { $0.pageSize = 1024 })
        let one = try column(big, "id")
        let many = try column(small, "id")
        #expect(one.numValues == 3000 && many.numValues == 3000)
        // 24 000 bytes of values: one page, or about 24 pages of 1 KiB with a header each.
        #expect(many.totalUncompressedSize > one.totalUncompressedSize + 20 * 10)
    }

    @Test func lowCardinalityColumnsAreDictionaryEncodedAndUniqueOnesPlain() throws {
        let frame = DynamicFrame(records: (0..<5000).map { i in
            DynamicRecord([("status", .string(["paid", "shipped", "pending"][i % 3])), ("id", .long(Int64(i) * 7919))])
        })
        let (_, footer) = try Self.write(frame)
        let status = try column(footer, "status")
        #expect(status.encodings == [.plain, .rle, .rleDictionary])
        #expect(status.dictionaryPageOffset == 4)
        #expect(status.dataPageOffset > 4)
        #expect(status.statistics == Parquet.Statistics(nullCount: 0, maxValue: Array("shipped".utf8), minValue: Array("paid".utf8)))
        let id = try column(footer, "id")
        #expect(id.encodings == [.plain, .rle])
        #expect(id.dictionaryPageOffset == nil)
        let (_, off) = try Self.write(frame, Self.options { $0.enableDictionary = false })
        #expect(try column(off, "status").encodings == [.plain, .rle])
    }

    @Test func aDictionaryPast1MiBFallsBackToPlainForTheRestOfTheChunk() throws {
        let records = (0..<40_000).map { i in
            DynamicRecord([("s", .string(i < 10_000 ? "v\(i % 20)" : "unique value \(i) " + String(repeating: "x", count: 40)))])
        }
        let (_, footer) = try Self.write(DynamicFrame(records: records))
        let s = try column(footer, "s")
        #expect(s.encodings == [.plain, .rle, .rleDictionary])
        let dictionaryStart = try #require(s.dictionaryPageOffset)
        // The dictionary page stops just past 1 MiB; the rest of the 1.9 MB of unique values is PLAIN.
        let dictionaryPage = s.dataPageOffset - dictionaryStart
        #expect(dictionaryPage > 1 << 20 && Double(dictionaryPage) < 1.1 * Double(1 << 20))
        #expect(s.totalUncompressedSize > dictionaryPage + 500_000)
        #expect(s.numValues == 40_000)
        #expect(s.statistics?.minValue == Array("unique value 10000 ".utf8) + Array(repeating: UInt8(ascii: "x"), count: 40))
        #expect(s.statistics?.maxValue == Array("v9".utf8))
    }

    // MARK: - Statistics

    @Test func statisticsArePlainEncodedMinMaxAndNullCounts() throws {
        let frame = DynamicFrame(records: [
            DynamicRecord([("i", .int(-5)), ("d", .double(.nan)), ("s", .string("zebra")), ("b", .boolean(true)), ("z", .double(0))]),
            DynamicRecord([("i", .int(7)), ("d", .double(2.5)), ("s", .string("éclair")), ("b", .boolean(true)), ("z", .double(-0.0))]),
            DynamicRecord([("d", .double(-1)), ("s", .string("apple")), ("n", .null)]),
        ])
        let (_, footer) = try Self.write(frame)
        func stats(_ name: String) throws -> Parquet.Statistics { try #require(try column(footer, name).statistics) }
        #expect(try stats("i") == Parquet.Statistics(nullCount: 1, maxValue: [7, 0, 0, 0], minValue: [0xFB, 0xFF, 0xFF, 0xFF]))
        // NaN is left out of min and max.
        #expect(try stats("d").minValue == Array(withUnsafeBytes(of: (-1.0).bitPattern.littleEndian) { Array($0) }))
        #expect(try stats("d").maxValue == Array(withUnsafeBytes(of: (2.5).bitPattern.littleEndian) { Array($0) }))
        // Strings by unsigned bytes: "é" (0xC3 0xA9) sorts after "z".
        #expect(try stats("s") == Parquet.Statistics(nullCount: 0, maxValue: Array("éclair".utf8), minValue: Array("apple".utf8)))
        #expect(try stats("b") == Parquet.Statistics(nullCount: 1, maxValue: [1], minValue: [1]))
        // Zero: -0.0 as the minimum, +0.0 as the maximum.
        #expect(try stats("z").minValue == Array(withUnsafeBytes(of: (-0.0).bitPattern.littleEndian) { Array($0) }))
        #expect(try stats("z").maxValue == [0, 0, 0, 0, 0, 0, 0, 0])
        #expect(try stats("n") == Parquet.Statistics(nullCount: 3))
    }

    @Test func decimalsOfAnotherScaleAreRescaledToTheSchema() throws {
        let b1 = RecordBatch(records: [DynamicRecord([("p", .decimal(DecimalValue(unscaled: 1250, precision: 8, scale: 3)))])])
        let b2 = RecordBatch(records: [DynamicRecord([("p", .decimal(DecimalValue(unscaled: 99, precision: 10, scale: 2)))])])
        let frame = DynamicFrame(batches: [b1, b2])
        #expect(frame.schema()["p"]?.type == .decimal(precision: 8, scale: 3))
        let (_, footer) = try Self.write(frame)
        let p = try #require(try column(footer, "p").statistics)
        // 1.250 and 0.99 -> 990 at scale 3, stored as INT32.
        #expect(p.minValue == [0xDE, 0x03, 0, 0])
        #expect(p.maxValue == [0xE2, 0x04, 0, 0])
    }

    // MARK: - Determinism and outputs

    @Test func theSameFrameAlwaysGivesTheSameBytesWhateverTheOutput() throws {
        let records = (0..<20_000).map { (i: Int) -> DynamicRecord in
            let x: Value = i % 5 == 0 ? .null : .double(Double(i) / 3)
            let fields: [(String, Value)] = [("id", .long(Int64(i))), ("cat", .string("c\(i % 7)")), ("x", x),
                                             ("flag", .boolean(i % 2 == 0)), ("day", .date(Int32(i % 400)))]
            return DynamicRecord(fields)
        }
        let frame = DynamicFrame(batches: stride(from: 0, to: records.count, by: 3000).map {
            RecordBatch(records: Array(records[$0..<min(records.count, $0 + 3000)]))
        })
        let options = Self.options { $0.blockSize = 64 << 10; $0.pageSize = 4 << 10 }
        let first = try ParquetWriter.encode(frame, options: options)
        #expect(try ParquetWriter.encode(frame, options: options) == first)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-pq-\(UUID().uuidString).parquet")
        defer { try? FileManager.default.removeItem(at: url) }
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        let writer = try ParquetWriter(schema: frame.schema(), options: options, output: ParquetFileOutput(handle, path: url.path))
        for b in frame.batches { try writer.write(b) }
        try writer.close()
        try handle.close()
        #expect(try [UInt8](Data(contentsOf: url)) == first)
    }

    @Test func closingTwiceGivesTheSameFooterAndWritingAfterCloseIsRefused() throws {
        let writer = try ParquetWriter(schema: StructType([Field("a", .long)]), options: Self.options(), output: ParquetBufferOutput())
        try writer.write(RecordBatch(records: [DynamicRecord([("a", .long(1))])]))
        let footer = try writer.close()
        #expect(try writer.close() == footer)
        #expect(throws: EngineError.unsupported(what: "Parquet", reason: "the writer is closed")) {
            try writer.write(RecordBatch(records: [DynamicRecord([("a", .long(2))])]))
        }
    }
}

extension ParquetWriterTests {
    @Test func aFrameWithoutColumnsIsRefused() {
        #expect(throws: EngineError.unsupported(
            what: "Parquet", reason: "the frame has no columns (no field in any record); a Parquet file needs at least one column")) {
            try ParquetWriter.encode(DynamicFrame(batches: []), options: Self.options())
        }
    }

    @Test func batchesMayLackColumnsOrHoldNullsWhereTheSchemaHasATypeAndFieldOrderIsTheSchemas() throws {
        let schema = StructType([Field("a", .long), Field("s", .structure(StructType([Field("x", .int), Field("y", .string)]))),
                                 Field("b", .string)])
        let output = ParquetBufferOutput()
        let writer = try ParquetWriter(schema: schema, options: Self.options(), output: output)
        // fields in another order, a struct lacking y, b missing, then a null-typed a
        try writer.write(RecordBatch(records: [DynamicRecord([("s", .structure(DynamicRecord([("x", .int(1))]))), ("a", .long(5))])]))
        try writer.write(RecordBatch(count: 2, names: ["a", "b"], columns: [.nulls(2), Column(count: 2, storage: .bytes(
            { var c = ByteColumn(); c.append("p"); c.append("q"); return c }(), .string))]))
        let footer = try writer.close()
        #expect(footer.schema.map(\.name) == ["schema", "a", "s", "x", "y", "b"])
        #expect(footer.numRows == 3)
        let stats = footer.rowGroups[0].columns.map { $0.metaData?.statistics?.nullCount }
        #expect(stats == [2, 2, 3, 1])
    }
}

extension ParquetWriterTests {
    /// The number of data pages of one flat long column of `rows` values.
    private func pageCount(rows: Int, pageSize: Int = 1 << 20, dictionary: Bool = true) throws -> Int {
        let leaf = WriterLeaf(path: ["n"], type: .long, physicalType: .int64, maxDefinitionLevel: 1, maxRepetitionLevel: 0)
        let writer = ColumnChunkWriter(leaf: leaf, options: Self.options { $0.pageSize = pageSize; $0.enableDictionary = dictionary })
        let values = (0..<rows).map { Int64($0 % 5) }
        try writer.append(LeafSlice(definitionLevels: [UInt8](repeating: 1, count: rows), repetitionLevels: [],
                                    storage: .int64(values), selection: .range(0..<rows)))
        let chunk = try writer.finishChunk()
        #expect(chunk.numValues == Int64(rows))
        return chunk.dataPages.count / 2  // a header and a body each
    }

    @Test func pagesHoldAtMost20000RowsAsParquetMrCutsThem() throws {
        // 50 000 rows of a 5-value column: 3 pages (20 000, 20 000, 10 000), each far below 1 MiB.
        #expect(try pageCount(rows: 50_000) == 3)
        #expect(try pageCount(rows: 20_000) == 1)
        // 3000 longs PLAIN with 1 KiB pages: about 24 pages of 128 values.
        let small = try pageCount(rows: 3000, pageSize: 1024, dictionary: false)
        #expect(small >= 20 && small <= 30)
    }
}
