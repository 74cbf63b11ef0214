import Foundation
import Testing
@testable import GlueEngine

@Suite("JDBC sink")
struct JDBCSinkTests {
    static func frame(_ rows: [[(String, Value)]]) -> DynamicFrame {
        DynamicFrame(records: rows.map(DynamicRecord.init))
    }

    func append(_ lab: JDBCLab, _ frame: DynamicFrame, _ dbtable: String) throws -> JDBCWriteStats {
        try JDBCSink.append(frame: frame, sandbox: lab.sandbox, connectionType: "postgresql", options: lab.options(dbtable))
    }

    @Test("a missing table is created from the frame's schema, and the rows read back with their types")
    func createsTable() throws {
        let lab = try JDBCLab()
        defer { lab.remove() }
        let f = Self.frame([
            [("id", .long(1)), ("name", .string("ann")), ("score", .double(1.5)), ("ok", .boolean(true)),
             ("day", .date(19753)), ("at", .timestamp(storeTime("2024-01-31T10:00:00.25Z"))),
             ("price", .decimal(DecimalValue(unscaled: 1250, precision: 10, scale: 2))), ("n", .int(7))],
            [("id", .long(2)), ("name", .string("bob"))],
        ])
        let stats = try append(lab, f, "public.people")
        #expect(stats.createdTable && stats.recordsWritten == 2 && stats.table == "people")
        let ddl = try lab.sql("SELECT sql FROM sqlite_master WHERE name = 'people'")
        #expect(ddl == [.rows(columns: ["sql"], rows: [[.string(
            #"CREATE TABLE "people" ("id" BIGINT, "name" TEXT, "score" DOUBLE PRECISION, "ok" BOOLEAN, "day" DATE, "at" TIMESTAMP, "price" DECIMAL(10,2), "n" INTEGER)"#)]])])
        let back = try lab.read("people").frame
        #expect(back.schema() == f.schema())
        #expect(back.records == f.records)
        let stored = try lab.sql("SELECT at FROM people WHERE id = 1")
        #expect(stored == [.rows(columns: ["at"], rows: [[.string("2024-01-31 10:00:00.25")]])])
    }

    @Test("appending to an existing table adds rows; its other columns get their defaults")
    func appendsToExisting() throws {
        let lab = try JDBCLab("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, status TEXT DEFAULT 'new'); INSERT INTO t VALUES (1, 'a', 'old')")
        defer { lab.remove() }
        let stats = try append(lab, Self.frame([[("ID", .long(2)), ("name", .string("b"))]]), "t")
        #expect(!stats.createdTable && stats.recordsWritten == 1)
        #expect(stats.sql == #"INSERT INTO "t" ("id", "name") VALUES (?, ?)"#)
        #expect(columnText(try lab.read("t").frame, "status") == ["old", "new"])
    }

    @Test("all or nothing: a failing row rolls the whole append back")
    func atomic() throws {
        let lab = try JDBCLab("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL); INSERT INTO t VALUES (1, 'a')")
        defer { lab.remove() }
        let dup = Self.frame([[("id", .long(2)), ("name", .string("b"))], [("id", .long(1)), ("name", .string("again"))]])
        do {
            _ = try append(lab, dup, "t")
            Issue.record("duplicate key accepted")
        } catch {
            #expect("\(error)" == "database sales: row 2: UNIQUE constraint failed: t.id; nothing was written")
        }
        #expect(columnText(try lab.read("t").frame, "id") == ["1"])

        let nulls = Self.frame([[("id", .long(5)), ("name", .string("x"))], [("id", .long(6))]])
        #expect(throws: EngineError.self) { try append(lab, nulls, "t") }
        #expect(try lab.read("t").frame.count() == 1)

    }

    @Test("choice fields are refused with a pointer to resolveChoice; nested fields too; nothing is created")
    func refusals() throws {
        let lab = try JDBCLab()
        defer { lab.remove() }
        let mixed = Self.frame([[("k", .long(1))], [("k", .string("two"))]])
        do {
            _ = try append(lab, mixed, "t")
            Issue.record("choice accepted")
        } catch {
            #expect("\(error)" == "field k: is a choice (long, string); resolve it with resolveChoice before writing to a JDBC table")
        }
        let nested = Self.frame([[("k", .long(1)), ("addr", .structure(DynamicRecord([("city", .string("x"))])))]])
        #expect(throws: EngineError.self) { try append(lab, nested, "t") }
        #expect(try lab.databases.tables(in: "sales").isEmpty)
    }

    @Test("a frame field missing from the table, or a value that does not fit its column, is a clear error")
    func mismatches() throws {
        let lab = try JDBCLab("CREATE TABLE t (id INT, name TEXT)")
        defer { lab.remove() }
        #expect(throws: EngineError.invalidOption(name: "dbtable", value: "t", reason: "table t has no column email (columns: id, name)")) {
            try append(lab, Self.frame([[("id", .long(1)), ("email", .string("a@b"))]]), "t")
        }
        do {
            _ = try append(lab, Self.frame([[("id", .long(1))], [("id", .long(5_000_000_000))]]), "t")
            Issue.record("out-of-range value accepted")
        } catch {
            #expect("\(error)" == #"row 2, field id: long "5000000000" does not fit column t.id declared INT; nothing was written"#)
        }
        #expect(try lab.read("t").frame.count() == 0)
    }

    @Test("writing to a database that does not exist fails, as a JDBC connection would")
    func missingDatabase() throws {
        let lab = try JDBCLab()
        defer { lab.remove() }
        var o = lab.options("t")
        o["url"] = .string("jdbc:postgresql://h/warehouse")
        #expect(throws: EngineError.self) {
            try JDBCSink.append(frame: Self.frame([[("a", .long(1))]]), sandbox: lab.sandbox, connectionType: "postgresql", options: o)
        }
        #expect(!lab.databases.exists("warehouse"))
    }
}
