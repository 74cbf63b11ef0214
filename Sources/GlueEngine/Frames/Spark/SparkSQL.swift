import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// `spark.sql("SELECT ...")` over temp views: the query is translated to SQLite's dialect
/// (``SparkSQLTranslator``) and run by SQLite on a fresh **in-memory** database holding the
/// views it names, then the result comes back as a DataFrame with Spark types.
///
/// - The views a query names (case-insensitively, as Spark's temp views) are loaded as tables:
///   `long`/`int`/`short`/`byte` as INTEGER, `boolean` as INTEGER 0/1, `double`/`float` as
///   REAL, `decimal` as a NUMERIC number (arithmetic and `sum`/`avg` over decimals work; exact
///   to 15 significant digits), `string` as TEXT, `date` as `yyyy-MM-dd` text and `timestamp`
///   as `yyyy-MM-dd HH:mm:ss[.ffffff]` text (so `d >= '2024-01-01'` compares as in Spark),
///   structs, arrays and maps as JSON text.
/// - Result types: a column that is a bare reference to a view column keeps its Spark type;
///   an expression of the outermost select list gets the type Spark gives it where its shape
///   tells (`count` → long, `avg` → double, `sum` of integers → long, `year` → int, a
///   comparison → boolean, `CAST(... AS t)` → t, ...); anything else gets the type of its
///   values, widened across rows (integers → long, reals → double, both → double, text →
///   string).
/// - The database never touches a file: it lives in memory and `ATTACH` is disabled, as on
///   the JDBC connector's databases.
public enum SparkSQL {
    /// Runs `query` over `views` (temp view name → DataFrame). `now` (microseconds since the
    /// epoch) is what `current_date()` / `current_timestamp()` return; the wall clock if nil.
    ///
    /// - Throws: `EngineError.transform(name: "AnalysisException", ...)` for an unknown view
    ///   (`Table or view not found: x; line 1 pos 14`), column or function, in Spark's words;
    ///   `.transform(name: "ParseException", ...)` for SQL that does not parse;
    ///   `.unsupported(what: "spark.sql: <construct> (line L pos P)", ...)` for Spark SQL that
    ///   gluelab does not run (`LATERAL VIEW`, `explode`, `PIVOT`, `INSERT`, ...).
    public static func execute(_ query: String, views: [String: DataFrame], now: Int64? = nil) throws(EngineError) -> DataFrame {
        let tokens = try SparkSQLLexer.tokens(query)
        var translator = SparkSQLTranslator(tokens: tokens)
        let sql = try translator.translate()

        // Temp view names are case-insensitive; the last of two names that differ only in case wins.
        var byName: [String: DataFrame] = [:]
        for key in views.keys.sorted() { byName[key.lowercased()] = views[key] }
        let named = Set(tokens.filter(\.isName).map { $0.text.lowercased() })
        let loaded = byName.filter { named.contains($0.key) }.sorted { $0.key < $1.key }

        let clock = now ?? Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
        var config = Configuration()
        config.label = "spark.sql"
        config.prepareDatabase { db in
            // No ATTACH: a query cannot reach any file.
            sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_ATTACHED, 0)
            try db.execute(sql: "PRAGMA case_sensitive_like = ON")  // Spark's LIKE is case-sensitive
            SparkSQLFunctions.register(on: db, now: clock)
        }
        do {
            let queue = try DatabaseQueue(configuration: config)
            let loader = SparkSQLLoader(views: loaded)
            let raw = try queue.write { db in
                try loader.load(into: db)
                let statement = try db.makeStatement(sql: sql)
                guard sqlite3_stmt_readonly(statement.sqliteStatement) != 0 else {
                    throw SparkSQLFunctionError("only queries run in spark.sql")
                }
                return try SparkSQLResult.fetch(statement)
            }
            return try SparkSQLResult.dataFrame(raw, types: loader.types, translator: translator, views: loaded.map(\.value))
        } catch let error as EngineError {
            throw error
        } catch let error as DatabaseError {
            throw SparkSQLErrors.engineError(error.message ?? "SQLite error \(error.resultCode.rawValue)", tokens: tokens, views: loaded)
        } catch {
            throw SparkSQLErrors.engineError("\(error)", tokens: tokens, views: loaded)
        }
    }
}

/// Loads views as tables whose declared column types name their Spark type (`SPARKCOL<n>
/// <affinity>`, `n` an index into `types`), so a bare column reference in the result can be
/// mapped back to its Spark type through SQLite's `sqlite3_column_decltype`.
struct SparkSQLLoader {
    let views: [(key: String, value: DataFrame)]
    let types: [DataType]

    init(views: [(key: String, value: DataFrame)]) {
        self.views = views
        types = views.flatMap { $0.value.schema.fields.map(\.type) }
    }

    static func affinity(_ t: DataType) -> String {
        switch t {
        case .boolean, .byte, .short, .int, .long: "INTEGER"
        case .float, .double: "REAL"
        case .decimal: "NUMERIC"
        case .binary: "BLOB"
        default: "TEXT"
        }
    }

    func load(into db: Database) throws {
        var k = 0
        for (name, df) in views {
            let fields = df.schema.fields
            let columns = fields.enumerated().map { i, f in
                "\(SQLText.quoteName(f.name)) SPARKCOL\(k + i) \(Self.affinity(f.type))"
            }
            k += fields.count
            try db.execute(sql: "CREATE TABLE \(SQLText.quoteName(name)) (\(columns.joined(separator: ", ")))")
            guard !fields.isEmpty else { continue }
            let insert = try db.makeStatement(sql: "INSERT INTO \(SQLText.quoteName(name)) VALUES ("
                + Array(repeating: "?", count: fields.count).joined(separator: ", ") + ")")
            for batch in df.batches {
                for row in 0..<batch.count {
                    let values = batch.columns.map { Self.databaseValue($0.value(at: row)) }
                    try insert.execute(arguments: StatementArguments(values))
                }
            }
        }
    }

    static func databaseValue(_ v: Value) -> DatabaseValue {
        switch v {
        case .null: .null
        case .boolean(let b): (b ? 1 : 0 as Int64).databaseValue
        case .byte, .short, .int, .long: (v.integerValue ?? 0).databaseValue
        case .float(let f): Double(f).databaseValue
        case .double(let d): d.databaseValue
        case .decimal(let d): d.doubleValue.databaseValue
        case .string(let s): s.databaseValue
        case .binary(let b): Data(b).databaseValue
        case .date(let d): SparkSQLDates.dateText(d).databaseValue
        case .timestamp(let t): SparkSQLDates.timestampText(t).databaseValue
        case .array, .map, .structure: v.jsonText().databaseValue
        }
    }
}
