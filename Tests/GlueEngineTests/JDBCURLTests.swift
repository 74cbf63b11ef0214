import Foundation
import Testing
@testable import GlueEngine

@Suite("JDBC URL and options")
struct JDBCURLTests {
    @Test("PostgreSQL, MySQL, SQL Server and Oracle URLs name their database")
    func parsesURLs() throws {
        let pg = try JDBCURL(parsing: "jdbc:postgresql://db.example.com:5432/sales?ssl=true")
        #expect(pg.type == .postgresql && pg.database == "sales" && pg.host == "db.example.com:5432")
        let my = try JDBCURL(parsing: "jdbc:mysql://mysql.internal:3306/shop")
        #expect(my.type == .mysql && my.database == "shop")
        let ms = try JDBCURL(parsing: "jdbc:sqlserver://sql.internal:1433;databaseName=crm;encrypt=true")
        #expect(ms.type == .sqlserver && ms.database == "crm")
        let ora = try JDBCURL(parsing: "jdbc:oracle:thin:@//ora.internal:1521/orcl")
        #expect(ora.type == .oracle && ora.database == "orcl")
        let sid = try JDBCURL(parsing: "jdbc:oracle:thin:@ora.internal:1521:XE")
        #expect(sid.database == "XE")
    }

    @Test("bad URLs are errors naming the url option and the value")
    func badURLs() {
        for bad in ["postgresql://h/db", "jdbc:postgresql://h:5432", "jdbc:sqlserver://h:1433", "jdbc:db2://h/x",
                    "jdbc:postgresql://h/../../etc", "jdbc:postgresql://h/a/b"] {
            #expect(throws: EngineError.self) { try JDBCURL(parsing: bad) }
            do { _ = try JDBCURL(parsing: bad) } catch {
                #expect(error.description.contains("url=") || error.description.contains("url"), "\(error)")
            }
        }
        #expect(throws: EngineError.invalidOption(name: "url", value: "jdbc:postgresql://h:5432",
                                                  reason: "the URL must name the database: jdbc:postgresql://host:port/dbname")) {
            try JDBCURL(parsing: "jdbc:postgresql://h:5432")
        }
    }

    @Test("a URL for another engine than connection_type is an error")
    func mismatch() {
        #expect(throws: EngineError.invalidOption(name: "url", value: "jdbc:mysql://h:3306/sales",
                                                  reason: "the URL is for mysql but connection_type is postgresql")) {
            try JDBCURL.parse("jdbc:mysql://h:3306/sales", for: .postgresql)
        }
    }

    @Test("redshift is refused clearly; unknown connection types name the option")
    func connectionTypes() throws {
        #expect(try JDBCConnectionType(parsing: "PostgreSQL") == .postgresql)
        do {
            _ = try JDBCConnectionType(parsing: "redshift")
            Issue.record("redshift accepted")
        } catch {
            #expect(error.description.contains("redshift") && error.description.contains("UNLOAD"))
        }
        #expect(throws: EngineError.self) { try JDBCConnectionType(parsing: "dynamodb") }
        #expect(throws: EngineError.self) { try JDBCURL(parsing: "jdbc:redshift://h:5439/dev") }
    }

    @Test("dbtable: the default schema maps to the bare table, other schemas to a dotted name")
    func tableNames() throws {
        let pg = try JDBCURL(parsing: "jdbc:postgresql://h/sales")
        #expect(try JDBCTableName("public.orders", url: pg).table == "orders")
        #expect(try JDBCTableName("PUBLIC.orders", url: pg).table == "orders")
        #expect(try JDBCTableName("orders", url: pg).table == "orders")
        #expect(try JDBCTableName("audit.orders", url: pg).table == "audit.orders")
        let my = try JDBCURL(parsing: "jdbc:mysql://h/shop")
        #expect(try JDBCTableName("shop.orders", url: my).table == "orders")
        #expect(try JDBCTableName("public.orders", url: my).table == "public.orders")
        let ms = try JDBCURL(parsing: "jdbc:sqlserver://h;databaseName=crm")
        #expect(try JDBCTableName("dbo.orders", url: ms).table == "orders")
        #expect(try JDBCTableName("orders; DROP TABLE x", url: pg).table == "orders; DROP TABLE x")
    }

    @Test("options: required url/dbtable, hashpartitions default 7, keys as list or string, sort order")
    func options() throws {
        let base: [String: Value] = ["url": .string("jdbc:postgresql://h/sales"), "dbtable": .string("orders")]
        let plain = try JDBCOptions(connectionType: .postgresql, options: base)
        #expect(plain.hashPartitions == 1 && plain.bookmarkKeys == nil && plain.sortOrder == .asc)
        var hashed = base
        hashed["hashfield"] = .string("customer")
        #expect(try JDBCOptions(connectionType: .postgresql, options: hashed).hashPartitions == 7)
        hashed["hashpartitions"] = .string("3")
        #expect(try JDBCOptions(connectionType: .postgresql, options: hashed).hashPartitions == 3)
        hashed["hashpartitions"] = .string("0")
        #expect(throws: EngineError.invalidOption(name: "hashpartitions", value: "0", reason: "expected a whole number from 1 to 1000")) {
            try JDBCOptions(connectionType: .postgresql, options: hashed)
        }
        var keyed = base
        keyed["jobBookmarkKeys"] = .array([.string("a"), .string("b")])
        keyed["jobBookmarkKeysSortOrder"] = .string("DESC")
        let k = try JDBCOptions(connectionType: .postgresql, options: keyed)
        #expect(k.bookmarkKeys == ["a", "b"] && k.sortOrder == .desc)
        keyed["jobBookmarkKeysSortOrder"] = .string("up")
        #expect(throws: EngineError.invalidOption(name: "jobBookmarkKeysSortOrder", value: "up", reason: "expected asc or desc")) {
            try JDBCOptions(connectionType: .postgresql, options: keyed)
        }
        #expect(throws: EngineError.invalidOption(name: "dbtable", value: "", reason: "the JDBC connection option dbtable is required")) {
            try JDBCOptions(connectionType: .postgresql, options: ["url": .string("jdbc:postgresql://h/sales")])
        }
        var both = base
        both["hashfield"] = .string("a")
        both["hashexpression"] = .string("b")
        #expect(throws: EngineError.self) { try JDBCOptions(connectionType: .postgresql, options: both) }
    }

    @Test("hashexpression accepts a restricted grammar and refuses anything else")
    func hashExpressionGrammar() throws {
        let e = try JDBCHashExpression(parsing: "abs(customer_id) % 10 + \"Odd Name\"")
        #expect(e.columns == ["customer_id", "Odd Name"])
        #expect(e.sql { $0 } == #"((abs("customer_id") % 10) + "Odd Name")"#)
        // `--` parses as two minus signs, and the SQL written back cannot hold a comment.
        let dashes = try JDBCHashExpression(parsing: "id -- comment")
        #expect(dashes.sql { $0 } == #"("id" - (-"comment"))"#)
        for bad in ["id; DROP TABLE orders", "id # comment", "'a'", "id OR 1=1", "(SELECT 1)", "load_extension('x')",
                    "id)", "abs(id", "", "id /* x */"] {
            #expect(throws: EngineError.self, "\(bad)") { try JDBCHashExpression(parsing: bad) }
        }
    }

    @Test("database names are names, not paths")
    func databaseNames() {
        for ok in ["sales", "Sales_2024", "_tmp", "a-b"] { #expect(JDBCDatabases.isValidName(ok)) }
        for bad in ["", "..", "a/b", "-x", "a.b", "a b", String(repeating: "x", count: 64)] {
            #expect(!JDBCDatabases.isValidName(bad), "\(bad)")
        }
    }
}
