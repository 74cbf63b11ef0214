import Testing
@testable import GlueEngine

/// Views the spark.sql tests query: orders and customers.
enum SparkSQLFixtures {
    static func frame(_ schema: [(String, DataType)], _ rows: [[Value]]) -> DataFrame {
        let records = rows.map { r in DynamicRecord(zip(schema, r).compactMap { f, v in v == .null ? nil : (f.0, v) }) }
        return DataFrame(schema: StructType(schema.map { Field($0.0, $0.1) }), batches: [RecordBatch(records: records)])
    }

    static let orders = frame(
        [("id", .long), ("customer", .string), ("price", .double), ("qty", .int), ("day", .date), ("paid", .boolean)],
        [
            [.long(1), .string("ann"), .double(12.5), .int(2), .date(19723), .boolean(true)],   // 2024-01-01
            [.long(2), .string("bob"), .double(3.0), .int(1), .date(19724), .boolean(false)],   // 2024-01-02
            [.long(3), .string("ann"), .double(7.25), .int(4), .date(19754), .boolean(true)],   // 2024-02-01
            [.long(4), .string("cid"), .null, .int(1), .date(19755), .null],
        ])

    static let customers = frame(
        [("name", .string), ("country", .string)],
        [[.string("ann"), .string("FR")], [.string("bob"), .string("US")], [.string("dan"), .string("DE")]])

    static let views = ["orders": orders, "Customers": customers]

    static func run(_ q: String) throws -> DataFrame {
        try SparkSQL.execute(q, views: views, now: 1_717_243_200_000_000)  // 2024-06-01T12:00:00Z
    }

    static func rows(_ df: DataFrame) -> [[Value]] {
        df.batches.flatMap { b in (0..<b.count).map { r in b.columns.map { $0.value(at: r) } } }
    }
}

@Suite struct SparkSQLTests {
    typealias F = SparkSQLFixtures

    @Test func selectWhereOrderBy() throws {
        let df = try F.run("SELECT id, customer, price FROM orders WHERE price > 5 ORDER BY price DESC")
        #expect(df.schema == StructType([Field("id", .long), Field("customer", .string), Field("price", .double)]))
        #expect(F.rows(df) == [[.long(1), .string("ann"), .double(12.5)], [.long(3), .string("ann"), .double(7.25)]])
    }

    @Test func bareColumnsKeepTheirSparkTypes() throws {
        let df = try F.run("SELECT * FROM orders WHERE id = 1")
        #expect(df.schema == F.orders.schema)
        #expect(F.rows(df) == [[.long(1), .string("ann"), .double(12.5), .int(2), .date(19723), .boolean(true)]])
    }

    @Test func viewNamesAreCaseInsensitive() throws {
        let df = try F.run("select NAME from CUSTOMERS where Country = 'FR'")
        #expect(F.rows(df) == [[.string("ann")]])
        #expect(df.schema.names == ["NAME"] || df.schema.names == ["name"])
    }

