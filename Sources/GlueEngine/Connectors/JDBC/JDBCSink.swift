import GRDB

/// What one JDBC write did.
public struct JDBCWriteStats: Sendable, Hashable, Codable {
    public var database = ""
    public var table = ""
    public var recordsWritten = 0
    /// Whether the table was created by this write.
    public var createdTable = false
    /// The `INSERT` run for each row, with `?` placeholders.
    public var sql = ""

    public init() {}
}

/// Appends a frame to a table of a sandbox database, as `write_dynamic_frame.from_options`
/// (or `from_jdbc_conf`) with a JDBC `connection_type` does.
///
/// - The database must exist (a JDBC connection to a missing database fails on AWS too); the
///   table is **created when missing**, with one column per frame field, typed by
///   ``JDBCTypes/declaredType(for:)`` (`long` → `BIGINT`, `string` → `TEXT`, ...), as Glue does.
/// - An existing table must have every frame field as a column (matched ignoring case, as SQL
///   does); its other columns get their defaults. A value that would not read back as its
///   column's declared type (text into an `INT`, a `long` beyond `INT`'s range) is an error.
/// - Choice fields are refused (resolve them with `resolveChoice` first), and so are nested
///   fields (struct, array, map): a JDBC table holds flat columns.
/// - All rows go in **one transaction**: any failing row (a constraint, a type) rolls the whole
///   append back, table creation included, and the error names the row.
/// - `hashfield`, bookmark keys and the like are read options and are ignored here.
public enum JDBCSink {
    /// `append` with the `connection_type` as the script spells it.
    public static func append(frame: DynamicFrame, sandbox: Sandbox, connectionType: String,
                              options: [String: Value]) throws(EngineError) -> JDBCWriteStats {
        try append(frame: frame, sandbox: sandbox, connectionType: try JDBCConnectionType(parsing: connectionType), options: options)
    }

    /// Appends `frame` to the table `options` name.
    public static func append(frame: DynamicFrame, sandbox: Sandbox, connectionType: JDBCConnectionType,
                              options: [String: Value]) throws(EngineError) -> JDBCWriteStats {
        let opts = try JDBCOptions(connectionType: connectionType, options: options)
        let schema = frame.schema()
        var declared: [String] = []
        for field in schema.fields {
            if case .choice(let c) = field.type {
                throw .unsupported(what: "field \(field.name)",
                                   reason: "is a choice (\(c.members.map(\.name).joined(separator: ", "))); resolve it with resolveChoice before writing to a JDBC table")
            }
            guard let type = JDBCTypes.declaredType(for: field.type) else {
                throw .unsupported(what: "field \(field.name)",
                                   reason: "is a \(field.type.name); a JDBC table holds flat columns (use Relationalize, or drop the field)")
            }
            declared.append(type)
        }
        let database = opts.url.database
        return try JDBCDatabases(sandbox: sandbox).withDatabase(database) { queue in
            try queue.write { db in
                var stats = JDBCWriteStats()
                stats.database = database
                guard !schema.fields.isEmpty else { return stats }
                var info = try JDBCTableInfo.load(db, table: opts.table.table)
                if info == nil {
                    let columns = zip(schema.fields, declared).map { "\(JDBCBookmark.quote($0.name)) \($1)" }
                    try db.execute(sql: "CREATE TABLE \(JDBCBookmark.quote(opts.table.table)) (\(columns.joined(separator: ", ")))")
                    info = try JDBCTableInfo.load(db, table: opts.table.table)
                    stats.createdTable = true
                }
                let table = info!
                stats.table = table.name
                let targets = try schema.fields.map { field throws(EngineError) -> JDBCTableInfo.ColumnInfo in
                    guard let c = table.column(matching: field.name) else {
                        throw .invalidOption(name: "dbtable", value: opts.table.dbtable,
                                             reason: "table \(table.name) has no column \(field.name) (columns: \(table.columns.map(\.name).joined(separator: ", ")))")
                    }
                    return c
                }
                let sql = "INSERT INTO \(JDBCBookmark.quote(table.name)) (\(targets.map { JDBCBookmark.quote($0.name) }.joined(separator: ", "))) "
                    + "VALUES (\(targets.map { _ in "?" }.joined(separator: ", ")))"
                stats.sql = sql
                let statement = try db.makeStatement(sql: sql)
                var row = 0
                var arguments = [DatabaseValue](repeating: .null, count: targets.count)
                for batch in frame.batches {
                    let columns = schema.fields.map { batch.column($0.name) }
                    for i in 0..<batch.count {
                        row += 1
                        for (j, column) in columns.enumerated() {
                            let value = column?.value(at: i) ?? .null
                            let bound = JDBCTypes.bind(value)
                            if let type = targets[j].type, !bound.isNull, case .failure = JDBCTypes.value(bound, as: type) {
                                throw EngineError.unsupported(
                                    what: "row \(row), field \(targets[j].name)",
                                    reason: "\(value.dataType.name) \(EngineError.quote(value.plainText)) does not fit column \(table.name).\(targets[j].name) declared \(targets[j].declared); nothing was written")
                            }
                            arguments[j] = bound
                        }
                        do {
                            try statement.execute(arguments: StatementArguments(arguments))
                        } catch let error as DatabaseError {
                            throw EngineError.io(path: "database \(database)",
                                                 reason: "row \(row): \(error.message ?? "SQLite error \(error.resultCode.rawValue)"); nothing was written")
                        }
                    }
                }
                stats.recordsWritten = row
                return stats
            }
        }
    }
}
