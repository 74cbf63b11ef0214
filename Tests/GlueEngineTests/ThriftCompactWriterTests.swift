import Testing
@testable import GlueEngine

/// The Thrift compact protocol against bytes worked out by hand from the protocol's spec.
@Suite struct ThriftCompactWriterTests {
    private func bytes(_ build: (inout ThriftCompactWriter) -> Void) -> [UInt8] {
        var w = ThriftCompactWriter()
        w.beginStruct()
        build(&w)
        w.stop()
        return w.bytes
    }

    @Test func shortFieldHeadersCarryTheIdDeltaAndType() {
        // field 1 i32 7: delta 1, type 5 -> 0x15; zigzag(7) = 14.
        #expect(bytes { $0.i32(field: 1, 7) } == [0x15, 0x0E, 0x00])
        // fields 1 and 3: the second header has delta 2.
        #expect(bytes { $0.i32(field: 1, 0); $0.i64(field: 3, 1) } == [0x15, 0x00, 0x26, 0x02, 0x00])
    }

    @Test func longFieldHeadersGiveTheTypeThenTheIdAsAZigzagVarint() {
        // delta 19 > 15: type byte 0x05, then zigzag(20) = 40.
        #expect(bytes { $0.i32(field: 1, 1); $0.i32(field: 20, 1) } == [0x15, 0x02, 0x05, 0x28, 0x02, 0x00])
        // a smaller id than the last one cannot be a delta either.
        #expect(bytes { $0.i32(field: 5, 1); $0.i32(field: 2, 1) } == [0x55, 0x02, 0x05, 0x04, 0x02, 0x00])
    }

