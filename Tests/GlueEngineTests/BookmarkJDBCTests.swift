import Foundation
import GRDB
import Testing
@testable import GlueEngine

/// Runs the bookmark's SQL against a real in-memory SQLite table, as the JDBC source will.
private struct Table {
    let db: DatabaseQueue

    init(_ create: String, _ rows: [String]) throws {
        db = try DatabaseQueue()
        try db.write { d in
            try d.execute(sql: create)
            for r in rows { try d.execute(sql: r) }
        }
    }

    func exec(_ sql: String) throws { try db.write { try $0.execute(sql: sql) } }

    /// Selects rows (keys in bookmark order) with the fragment; returns the `id`-like first
    /// key column values as text, and the last row's key values as engine values.
    func read(_ keys: [String], _ order: JDBCSortOrder, _ filter: SQLFragment) throws -> (rows: [String], last: [Value]?) {
        let whereText = filter.isEmpty ? "" : " WHERE \(filter.sql)"
        let sql = "SELECT \(keys.map { "\"\($0)\"" }.joined(separator: ", ")) FROM t\(whereText) ORDER BY "
            + JDBCBookmark.orderBy(keys: keys, sortOrder: order)
        let args = StatementArguments(filter.parameters.map(Self.bind))
        let rows = try db.read { try Row.fetchAll($0, sql: sql, arguments: args) }
        let text = rows.map { row in keys.indices.map { String(describing: row[$0] as DatabaseValue) }.joined(separator: "/") }
        let last = rows.last.map { row in
            keys.indices.map { i -> Value in
                let v: DatabaseValue = row[i]
                if let n = Int64.fromDatabaseValue(v) { return .long(n) }
                return .string(String.fromDatabaseValue(v) ?? "")
            }
        }
        return (text, last)
    }

    static func bind(_ v: Value) -> (any DatabaseValueConvertible)? {
        switch v {
        case .long(let n): n
        case .double(let d): d
        case .string(let s): s
        default: nil
        }
    }
}

/// One run: plan → read → advance, returning what was read and the state to commit.
private func run(_ t: Table, _ keys: [String], _ order: JDBCSortOrder, _ previous: JDBCBookmarkState?) throws
    -> (rows: [String], state: JDBCBookmarkState)
{
    let state = try JDBCBookmark.state(source: "t", keys: keys, sortOrder: order, previous: previous)
    let (rows, last) = try t.read(keys, order, JDBCBookmark.where(keys: keys, sortOrder: order, state: state))
    return (rows, try last.map { try JDBCBookmark.advance(state, lastRow: $0) } ?? state)
}

@Suite("Bookmark JDBC")
struct BookmarkJDBCTests {
    @Test("the fragment binds values as parameters, never in the text")
    func fragmentShape() {
        let state = JDBCBookmarkState(source: "t", keys: ["a", "b"], sortOrder: .asc, last: [.integer(7), .string("x'; DROP")])
        let f = JDBCBookmark.where(keys: ["a", "b"], sortOrder: .asc, state: state)
        #expect(f.sql == #"(("a" > ?) OR ("a" = ? AND "b" > ?))"#)
        #expect(f.parameters == [.long(7), .long(7), .string("x'; DROP")])
        let d = JDBCBookmark.where(keys: ["id"], sortOrder: .desc, state: .init(source: "t", keys: ["id"], sortOrder: .desc, last: [.integer(3)]))
        #expect(d.sql == #"(("id" < ?))"#)
        #expect(JDBCBookmark.where(keys: ["id"], sortOrder: .asc, state: nil).isEmpty)
        #expect(JDBCBookmark.quote(#"we"ird"#) == #""we""ird""#)
    }

    @Test("new rows only; an updated row and a back-filled lower key are missed")
    func newRowsOnly() throws {
        let t = try Table("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)",
                          ["INSERT INTO t VALUES (1,'a'),(2,'b'),(5,'e')"])
        let r1 = try run(t, ["id"], .asc, nil)
        #expect(r1.rows == ["1", "2", "5"])
        #expect(r1.state.last == [.integer(5)])

        try t.exec("UPDATE t SET v = 'B' WHERE id = 2")    // updated row: missed
        try t.exec("INSERT INTO t VALUES (3, 'c')")          // back-filled below 5: missed
        try t.exec("INSERT INTO t VALUES (6, 'f'), (7, 'g')")  // new: read
        let r2 = try run(t, ["id"], .asc, r1.state)
        #expect(r2.rows == ["6", "7"])
        #expect(r2.state.last == [.integer(7)])

        let r3 = try run(t, ["id"], .asc, r2.state)
        #expect(r3.rows.isEmpty)
        #expect(r3.state == r2.state)  // nothing read: the key stays
    }

