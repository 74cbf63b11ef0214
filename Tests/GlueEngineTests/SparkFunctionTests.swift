import Foundation
import Testing
@testable import GlueEngine

@Suite struct SparkFunctionTests {
    typealias F = SparkFixtures

    /// Evaluates `e` over one row of `s` (a string) and `n` (a bigint), `d` (a timestamp).
    func eval(_ e: ColumnExpression) throws -> (name: String, value: Value) {
        let df = F.frame([("s", .string), ("n", .long), ("t", .timestamp), ("z", .string)], [
            [.string("  Hello World  "), .long(-7), .timestamp(1_706_695_200_000_000), .null],
        ])
        let out = try df.select([e])
        return (out.columns[0], SparkRows(out).rows[0].values[0])
    }

    func fn(_ name: String, _ args: ColumnExpression...) -> ColumnExpression { .function(name, args) }

    @Test func stringFunctions() throws {
        #expect(try eval(fn("trim", F.col("s"))) == ("trim(s)", .string("Hello World")))
        #expect(try eval(fn("ltrim", F.col("s"))).value == .string("Hello World  "))
        #expect(try eval(fn("rtrim", F.col("s"))).value == .string("  Hello World"))
        #expect(try eval(fn("lower", F.col("s"))).value == .string("  hello world  "))
        #expect(try eval(fn("concat", F.lit(.string("a")), F.col("n"))) == ("concat(a, n)", .string("a-7")))
        #expect(try eval(fn("concat", F.lit(.string("a")), F.col("z"))).value == .null)
        #expect(try eval(fn("concat_ws", F.lit(.string("-")), F.lit(.string("a")), F.col("z"), F.lit(.string("b")))) == ("concat_ws(-, a, z, b)", .string("a-b")))
        #expect(try eval(fn("substring", fn("trim", F.col("s")), F.lit(.int(1)), F.lit(.int(5)))) == ("substring(trim(s), 1, 5)", .string("Hello")))
        #expect(try eval(fn("substring", F.lit(.string("abcdef")), F.lit(.int(-3)), F.lit(.int(2)))).value == .string("de"))
        #expect(try eval(fn("regexp_replace", F.col("s"), F.lit(.string("o")), F.lit(.string("0")))) == ("regexp_replace(s, o, 0, 1)", .string("  Hell0 W0rld  ")))
        #expect(try eval(fn("split", F.lit(.string("a,b,,c")), F.lit(.string(",")))) == ("split(a,b,,c, ,, -1)", .array([.string("a"), .string("b"), .string(""), .string("c")])))
        #expect(try eval(fn("length", F.lit(.string("héllo")))).value == .int(5))
    }

    @Test func coalesceAndWhen() throws {
        #expect(try eval(fn("coalesce", F.col("z"), F.lit(.string("d")))) == ("coalesce(z, d)", .string("d")))
        let w = ColumnExpression.when([WhenBranch(condition: .binary(.less, F.col("n"), F.lit(.int(0))), value: F.lit(.string("neg")))], otherwise: nil)
        #expect(try eval(w) == ("CASE WHEN (n < 0) THEN neg END", .string("neg")))
    }

