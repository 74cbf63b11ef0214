import Foundation
import Testing

@testable import GlueEngine

/// Builds Thrift compact bytes by hand for the reader tests.
struct ThriftBytes {
    var bytes: [UInt8] = []
    private var last: [Int16] = [0]

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func zigzag(_ v: Int64) { varint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }

    mutating func field(_ id: Int16, _ type: UInt8) {
        let delta = Int(id) - Int(last[last.count - 1])
        if (1...15).contains(delta) {
            bytes.append(UInt8(delta) << 4 | type)
        } else {
            bytes.append(type)
            zigzag(Int64(id))
        }
        last[last.count - 1] = id
    }

    mutating func i32(_ id: Int16, _ v: Int32) { field(id, 5); zigzag(Int64(v)) }
    mutating func i64(_ id: Int16, _ v: Int64) { field(id, 6); zigzag(v) }
    mutating func bool(_ id: Int16, _ v: Bool) { field(id, v ? 1 : 2) }
    mutating func string(_ id: Int16, _ s: String) { field(id, 8); varint(UInt64(s.utf8.count)); bytes += Array(s.utf8) }
    mutating func begin(_ id: Int16) { field(id, 12); last.append(0) }
    mutating func beginElement() { last.append(0) }
    mutating func end() { bytes.append(0); last.removeLast() }

    mutating func listHeader(_ id: Int16, _ elementType: UInt8, _ n: Int) {
        field(id, 9)
        if n < 15 {
            bytes.append(UInt8(n) << 4 | elementType)
        } else {
            bytes.append(0xF0 | elementType)
            varint(UInt64(n))
        }
    }

    /// One field of every wire type, with nested containers, for a reader to skip.
    mutating func unknownFields(from id: Int16) {
        bool(id, true)
        bool(id + 1, false)
        field(id + 2, 3); bytes.append(0x80)  // byte
        field(id + 3, 4); zigzag(-300)  // i16
        i32(id + 4, -7)
        i64(id + 5, Int64.min)
        field(id + 6, 7); bytes += [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]  // double 1.0
        string(id + 7, "unknown")
        listHeader(id + 8, 5, 20); for k in 0..<20 { zigzag(Int64(k)) }
        field(id + 9, 10); bytes.append(2 << 4 | 1); bytes += [1, 2]  // set<bool>
        field(id + 10, 11); varint(1); bytes.append(8 << 4 | 12)  // map<binary, struct>
        varint(1); bytes.append(UInt8(ascii: "k")); beginElement(); i32(1, 5); listHeader(2, 12, 1); beginElement(); end(); end()
        field(id + 11, 11); varint(0)  // an empty map
        begin(id + 300)  // a long-form id, a nested struct
        begin(1); string(2, "deep"); end()
        end()
    }
}

@Suite struct ThriftReaderTests {
    @Test func readsScalarsAndSkipsUnknownFieldsOfEveryType() throws {
        var w = ThriftBytes()
        w.unknownFields(from: 20)
        w.i32(1, -123456)  // a field id lower than the last: long form
        w.unknownFields(from: 40)
        w.string(600, "after")
        w.bytes.append(0)
        var r = ThriftCompactReader(w.bytes)
        try r.beginStruct()
        var seen: [Int16: String] = [:]
        while let f = try r.nextField() {
            switch (f.id, f.type) {
            case (1, .i32): seen[1] = String(try r.readI32())
            case (600, .binary): seen[600] = try r.readString()
            default: try r.skip(f.type)
            }
        }
        #expect(seen == [1: "-123456", 600: "after"])
        #expect(r.remaining == 0)
    }

    @Test func decodesASchemaElementAroundUnknownFields() throws {
        var w = ThriftBytes()
        w.i32(1, 1)
        w.unknownFields(from: 12)
        w.i32(3, 1)
        w.string(4, "price")
        w.begin(10)
        w.begin(5); w.i32(1, 2); w.i32(2, 9); w.end()
        w.end()
        w.i32(11, 4)  // vector_length, unknown to gluelab
        w.bytes.append(0)
        var r = ThriftCompactReader(w.bytes)
        let e = try Parquet.SchemaElement.decode(&r)
        #expect(e.name == "price")
        #expect(e.type == .int32)
        #expect(e.repetition == .optional)
        #expect(e.logicalType == .decimal(scale: 2, precision: 9))
    }

