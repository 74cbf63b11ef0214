import Foundation
import Testing

@Suite("gluelab sql")
struct SQLCommandTests {
    @Test("create a table, insert rows, select as a table and as JSON")
    func createInsertSelect() throws {
        let g = try GluelabProcess()
        let created = try g.ok(["sql", "--database", "sales", """
            CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, amount DECIMAL(8,2));
            INSERT INTO orders VALUES (1, 'ann', 10.5), (2, 'bob', NULL), (10, 'cy', 3)
            """])
        #expect(created == "3 rows changed\n")
        let table = try g.ok(["sql", "--database", "sales", "SELECT id, customer, amount FROM orders ORDER BY id"])
        #expect(table == """
            id  customer  amount
            --  --------  ------
             1  ann         10.5
             2  bob         NULL
            10  cy             3
            (3 rows)

            """)
        let json = try g.ok(["sql", "--database", "sales", "--json", "SELECT id, customer, amount FROM orders WHERE id < 3"])
        #expect(json == #"[{"id":1,"customer":"ann","amount":10.5},{"id":2,"customer":"bob","amount":null}]"# + "\n")
        #expect(try g.ok(["sql", "--database", "sales", "UPDATE orders SET amount = 1 WHERE id = 2"]) == "1 row changed\n")
        #expect(try g.ok(["sql", "--database", "sales", "--json", "DELETE FROM orders WHERE id > 5"]) == #"{"changes":1}"# + "\n")
    }

    @Test("the default database is main; --list shows databases and tables")
    func defaultDatabaseAndList() throws {
        let g = try GluelabProcess()
        _ = try g.ok(["sql", "CREATE TABLE t (x INT); INSERT INTO t VALUES (1)"])
        _ = try g.ok(["sql", "--database", "sales", "CREATE TABLE orders (id INT); CREATE TABLE customers (id INT)"])
        #expect(try g.ok(["sql", "--list"]) == "main\n  t  1 row\nsales\n  customers  0 rows\n  orders     0 rows\n")
        let json = try g.ok(["sql", "--list", "--json"])
        #expect(json.contains(#"{"database":"main","tables":[{"name":"t","rows":1}]}"#))
        #expect(try g.ok(["sql", "--list", "--sandbox", "other"]) == "")
    }

    @Test("--file runs a script in one transaction: a failing statement undoes the others")
    func fileScript() throws {
        let g = try GluelabProcess()
        let good = try g.file("setup.sql", """
            -- a lab's setup
            CREATE TABLE events (id INTEGER PRIMARY KEY, what TEXT);
            INSERT INTO events (what) VALUES ('a');
            INSERT INTO events (what) VALUES ('b');
            SELECT count(*) AS n FROM events;
            """)
        #expect(try g.ok(["sql", "--database", "app", "--file", good]) == "n\n-\n2\n(1 row)\n2 rows changed\n")
        let bad = try g.file("bad.sql", "INSERT INTO events (what) VALUES ('c');\nINSERT INTO nope VALUES (1);\n")
        let r = try g.run(["sql", "--database", "app", "--file", bad])
        #expect(r.status == 1)
        #expect(r.stderr == "error: database app: no such table: nope\n")
        #expect(try g.ok(["sql", "--database", "app", "SELECT count(*) AS n FROM events"]).contains("\n2\n"))
    }

    @Test("errors are one line naming the database; bad names and ATTACH are refused")
    func errors() throws {
        let g = try GluelabProcess()
        let syntax = try g.run(["sql", "--database", "sales", "SELEC 1"])
        #expect(syntax.status == 1 && syntax.stderr == "error: database sales: near \"SELEC\": syntax error\n")
        let name = try g.run(["sql", "--database", "../etc", "SELECT 1"])
        #expect(name.status == 1 && name.stderr.hasPrefix("error: invalid option database=\"../etc\""))
        let attach = try g.run(["sql", "--database", "sales", "ATTACH '\(g.workDir.path)/x.sqlite' AS x"])
        #expect(attach.status == 1 && attach.stderr.contains("too many attached databases"))
        #expect(!FileManager.default.fileExists(atPath: g.workDir.appendingPathComponent("x.sqlite").path))
        let none = try g.run(["sql"])
        #expect(none.status != 0 && none.stderr == "error: give a SQL statement, --file FILE, or --list\n")
        // A failed first statement does not leave an empty database behind.
        #expect(try g.ok(["sql", "--list"]) == "")
    }
}
