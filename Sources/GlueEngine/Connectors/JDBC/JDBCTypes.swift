import Foundation
import GRDB

/// How SQLite columns and values become Glue types and values, and back.
///
/// **Declared type → Glue type.** The sandbox databases stand in for PostgreSQL / MySQL, so a
/// column's *declared* type is read as those engines mean it (and as Spark's JDBC reader maps
/// them), not by SQLite's looser affinity rules:
///
/// | declared (case-insensitive, `(…)` ignored unless noted) | Glue type |
/// |---|---|
/// | `INT`, `INTEGER`, `INT4`, `MEDIUMINT`, `SERIAL` | `int` (32-bit, as in PostgreSQL/MySQL) |
/// | `BIGINT`, `INT8`, `BIGSERIAL`, `LONG` | `long` |
/// | `SMALLINT`, `INT2` / `TINYINT` | `short` / `byte` |
/// | `REAL`, `DOUBLE`, `DOUBLE PRECISION`, `FLOAT`, `FLOAT8`, `FLOAT4` | `double` (SQLite stores 8-byte reals) |
/// | `NUMERIC(p,s)`, `DECIMAL(p,s)` | `decimal(p,s)`; no `(p,s)`: `decimal(10,2)` (Glue's default); `p` above 18 is capped at 18 |
/// | `TEXT`, `VARCHAR(n)`, `CHAR(n)`, `CHARACTER VARYING`, `CLOB`, `UUID`, `JSON` | `string` |
/// | `BOOLEAN`, `BOOL`, `BIT` | `boolean` |
/// | `DATE` / `TIMESTAMP`, `DATETIME`, `TIMESTAMPTZ` | `date` / `timestamp` |
/// | `BLOB`, `BYTEA`, `BINARY`, `VARBINARY` | `binary` |
/// | anything else: SQLite's affinity (`…INT…` → `long`, `…CHAR…`/`…TEXT…` → `string`, `…REAL…`/`…FLOA…`/`…DOUB…` → `double`) | |
/// | no declared type, or none of the above | each value's own storage class: `long`, `double`, `string`, `binary` — a column with mixed storage reads as a **choice**, as Glue types a dynamic source |
///
/// **Stored value → Glue value.** SQLite lets any column hold any storage class, so a stored
/// value may not fit its declared type. It is converted when that is exact (an integer `7` in a
/// `DOUBLE` column, the text `'42'` in an `INT` column, `'2024-01-31'` in a `DATE` column, a
/// whole real in an `INT` column, integers as Unix seconds in a `TIMESTAMP` column); otherwise
/// the row becomes an **error record** naming the column, the value and the row's key — never a
/// silently changed value, never a crash.
///
/// **Writing.** Integers bind as integers, reals as reals, decimals as their text (a `DECIMAL`
/// column's affinity stores it as a number), booleans as 1/0, dates as `yyyy-MM-dd`, timestamps
/// as `yyyy-MM-dd HH:mm:ss[.ffffff]` (UTC, SQLite's own `datetime()` shape), binary as blobs.
enum JDBCTypes {
    /// The Glue type of a column declared `declared`; nil means "each value's own type".
    static func glueType(declared: String) -> DataType? {
        let upper = declared.uppercased().trimmingCharacters(in: .whitespaces)
        let base = upper.prefix { $0 != "(" }.trimmingCharacters(in: .whitespaces)
        switch base {
        case "": return nil
        case "INT", "INTEGER", "INT4", "MEDIUMINT", "SERIAL": return .int
        case "BIGINT", "INT8", "BIGSERIAL", "LONG", "UNSIGNED BIG INT": return .long
        case "SMALLINT", "INT2", "SMALLSERIAL": return .short
        case "TINYINT": return .byte
        case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT8", "FLOAT4": return .double
        case "NUMERIC", "DECIMAL", "NUMBER": return decimal(upper)
        case "TEXT", "VARCHAR", "CHAR", "CHARACTER", "CHARACTER VARYING", "NVARCHAR", "NCHAR", "CLOB",
             "UUID", "JSON", "JSONB", "STRING", "VARCHAR2", "NVARCHAR2", "MEDIUMTEXT", "LONGTEXT", "TINYTEXT":
            return .string
        case "BOOLEAN", "BOOL", "BIT": return .boolean
        case "DATE": return .date
        case "TIMESTAMP", "DATETIME", "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP WITHOUT TIME ZONE", "DATETIME2":
            return .timestamp
        case "BLOB", "BYTEA", "BINARY", "VARBINARY", "LONGBLOB", "MEDIUMBLOB": return .binary
        default:
            if base.contains("INT") { return .long }
            if base.contains("CHAR") || base.contains("CLOB") || base.contains("TEXT") { return .string }
            if base.contains("BLOB") { return .binary }
            if base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB") { return .double }
            return nil
        }
    }

