import Foundation
import Testing
@testable import GlueEngine

@Suite("JDBC source: bookmarks")
struct JDBCBookmarkReadTests {
    static let orders = """
        CREATE TABLE orders (id INTEGER PRIMARY KEY, customer TEXT, amount INT);
        INSERT INTO orders VALUES (1, 'ann', 10), (2, 'bob', 20), (3, 'cy', 30);
        """

    @Test("default keys are the primary key: a second run reads only new rows; an updated row is missed")
    func newRowsOnly() throws {
        let lab = try JDBCLab(Self.orders)
        defer { lab.remove() }
        let first = try lab.run("public.orders", after: nil)
        #expect(first.values == ["1", "2", "3"])
        let saved = try #require(first.state?.jdbc)
        #expect(saved.keys == ["id"] && saved.sortOrder == .asc && saved.last == [.integer(3)])
        #expect(saved.source == "jdbc:postgresql://db.example.com:5432/sales dbtable=public.orders")

        try lab.sql("INSERT INTO orders VALUES (4, 'dee', 40); UPDATE orders SET amount = 99 WHERE id = 2")
        let second = try lab.run("public.orders", after: first.state)
        #expect(second.values == ["4"])  // row 2 changed, but its key is not new: missed, as on AWS
        #expect(second.state?.jdbc?.last == [.integer(4)])

        let third = try lab.run("public.orders", after: second.state)
        #expect(third.values.isEmpty)
        #expect(third.state == second.state)
    }

    @Test("a row back-filled below the saved key is missed")
    func backfillMissed() throws {
        let lab = try JDBCLab("CREATE TABLE t (id INTEGER PRIMARY KEY); INSERT INTO t VALUES (1), (5)")
        defer { lab.remove() }
        let first = try lab.run("t", after: nil)
        try lab.sql("INSERT INTO t VALUES (3), (6)")
        #expect(try lab.run("t", after: first.state).values == ["6"])
    }

    @Test("descending keys read rows below the saved key")
    func descending() throws {
        let lab = try JDBCLab("CREATE TABLE countdown (n INT, label TEXT); INSERT INTO countdown VALUES (10, 'a'), (9, 'b')")
        defer { lab.remove() }
        let keys: [String: Value] = ["jobBookmarkKeys": .array([.string("n")]), "jobBookmarkKeysSortOrder": .string("desc")]
        let first = try lab.run("countdown", keys, column: "n", after: nil)
        #expect(first.values == ["10", "9"])
        #expect(first.state?.jdbc?.last == [.integer(9)])
        try lab.sql("INSERT INTO countdown VALUES (8, 'c'), (11, 'late')")
        #expect(try lab.run("countdown", keys, column: "n", after: first.state).values == ["8"])
    }

    @Test("compound keys compare as one key, lexicographically")
    func compoundKeys() throws {
        let lab = try JDBCLab("""
            CREATE TABLE events (day TEXT, seq INT, what TEXT);
            INSERT INTO events VALUES ('2024-01-01', 1, 'a'), ('2024-01-01', 2, 'b'), ('2024-01-02', 1, 'c');
            """)
        defer { lab.remove() }
        let keys: [String: Value] = ["jobBookmarkKeys": .array([.string("day"), .string("seq")])]
        let first = try lab.run("events", keys, column: "what", after: nil)
        #expect(first.values == ["a", "b", "c"])
        #expect(first.state?.jdbc?.last == [.string("2024-01-02"), .integer(1)])
        try lab.sql("INSERT INTO events VALUES ('2024-01-02', 2, 'd'), ('2024-01-01', 3, 'old day'), ('2024-01-03', 1, 'e')")
        #expect(try lab.run("events", keys, column: "what", after: first.state).values == ["d", "e"])
    }

    @Test("the read's SQL binds the saved key as a parameter and orders by the keys")
    func sqlShape() throws {
        let lab = try JDBCLab(Self.orders)
        defer { lab.remove() }
        let first = try lab.read("orders", plan: .incremental(state: nil, saves: true))
        #expect(first.stats.sql == #"SELECT "id", "customer", "amount" FROM "orders" ORDER BY "id" ASC"#)
        let second = try lab.read("orders", plan: .incremental(state: first.bookmark, saves: true))
        #expect(second.stats.sql == #"SELECT "id", "customer", "amount" FROM "orders" WHERE (("id" > ?)) ORDER BY "id" ASC"#)
        #expect(second.stats.bookmarkKeys == ["id"])
    }

    @Test("untracked and disabled reads read everything and return no bookmark")
    func untracked() throws {
        let lab = try JDBCLab(Self.orders)
        defer { lab.remove() }
        for plan in [BookmarkReadPlan.untracked, .full] {
            let r = try lab.read("orders", plan: plan)
            #expect(r.frame.count() == 3 && r.bookmark == nil)
        }
    }

