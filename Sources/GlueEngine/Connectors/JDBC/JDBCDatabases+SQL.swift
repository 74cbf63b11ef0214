import Foundation
import GRDB

/// The result of one SQL statement run by ``JDBCDatabases/run(sql:database:)``.
public enum SQLStatementResult: Sendable, Hashable {
    /// A statement that returns rows (`SELECT`, `PRAGMA table_info`, `... RETURNING`): column
    /// names and the values as stored (integer → `long`, real → `double`, text → `string`,
    /// blob → `binary`, NULL → `null`).
    case rows(columns: [String], rows: [[Value]])
    /// Any other statement: the rows it inserted, updated or deleted (0 for `CREATE TABLE`).
    case changes(Int)
}

extension JDBCDatabases {
    /// Runs every statement of `sql` in database `name` — created when missing, so a lab can
    /// start with `CREATE TABLE` — inside **one transaction**: if a statement fails, none of
    /// them took effect (and a database created for them is removed). For that reason `BEGIN`,
    /// `COMMIT` and `VACUUM` are refused by SQLite here; `ATTACH` is refused always.
    /// - Throws: `EngineError.io` with SQLite's message and the database's name
    ///   (`database sales: no such table: x`); `.invalidOption` for a bad database name.
    public func run(sql: String, database name: String) throws(EngineError) -> [SQLStatementResult] {
        let existed = exists(name)
        do {
            return try withDatabase(name, create: true) { queue in
                try queue.write { db in
                    var results: [SQLStatementResult] = []
                    let statements = try db.allStatements(sql: sql)
                    while let statement = try statements.next() {
                        if statement.columnCount > 0 {
                            let columns = statement.columnNames
                            let rows = try Row.fetchAll(statement).map { row in
                                (0..<columns.count).map { JDBCTypes.rawValue(row[$0] as DatabaseValue) }
                            }
                            results.append(.rows(columns: columns, rows: rows))
                        } else {
                            let before = db.totalChangesCount
                            try statement.execute()
                            results.append(.changes(db.totalChangesCount - before))
                        }
                    }
                    return results
                }
            }
        } catch {
            if !existed, let url = try? path(of: name) {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
            }
            throw error
        }
    }
}
