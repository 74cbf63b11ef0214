import Foundation
import Testing
@testable import GlueEngine

@Suite struct SparkDataFrameTests {
    typealias F = SparkFixtures
    let people = SparkFixtures.people()

    @Test func columnsAndDtypesUseSparkSimpleNames() {
        #expect(people.columns == ["name", "dept", "salary", "bonus"])
        #expect(people.dtypes.map(\.1) == ["string", "string", "bigint", "double"])
    }

    @Test func selectNamesExpressionsAsSparkDoes() throws {
        let df = try people.select([F.col("name"), .binary(.multiply, F.col("salary"), F.lit(.int(2))),
                                    .function("upper", [F.col("name")]), .cast(F.col("salary"), .double)])
        #expect(df.columns == ["name", "(salary * 2)", "upper(name)", "CAST(salary AS DOUBLE)"])
        #expect(df.dtypes.map(\.1) == ["string", "bigint", "string", "double"])
        #expect(F.column(df, "(salary * 2)") == [.long(200), .long(160), .long(120), .long(140)])
        #expect(F.column(df, "upper(name)").first == .string("ANN"))
    }

    @Test func selectStarAndUnknownColumn() throws {
        #expect(try people.select([.star]).columns == people.columns)
        #expect(throws: EngineError.self) { try people.select([F.col("nope")]) }
        do {
            _ = try people.select([F.col("nope")])
        } catch {
            #expect(error.description.contains("UNRESOLVED_COLUMN"))
            #expect(error.description.contains("`nope`"))
        }
    }

    @Test func filterDropsNullAndFalse() throws {
        let df = try people.filter(.binary(.greater, F.col("bonus"), F.lit(.int(2))))
        #expect(F.column(df, "name") == [.string("Ann"), .string("Cid")])
        let sql = try people.filter("salary >= 70 AND dept IS NOT NULL")
        #expect(F.column(sql, "name") == [.string("Ann"), .string("Bob")])
    }

    @Test func threeValuedLogic() throws {
        let df = F.frame([("a", .boolean), ("b", .boolean)], [
            [.boolean(true), .null], [.boolean(false), .null], [.null, .null],
        ])
        let out = try df.select([.binary(.and, F.col("a"), F.col("b")), .binary(.or, F.col("a"), F.col("b")), .unary(.not, F.col("a"))])
        #expect(out.columns == ["(a AND b)", "(a OR b)", "(NOT a)"])
        #expect(F.column(out, "(a AND b)") == [.null, .boolean(false), .null])
        #expect(F.column(out, "(a OR b)") == [.boolean(true), .null, .null])
    }

    @Test func arithmeticCoercionAndOverflow() throws {
        let df = F.frame([("i", .int), ("l", .long), ("d", .double), ("s", .string)], [
            [.int(Int32.max), .long(5), .double(0.5), .string("2")],
        ])
        let out = try df.select([
            .binary(.add, F.col("i"), F.lit(.int(1))),
            .binary(.add, F.col("i"), F.col("l")),
            .binary(.add, F.col("l"), F.col("d")),
            .binary(.divide, F.col("l"), F.lit(.int(2))),
            .binary(.divide, F.col("l"), F.lit(.int(0))),
            .binary(.multiply, F.col("s"), F.lit(.int(3))),
        ])
        #expect(out.dtypes.map(\.1) == ["int", "bigint", "double", "double", "double", "double"])
        let row = SparkRows(out).rows[0].values
        #expect(row == [.int(Int32.min), .long(Int64(Int32.max) + 5), .double(5.5), .double(2.5), .null, .double(6)])
    }

    @Test func stringNumberComparisonCastsTheString() throws {
        let df = F.frame([("s", .string)], [[.string("10")], [.string("9")], [.string("x")]])
        let out = try df.filter(.binary(.greater, F.col("s"), F.lit(.int(9))))
        #expect(F.column(out, "s") == [.string("10")])
    }

    @Test func withColumnReplacesInPlaceOrAppends() throws {
        let df = try people.withColumn("salary", .binary(.add, F.col("salary"), F.lit(.int(1))))
            .withColumn("flag", .when([WhenBranch(condition: .binary(.greater, F.col("salary"), F.lit(.int(75))), value: F.lit(.string("hi")))],
                                       otherwise: F.lit(.string("lo"))))
        #expect(df.columns == ["name", "dept", "salary", "bonus", "flag"])
        #expect(F.column(df, "salary") == [.long(101), .long(81), .long(61), .long(71)])
        #expect(F.column(df, "flag") == [.string("hi"), .string("hi"), .string("lo"), .string("lo")])
    }

    @Test func renameDropLimit() throws {
        let df = people.withColumnRenamed("dept", "team").drop(["bonus", "missing"]).limit(2)
        #expect(df.columns == ["name", "team", "salary"])
        #expect(df.count() == 2)
        #expect(people.withColumnRenamed("zzz", "y").columns == people.columns)
    }