    @Test("descending keys read rows below the saved minimum")
    func descending() throws {
        let t = try Table("CREATE TABLE t(seq INTEGER)", ["INSERT INTO t VALUES (100),(90)"])
        let r1 = try run(t, ["seq"], .desc, nil)
        #expect(r1.rows == ["100", "90"])
        try t.exec("INSERT INTO t VALUES (80), (95)")  // 95 is above the minimum: missed
        let r2 = try run(t, ["seq"], .desc, r1.state)
        #expect(r2.rows == ["80"])
        #expect(r2.state.last == [.integer(80)])
    }

    @Test("compound keys compare lexicographically")
    func compound() throws {
        let t = try Table("CREATE TABLE t(day TEXT, n INTEGER)",
                          ["INSERT INTO t VALUES ('2024-01-01',1),('2024-01-01',2),('2024-01-02',1)"])
        let r1 = try run(t, ["day", "n"], .asc, nil)
        #expect(r1.rows == [#""2024-01-01"/1"#, #""2024-01-01"/2"#, #""2024-01-02"/1"#])
        try t.exec("INSERT INTO t VALUES ('2024-01-02',2),('2024-01-03',1),('2024-01-01',3)")
        let r2 = try run(t, ["day", "n"], .asc, r1.state)
        // (01-01, 3) is below (01-02, 1): missed; the others are new.
        #expect(r2.rows == [#""2024-01-02"/2"#, #""2024-01-03"/1"#])
        #expect(r2.state.last == [.string("2024-01-03"), .integer(1)])
    }

    @Test("changing keys, order or table starts fresh; advance never moves back")
    func freshAndMonotonic() throws {
        let saved = JDBCBookmarkState(source: "t", keys: ["id"], sortOrder: .asc, last: [.integer(9)])
        #expect(try JDBCBookmark.state(source: "t", keys: ["id"], sortOrder: .asc, previous: saved) == saved)
        #expect(try JDBCBookmark.state(source: "t", keys: ["id2"], sortOrder: .asc, previous: saved).last == nil)
        #expect(try JDBCBookmark.state(source: "t", keys: ["id"], sortOrder: .desc, previous: saved).last == nil)
        #expect(try JDBCBookmark.state(source: "u", keys: ["id"], sortOrder: .asc, previous: saved).last == nil)
        #expect(try JDBCBookmark.advance(saved, lastRow: [.int(4)]).last == [.integer(9)])
        #expect(throws: EngineError.self) { try JDBCBookmark.advance(saved, lastRow: [.null]) }
        #expect(throws: EngineError.self) { try JDBCBookmark.advance(saved, lastRow: [.long(1), .long(2)]) }
        #expect(throws: EngineError.self) { try JDBCBookmark.state(source: "t", keys: [], sortOrder: .asc, previous: nil) }
        #expect(try JDBCSortOrder(parsing: "DESC") == .desc)
        #expect(throws: EngineError.self) { try JDBCSortOrder(parsing: "down") }
    }

    @Test("pause range: rows after from's key up to to's key")
    func range() throws {
        let t = try Table("CREATE TABLE t(id INTEGER)", ["INSERT INTO t VALUES (1),(2),(3),(4),(5),(6)"])
        let from = JDBCBookmarkState(source: "t", keys: ["id"], sortOrder: .asc, last: [.integer(2)])
        let to = JDBCBookmarkState(source: "t", keys: ["id"], sortOrder: .asc, last: [.integer(5)])
        let f = JDBCBookmark.rangeWhere(keys: ["id"], sortOrder: .asc, from: from, to: to)
        #expect(try t.read(["id"], .asc, f).rows == ["3", "4", "5"])
        let fromStart = JDBCBookmark.rangeWhere(keys: ["id"], sortOrder: .asc, from: nil, to: from)
        #expect(try t.read(["id"], .asc, fromStart).rows == ["1", "2"])
        let none = JDBCBookmark.rangeWhere(keys: ["id"], sortOrder: .asc, from: from, to: nil)
        #expect(try t.read(["id"], .asc, none).rows.isEmpty)
    }

    @Test("key values survive a JSON round trip")
    func codable() throws {
        let s = JDBCBookmarkState(source: "t", keys: ["a", "b", "c", "d"], sortOrder: .desc,
                                  last: [.integer(1), .string("x"), .timestamp(5), .decimal(unscaled: 125, precision: 10, scale: 2)])
        let data = try JSONEncoder().encode(s)
        #expect(try JSONDecoder().decode(JDBCBookmarkState.self, from: data) == s)
        #expect(BookmarkKeyValue.decimal(unscaled: 125, precision: 10, scale: 2) < .integer(2))
    }
}