    @Test("a state saved for another table or other keys is ignored: the source starts fresh")
    func otherSourceStartsFresh() throws {
        let lab = try JDBCLab(Self.orders + "CREATE TABLE archive (id INTEGER PRIMARY KEY); INSERT INTO archive VALUES (1), (2);")
        defer { lab.remove() }
        let first = try lab.run("orders", after: nil)
        #expect(try lab.run("archive", after: first.state).values == ["1", "2"])
        #expect(try lab.run("orders", ["jobBookmarkKeys": .array([.string("amount")])], after: first.state).values == ["1", "2", "3"])
    }

    @Test("a range plan reads what the runs between from and to read")
    func rangePlan() throws {
        let lab = try JDBCLab(Self.orders)
        defer { lab.remove() }
        let run1 = try lab.run("orders", after: nil)
        try lab.sql("INSERT INTO orders VALUES (4, 'dee', 40), (5, 'eve', 50)")
        let run2 = try lab.run("orders", after: run1.state)
        try lab.sql("INSERT INTO orders VALUES (6, 'fay', 60)")
        let run3 = try lab.run("orders", after: run2.state)
        #expect(run3.values == ["6"])
        let replay = try lab.read("orders", plan: .range(from: run1.state, to: run2.state))
        #expect(columnText(replay.frame, "id") == ["4", "5"])
        #expect(replay.bookmark == nil)
        let fromStart = try lab.read("orders", plan: .range(from: nil, to: run3.state))
        #expect(columnText(fromStart.frame, "id") == ["1", "2", "3", "4", "5", "6"])
        #expect(try lab.read("orders", plan: .range(from: run1.state, to: nil)).frame.count() == 0)
    }

    @Test("no primary key and no jobBookmarkKeys under a tracked plan is a clear error")
    func noKeys() throws {
        let lab = try JDBCLab("CREATE TABLE log (at TEXT, line TEXT); INSERT INTO log VALUES ('t1', 'x')")
        defer { lab.remove() }
        #expect(throws: EngineError.invalidOption(
            name: "jobBookmarkKeys", value: "",
            reason: "table log has no primary key; set jobBookmarkKeys to strictly increasing (or decreasing) columns")) {
            try lab.read("log", plan: .incremental(state: nil, saves: true))
        }
        #expect(try lab.read("log").frame.count() == 1)  // untracked reads need no key
    }

    @Test("keys must name existing columns, case included")
    func keyValidation() throws {
        let lab = try JDBCLab(Self.orders)
        defer { lab.remove() }
        let plan = BookmarkReadPlan.incremental(state: nil, saves: true)
        #expect(throws: EngineError.invalidOption(name: "jobBookmarkKeys", value: "ID", reason: "bookmark keys are case-sensitive: the column is named id")) {
            try lab.read("orders", ["jobBookmarkKeys": .array([.string("ID")])], plan: plan)
        }
        #expect(throws: EngineError.invalidOption(name: "jobBookmarkKeys", value: "order_id",
                                                  reason: "table orders has no such column (columns: id, customer, amount)")) {
            try lab.read("orders", ["jobBookmarkKeys": .array([.string("order_id")])], plan: plan)
        }
    }

    @Test("rows whose key is NULL are read once but never become the saved key")
    func nullKeys() throws {
        let lab = try JDBCLab("CREATE TABLE t (k INT, v TEXT); INSERT INTO t VALUES (NULL, 'n'), (1, 'a'), (2, 'b')")
        defer { lab.remove() }
        let keys: [String: Value] = ["jobBookmarkKeys": .string("k"), "jobBookmarkKeysSortOrder": .string("desc")]
        let first = try lab.run("t", keys, column: "v", after: nil)
        #expect(first.values == ["b", "a", "n"])
        #expect(first.state?.jdbc?.last == [.integer(1)])
    }

    @Test("timestamp keys are saved as stored, so the next run compares text with text")
    func timestampKeys() throws {
        let lab = try JDBCLab("""
            CREATE TABLE t (at TIMESTAMP PRIMARY KEY, v TEXT);
            INSERT INTO t VALUES ('2024-01-01 10:00:00', 'a'), ('2024-01-01 11:00:00', 'b');
            """)
        defer { lab.remove() }
        let first = try lab.run("t", column: "v", after: nil)
        #expect(first.state?.jdbc?.last == [.string("2024-01-01 11:00:00")])
        try lab.sql("INSERT INTO t VALUES ('2024-01-01 12:00:00', 'c')")
        #expect(try lab.run("t", column: "v", after: first.state).values == ["c"])
    }
}