    @Test func distinctAndDropDuplicatesKeepFirst() throws {
        let df = F.frame([("k", .string), ("v", .long)], [
            [.string("a"), .long(1)], [.string("a"), .long(1)], [.string("a"), .long(2)], [.string("b"), .long(3)],
        ])
        #expect(df.distinct().count() == 3)
        let d = try df.dropDuplicates(["k"])
        #expect(F.column(d, "v") == [.long(1), .long(3)])
    }

    @Test func orderByNullsAndStability() throws {
        let desc = try people.orderBy([SortOrder(F.col("bonus"), ascending: false)])
        #expect(F.column(desc, "name") == [.string("Ann"), .string("Cid"), .string("Dee"), .string("Bob")])
        let asc = try people.orderBy([SortOrder(F.col("bonus"))])
        #expect(F.column(asc, "name").first == .string("Bob"))
        let byDept = try people.orderBy([SortOrder(F.col("dept"), ascending: true, nullsFirst: false)])
        #expect(F.column(byDept, "name") == [.string("Ann"), .string("Bob"), .string("Cid"), .string("Dee")])
    }

    @Test func groupByAggNamesAndTypes() throws {
        let df = try people.groupBy([F.col("dept")]).agg([
            .aggregate(.sum, F.col("salary"), distinct: false),
            .aggregate(.avg, F.col("bonus"), distinct: false),
            .aggregate(.count, nil, distinct: false),
            .aggregate(.max, F.col("name"), distinct: false),
            .alias(.aggregate(.count, F.col("dept"), distinct: true), "n"),
        ])
        #expect(df.columns == ["dept", "sum(salary)", "avg(bonus)", "count(1)", "max(name)", "n"])
        #expect(df.dtypes.map(\.1) == ["string", "bigint", "double", "bigint", "string", "bigint"])
        let rows = SparkRows(df).rows.map(\.values)
        #expect(rows[0] == [.string("eng"), .long(180), .double(10.5), .long(2), .string("Bob"), .long(1)])
        #expect(rows[2] == [.null, .long(70), .double(1.25), .long(1), .string("Dee"), .long(0)])
        #expect(df.nullable[3] == false)
    }

    @Test func groupedShortcuts() throws {
        let c = try people.groupBy([F.col("dept")]).count()
        #expect(c.columns == ["dept", "count"])
        #expect(try people.groupBy([]).sum([]).columns == ["sum(salary)", "sum(bonus)"])
        #expect(try people.groupBy([F.col("dept")]).avg(["salary"]).columns == ["dept", "avg(salary)"])
        #expect(try people.groupBy([F.col("dept")]).min(["salary"]).columns == ["dept", "min(salary)"])
        #expect(try people.groupBy([F.col("dept")]).max(["salary"]).columns == ["dept", "max(salary)"])
        let global = try people.select([.aggregate(.max, F.col("salary"), distinct: false)])
        #expect(SparkRows(global).rows.map(\.values) == [[.long(100)]])
    }

    @Test func rowNumberLatestRecordPerKey() throws {
        let events = F.frame([("id", .long), ("ts", .long), ("v", .string)], [
            [.long(1), .long(10), .string("old")], [.long(1), .long(20), .string("new")],
            [.long(2), .long(5), .string("only")], [.long(1), .long(15), .string("mid")],
        ])
        let w = WindowSpec(partitionBy: [F.col("id")], orderBy: [SortOrder(F.col("ts"), ascending: false)])
        let ranked = try events.withColumn("rn", .window(.ranking(.rowNumber), w))
        #expect(ranked.dtypes.last?.1 == "int")
        let latest = try ranked.filter(.binary(.equal, F.col("rn"), F.lit(.int(1)))).drop(["rn"])
        #expect(F.column(latest, "v") == [.string("new"), .string("only")])
        let named = try events.select([.window(.ranking(.rowNumber), w)])
        #expect(named.columns == ["row_number() OVER (PARTITION BY id ORDER BY ts DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)"])
    }

    @Test func rankDenseRankAndWindowAggregates() throws {
        let df = F.frame([("g", .string), ("x", .long)], [
            [.string("a"), .long(1)], [.string("a"), .long(2)], [.string("a"), .long(2)], [.string("a"), .long(3)],
        ])
        let w = WindowSpec(partitionBy: [F.col("g")], orderBy: [SortOrder(F.col("x"))])
        let out = try df.select([F.col("x"), .alias(.window(.ranking(.rank), w), "r"), .alias(.window(.ranking(.denseRank), w), "d"),
                                 .alias(.window(.aggregate(.sum, F.col("x"), distinct: false), w), "run"),
                                 .alias(.window(.aggregate(.sum, F.col("x"), distinct: false), WindowSpec(partitionBy: [F.col("g")])), "total")])
        #expect(F.column(out, "r") == [.int(1), .int(2), .int(2), .int(4)])
        #expect(F.column(out, "d") == [.int(1), .int(2), .int(2), .int(3)])
        #expect(F.column(out, "run") == [.long(1), .long(5), .long(5), .long(8)])
        #expect(F.column(out, "total") == [.long(8), .long(8), .long(8), .long(8)])
    }