    @Test func dateFunctions() throws {
        // 2024-01-31 10:00:00 UTC
        #expect(try eval(fn("year", F.col("t"))) == ("year(t)", .int(2024)))
        #expect(try eval(fn("month", F.col("t"))).value == .int(1))
        #expect(try eval(fn("dayofmonth", F.col("t"))).value == .int(31))
        #expect(try eval(fn("hour", F.col("t"))).value == .int(10))
        #expect(try eval(fn("date_format", F.col("t"), F.lit(.string("yyyy/MM/dd HH:mm:ss")))) == ("date_format(t, yyyy/MM/dd HH:mm:ss)", .string("2024/01/31 10:00:00")))
        #expect(try eval(fn("date_format", F.col("t"), F.lit(.string("dd MMM yyyy, EEE")))).value == .string("31 Jan 2024, Wed"))
        #expect(try eval(fn("to_date", F.lit(.string("2024-02-29")))) == ("to_date(2024-02-29)", .date(19782)))
        #expect(try eval(fn("to_date", F.lit(.string("29/02/2024")), F.lit(.string("dd/MM/yyyy")))).value == .date(19782))
        #expect(try eval(fn("to_date", F.lit(.string("31/02/2024")), F.lit(.string("dd/MM/yyyy")))).value == .null)
        #expect(try eval(fn("to_timestamp", F.lit(.string("2024-01-31 10:00:00")))).value == .timestamp(1_706_695_200_000_000))
        #expect(try eval(fn("to_timestamp", F.lit(.string("01/31/2024 10:00")), F.lit(.string("MM/dd/yyyy HH:mm")))).value == .timestamp(1_706_695_200_000_000))
        let today = try SparkClock.$now.withValue(1_706_695_200_000_000) { try eval(fn("current_date")) }
        #expect(today == ("current_date()", .date(19753)))
        #expect(try eval(fn("current_timestamp")).name == "current_timestamp()")
    }

    @Test func numbersAndCasts() throws {
        #expect(try eval(fn("round", F.lit(.double(2.345)), F.lit(.int(2)))) == ("round(2.345, 2)", .double(2.35)))
        #expect(try eval(fn("round", F.lit(.double(2.5)))) == ("round(2.5, 0)", .double(3)))
        #expect(try eval(fn("bround", F.lit(.double(2.5)))).value == .double(2))
        #expect(try eval(fn("abs", F.col("n"))).value == .long(7))
        #expect(try eval(.cast(F.lit(.string("12.7")), .int)).value == .int(12))
        #expect(try eval(.cast(F.lit(.string("abc")), .int)).value == .null)
        #expect(try eval(.cast(F.lit(.long(3_000_000_000)), .int)).value == .int(-1_294_967_296))
        #expect(try eval(.cast(F.col("t"), .string)).value == .string("2024-01-31 10:00:00"))
        #expect(try eval(.cast(F.lit(.double(1e20)), .string)).value == .string("1.0E20"))
        #expect(try eval(.binary(.modulo, F.col("n"), F.lit(.int(3)))) == ("(n % 3)", .long(-1)))
        #expect(try eval(.unary(.negate, F.col("n"))) == ("(- n)", .long(7)))
    }

    @Test func predicates() throws {
        #expect(try eval(.unary(.isNull, F.col("z"))) == ("(z IS NULL)", .boolean(true)))
        #expect(try eval(.unary(.isNotNull, F.col("z"))) == ("(z IS NOT NULL)", .boolean(false)))
        #expect(try eval(.isIn(F.col("n"), [F.lit(.int(1)), F.lit(.int(-7))])) == ("(n IN (1, -7))", .boolean(true)))
        #expect(try eval(.isIn(F.col("n"), [F.lit(.int(1)), F.lit(.null)])).value == .null)
        #expect(try eval(.like(F.col("s"), pattern: "%World%", regex: false)) == ("s LIKE %World%", .boolean(true)))
        #expect(try eval(.like(F.col("s"), pattern: "H_llo", regex: false)).value == .boolean(false))
        #expect(try eval(.like(F.col("s"), pattern: "W.rld", regex: true)).value == .boolean(true))
        #expect(try eval(.between(F.col("n"), F.lit(.int(-10)), F.lit(.int(0)))) == ("((n >= -10) AND (n <= 0))", .boolean(true)))
        #expect(try eval(.binary(.notEqual, F.col("n"), F.lit(.int(1)))) == ("(NOT (n = 1))", .boolean(true)))
        #expect(try eval(.binary(.equalNullSafe, F.col("z"), F.lit(.null))).value == .boolean(true))
    }

    @Test func inputFileNameFollowsRows() throws {
        let a = RecordBatch(records: [DynamicRecord([("x", .long(1))])], source: "s3://b/a.json")
        let b = RecordBatch(records: [DynamicRecord([("x", .long(2))])], source: "s3://b/b.json")
        let df = DataFrame(schema: StructType([Field("x", .long)]), batches: [a, b])
        let out = try df.filter(.binary(.greater, F.col("x"), F.lit(.int(0)))).select([F.col("x"), .function("input_file_name", [])])
        #expect(F.column(out, "input_file_name()") == [.string("s3://b/a.json"), .string("s3://b/b.json")])
    }

