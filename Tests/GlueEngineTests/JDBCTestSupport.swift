import Foundation
@testable import GlueEngine

/// A sandbox in a temporary home with a JDBC database `sales`, for one test.
struct JDBCLab {
    let home: TempHome
    let sandbox: Sandbox
    let databases: JDBCDatabases

    init(_ setup: String = "") throws {
        home = try TempHome()
        sandbox = try Sandbox.open(home: home.url, name: "lab")
        databases = JDBCDatabases(sandbox: sandbox)
        _ = try databases.run(sql: setup.isEmpty ? "SELECT 1" : setup, database: "sales")
    }

    func remove() { home.remove() }

    /// Runs SQL in `sales`.
    @discardableResult
    func sql(_ text: String) throws -> [SQLStatementResult] { try databases.run(sql: text, database: "sales") }

    /// Glue connection options for `dbtable` on PostgreSQL, plus `extra`.
    func options(_ dbtable: String, _ extra: [String: Value] = [:]) -> [String: Value] {
        var o: [String: Value] = [
            "url": .string("jdbc:postgresql://db.example.com:5432/sales"),
            "dbtable": .string(dbtable), "user": .string("glue"), "password": .string("s3cret"),
        ]
        o.merge(extra) { _, new in new }
        return o
    }

    /// Reads `dbtable` under `plan`.
    func read(_ dbtable: String, _ extra: [String: Value] = [:], plan: BookmarkReadPlan = .untracked) throws -> JDBCReadResult {
        try JDBCSource.read(sandbox: sandbox, connectionType: "postgresql", options: options(dbtable, extra), plan: plan)
    }

    /// One bookmarked run: reads with the previous state and returns the ids read and the new state.
    func run(_ dbtable: String, _ extra: [String: Value] = [:], column: String = "id", after previous: BookmarkEntryState?) throws
        -> (values: [String], state: BookmarkEntryState?)
    {
        let r = try read(dbtable, extra, plan: .incremental(state: previous, saves: true))
        return (r.frame.records.map { $0[column].plainText }, r.bookmark)
    }
}

/// The string values of one column, in frame order.
func columnText(_ frame: DynamicFrame, _ name: String) -> [String] {
    frame.records.map { $0[name].plainText }
}
