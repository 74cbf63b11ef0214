import Testing
@testable import GlueEngine

/// What spark.sql refuses, and how it says so.
@Suite struct SparkSQLErrorTests {
    typealias F = SparkSQLFixtures

    func error(_ q: String) -> String {
        do {
            _ = try F.run(q)
            return "no error"
        } catch {
            return "\(error)"
        }
    }

    @Test func unknownViewIsSparksTableOrViewNotFound() {
        #expect(error("SELECT * FROM sales") == "AnalysisException: Table or view not found: sales; line 1 pos 14")
        #expect(error("SELECT * FROM orders o JOIN\n  refunds r ON o.id = r.id") == "AnalysisException: Table or view not found: refunds; line 2 pos 2")
    }

    @Test func unknownColumnNamesTheInputColumns() {
        #expect(error("SELECT amount FROM customers")
            == "AnalysisException: cannot resolve 'amount' given input columns: [customers.name, customers.country]; line 1 pos 7")
    }

    @Test func unknownFunctionIsUndefined() {
        #expect(error("SELECT frobnicate(id) FROM orders").hasPrefix("AnalysisException: Undefined function: 'frobnicate'."))
        // A SQLite function Spark does not have is not let through either.
        #expect(error("SELECT printf('%d', id) FROM orders").hasPrefix("spark.sql: printf (line 1 pos 7): "))
        #expect(error("SELECT json_extract(customer, '$.a') FROM orders").hasPrefix("AnalysisException: Undefined function: 'json_extract'."))
    }

    @Test func statementsOtherThanQueriesAreRefused() {
        #expect(error("INSERT INTO orders VALUES (5)").hasPrefix("spark.sql: INSERT (line 1 pos 0): gluelab's spark.sql runs queries only"))
        #expect(error("DROP TABLE orders").hasPrefix("spark.sql: DROP (line 1 pos 0)"))
        #expect(error("CREATE TABLE x AS SELECT 1").hasPrefix("spark.sql: CREATE (line 1 pos 0)"))
        #expect(error("SELECT 1; DROP TABLE orders").hasPrefix("spark.sql: ';' (line 1 pos 8): spark.sql runs one statement"))
        #expect(error("ATTACH DATABASE '/tmp/x.db' AS x").hasPrefix("spark.sql: ATTACH (line 1 pos 0)"))
    }

    @Test func sparkOnlyConstructsAreNamedWithTheirPosition() {
        #expect(error("SELECT id, t FROM orders LATERAL VIEW explode(tags) AS t")
            == "spark.sql: LATERAL (line 1 pos 25): LATERAL VIEW is not supported by gluelab's spark.sql; explode arrays with the DataFrame API or Relationalize")
        #expect(error("SELECT explode(tags) FROM orders").hasPrefix("spark.sql: explode (line 1 pos 7): generator functions"))
        #expect(error("SELECT * FROM orders PIVOT (sum(qty) FOR customer IN ('ann'))").hasPrefix("spark.sql: PIVOT (line 1 pos 21)"))
        #expect(error("SELECT * FROM orders o LEFT SEMI JOIN customers c ON o.customer = c.name")
            .hasPrefix("spark.sql: LEFT SEMI JOIN (line 1 pos 23): LEFT SEMI JOIN is not supported"))
        #expect(error("SELECT collect_list(id) FROM orders").hasPrefix("spark.sql: collect_list (line 1 pos 7)"))
        #expect(error("SELECT day + INTERVAL 1 DAY FROM orders").hasPrefix("spark.sql: INTERVAL (line 1 pos 13)"))
        #expect(error("SELECT CAST(id AS ARRAY<INT>) FROM orders").hasPrefix("spark.sql: CAST AS array<int> (line 1 pos 7)"))
    }

    @Test func syntaxErrorsAreParseExceptions() {
        #expect(error("SELECT id FROM orders WHERE").hasPrefix("ParseException"))
        #expect(error("SELECT 'unclosed FROM orders") == "ParseException: unclosed string literal (line 1 pos 7)")
        #expect(error("") == "ParseException: empty query: spark.sql needs a SELECT")
    }

    @Test func duplicateResultNamesAreExplained() {
        #expect(error("SELECT * FROM orders o JOIN orders p ON o.id = p.id")
            .hasPrefix("AnalysisException: Found duplicate column(s) in the result: `id`"))
        // USING keeps one id.
        #expect(error("SELECT o.id, c.country FROM orders o JOIN customers c ON o.customer = c.name") == "no error")
    }

    @Test func ambiguousColumn() {
        #expect(error("SELECT id FROM orders o JOIN orders p ON o.id = p.id").hasPrefix("AnalysisException: Reference 'id' is ambiguous"))
    }
}
