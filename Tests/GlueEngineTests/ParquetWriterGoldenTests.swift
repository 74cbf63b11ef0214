import Foundation
import Testing
@testable import GlueEngine

/// The writer's bytes for a small frame of every kind of column, against a golden file that
/// pyarrow 26 and DuckDB read back exactly (their output is in `writer-small.txt` beside it).
@Suite struct ParquetWriterGoldenTests {
    /// Five orders: flat types with nulls, a dictionary-encoded status, a list, a map and a struct.
    static func frame() -> DynamicFrame {
        let statuses = ["paid", "shipped", "paid", "pending", "paid"]
        let records = (0..<5).map { (i: Int) -> DynamicRecord in
            var fields: [(String, Value)] = [
                ("order_id", .long(Int64(1001 + i))),
                ("qty", i == 3 ? .null : .int(Int32(i * 2 + 1))),
                ("price", .decimal(DecimalValue(unscaled: Int64(1999 + 250 * i), precision: 10, scale: 2))),
                ("discount", i % 2 == 0 ? .double(0.1 * Double(i)) : .null),
                ("status", .string(statuses[i])),
                ("paid", .boolean(i != 3)),
                ("day", .date(Int32(19_723 + i))),
                ("at", .timestamp(1_704_067_200_000_000 + Int64(i) * 3_600_000_001)),
                ("code", .binary([UInt8(i), 0xFF])),
                ("tiny", .byte(Int8(i - 2))),
                ("gone", .null),
            ]
            if i != 2 { fields.append(("tags", .array((0..<i).map { .string("t\($0)") }))) }
            if i % 2 == 1 { fields.append(("attrs", .map(DynamicRecord([("color", .string("red")), ("size", .null)])))) }
            fields.append(("ship", .structure(DynamicRecord([
                ("city", i == 4 ? .null : .string(["Oslo", "Lyon", "Köln", "Kraków"][i % 4])),
                ("zips", .array([.int(Int32(100 + i)), .null])),
            ]))))
            return DynamicRecord(fields)
        }
        return DynamicFrame(records: records)
    }

    static var options: ParquetWriteOptions {
        var o = ParquetWriteOptions()
        o.compression = .uncompressed
        return o
    }

    @Test func theWriterMakesTheGoldenBytes() throws {
        let url = try #require(Bundle.module.url(forResource: "Golden/parquet/writer-small.parquet", withExtension: nil))
        let golden = try [UInt8](Data(contentsOf: url))
        let bytes = try ParquetWriter.encode(Self.frame(), options: Self.options)
        #expect(bytes.count == golden.count)
        #expect(bytes == golden)
    }
}
