/// A Glue JDBC `connection_type`: the database engines whose URLs gluelab understands.
///
/// Every supported type reads and writes the sandbox's SQLite database named by the URL, so a
/// script keeps its AWS options and runs unchanged. `redshift` is refused: Glue reads Redshift
/// through an S3 `UNLOAD` (`redshiftTmpDir`), which a SQLite stand-in would misrepresent.
public enum JDBCConnectionType: String, Sendable, Hashable, CaseIterable {
    case postgresql
    case mysql
    case sqlserver
    case oracle

    /// Parses a `connection_type` (case-insensitive).
    /// - Throws: `EngineError.unsupported` for `redshift`, `EngineError.invalidOption` otherwise.
    public init(parsing text: String) throws(EngineError) {
        let t = text.lowercased()
        if t == "redshift" {
            throw .unsupported(what: "connection_type=\"redshift\"",
                               reason: "Redshift reads go through an S3 UNLOAD on AWS; gluelab's JDBC sources are postgresql, mysql, sqlserver and oracle")
        }
        guard let type = JDBCConnectionType(rawValue: t) else {
            throw .invalidOption(name: "connection_type", value: text, reason: "expected postgresql, mysql, sqlserver or oracle")
        }
        self = type
    }

    /// The schema a bare table name lives in on this engine, which `dbtable` may name or leave
    /// out: `public` (PostgreSQL), `dbo` (SQL Server). MySQL's "schema" is the database itself
    /// (see ``JDBCTableName``); Oracle's is the user's, which gluelab does not model (nil).
    var defaultSchema: String? {
        switch self {
        case .postgresql: "public"
        case .sqlserver: "dbo"
        case .mysql, .oracle: nil
        }
    }
}

/// A JDBC URL as Glue takes it in `url`, reduced to what gluelab needs: the engine and the
/// database name (host, port and parameters are kept for display and otherwise ignored — the
/// database is the sandbox's SQLite file of that name).
///
/// Accepted shapes:
/// - `jdbc:postgresql://host[:port]/dbname[?params]`
/// - `jdbc:mysql://host[:port]/dbname[?params]`
/// - `jdbc:sqlserver://host[:port];databaseName=dbname[;…]` (also `database=`)
/// - `jdbc:oracle:thin:@//host[:port]/service` and `jdbc:oracle:thin:@host:port:SID`
public struct JDBCURL: Sendable, Hashable, CustomStringConvertible {
    /// The engine the URL is for.
    public var type: JDBCConnectionType
    /// `host[:port]` as written.
    public var host: String
    /// The database (PostgreSQL/MySQL/SQL Server), service or SID (Oracle).
    public var database: String
    /// The URL as given.
    public var text: String

    public var description: String { text }

    /// Parses `text`; every error names the `url` option and the value.
    public init(parsing text: String) throws(EngineError) {
        self.text = text
        func bad(_ reason: String) -> EngineError { .invalidOption(name: "url", value: text, reason: reason) }
        guard text.lowercased().hasPrefix("jdbc:") else {
            throw bad("a JDBC URL starts with jdbc:, e.g. jdbc:postgresql://host:5432/dbname")
        }
        let rest = text.dropFirst(5)
        guard let colon = rest.firstIndex(of: ":") else { throw bad("no database engine after jdbc:") }
        let engine = rest[..<colon].lowercased()
        let tail = rest[rest.index(after: colon)...]
        switch engine {
        case "postgresql", "mysql":
            type = engine == "mysql" ? .mysql : .postgresql
            guard tail.hasPrefix("//") else { throw bad("expected jdbc:\(engine)://host:port/dbname") }
            let body = tail.dropFirst(2).prefix { $0 != "?" }
            guard let slash = body.firstIndex(of: "/") else {
                throw bad("the URL must name the database: jdbc:\(engine)://host:port/dbname")
            }
            host = String(body[..<slash])
            database = String(body[body.index(after: slash)...])
        case "sqlserver":
            type = .sqlserver
            guard tail.hasPrefix("//") else { throw bad("expected jdbc:sqlserver://host:port;databaseName=dbname") }
            let parts = tail.dropFirst(2).split(separator: ";", omittingEmptySubsequences: true)
            host = parts.first.map(String.init) ?? ""
            var name: String?
            for p in parts.dropFirst() {
                let kv = p.split(separator: "=", maxSplits: 1)
                if kv.count == 2, ["databasename", "database"].contains(kv[0].lowercased()) { name = String(kv[1]) }
            }
            guard let name else { throw bad("the URL must name the database: jdbc:sqlserver://host:1433;databaseName=dbname") }
            database = name
        case "oracle":
            type = .oracle
            guard let at = tail.firstIndex(of: "@") else { throw bad("expected jdbc:oracle:thin:@//host:port/service") }
            var body = tail[tail.index(after: at)...]
            if body.hasPrefix("//") {
                body = body.dropFirst(2)
                guard let slash = body.firstIndex(of: "/") else { throw bad("the URL must name the service: jdbc:oracle:thin:@//host:1521/service") }
                host = String(body[..<slash])
                database = String(body[body.index(after: slash)...])
            } else {
                let parts = body.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 3 else { throw bad("expected jdbc:oracle:thin:@host:port:SID or jdbc:oracle:thin:@//host:port/service") }
                host = "\(parts[0]):\(parts[1])"
                database = String(parts[2])
            }
        case "redshift":
            throw .unsupported(what: "url=\(EngineError.quote(text))",
                               reason: "Redshift is not supported; gluelab's JDBC sources are postgresql, mysql, sqlserver and oracle")
        default:
            throw bad("unknown database engine \(EngineError.quote(String(engine))); expected postgresql, mysql, sqlserver or oracle")
        }
        guard JDBCDatabases.isValidName(database) else {
            throw bad("database name \(EngineError.quote(database)) must be 1 to 63 of letters, digits, '_' and '-', starting with a letter, digit or '_'")
        }
    }

    /// Parses `url` and checks that it is for `connectionType`, as Glue's driver selection would.
    public static func parse(_ url: String, for connectionType: JDBCConnectionType) throws(EngineError) -> JDBCURL {
        let parsed = try JDBCURL(parsing: url)
        guard parsed.type == connectionType else {
            throw .invalidOption(name: "url", value: url,
                                 reason: "the URL is for \(parsed.type.rawValue) but connection_type is \(connectionType.rawValue)")
        }
        return parsed
    }
}
