import GRDB

/// A table (or view) of a sandbox database as the JDBC connector sees it: its real name, its
/// columns with their declared and Glue types, and its primary key.
struct JDBCTableInfo {
    struct ColumnInfo {
        var name: String
        var declared: String
        /// nil: each value keeps its own storage class (no or unknown declared type).
        var type: DataType?
        var notNull: Bool
    }

    /// The table's name as stored (matched case-insensitively, as SQLite does).
    var name: String
    var columns: [ColumnInfo]
    /// Primary key columns in key order (empty for none, and for views).
    var primaryKey: [String]

    /// Looks `table` up; nil when there is no such table or view.
    static func load(_ db: Database, table: String) throws -> JDBCTableInfo? {
        guard let name = try String.fetchOne(db, sql: """
            SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name = ? COLLATE NOCASE
            """, arguments: [table]) else { return nil }
        let rows = try Row.fetchAll(db, sql: "PRAGMA table_info(\(JDBCBookmark.quote(name)))")
        var columns: [ColumnInfo] = []
        var pk: [(Int, String)] = []
        for row in rows {
            let column: String = row["name"]
            let declared: String = row["type"] ?? ""
            columns.append(ColumnInfo(name: column, declared: declared, type: JDBCTypes.glueType(declared: declared),
                                      notNull: (row["notnull"] as Int? ?? 0) != 0))
            let position: Int = row["pk"] ?? 0
            if position > 0 { pk.append((position, column)) }
        }
        return JDBCTableInfo(name: name, columns: columns, primaryKey: pk.sorted { $0.0 < $1.0 }.map(\.1))
    }

    /// The column named `name` exactly, if any.
    func column(exactly name: String) -> ColumnInfo? { columns.first { $0.name == name } }

    /// The column named `name` ignoring case (SQLite's rule for identifiers), if any.
    func column(matching name: String) -> ColumnInfo? {
        column(exactly: name) ?? columns.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The column `name` for option `option`, ignoring case; an error listing the columns otherwise.
    func requireColumn(_ name: String, option: String) throws(EngineError) -> ColumnInfo {
        guard let c = column(matching: name) else {
            throw .invalidOption(name: option, value: name,
                                 reason: "table \(self.name) has no such column (columns: \(columns.map(\.name).joined(separator: ", ")))")
        }
        return c
    }
}
