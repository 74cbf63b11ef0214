import GRDB

/// What one JDBC read did: the numbers and the SQL a run reports.
public struct JDBCReadStats: Sendable, Hashable, Codable {
    /// The sandbox database (from the URL) and the table `dbtable` mapped to.
    public var database = ""
    public var table = ""
    public var recordsRead = 0
    /// Rows that became error records (a stored value that does not fit its declared type).
    public var errors = 0
    /// The number of queries run: `hashpartitions`, or 1.
    public var partitions = 1
    /// The query each partition ran, with `?` placeholders (values are bound, never spliced).
    public var sql = ""
    /// The bookmark keys used (empty when the read was not tracked).
    public var bookmarkKeys: [String] = []

    public init() {}
}

/// The result of ``JDBCSource/read(sandbox:connectionType:options:plan:name:)``.
public struct JDBCReadResult: Sendable {
    /// The rows read: one batch per non-empty hash partition (more for partitions over
    /// ``JDBCSource/batchRows`` rows), and an error record per row whose values do not fit.
    public var frame: DynamicFrame
    /// The source's bookmark state after this read, for `job.commit()`: set for
    /// `.incremental` plans (save it only when ``BookmarkReadPlan/saves``), nil otherwise.
    public var bookmark: BookmarkEntryState?
    public var stats: JDBCReadStats
}

/// Reads a table of a sandbox database, as `create_dynamic_frame.from_options` with a JDBC
/// `connection_type` does (fact sheet §3.4, §4.5).
///
/// - Columns come in table order, typed as ``JDBCTypes`` describes.
/// - **Bookmarks** (a `.incremental` or `.range` plan): the keys are `jobBookmarkKeys`, or the
///   table's primary key; a key must name a column **exactly**, case included — Glue does not
///   support case-insensitive key names, so `ID` for a column `id` is an error naming the column.
///   Only rows beyond the saved key are read (``JDBCBookmark/where(keys:sortOrder:state:)``),
///   ordered by the keys, so updated rows and rows back-filled below the key are missed, as on
///   AWS. The key saved is the last row's key **as stored** (integer, real or text), so the next
///   run compares like with like in SQLite whatever the column's declared type; rows whose key
///   is NULL are read (once) but never become the saved key.
/// - **Parallel reads**: with `hashfield`, partition `i` of `n` holds the rows whose
///   `gluelab_hash(field) % n = i` (NULLs in partition 0); with `hashexpression`,
///   `COALESCE(ABS(CAST(expr AS INTEGER)) % n, 0) = i`. Every partition reads one snapshot
///   (one read transaction), so the partitions' union is exactly the unpartitioned read.
public enum JDBCSource {
    /// Rows per batch within one partition.
    public static let batchRows = 65_536

    /// `read` with the `connection_type` as the script spells it.
    public static func read(sandbox: Sandbox, connectionType: String, options: [String: Value],
                            plan: BookmarkReadPlan, name: String = "") throws(EngineError) -> JDBCReadResult {
        try read(sandbox: sandbox, connectionType: try JDBCConnectionType(parsing: connectionType), options: options, plan: plan, name: name)
    }

    /// Reads the table `options` name under the bookmark `plan`.
    /// - Throws: `EngineError.invalidOption` for bad options (naming the option and value),
    ///   `.notFound` for a missing database or table, `.io` for SQLite failures.
    public static func read(sandbox: Sandbox, connectionType: JDBCConnectionType, options: [String: Value],
                            plan: BookmarkReadPlan, name: String = "") throws(EngineError) -> JDBCReadResult {
        let opts = try JDBCOptions(connectionType: connectionType, options: options)
        return try JDBCDatabases(sandbox: sandbox).withDatabase(opts.url.database) { queue in
            try queue.read { db in try JDBCTableReader(options: opts, plan: plan, frameName: name).read(db) }
        }
    }
}

/// One read of one table: builds the query, runs it per partition, converts the rows.
private struct JDBCTableReader {
    let options: JDBCOptions
    let plan: BookmarkReadPlan
    let frameName: String

