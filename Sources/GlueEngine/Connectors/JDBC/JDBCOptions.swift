/// A JDBC source's or sink's `connection_options`, as Glue takes them (fact sheet §3.4, §4.5).
///
/// - `url` (required), `dbtable` (required): see ``JDBCURL`` and ``JDBCTableName``.
/// - `user`, `password`: accepted and **ignored** — the sandbox databases have no accounts.
///   They are never stored, printed or put in an error message.
/// - `hashfield` (a column), `hashexpression` (a restricted expression, see
///   ``JDBCHashExpression``), `hashpartitions` (default 7 when one of the two is set): parallel
///   reads. Setting both `hashfield` and `hashexpression` is an error; `hashpartitions` alone
///   is ignored (one query), as Glue ignores it without a hash option. `hashfield` may be any
///   column, matched ignoring case (SQL's rule for names).
/// - `jobBookmarkKeys` (a list of column names, or one name as a string) and
///   `jobBookmarkKeysSortOrder` (`asc`, the default, or `desc`).
/// - Other options (`customJdbcDriverS3Path`, `customJdbcDriverClassName`, ...) are accepted
///   and ignored: there is no driver to load.
public struct JDBCOptions: Sendable, Hashable {
    public var connectionType: JDBCConnectionType
    public var url: JDBCURL
    public var table: JDBCTableName
    /// `hashfield`, as given (checked against the table's columns when reading).
    public var hashField: String?
    /// `hashexpression`, parsed.
    public var hashExpression: JDBCHashExpression?
    /// The number of hash partitions: `hashpartitions`, default 7 with a hash option, else 1.
    public var hashPartitions: Int
    /// `jobBookmarkKeys`; nil means "the primary key".
    public var bookmarkKeys: [String]?
    public var sortOrder: JDBCSortOrder

    /// The largest `hashpartitions` accepted (each partition is one query).
    public static let maxHashPartitions = 1000

    public init(connectionType: JDBCConnectionType, options: [String: Value]) throws(EngineError) {
        self.connectionType = connectionType
        url = try JDBCURL.parse(try Self.string(options, "url", required: true)!, for: connectionType)
        table = try JDBCTableName(try Self.string(options, "dbtable", required: true)!, url: url)
        hashField = try Self.string(options, "hashfield", required: false)
        hashExpression = try Self.string(options, "hashexpression", required: false).map { (e: String) throws(EngineError) in
            try JDBCHashExpression(parsing: e)
        }
        if hashField != nil, hashExpression != nil {
            throw .invalidOption(name: "hashexpression", value: hashExpression!.text, reason: "set hashfield or hashexpression, not both")
        }
        if let p = options["hashpartitions"], !p.isNull {
            let text = p.stringValue ?? p.plainText
            guard let n = p.integerValue ?? Int64(text), (1...Int64(Self.maxHashPartitions)).contains(n) else {
                throw .invalidOption(name: "hashpartitions", value: text, reason: "expected a whole number from 1 to \(Self.maxHashPartitions)")
            }
            hashPartitions = hashField == nil && hashExpression == nil ? 1 : Int(n)
        } else {
            hashPartitions = hashField == nil && hashExpression == nil ? 1 : 7
        }
        switch options["jobBookmarkKeys"] ?? .null {
        case .null: bookmarkKeys = nil
        case .string(let s): bookmarkKeys = [s]
        case .array(let items):
            var names: [String] = []
            for item in items {
                guard let s = item.stringValue, !s.isEmpty else {
                    throw .invalidOption(name: "jobBookmarkKeys", value: Value.array(items).jsonText(), reason: "expected a list of column names")
                }
                names.append(s)
            }
            bookmarkKeys = names
            if bookmarkKeys!.isEmpty { bookmarkKeys = nil }
        case let other:
            throw .invalidOption(name: "jobBookmarkKeys", value: other.jsonText(), reason: "expected a list of column names")
        }
        if let order = try Self.string(options, "jobBookmarkKeysSortOrder", required: false) {
            guard let parsed = try? JDBCSortOrder(parsing: order) else {
                throw .invalidOption(name: "jobBookmarkKeysSortOrder", value: order, reason: "expected asc or desc")
            }
            sortOrder = parsed
        } else {
            sortOrder = .asc
        }
    }

    /// The name the bookmark state and error records use for this source: the URL and `dbtable`
    /// (changing either starts the bookmark afresh, as renaming a source does on AWS).
    public var sourceName: String { "\(url.text) dbtable=\(table.dbtable)" }

    private static func string(_ options: [String: Value], _ name: String, required: Bool) throws(EngineError) -> String? {
        guard let v = options[name], !v.isNull else {
            if required { throw .invalidOption(name: name, value: "", reason: "the JDBC connection option \(name) is required") }
            return nil
        }
        guard let s = v.stringValue else {
            throw .invalidOption(name: name, value: v.plainText, reason: "expected a string")
        }
        return s
    }
}

/// `dbtable` mapped to a table of the sandbox database.
///
/// `dbtable` is a **name, never SQL**: it is quoted wherever it is used, so
/// `orders; DROP TABLE x` is looked up as a table of that (odd) name and is not found.
/// `schema.table` maps as follows (split at the first `.`):
/// - the engine's default schema — `public.orders` (PostgreSQL), `dbo.orders` (SQL Server) —
///   and, for MySQL, the URL's own database (`sales.orders` on `jdbc:mysql://h/sales`) map to
///   the table `orders`;
/// - any other schema maps to the table literally named `schema.table` (create it with
///   `CREATE TABLE "audit.orders" (...)`), so schemas stay distinct without SQLite `ATTACH`.
/// Table names match case-insensitively, as SQLite's do.
public struct JDBCTableName: Sendable, Hashable {
    /// `dbtable` as given.
    public var dbtable: String
    /// The SQLite table it maps to.
    public var table: String

    public init(_ dbtable: String, url: JDBCURL) throws(EngineError) {
        guard !dbtable.isEmpty else {
            throw .invalidOption(name: "dbtable", value: dbtable, reason: "expected a table name such as public.orders")
        }
        self.dbtable = dbtable
        table = dbtable
        if let dot = dbtable.firstIndex(of: ".") {
            let schema = dbtable[..<dot].lowercased()
            let rest = String(dbtable[dbtable.index(after: dot)...])
            let implied = url.type == .mysql ? url.database.lowercased() : url.type.defaultSchema
            if schema == implied, !rest.isEmpty { table = rest }
        }
    }
}