    @Test func integersAreZigzagVarints() {
        #expect(bytes { $0.i32(field: 1, -1) } == [0x15, 0x01, 0x00])
        #expect(bytes { $0.i32(field: 1, 64) } == [0x15, 0x80, 0x01, 0x00])
        #expect(bytes { $0.i32(field: 1, -65) } == [0x15, 0x81, 0x01, 0x00])
        #expect(bytes { $0.i64(field: 1, 300) } == [0x16, 0xD8, 0x04, 0x00])
        #expect(bytes { $0.i64(field: 1, Int64.min) }
                == [0x16, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00])
        #expect(bytes { $0.i16(field: 7, 3) } == [0x74, 0x06, 0x00])
        // i8 is one raw byte.
        #expect(bytes { $0.i8(field: 1, -2) } == [0x13, 0xFE, 0x00])
    }

    @Test func booleansLiveInTheFieldHeader() {
        #expect(bytes { $0.bool(field: 1, true); $0.bool(field: 2, false) } == [0x11, 0x12, 0x00])
    }

    @Test func stringsAndBinariesAreALengthThenTheBytes() {
        #expect(bytes { $0.string(field: 4, "abc") } == [0x48, 0x03, 0x61, 0x62, 0x63, 0x00])
        #expect(bytes { $0.binary(field: 1, []) } == [0x18, 0x00, 0x00])
        #expect(bytes { $0.string(field: 1, "é") } == [0x18, 0x02, 0xC3, 0xA9, 0x00])
    }

    @Test func listsHaveTheSizeInTheHeaderUpTo14() {
        #expect(bytes { w in
            w.listField(2, of: .i32, count: 3)
            for v: Int32 in [0, 3, 8] { w.i32Value(v) }
        } == [0x29, 0x35, 0x00, 0x06, 0x10, 0x00])
        var long = ThriftCompactWriter()
        long.listHeader(.binary, count: 20)
        #expect(long.bytes == [0xF8, 0x14])
        var fourteen = ThriftCompactWriter()
        fourteen.listHeader(.structure, count: 14)
        #expect(fourteen.bytes == [0xEC])
        var fifteen = ThriftCompactWriter()
        fifteen.listHeader(.structure, count: 15)
        #expect(fifteen.bytes == [0xFC, 0x0F])
    }

    @Test func nestedStructsRestartFieldIdsAndEndWithAStop() {
        let b = bytes { w in
            w.structField(1)
            w.i32(field: 1, 1)
            w.endStruct()
            w.i32(field: 2, 2)  // delta from the outer struct's field 1
        }
        #expect(b == [0x1C, 0x15, 0x02, 0x00, 0x15, 0x04, 0x00])
        #expect(bytes { $0.emptyStruct(field: 11) } == [0xBC, 0x00, 0x00])
    }

    @Test func aDataPageHeader() {
        let header = Parquet.PageHeader(
            type: .dataPage, uncompressedPageSize: 100, compressedPageSize: 100,
            dataPageHeader: Parquet.DataPageHeader(numValues: 10, encoding: .plain))
        #expect(header.thriftBytes() == [
            0x15, 0x00,  // 1: type DATA_PAGE
            0x15, 0xC8, 0x01,  // 2: uncompressed_page_size 100
            0x15, 0xC8, 0x01,  // 3: compressed_page_size 100
            0x2C,  // 5: data_page_header
            0x15, 0x14, 0x15, 0x00, 0x15, 0x06, 0x15, 0x06, 0x00,  // 10 values, PLAIN, RLE, RLE
            0x00,
        ])
    }

    @Test func aDictionaryPageHeader() {
        let header = Parquet.PageHeader(
            type: .dictionaryPage, uncompressedPageSize: 8, compressedPageSize: 8,
            dictionaryPageHeader: Parquet.DictionaryPageHeader(numValues: 2))
        #expect(header.thriftBytes() == [0x15, 0x04, 0x15, 0x10, 0x15, 0x10, 0x4C, 0x15, 0x04, 0x15, 0x00, 0x00, 0x00])
    }

    @Test func logicalTypesAreUnionsOfStructs() {
        func element(_ e: Parquet.SchemaElement) -> [UInt8] {
            var w = ThriftCompactWriter()
            e.encodeValue(to: &w)
            return w.bytes
        }
        // required group "r" with 1 child: 3: repetition 0, 4: name, 5: num_children 1.
        #expect(element(.init(repetition: .required, name: "r", numChildren: 1))
                == [0x35, 0x00, 0x18, 0x01, 0x72, 0x15, 0x02, 0x00])
        // optional int64 "t" TIMESTAMP(true, MICROS) + TIMESTAMP_MICROS.
        #expect(element(.init(type: .int64, repetition: .optional, name: "t", convertedType: .timestampMicros,
                              logicalType: .timestamp(isAdjustedToUTC: true, unit: .micros)))
                == [0x15, 0x04, 0x25, 0x02, 0x18, 0x01, 0x74, 0x25, 0x14,  // type, repetition, name, converted 10
                    0x4C,  // 10: logicalType (delta 4 from field 6)
                    0x8C,  // 8: TIMESTAMP
                    0x11,  // 1: isAdjustedToUTC true
                    0x1C, 0x2C, 0x00, 0x00,  // 2: unit { 2: MICROS {} }
                    0x00, 0x00, 0x00])
        // DECIMAL(scale 2, precision 5): both i32 fields.
        #expect(element(.init(type: .int32, name: "d", logicalType: .decimal(scale: 2, precision: 5)))
                == [0x15, 0x02, 0x38, 0x01, 0x64, 0x6C, 0x5C, 0x15, 0x04, 0x15, 0x0A, 0x00, 0x00, 0x00])
        // INTEGER(8, signed): an i8 and a bool.
        #expect(element(.init(type: .int32, name: "b", logicalType: .integer(bitWidth: 8, isSigned: true)))
                == [0x15, 0x02, 0x38, 0x01, 0x62, 0x6C, 0xAC, 0x13, 0x08, 0x11, 0x00, 0x00, 0x00])
    }

    @Test func aFooterWithTypeDefinedColumnOrders() {
        let footer = Parquet.FileMetaData(version: 1, schema: [.init(name: "s", numChildren: 0)], numRows: 0,
                                          rowGroups: [], createdBy: "x", typeDefinedColumnOrders: 2)
        #expect(footer.thriftBytes() == [
            0x15, 0x02,  // 1: version 1
            0x19, 0x1C, 0x48, 0x01, 0x73, 0x15, 0x00, 0x00,  // 2: schema [{4: "s", 5: 0}]
            0x16, 0x00,  // 3: num_rows 0
            0x19, 0x0C,  // 4: row_groups []
            0x28, 0x01, 0x78,  // 6: created_by "x"
            0x19, 0x2C, 0x1C, 0x00, 0x00, 0x1C, 0x00, 0x00,  // 7: [{1: {}}, {1: {}}]
            0x00,
        ])
    }
}
