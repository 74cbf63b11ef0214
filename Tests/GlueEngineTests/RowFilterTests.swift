import Foundation
import Testing
@testable import GlueEngine

@Suite struct RowFilterTests {
    @Test func parsesComparisonsJoinedByAnd() throws {
        let f = try RowFilter(parsing: "price > 100 AND country = 'US' and `provider id` != -3 and ok == true")
        #expect(f.comparisons.map(\.field) == ["price", "country", "provider id", "ok"])
        #expect(f.comparisons.map(\.op) == [.gt, .eq, .ne, .eq])
        #expect(f.comparisons.map(\.value) == [.long(100), .string("US"), .long(-3), .boolean(true)])
        #expect(try RowFilter(parsing: "x <= 2.5").comparisons[0].value == .double(2.5))
    }

    @Test func rejectsWhatItCannotRead() {
        for bad in ["", "price", "price >", "price ~ 3", "price > 'x", "a = 1 or b = 2", "a = 1 and"] {
            #expect(throws: EngineError.self, "\(bad)") { try RowFilter(parsing: bad) }
        }
    }

    @Test func keepsMatchingRowsAndNeverNulls() throws {
        let frame = DynamicFrame(records: [
            DynamicRecord([("id", .long(1)), ("price", .double(50))]),
            DynamicRecord([("id", .long(2)), ("price", .long(150))]),
            DynamicRecord([("id", .long(3))]),
            DynamicRecord([("id", .long(4)), ("price", .double(120.5))]),
        ])
        let kept = try RowFilter(parsing: "price > 100 and price < 130").apply(to: frame)
        #expect(kept.records.map { $0["id"] } == [.long(4)])
        #expect(try RowFilter(parsing: "price != 50").apply(to: frame).records.map { $0["id"] } == [.long(2), .long(4)])
        #expect(try RowFilter(parsing: "price > 100 and price > 130").apply(to: frame).records.map { $0["id"] } == [.long(2)])
    }

    @Test func parquetSkipsRowGroupsByStatistics() throws {
        let records = (0..<3000).map { DynamicRecord([("id", .long(Int64($0))), ("v", .string("value \($0)"))]) }
        var options = ParquetWriteOptions()
        options.blockSize = 8 << 10
        let bytes = try ParquetWriter.encode(DynamicFrame(records: records), options: options)
        let data = Data(bytes)
        let all = try FormatReader.read(data, format: .parquet, options: [:], source: "t.parquet")
        let some = try FormatReader.read(data, format: .parquet, options: [:], source: "t.parquet", columns: ["v"],
                                         filter: try RowFilter(parsing: "id >= 2990"))
        #expect(some.rowGroupsSkipped > 0)
        #expect(some.bytesRead! < all.bytesRead! / 2)
        #expect(some.batches.flatMap(\.records).map { $0["v"] } == (2990..<3000).map { .string("value \($0)") })
        #expect(some.batches.allSatisfy { $0.names == ["v"] })
    }
}
