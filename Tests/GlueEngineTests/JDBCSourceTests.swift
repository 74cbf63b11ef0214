import Foundation
import Testing
@testable import GlueEngine

@Suite("JDBC source: types and reading")
struct JDBCSourceTests {
    @Test("declared types map to Glue types; the schema prints them")
    func typeMapping() throws {
        let lab = try JDBCLab("""
            CREATE TABLE t (i INT, n INTEGER, b BIGINT, s SMALLINT, r REAL, d DOUBLE PRECISION, f FLOAT,
              m NUMERIC(12,3), m2 DECIMAL, v VARCHAR(20), x TEXT, ok BOOLEAN, day DATE, at TIMESTAMP,
              dt DATETIME, bin BLOB, any_value);
            INSERT INTO t VALUES (1, 2, 3000000000, 4, 1.5, 2.5, 3.5, 12.345, 7.1, 'v', 'x', 1, '2024-01-31',
              '2024-01-31 10:00:00', '2024-01-31T10:00:01Z', x'0102', 'free');
            """)
        defer { lab.remove() }
        let frame = try lab.read("public.t").frame
        #expect(frame.schema().fields.map { "\($0.name):\($0.type.typeName)" } == [
            "i:int", "n:int", "b:long", "s:short", "r:double", "d:double", "f:double", "m:decimal(12,3)",
            "m2:decimal(10,2)", "v:string", "x:string", "ok:boolean", "day:date", "at:timestamp", "dt:timestamp",
            "bin:binary", "any_value:string",
        ])
        let r = try #require(frame.records.first)
        #expect(r["i"] == .int(1) && r["b"] == .long(3_000_000_000) && r["s"] == .short(4))
        #expect(r["m"] == .decimal(DecimalValue(unscaled: 12345, precision: 12, scale: 3)))
        #expect(r["m2"] == .decimal(DecimalValue(unscaled: 710, precision: 10, scale: 2)))
        #expect(r["ok"] == .boolean(true))
        #expect(r["day"].plainText == "2024-01-31")
        #expect(r["at"] == .timestamp(storeTime("2024-01-31T10:00:00Z")))
        #expect(r["dt"] == .timestamp(storeTime("2024-01-31T10:00:01Z")))
        #expect(r["bin"] == .binary([1, 2]))
    }

    @Test("a stored value that fits its declared type is converted; one that does not is an error record with the row key")
    func dynamicTyping() throws {
        let lab = try JDBCLab("""
            CREATE TABLE t (id INTEGER PRIMARY KEY, qty INT, price DOUBLE, day DATE);
            INSERT INTO t VALUES (1, '42', 7, '2024-02-01');
            INSERT INTO t VALUES (2, 'lots', 1.0, '2024-02-02');
            INSERT INTO t VALUES (3, 5000000000, 2.0, 'someday');
            INSERT INTO t VALUES (4, 4.0, 'x1', NULL);
            INSERT INTO t VALUES (5, 5, 5.5, '2024-02-05');
            """)
        defer { lab.remove() }
        let r = try lab.read("t")
        #expect(columnText(r.frame, "id") == ["1", "5"])
        #expect(r.frame.records[0]["qty"] == .int(42) && r.frame.records[0]["price"] == .double(7))
        #expect(r.frame.errorsCount() == 3 && r.stats.errors == 3 && r.stats.recordsRead == 5)
        let e = r.frame.errors
        #expect(e[0].message == #"column qty (declared INT): stored text "lots" is not a valid int"#)
        #expect(e[0].record == DynamicRecord([("id", .long(2))]))
        #expect(e[1].message.contains("stored integer \"5000000000\" is not a valid int"))
        #expect(e[2].message.contains("column price (declared DOUBLE)"))
        #expect(e[0].source == "jdbc:postgresql://db.example.com:5432/sales dbtable=t")
    }

    @Test("without a key, an error record carries the whole row as stored")
    func errorRecordWithoutKey() throws {
        let lab = try JDBCLab("CREATE TABLE t (a INT, b DATE); INSERT INTO t VALUES (1, 'soon')")
        defer { lab.remove() }
        let e = try #require(try lab.read("t").frame.errors.first)
        #expect(e.record == DynamicRecord([("a", .long(1)), ("b", .string("soon"))]))
        #expect(e.message == #"column b (declared DATE): stored text "soon" is not a valid date"#)
        #expect(e.transformation == "jdbc" && e.raw == "soon")
    }

    @Test("a column with no declared type keeps each value's own type, so mixed values make a choice")
    func untypedColumnIsChoice() throws {
        let lab = try JDBCLab("CREATE TABLE t (k); INSERT INTO t VALUES (1), ('one'), (NULL)")
        defer { lab.remove() }
        let schema = try lab.read("t").frame.schema()
        #expect(schema.fields.first?.type == .choice(ChoiceType([.long, .string])))
    }

    @Test("an all-null column keeps its declared type")
    func allNullColumn() throws {
        let lab = try JDBCLab("CREATE TABLE t (id INT, note VARCHAR(10), at TIMESTAMP); INSERT INTO t VALUES (1, NULL, NULL)")
        defer { lab.remove() }
        let frame = try lab.read("t").frame
        #expect(frame.schema().fields.map(\.type) == [.int, .string, .timestamp])
        #expect(frame.records[0] == DynamicRecord([("id", .int(1))]))
    }

    @Test("a missing table or database is a clear error; user and password never appear in it")
    func missing() throws {
        let lab = try JDBCLab()
        defer { lab.remove() }
        do {
            _ = try lab.read("public.nope")
            Issue.record("read a missing table")
        } catch {
            #expect("\(error)" == #"not found: table "nope" (dbtable="public.nope") in JDBC database "sales""#)
            #expect(!"\(error)".contains("s3cret"))
        }
        var o = lab.options("t")
        o["url"] = .string("jdbc:postgresql://h:5432/inventory")
        do {
            _ = try JDBCSource.read(sandbox: lab.sandbox, connectionType: "postgresql", options: o, plan: .untracked)
            Issue.record("read a missing database")
        } catch {
            #expect("\(error)".contains(#"JDBC database "inventory""#) && "\(error)".contains("sales"))
        }
    }

    @Test("the same script runs for mysql: the URL's database name picks the sandbox database")
    func mysql() throws {
        let lab = try JDBCLab("CREATE TABLE orders (id INTEGER PRIMARY KEY, total DECIMAL(8,2)); INSERT INTO orders VALUES (1, 9.99)")
        defer { lab.remove() }
        let r = try JDBCSource.read(
            sandbox: lab.sandbox, connectionType: "mysql",
            options: ["url": .string("jdbc:mysql://m:3306/sales"), "dbtable": .string("sales.orders")], plan: .untracked)
        #expect(r.frame.records.map { $0["total"].plainText } == ["9.99"])
        #expect(r.stats.table == "orders" && r.stats.database == "sales")
    }
}