    @Test func unknownFunctionIsAnAnalysisError() {
        #expect(throws: EngineError.self) { try eval(fn("nosuch", F.col("s"))) }
    }

    @Test func expressionParser() throws {
        let cases: [(String, String)] = [
            ("price * 2", "(price * 2)"),
            ("a + b * c", "(a + (b * c))"),
            ("upper(name) AS u", "u"),
            ("count(*)", "count(1)"),
            ("count(DISTINCT dept)", "count(DISTINCT dept)"),
            ("CAST(x AS double)", "CAST(x AS DOUBLE)"),
            ("a IS NOT NULL AND NOT b", "((a IS NOT NULL) AND (NOT b))"),
            ("x IN (1, 2)", "(x IN (1, 2))"),
            ("name LIKE 'A%'", "name LIKE A%"),
            ("x BETWEEN 1 AND 3", "((x >= 1) AND (x <= 3))"),
            ("CASE WHEN x > 1 THEN 'big' ELSE 'small' END", "CASE WHEN (x > 1) THEN big ELSE small END"),
            ("`odd name` = 'q'", "(odd name = q)"),
            ("x <> 1", "(NOT (x = 1))"),
            ("s.inner", "inner"),
            ("price * 1.5 total", "total"),
        ]
        for (text, name) in cases {
            #expect(SparkNames.name(try SparkExpressionParser.parse(text)) == name, "\(text)")
        }
        #expect(try SparkExpressionParser.parse("1.5") == .literal(.decimal(DecimalValue(unscaled: 15, precision: 2, scale: 1))))
        #expect(try SparkExpressionParser.parse("-3") == .literal(.int(-3)))
        #expect(throws: EngineError.self) { try SparkExpressionParser.parse("a +") }
        #expect(throws: EngineError.self) { try SparkExpressionParser.parse("'open") }
        let w = try SparkExpressionParser.parse("row_number() OVER (PARTITION BY id ORDER BY ts DESC)")
        #expect(w == .window(.ranking(.rowNumber), WindowSpec(partitionBy: [.column("id")], orderBy: [SortOrder(.column("ts"), ascending: false)])))
    }

    @Test func selectExprAndSQLFilter() throws {
        let people = F.people()
        let out = try people.selectExpr(["name", "salary * 2 AS double_pay", "upper(dept)"])
        #expect(out.columns == ["name", "double_pay", "upper(dept)"])
        #expect(try people.filter("dept = 'eng' AND bonus IS NULL").count() == 1)
        let agg = try people.selectExpr(["count(*)", "max(salary)"])
        #expect(SparkRows(agg).rows.map(\.values) == [[.long(4), .long(100)]])
    }

    @Test func sparkTypeNames() throws {
        #expect(try SparkTypes.parse("bigint") == .long)
        #expect(try SparkTypes.parse("Integer") == .int)
        #expect(try SparkTypes.parse("decimal(10,2)") == .decimal(precision: 10, scale: 2))
        #expect(try SparkTypes.parse("array<struct<a:int,b:string>>") == .array(.structure(StructType([Field("a", .int), Field("b", .string)]))))
        #expect(try SparkTypes.parse("map<string,bigint>") == .map(.long))
        #expect(throws: EngineError.self) { try SparkTypes.parse("number") }
        #expect(SparkTypes.simpleName(.array(.structure(StructType([Field("a", .long)])))) == "array<struct<a:bigint>>")
        #expect(SparkTypes.treeName(.long) == "long")
        #expect(SparkTypes.treeName(.int) == "integer")
        #expect(try SparkTypes.parseDDL("id INT, name STRING, tags ARRAY<STRING>, amount DECIMAL(10, 2)").fields
            == [Field("id", .int), Field("name", .string), Field("tags", .array(.string)), Field("amount", .decimal(precision: 10, scale: 2))])
    }
}