    private static func decimal(_ declared: String) -> DataType {
        guard let open = declared.firstIndex(of: "("), let close = declared.lastIndex(of: ")"), open < close else {
            return .decimal(precision: 10, scale: 2)
        }
        let parts = declared[declared.index(after: open)..<close].split(separator: ",").map {
            Int($0.trimmingCharacters(in: .whitespaces))
        }
        guard let p = parts.first ?? nil, p > 0 else { return .decimal(precision: 10, scale: 2) }
        let s = parts.count > 1 ? (parts[1] ?? 0) : 0
        let precision = min(p, 18)
        return .decimal(precision: precision, scale: min(max(0, s), precision))
    }

    /// A stored value as a value of `type` (nil: its own storage class), or the reason it is not one.
    static func value(_ stored: DatabaseValue, as type: DataType?) -> Result<Value, Mismatch> {
        let raw = rawValue(stored)
        guard let type, !raw.isNull else { return .success(raw) }
        if raw.dataType == type { return .success(raw) }
        let converted: Value
        switch (type, raw) {
        case (.byte, .long(let v)), (.short, .long(let v)), (.int, .long(let v)):
            converted = Value.integral(v, as: type)
        case (.byte, .double(let d)), (.short, .double(let d)), (.int, .double(let d)), (.long, .double(let d)):
            converted = d == d.rounded() ? raw.cast(to: type) : .null
        case (.byte, .string(let s)), (.short, .string(let s)), (.int, .string(let s)), (.long, .string(let s)):
            converted = Int64(s.trimmingCharacters(in: .whitespaces)).map { Value.integral($0, as: type) } ?? .null
        case (.boolean, .long(let v)):
            converted = v == 0 || v == 1 ? .boolean(v == 1) : .null
        case (.boolean, .string), (.date, .string), (.timestamp, .string), (.timestamp, .long), (.timestamp, .double),
             (.double, .long), (.double, .string), (.decimal, .long), (.decimal, .double), (.decimal, .string),
             (.string, .long), (.string, .double):
            converted = raw.cast(to: type)
        case (.binary, .string(let s)):
            converted = .binary(Array(s.utf8))
        case (.string, .binary(let b)):
            converted = String(bytes: b, encoding: .utf8).map(Value.string) ?? .null
        default:
            converted = .null
        }
        if converted.isNull { return .failure(Mismatch(raw: raw, target: type)) }
        return .success(converted)
    }

    /// A stored value with no conversion: its storage class as a Glue value.
    static func rawValue(_ stored: DatabaseValue) -> Value {
        switch stored.storage {
        case .null: .null
        case .int64(let v): .long(v)
        case .double(let d): .double(d)
        case .string(let s): .string(s)
        case .blob(let d): .binary([UInt8](d))
        }
    }

    /// Why a stored value did not convert.
    struct Mismatch: Error {
        var raw: Value
        var target: DataType

        var storageName: String {
            switch raw {
            case .long: "integer"
            case .double: "real"
            case .string: "text"
            case .binary: "blob"
            default: raw.dataType.name
            }
        }
    }

    /// An engine value as a SQL parameter (see the type's doc for the shapes).
    static func bind(_ value: Value) -> DatabaseValue {
        switch value {
        case .null: return .null
        case .boolean(let b): return (b ? 1 : 0).databaseValue
        case .byte, .short, .int, .long: return value.integerValue!.databaseValue
        case .float(let f): return Double(f).databaseValue
        case .double(let d): return d.databaseValue
        case .decimal(let d): return d.description.databaseValue
        case .string(let s): return s.databaseValue
        case .binary(let b): return Data(b).databaseValue
        case .date(let d): return Value.dateText(d).databaseValue
        case .timestamp(let t): return timestampText(t).databaseValue
        case .array, .map, .structure: return value.jsonText().databaseValue
        }
    }

    /// `yyyy-MM-dd HH:mm:ss[.ffffff]` (UTC).
    static func timestampText(_ micros: Int64) -> String {
        var s = Value.timestampText(micros)
        s.removeLast() // Z
        return s.replacingOccurrences(of: "T", with: " ")
    }

    /// The declared type of a column created for Glue type `type`, nil for types a JDBC table
    /// cannot hold (nested values, choices).
    static func declaredType(for type: DataType) -> String? {
        switch type {
        case .null, .string: "TEXT"
        case .boolean: "BOOLEAN"
        case .byte: "TINYINT"
        case .short: "SMALLINT"
        case .int: "INTEGER"
        case .long: "BIGINT"
        case .float: "REAL"
        case .double: "DOUBLE PRECISION"
        case .decimal(let p, let s): "DECIMAL(\(p),\(s))"
        case .binary: "BLOB"
        case .date: "DATE"
        case .timestamp: "TIMESTAMP"
        case .array, .map, .structure, .choice: nil
        }
    }
}