    @Test func joinsOnColumnsMergeKeys() throws {
        let l = F.frame([("id", .long), ("a", .string)], [[.long(1), .string("x")], [.long(2), .string("y")], [.null, .string("n")]])
        let r = F.frame([("id", .long), ("b", .string)], [[.long(2), .string("B2")], [.long(3), .string("B3")], [.long(2), .string("B2b")]])
        let inner = try l.join(r, on: .columns(["id"]), how: .inner)
        #expect(inner.columns == ["id", "a", "b"])
        #expect(F.column(inner, "b") == [.string("B2"), .string("B2b")])
        let left = try l.join(r, on: .columns(["id"]), how: .left)
        #expect(left.count() == 4)
        let right = try l.join(r, on: .columns(["id"]), how: .right)
        #expect(F.column(right, "id") == [.long(2), .long(2), .long(3)])
        let full = try l.join(r, on: .columns(["id"]), how: .full)
        #expect(F.column(full, "id") == [.long(1), .long(2), .long(2), .null, .long(3)])
        #expect(F.column(try l.join(r, on: .columns(["id"]), how: .semi), "a") == [.string("y")])
        #expect(F.column(try l.join(r, on: .columns(["id"]), how: .anti), "a") == [.string("x"), .string("n")])
        #expect(try l.join(r, on: .columns(["id"]), how: .semi).columns == ["id", "a"])
    }

    @Test func joinOnExpressionKeepsBothColumns() throws {
        let l = F.frame([("id", .long), ("a", .string)], [[.long(1), .string("x")], [.long(2), .string("y")]])
        let r = F.frame([("id", .long), ("b", .string)], [[.long(2), .string("B")]])
        let cond = ColumnExpression.binary(.equal, .column("id", table: l.id), .column("id", table: r.id))
        let j = try l.join(r, on: .expression(cond), how: .inner)
        #expect(j.columns == ["id", "a", "id", "b"])
        #expect(throws: EngineError.self) { try j.select([F.col("id")]) }
        let picked = try j.select([.column("id", table: r.id), F.col("b")])
        #expect(SparkRows(picked).rows.map(\.values) == [[.long(2), .string("B")]])
        let cross = try l.join(r, on: .none, how: .cross)
        #expect(cross.count() == 2)
        let theta = try l.join(r, on: .expression(.binary(.less, .column("id", table: l.id), .column("id", table: r.id))), how: .left)
        #expect(theta.count() == 2)
    }

    @Test func unionAndUnionByName() throws {
        let a = F.frame([("x", .int), ("y", .string)], [[.int(1), .string("a")]])
        let b = F.frame([("y", .string), ("x", .long)], [[.string("b"), .long(2)]])
        let byName = try a.unionByName(b, allowMissingColumns: false)
        #expect(byName.dtypes.map(\.1) == ["bigint", "string"])
        #expect(F.column(byName, "x") == [.long(1), .long(2)])
        let c = F.frame([("x", .int), ("z", .string)], [[.int(3), .string("z")]])
        #expect(throws: EngineError.self) { try a.unionByName(c, allowMissingColumns: false) }
        let missing = try a.unionByName(c, allowMissingColumns: true)
        #expect(missing.columns == ["x", "y", "z"])
        #expect(F.column(missing, "z") == [.null, .string("z")])
        let pos = try a.union(F.frame([("p", .int), ("q", .string)], [[.int(9), .string("q")]]))
        #expect(pos.columns == ["x", "y"] && pos.count() == 2)
        #expect(throws: EngineError.self) { try a.union(c.drop(["z"])) }
    }

    @Test func fillAndDropNulls() throws {
        let filled = people.fillNA(.long(0), subset: nil)
        #expect(F.column(filled, "bonus")[1] == .double(0))
        #expect(F.column(filled, "dept")[3] == .null)
        let byName = people.fillNA(["dept": .string("none")])
        #expect(F.column(byName, "dept")[3] == .string("none"))
        #expect(try people.dropNA(how: "any", threshold: nil, subset: nil).count() == 2)
        #expect(try people.dropNA(how: "all", threshold: nil, subset: ["dept", "bonus"]).count() == 4)
        #expect(try people.dropNA(how: "any", threshold: 4, subset: nil).count() == 2)
        #expect(throws: EngineError.self) { try people.dropNA(how: "some", threshold: nil, subset: nil) }
    }

    @Test func existingToDFStillWorks() throws {
        let df = try F.frame([[("a", .long(1)), ("b", .string("x"))], [("a", .string("two"))]])
        #expect(df.schema.fields.count == 2)
        #expect(df.rows().count == 2)
        #expect(DynamicFrame.fromDF(df, name: "x").count() == 2)
    }
}
