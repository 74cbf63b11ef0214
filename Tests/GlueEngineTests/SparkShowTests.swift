import Foundation
import Testing
@testable import GlueEngine

/// `printSchema()` and `show()` against golden files written from Spark's formats
/// (`StructType.treeString`, `Dataset.showString`).
@Suite struct SparkShowTests {
    typealias F = SparkFixtures

    /// Nested struct, array of structs, map, nulls, a long string, numbers of several kinds.
    static func nested() -> DataFrame {
        let address = StructType([Field("city", .string), Field("zip", .int)])
        let item = StructType([Field("sku", .string), Field("qty", .long)])
        return F.frame([("id", .long), ("name", .string), ("price", .double), ("amount", .decimal(precision: 10, scale: 2)),
                        ("address", .structure(address)), ("items", .array(.structure(item))), ("tags", .array(.string)),
                        ("attrs", .map(.long)), ("ok", .boolean), ("day", .date), ("at", .timestamp)], [
            [.long(1), .string("Ann"), .double(9.5), .decimal(DecimalValue(unscaled: 1250)),
             .structure(DynamicRecord([("city", .string("Lyon")), ("zip", .int(69001))])),
             .array([.structure(DynamicRecord([("sku", .string("A1")), ("qty", .long(2))]))]),
             .array([.string("x"), .string("y")]), .map(DynamicRecord([("k", .long(1))])), .boolean(true),
             .date(19753), .timestamp(1_706_695_200_000_000)],
            [.long(2), .string("A very long customer name that is cut"), .double(1e20), .null,
             .structure(DynamicRecord([("city", .string("Paris"))])), .array([]), .null, .null, .boolean(false),
             .null, .timestamp(1_706_695_200_123_000)],
            [.long(3), .null, .double(-0.25), .decimal(DecimalValue(unscaled: -5)), .null, .null,
             .array([.string("z"), .null]), .null, .null, .date(0), .null],
        ])
    }

    @Test func printSchemaNested() throws {
        #expect(Self.nested().sparkSchemaTree() == (try F.golden("spark-schema-nested.txt")))
    }

    @Test func showDefault() throws {
        #expect(Self.nested().showString(rows: 20, truncate: 20, vertical: false) == (try F.golden("spark-show-nested.txt")))
    }

    @Test func showUntruncatedAndLimited() throws {
        let df = try Self.nested().select([F.col("id"), F.col("name"), F.col("price")])
        #expect(df.showString(rows: 2, truncate: 0, vertical: false) == (try F.golden("spark-show-untruncated.txt")))
    }

    @Test func showVertical() throws {
        let df = try Self.nested().select([F.col("id"), F.col("name"), F.col("tags")])
        #expect(df.showString(rows: 2, truncate: 20, vertical: true) == (try F.golden("spark-show-vertical.txt")))
    }

    @Test func showAggregatesAndEmpty() throws {
        let agg = try F.people().groupBy([F.col("dept")]).agg([.aggregate(.sum, F.col("salary"), distinct: false),
                                                                .aggregate(.avg, F.col("bonus"), distinct: false),
                                                                .aggregate(.count, nil, distinct: false)])
        let empty = try F.people().filter(.literal(.boolean(false)))
        let text = agg.sparkSchemaTree() + agg.showString(rows: 20, truncate: 20, vertical: false)
            + empty.showString(rows: 20, truncate: 20, vertical: false)
            + empty.showString(rows: 20, truncate: 20, vertical: true)
            + F.people().showString(rows: 1, truncate: 3, vertical: false)
        #expect(text == (try F.golden("spark-show-aggregates.txt")))
    }
}
