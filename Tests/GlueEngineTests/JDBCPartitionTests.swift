import Foundation
import Testing
@testable import GlueEngine

@Suite("JDBC source: hash partitions and injection")
struct JDBCPartitionTests {
    /// 100 rows with a mix of integer, text and NULL values in `tag`.
    static func lab() throws -> JDBCLab {
        var sql = "CREATE TABLE items (id INTEGER PRIMARY KEY, tag, n INT);"
        for i in 1...100 {
            let tag = i % 10 == 0 ? "NULL" : i % 3 == 0 ? "'t\(i % 7)'" : String(i % 11)
            sql += "INSERT INTO items VALUES (\(i), \(tag), \(i * 7 - 300));"
        }
        return try JDBCLab(sql)
    }

    @Test("hashfield: one batch per partition, and the partitions' union is the unpartitioned read")
    func hashFieldUnion() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let full = Set(columnText(try lab.read("items").frame, "id"))
        #expect(full.count == 100)
        let parted = try lab.read("items", ["hashfield": .string("tag"), "hashpartitions": .long(4)])
        #expect(parted.stats.partitions == 4)
        #expect(parted.frame.batches.count == 4)
        let ids = columnText(parted.frame, "id")
        #expect(ids.count == 100 && Set(ids) == full)
        #expect(parted.stats.sql.hasSuffix(#"WHERE (gluelab_hash("tag") % ? = ?)"#))
        // Default partition count.
        let seven = try lab.read("items", ["hashfield": .string("id")])
        #expect(seven.stats.partitions == 7 && seven.frame.count() == 100)
    }

    @Test("hashfield matches its column ignoring case; hashpartitions alone is ignored")
    func hashFieldCase() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let r = try lab.read("items", ["hashfield": .string("TAG"), "hashpartitions": .long(2)])
        #expect(r.stats.sql.contains(#"gluelab_hash("tag")"#) && r.frame.count() == 100)
        let alone = try lab.read("items", ["hashpartitions": .long(5)])
        #expect(alone.stats.partitions == 1 && alone.frame.batches.count == 1)
        #expect(throws: EngineError.invalidOption(name: "hashfield", value: "nope",
                                                  reason: "table items has no such column (columns: id, tag, n)")) {
            try lab.read("items", ["hashfield": .string("nope")])
        }
    }

    @Test("hashing is deterministic: the same rows land in the same partitions on every read")
    func deterministic() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let a = try lab.read("items", ["hashfield": .string("tag"), "hashpartitions": .long(5)])
        let b = try lab.read("items", ["hashfield": .string("tag"), "hashpartitions": .long(5)])
        #expect(a.frame.batches.map { $0.column("id")!.values } == b.frame.batches.map { $0.column("id")!.values })
        #expect(JDBCHash.hash(.null) == 0)
        #expect(JDBCHash.hash(2.databaseValue) == JDBCHash.hash(2.0.databaseValue))
        #expect(JDBCHash.hash("a".databaseValue) != JDBCHash.hash("b".databaseValue))
    }

    @Test("hashexpression: partitions by a whole-number expression, union equals the full read (negatives and NULLs included)")
    func hashExpressionUnion() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let r = try lab.read("items", ["hashexpression": .string("n % 13 - id"), "hashpartitions": .string("3")])
        #expect(Set(columnText(r.frame, "id")).count == 100 && r.frame.count() == 100)
        #expect(r.stats.sql.contains(#"COALESCE(ABS(CAST((("n" % 13) - "id") AS INTEGER)) % ?, 0) = ?"#))
        let withNulls = try lab.read("items", ["hashexpression": .string("tag"), "hashpartitions": .long(3)])
        #expect(withNulls.frame.count() == 100)
    }

    @Test("partitioned bookmarked reads save the largest key over all partitions")
    func partitionsWithBookmark() throws {
        let lab = try Self.lab()
        defer { lab.remove() }
        let opts: [String: Value] = ["hashfield": .string("tag"), "hashpartitions": .long(4)]
        let first = try lab.read("items", opts, plan: .incremental(state: nil, saves: true))
        #expect(first.frame.count() == 100)
        #expect(first.bookmark?.jdbc?.last == [.integer(100)])
        try lab.sql("INSERT INTO items VALUES (101, 'new', 1), (102, NULL, 2)")
        let second = try lab.read("items", opts, plan: .incremental(state: first.bookmark, saves: true))
        #expect(Set(columnText(second.frame, "id")) == ["101", "102"])
    }

    @Test("a dbtable with SQL in it is a (missing) table name, never executed")
    func dbtableInjection() throws {
        let lab = try JDBCLab("CREATE TABLE orders (id INTEGER PRIMARY KEY); CREATE TABLE x (id INT); INSERT INTO orders VALUES (1)")
        defer { lab.remove() }
        for evil in ["orders; DROP TABLE x", "orders WHERE 1=0 UNION SELECT sql FROM sqlite_master", "orders\"; DROP TABLE x; --",
                     "(SELECT 1)"] {
            #expect(throws: EngineError.self, "\(evil)") { try lab.read(evil) }
            var sink = lab.options(evil)
            sink["url"] = .string("jdbc:postgresql://h/sales")
            _ = try? JDBCSink.append(frame: DynamicFrame(records: [DynamicRecord([("id", .long(2))])]), sandbox: lab.sandbox,
                                     connectionType: "postgresql", options: sink)
        }
        let tables = try lab.databases.tables(in: "sales").map(\.name)
        #expect(tables.contains("x") && tables.contains("orders"))
        #expect(try lab.read("orders").frame.count() == 1)
    }

    @Test("a table whose name really contains SQL is read as that name, quoted")
    func oddTableName() throws {
        let lab = try JDBCLab(#"CREATE TABLE "we""ird; name" (id INT); INSERT INTO "we""ird; name" VALUES (7)"#)
        defer { lab.remove() }
        #expect(columnText(try lab.read(#"we"ird; name"#).frame, "id") == ["7"])
    }

    @Test("keys, hashfield and hashexpression with SQL in them are refused before any query runs")
    func optionInjection() throws {
        let lab = try JDBCLab("CREATE TABLE orders (id INTEGER PRIMARY KEY, v TEXT); CREATE TABLE x (id INT); INSERT INTO orders VALUES (1, 'a')")
        defer { lab.remove() }
        let tracked = BookmarkReadPlan.incremental(state: nil, saves: true)
        #expect(throws: EngineError.self) { try lab.read("orders", ["jobBookmarkKeys": .array([.string("id; DROP TABLE x")])], plan: tracked) }
        #expect(throws: EngineError.self) { try lab.read("orders", ["jobBookmarkKeys": .array([.string("id\" > 0 OR \"1")])], plan: tracked) }
        #expect(throws: EngineError.self) { try lab.read("orders", ["hashfield": .string("id) OR 1=1 --")]) }
        #expect(throws: EngineError.self) { try lab.read("orders", ["hashexpression": .string("id; DROP TABLE x")]) }
        #expect(throws: EngineError.self) { try lab.read("orders", ["hashexpression": .string("nope + 1")]) }
        // A saved key with SQL in it is only ever a bound value.
        let evilState = BookmarkEntryState.jdbc(JDBCBookmarkState(
            source: "jdbc:postgresql://db.example.com:5432/sales dbtable=orders", keys: ["v"], sortOrder: .asc,
            last: [.string("' OR 1=1; DROP TABLE x; --")]))
        let r = try lab.read("orders", ["jobBookmarkKeys": .string("v")], plan: .incremental(state: evilState, saves: true))
        #expect(columnText(r.frame, "v") == ["a"])
        #expect(try lab.databases.tables(in: "sales").map(\.name).contains("x"))
    }

    @Test("ATTACH cannot reach files outside the database")
    func noAttach() throws {
        let lab = try JDBCLab()
        defer { lab.remove() }
        let outside = lab.home.url.appendingPathComponent("outside.sqlite").path
        #expect(throws: EngineError.self) { try lab.sql("ATTACH DATABASE '\(outside)' AS o") }
        #expect(!FileManager.default.fileExists(atPath: outside))
    }
}