    @Test func decodesLogicalTypes() throws {
        func logical(_ body: (inout ThriftBytes) -> Void) throws -> Parquet.LogicalType? {
            var w = ThriftBytes()
            w.string(4, "c")
            w.begin(10)
            body(&w)
            w.end()
            w.bytes.append(0)
            var r = ThriftCompactReader(w.bytes)
            return try Parquet.SchemaElement.decode(&r).logicalType
        }
        #expect(try logical { w in w.begin(8); w.bool(1, true); w.begin(2); w.begin(3); w.end(); w.end(); w.end() }
            == .timestamp(isAdjustedToUTC: true, unit: .nanos))
        #expect(try logical { w in w.begin(10); w.field(1, 3); w.bytes.append(8); w.bool(2, false); w.end() }
            == .integer(bitWidth: 8, isSigned: false))
        #expect(try logical { w in w.begin(1); w.end() } == .string)
        #expect(try logical { w in w.begin(11); w.end() } == .unknown)
        #expect(try logical { w in w.begin(16); w.field(1, 3); w.bytes.append(1); w.end() } == nil)  // VARIANT
    }

    @Test func decodesAFooterAndItsSchema() throws {
        var w = ThriftBytes()
        w.i32(1, 2)
        w.listHeader(2, 12, 2)
        w.beginElement(); w.string(4, "schema"); w.i32(5, 1); w.end()
        w.beginElement(); w.i32(1, 2); w.i32(3, 0); w.string(4, "id"); w.end()
        w.i64(3, 0)
        w.listHeader(4, 12, 0)
        w.string(6, "hand")
        w.unknownFields(from: 20)
        w.bytes.append(0)
        var r = ThriftCompactReader(w.bytes)
        var orders: [Int16]?
        let meta = try Parquet.FileMetaData.decode(&r, columnOrders: &orders)
        #expect(meta.createdBy == "hand")
        #expect(meta.schema.map(\.name) == ["schema", "id"])
        #expect(try ParquetSchemaLayout(meta.schema).schema.treeString() == "root\n|-- id: long\n")
    }

    @Test func decodesAPageHeaderV2() throws {
        var w = ThriftBytes()
        w.i32(1, 3); w.i32(2, 100); w.i32(3, 80)
        w.begin(8)
        w.i32(1, 10); w.i32(2, 1); w.i32(3, 10); w.i32(4, 8); w.i32(5, 3); w.i32(6, 0); w.bool(7, false)
        w.end()
        w.bytes.append(0)
        var r = ThriftCompactReader(w.bytes)
        let h = try Parquet.PageHeader.decode(&r)
        #expect(h.type == .dataPageV2)
        #expect(h.dataPageHeaderV2 == .init(numValues: 10, numNulls: 1, numRows: 10, encoding: .rleDictionary,
                                             definitionLevelsByteLength: 3, repetitionLevelsByteLength: 0, isCompressed: false))
    }

    @Test func anUnknownEncodingIsRefusedByName() throws {
        var w = ThriftBytes()
        w.i32(1, 0); w.i32(2, 10); w.i32(3, 10)
        w.begin(5); w.i32(1, 1); w.i32(2, 1); w.end()
        w.bytes.append(0)
        var r = ThriftCompactReader(w.bytes)
        #expect { try Parquet.PageHeader.decode(&r) } throws: { "\($0)".contains("GROUP_VAR_INT") }
    }

    @Test(arguments: [
        ([0x15], "ends early"),  // a field header without its value
        ([0x18, 0x05, 0x61], "binary length 5 exceeds"),
        ([0x19, 0xF5, 0xFF, 0x01], "list of 255 elements exceeds"),
        ([0x1D], "unknown Thrift wire type 13"),
        ([0x16, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01], "varint longer than 10 bytes"),
        ([0x19, 0x10, 0x00], "STOP where a value was expected"),
        ([0x1B, 0x7F, 0x88], "map of 127 entries exceeds"),
    ] as [([UInt8], String)])
    func malformedBytesThrow(_ bytes: [UInt8], _ message: String) throws {
        var r = ThriftCompactReader(bytes)
        #expect {
            try r.beginStruct()
            while let f = try r.nextField() { try r.skip(f.type) }
        } throws: { "\($0)".contains(message) }
    }

    @Test func deepNestingThrowsInsteadOfOverflowingTheStack() throws {
        let bytes = [UInt8](repeating: 0x1C, count: 10_000)  // struct field 1 inside struct field 1 ...
        var r = ThriftCompactReader(bytes)
        #expect {
            try r.beginStruct()
            while let f = try r.nextField() { try r.skip(f.type) }
        } throws: { "\($0)".contains("nested too deeply") }
    }

    @Test func aMissingRequiredFieldThrows() throws {
        var w = ThriftBytes()
        w.i32(1, 1)
        w.bytes.append(0)
        var r = ThriftCompactReader(w.bytes)
        #expect { try Parquet.SchemaElement.decode(&r) } throws: { "\($0)".contains("without a name") }
    }
}