    @Test func groupByAggregatesHaveSparkTypes() throws {
        let df = try F.run("""
            SELECT customer, count(*), sum(qty) AS units, avg(price) AS avg_price, max(day) AS last_day
            FROM orders GROUP BY customer ORDER BY customer
            """)
        #expect(df.schema == StructType([Field("customer", .string), Field("count(1)", .long), Field("units", .long),
                                         Field("avg_price", .double), Field("last_day", .date)]))
        #expect(F.rows(df) == [
            [.string("ann"), .long(2), .long(6), .double(9.875), .date(19754)],
            [.string("bob"), .long(1), .long(1), .double(3.0), .date(19724)],
            [.string("cid"), .long(1), .long(1), .null, .date(19755)],
        ])
    }

    @Test func joinWithBackquotesAndAliases() throws {
        let df = try F.run("""
            SELECT o.`id`, c.country FROM orders o JOIN customers AS c ON o.customer = c.name
            WHERE c.country != 'US' ORDER BY o.id
            """)
        #expect(F.rows(df) == [[.long(1), .string("FR")], [.long(3), .string("FR")]])
        let left = try F.run("SELECT o.id, c.country FROM orders o LEFT OUTER JOIN customers c ON o.customer = c.name ORDER BY o.id")
        #expect(F.rows(left).map { $0[1] } == [.string("FR"), .string("US"), .string("FR"), .null])
    }

    @Test func cteUnionAndSubquery() throws {
        let df = try F.run("""
            WITH big AS (SELECT id FROM orders WHERE price >= 7), small AS (SELECT id FROM orders WHERE price < 7)
            SELECT id, 'big' AS size FROM big UNION ALL SELECT id, "small" FROM small ORDER BY id
            """)
        #expect(F.rows(df) == [[.long(1), .string("big")], [.long(2), .string("small")], [.long(3), .string("big")]])
        let sub = try F.run("SELECT count(*) AS n FROM (SELECT DISTINCT customer FROM orders) t")
        #expect(F.rows(sub) == [[.long(3)]])
        let union = try F.run("SELECT customer FROM orders UNION SELECT name FROM customers ORDER BY 1")
        #expect(F.rows(union).count == 4)
    }

    @Test func caseIfAndNullFunctions() throws {
        let df = try F.run("""
            SELECT id, CASE WHEN price > 10 THEN 'high' WHEN price > 5 THEN 'mid' ELSE 'low' END AS band,
                   if(paid, 'yes', 'no') AS paid_text, nvl(price, 0.0) AS price0, coalesce(paid, false) AS paid2
            FROM orders ORDER BY id
            """)
        #expect(df.schema.fields.map(\.type) == [.long, .string, .string, .double, .boolean])
        #expect(F.rows(df).map { $0[1] } == [.string("high"), .string("low"), .string("mid"), .string("low")])
        #expect(F.rows(df).map { $0[2] } == [.string("yes"), .string("no"), .string("yes"), .string("no")])
        #expect(F.rows(df).map { $0[3] } == [.double(12.5), .double(3.0), .double(7.25), .double(0)])
    }

    @Test func castsFollowSpark() throws {
        let df = try F.run("""
            SELECT CAST('12' AS INT) AS a, CAST('abc' AS INT) AS b, CAST(price AS BIGINT) AS c, CAST(id AS STRING) AS d,
                   CAST('2024-03-05' AS DATE) AS e, CAST('12.345' AS DECIMAL(10,2)) AS f, CAST('true' AS BOOLEAN) AS g
            FROM orders WHERE id = 1
            """)
        #expect(df.schema.fields.map(\.type) == [.int, .int, .long, .string, .date, .decimal(precision: 10, scale: 2), .boolean])
        #expect(F.rows(df) == [[.int(12), .null, .long(12), .string("1"), .date(19787),
                                .decimal(DecimalValue(unscaled: 1235, precision: 10, scale: 2)), .boolean(true)]])
    }

    @Test func divisionIsFractionalAsInSpark() throws {
        let df = try F.run("SELECT qty / 2 AS half, qty * 2 AS twice, 7 DIV 2 AS whole FROM orders WHERE id = 2")
        #expect(F.rows(df) == [[.double(0.5), .long(2), .long(3)]])
    }

    @Test func stringFunctions() throws {
        let df = try F.run("""
            SELECT upper(customer) AS u, concat(customer, '-', id) AS k, substring(customer, 2, 2) AS s, length(customer) AS n,
                   concat_ws('/', customer, NULL, 'x') AS w, lpad(id, 3, '0') AS p, trim('  a ') AS t
            FROM orders WHERE id = 1
            """)
        #expect(df.schema.fields.map(\.type) == [.string, .string, .string, .int, .string, .string, .string])
        #expect(F.rows(df) == [[.string("ANN"), .string("ann-1"), .string("nn"), .int(3), .string("ann/x"), .string("001"), .string("a")]])
    }

    @Test func likeIsCaseSensitiveAndRlikeIsARegex() throws {
        #expect(F.rows(try F.run("SELECT id FROM orders WHERE customer LIKE 'A%'")).isEmpty)
        #expect(F.rows(try F.run("SELECT id FROM orders WHERE customer LIKE 'a%' ORDER BY id")) == [[.long(1)], [.long(3)]])
        #expect(F.rows(try F.run("SELECT id FROM orders WHERE customer RLIKE '^[bc]' ORDER BY id")) == [[.long(2)], [.long(4)]])
    }

    @Test func dateFunctions() throws {
        let df = try F.run("""
            SELECT year(day) AS y, month(day) AS m, date_format(day, 'dd/MM/yyyy') AS f, to_date('05.03.2024', 'dd.MM.yyyy') AS t,
                   date_add(day, 31) AS later, datediff(day, '2023-12-25') AS since, day >= '2024-01-02' AS recent
            FROM orders WHERE id = 1
            """)
        #expect(df.schema.fields.map(\.type) == [.int, .int, .string, .date, .date, .int, .boolean])
        #expect(F.rows(df) == [[.int(2024), .int(1), .string("01/01/2024"), .date(19787), .date(19754), .int(7), .boolean(false)]])
        let recent = try F.run("SELECT id FROM orders WHERE day BETWEEN DATE '2024-01-02' AND '2024-02-01' ORDER BY id")
        #expect(F.rows(recent) == [[.long(2)], [.long(3)]])
        #expect(F.rows(try F.run("SELECT current_date() AS d")) == [[.date(19875)]])
    }

    @Test func windowRowNumber() throws {
        let df = try F.run("""
            SELECT customer, id, ROW_NUMBER() OVER (PARTITION BY customer ORDER BY price DESC) AS rn,
                   sum(qty) OVER (PARTITION BY customer) AS units
            FROM orders ORDER BY customer, rn
            """)
        #expect(df.schema.fields.map(\.type) == [.string, .long, .int, .long])
        #expect(F.rows(df).map { [$0[1], $0[2]] } == [[.long(1), .int(1)], [.long(3), .int(2)], [.long(2), .int(1)], [.long(4), .int(1)]])
    }

    @Test func expressionsWithoutAliasGetSparkNames() throws {
        let df = try F.run("SELECT upper(customer), price * 2, count(*) FROM orders GROUP BY customer, price LIMIT 1")
        #expect(df.schema.names == ["upper(customer)", "(price * 2)", "count(1)"])
    }

    @Test func havingDistinctLimit() throws {
        let df = try F.run("SELECT customer, count(*) AS n FROM orders GROUP BY customer HAVING count(*) > 1")
        #expect(F.rows(df) == [[.string("ann"), .long(2)]])
        #expect(F.rows(try F.run("SELECT DISTINCT customer FROM orders ORDER BY customer LIMIT 2")) == [[.string("ann")], [.string("bob")]])
    }

    @Test func emptyResultKeepsItsSchema() throws {
        let df = try F.run("SELECT id, price FROM orders WHERE 1 = 0")
        #expect(df.count() == 0)
        #expect(df.schema == StructType([Field("id", .long), Field("price", .double)]))
    }

    @Test func structArrayAndDecimalColumnsComeBackWithTheirTypes() throws {
        let nested = SparkSQLFixtures.frame(
            [("id", .long), ("tags", .array(.string)), ("who", .structure(StructType([Field("name", .string)]))),
             ("amount", .decimal(precision: 10, scale: 2))],
            [[.long(1), .array([.string("a"), .string("b")]), .structure(DynamicRecord([("name", .string("ann"))])),
              .decimal(DecimalValue(unscaled: 1250, precision: 10, scale: 2))]])
        let df = try SparkSQL.execute("SELECT tags, who, amount, amount * 2 AS twice FROM t", views: ["t": nested])
        #expect(df.schema.fields.map(\.type) == [.array(.string), .structure(StructType([Field("name", .string)])),
                                                 .decimal(precision: 10, scale: 2), .double])
        #expect(F.rows(df) == [[.array([.string("a"), .string("b")]), .structure(DynamicRecord([("name", .string("ann"))])),
                                .decimal(DecimalValue(unscaled: 1250, precision: 10, scale: 2)), .double(25)]])
    }
}
