import Foundation
import Testing

@testable import GlueEngine

/// Predicate pushdown skips row groups by statistics and never filters rows.
/// `rowgroups.parquet`: 160 rows in 4 row groups of 40 (`id` 0–39, 40–79, 80–119, 120–159);
/// `maybe` is null for ids below 50, so row group 0 holds only nulls.
@Suite struct ParquetReaderPredicateTests {
    private func read(_ predicate: ParquetPredicate, _ name: String = "rowgroups") throws -> ParquetReadResult {
        try ParquetFixtures.open(name).read(predicate: predicate)
    }

    private func ids(_ result: ParquetReadResult) -> [Int64] {
        result.batches.flatMap { b in (0..<b.count).compactMap { b.record(at: $0)["id"].integerValue } }
    }

    @Test func anEqualityReadsTheOneRowGroupThatMayHoldTheValueAndAllItsRows() throws {
        let result = try read(ParquetPredicate("id", .eq, .long(85)))
        #expect(result.rowGroupsRead == 1)
        #expect(result.rowGroupsSkipped == 3)
        #expect(ids(result) == Array(80..<120))
        let full = try ParquetFixtures.open("rowgroups").read()
        #expect(result.bytesRead < full.bytesRead / 2)
    }

    @Test(arguments: [
        (ParquetPredicate.Op.lt, Value.long(40), [0]),
        (.le, .long(40), [0, 1]),
        (.gt, .long(119), [3]),
        (.ge, .long(119), [2, 3]),
        (.eq, .int(200), []),
        (.ne, .long(3), [0, 1, 2, 3]),
        (.lt, .double(39.5), [0]),
        (.eq, .decimal(DecimalValue(unscaled: 4000, precision: 10, scale: 2)), [1]),
    ])
    func comparisonsOnALongColumn(_ op: ParquetPredicate.Op, _ value: Value, _ groups: [Int]) throws {
        let file = try ParquetFixtures.open("rowgroups")
        let predicate = ParquetPredicate("id", op, value)
        let kept = (0..<file.rowGroupCount).filter { predicate.mayMatch(rowGroup: $0, of: file) }
        #expect(kept == groups)
    }

    @Test func comparisonsAreAnded() throws {
        let result = try read(ParquetPredicate([(column: "id", op: .ge, value: .long(40)), (column: "id", op: .lt, value: .long(80))]))
        #expect(ids(result) == Array(40..<80))
        #expect(result.rowGroupsSkipped == 3)
    }

    @Test func everyKindOfColumnHasUsableStatistics() throws {
        #expect(try read(ParquetPredicate("name", .ge, .string("n0120"))).rowGroupsRead == 1)
        #expect(try read(ParquetPredicate("score", .le, .double(10))).rowGroupsRead == 1)
        let day = Int32(Value.days(fromCivil: 2024, 1, 1) + 100)
        #expect(ids(try read(ParquetPredicate("day", .eq, .date(day)))) == Array(80..<120))
        let flat = try ParquetFixtures.open("flat_plain")
        let early = Int64(Value.days(fromCivil: 1900, 1, 1)) * 86_400_000_000
        #expect(try flat.read(predicate: ParquetPredicate("ts_ms", .lt, .timestamp(early))).rowGroupsSkipped == 1)
        #expect(try flat.read(predicate: ParquetPredicate("ts_ms", .gt, .timestamp(early))).rowGroupsRead == 1)
        // Decimals stored as FIXED_LEN_BYTE_ARRAY (flat_plain) and as INT32 (flat_v2).
        for name in ["flat_plain", "flat_v2"] {
            let file = try ParquetFixtures.open(name)
            #expect(try file.read(predicate: ParquetPredicate("dec9", .gt, .long(10_000_000))).rowGroupsSkipped == 1)
            #expect(try file.read(predicate: ParquetPredicate("dec9", .eq, .decimal(DecimalValue(unscaled: 125, precision: 9, scale: 1)))).rowGroupsRead == 1)
        }
    }

    @Test func aRowGroupOfNullsMatchesNoComparisonButNotEqual() throws {
        let file = try ParquetFixtures.open("rowgroups")
        #expect(!ParquetPredicate("maybe", .gt, .int(0)).mayMatch(rowGroup: 0, of: file))
        #expect(ParquetPredicate("maybe", .gt, .int(0)).mayMatch(rowGroup: 1, of: file))
        // `None != 5` holds in a Python filter, so `ne` keeps groups that hold nulls.
        #expect(ParquetPredicate("maybe", .ne, .int(5)).mayMatch(rowGroup: 0, of: file))
    }

    @Test func whatStatisticsCannotDecideIsRead() throws {
        for predicate in [
            ParquetPredicate("id", .eq, .string("85")),  // another kind of value
            ParquetPredicate("nope", .eq, .long(1)),  // no such column
            ParquetPredicate("tags", .eq, .string("t1")),  // inside an array
            ParquetPredicate("id", .eq, .null),
        ] {
            #expect(try read(predicate).rowGroupsRead == 4)
        }
    }

    /// `legacy.parquet` carries only the deprecated `min`/`max`: right for a signed INT32,
    /// wrong (signed byte order) for strings, so only the first is used.
    @Test func deprecatedMinMaxOnlyWhereTheOrderIsSigned() throws {
        let n = try read(ParquetPredicate("n", .gt, .int(2)), "legacy")
        #expect(n.rowGroupsSkipped == 1)
        #expect(ParquetFixtures.rows(n.batches).count == 2)
        #expect(try read(ParquetPredicate("name", .eq, .string("z")), "legacy").rowGroupsRead == 2)
    }
}