    func read(_ db: Database) throws -> JDBCReadResult {
        guard let info = try JDBCTableInfo.load(db, table: options.table.table) else {
            throw EngineError.notFound(what: "table \(EngineError.quote(options.table.table)) (dbtable=\(EngineError.quote(options.table.dbtable))) in JDBC database \(EngineError.quote(options.url.database))")
        }
        var stats = JDBCReadStats()
        stats.database = options.url.database
        stats.table = info.name
        stats.partitions = options.hashPartitions

        // Bookmark keys and the condition selecting rows beyond the saved key.
        var state: JDBCBookmarkState?
        var filter = SQLFragment(sql: "", parameters: [])
        var keys: [String] = []
        switch plan {
        case .untracked, .full:
            break
        case .incremental(let previous, _):
            keys = try bookmarkKeys(info)
            let s = try JDBCBookmark.state(source: options.sourceName, keys: keys, sortOrder: options.sortOrder, previous: previous?.jdbc)
            state = s
            filter = JDBCBookmark.where(keys: keys, sortOrder: options.sortOrder, state: s)
        case .range(let from, let to):
            keys = try bookmarkKeys(info)
            let mine = { (e: BookmarkEntryState?) in e?.jdbc.flatMap { $0.source == options.sourceName ? $0 : nil } }
            filter = JDBCBookmark.rangeWhere(keys: keys, sortOrder: options.sortOrder, from: mine(from), to: mine(to))
        }
        stats.bookmarkKeys = keys

        // The partition condition: column names come from the table, values are parameters.
        var partition: String?
        if let field = options.hashField {
            let column = try info.requireColumn(field, option: "hashfield")
            partition = "gluelab_hash(\(JDBCBookmark.quote(column.name))) % ? = ?"
        } else if let expression = options.hashExpression {
            for c in expression.columns { _ = try info.requireColumn(c, option: "hashexpression") }
            let sql = expression.sql { info.column(matching: $0)?.name ?? $0 }
            partition = "COALESCE(ABS(CAST(\(sql) AS INTEGER)) % ?, 0) = ?"
        }

        var sql = "SELECT \(info.columns.map { JDBCBookmark.quote($0.name) }.joined(separator: ", ")) FROM \(JDBCBookmark.quote(info.name))"
        let conditions = [filter.isEmpty ? nil : filter.sql, partition.map { "(\($0))" }].compactMap { $0 }
        if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
        if !keys.isEmpty { sql += " ORDER BY " + JDBCBookmark.orderBy(keys: keys, sortOrder: options.sortOrder) }
        stats.sql = sql

        let statement = try db.makeStatement(sql: sql)
        let keyIndexes = keys.map { k in info.columns.firstIndex { $0.name == k }! }
        let identifying = !keyIndexes.isEmpty ? keyIndexes
            : info.primaryKey.isEmpty ? Array(info.columns.indices)
            : info.primaryKey.map { k in info.columns.firstIndex { $0.name == k }! }
        var batches: [RecordBatch] = []
        var errors: [ErrorRecord] = []
        for p in 0..<(partition == nil ? 1 : options.hashPartitions) {
            var arguments = filter.parameters.map(JDBCTypes.bind)
            if partition != nil { arguments += [Int64(options.hashPartitions).databaseValue, Int64(p).databaseValue] }
            var rows = JDBCRowConverter(info: info, source: options.sourceName, identifying: identifying)
            var lastKey: [Value]?
            let cursor = try Row.fetchCursor(statement, arguments: StatementArguments(arguments))
            while let row = try cursor.next() {
                let stored = (0..<info.columns.count).map { row[$0] as DatabaseValue }
                rows.append(stored)
                if !keyIndexes.isEmpty {
                    let key = keyIndexes.map { JDBCTypes.rawValue(stored[$0]) }
                    if !key.contains(where: \.isNull) { lastKey = key }
                }
                if rows.pending == JDBCSource.batchRows { batches.append(rows.flush()) }
            }
            if rows.pending > 0 { batches.append(rows.flush()) }
            errors += rows.errors
            stats.recordsRead += rows.read
            if let lastKey, let s = state { state = try JDBCBookmark.advance(s, lastRow: lastKey) }
        }
        stats.errors = errors.count
        let frame = DynamicFrame(name: frameName, batches: batches, errors: errors)
        var bookmark: BookmarkEntryState?
        if case .incremental = plan, let state { bookmark = .jdbc(state) }
        return JDBCReadResult(frame: frame, bookmark: bookmark, stats: stats)
    }

    /// `jobBookmarkKeys`, or the primary key; each must name a column exactly.
    private func bookmarkKeys(_ info: JDBCTableInfo) throws(EngineError) -> [String] {
        guard let keys = options.bookmarkKeys ?? (info.primaryKey.isEmpty ? nil : info.primaryKey) else {
            throw .invalidOption(name: "jobBookmarkKeys", value: "",
                                 reason: "table \(info.name) has no primary key; set jobBookmarkKeys to strictly increasing (or decreasing) columns")
        }
        for key in keys where info.column(exactly: key) == nil {
            if let near = info.column(matching: key) {
                throw .invalidOption(name: "jobBookmarkKeys", value: key,
                                     reason: "bookmark keys are case-sensitive: the column is named \(near.name)")
            }
            _ = try info.requireColumn(key, option: "jobBookmarkKeys")
        }
        return keys
    }
}
