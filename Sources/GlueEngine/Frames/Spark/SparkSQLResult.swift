import Foundation
import GRDB
#if canImport(GRDBSQLite)
import GRDBSQLite
#elseif canImport(SQLite3)
import SQLite3
#endif

/// Turns SQLite's result rows into a DataFrame with Spark types.
enum SparkSQLResult {
    struct Raw {
        var names: [String]
        /// Each column's declared type, for a bare column reference (`SPARKCOL3 REAL`).
        var declared: [String?]
        var rows: [[DatabaseValue]]
    }

    static func fetch(_ statement: Statement) throws -> Raw {
        let names = statement.columnNames
        let declared: [String?] = (0..<names.count).map { i in
            sqlite3_column_decltype(statement.sqliteStatement, Int32(i)).map { String(cString: $0) }
        }
        let rows = try Row.fetchAll(statement).map { row in (0..<names.count).map { row[$0] as DatabaseValue } }
        return Raw(names: names, declared: declared, rows: rows)
    }

    static func dataFrame(_ raw: Raw, types: [DataType], translator: SparkSQLTranslator, views: [DataFrame]) throws(EngineError) -> DataFrame {
        var seen: Set<String> = []
        for name in raw.names where !seen.insert(name.lowercased()).inserted {
            throw .transform(name: "AnalysisException",
                             message: "Found duplicate column(s) in the result: `\(name)`; a gluelab DataFrame needs unique column names: "
                                 + "alias one (SELECT a.\(name), b.\(name) AS b_\(name) ...) or join with USING (\(name))")
        }
        let hints = Dictionary(translator.selectItems.compactMap { item in
            item.name.map { ($0, item.tokens) }
        }, uniquingKeysWith: { a, _ in a })
        func columnType(_ name: String) -> DataType? {
            views.lazy.compactMap { $0.schema.fields.first { $0.name.lowercased() == name.lowercased() }?.type }.first
        }
        var fields: [Field] = []
        var columns: [[Value]] = []
        for (i, name) in raw.names.enumerated() {
            let values = raw.rows.map { $0[i] }
            var type: DataType?
            if let d = raw.declared[i], d.hasPrefix("SPARKCOL"),
               let k = Int(d.dropFirst(8).prefix { $0.isNumber }), k < types.count {
                type = types[k]
            } else if let item = hints[name] {
                type = SparkSQLCalls.resultType(of: item, columnType: columnType)
            }
            if let t = type, let converted = convert(values, to: t) {
                fields.append(Field(name, t))
                columns.append(converted)
            } else {
                let (t, converted) = widened(values)
                fields.append(Field(name, t))
                columns.append(converted)
            }
        }
        let records = raw.rows.indices.map { r in
            DynamicRecord(fields.indices.compactMap { c in
                columns[c][r] == .null ? nil : (fields[c].name, columns[c][r])
            })
        }
        let schema = StructType(fields)
        return DataFrame(schema: schema, batches: records.isEmpty ? [] : [RecordBatch(records: records)])
    }

    /// `values` as `type`, or nil when one of them is not of that type.
    static func convert(_ values: [DatabaseValue], to type: DataType) -> [Value]? {
        var out: [Value] = []
        out.reserveCapacity(values.count)
        for v in values {
            if v.isNull { out.append(.null); continue }
            guard let c = convert(v, to: type) else { return nil }
            out.append(c)
        }
        return out
    }

    static func convert(_ v: DatabaseValue, to type: DataType) -> Value? {
        let integral: Int64? = switch v.storage {
        case .int64(let i): i
        case .double(let d): d.rounded() == d && abs(d) < 9.2e18 ? Int64(d) : nil
        default: nil
        }
        switch type {
        case .long: return integral.map { .long($0) }
        case .int: return integral.flatMap { Int32(exactly: $0) }.map { .int($0) }
        case .short: return integral.flatMap { Int16(exactly: $0) }.map { .short($0) }
        case .byte: return integral.flatMap { Int8(exactly: $0) }.map { .byte($0) }
        case .boolean: return integral.flatMap { $0 == 0 || $0 == 1 ? .boolean($0 == 1) : nil }
        case .double, .float:
            let d: Double? = switch v.storage {
            case .int64(let i): Double(i)
            case .double(let d): d
            default: nil
            }
            return d.map { type == .float ? .float(Float($0)) : .double($0) }
        case .decimal(let p, let s):
            guard let d = SparkSQLFunctions.number(v), let dec = DecimalValue(d, precision: p, scale: s) else { return nil }
            return .decimal(dec)
        case .string:
            if case .string(let s) = v.storage { return .string(s) }
            return nil
        case .date:
            guard case .string(let s) = v.storage, let d = SparkSQLDates.parseDate(s) else { return nil }
            return .date(d)
        case .timestamp:
            guard case .string(let s) = v.storage, let t = SparkSQLDates.parseTimestamp(s) else { return nil }
            return .timestamp(t)
        case .binary:
            if case .blob(let b) = v.storage { return .binary(Array(b)) }
            return nil
        case .array, .map, .structure:
            guard case .string(let s) = v.storage,
                  let result = try? FormatReader.read(Data(("{\"v\":" + s + "}").utf8), format: .json, options: [:], source: "spark.sql"),
                  result.errors.isEmpty, let batch = result.batches.first, batch.count == 1 else { return nil }
            return batch.record(at: 0)["v"]
        default:
            return nil
        }
    }

    /// The type of `values` widened across rows, and the values in it.
    static func widened(_ values: [DatabaseValue]) -> (DataType, [Value]) {
        var ints = false, reals = false, texts = false, blobs = false
        for v in values {
            switch v.storage {
            case .null: break
            case .int64: ints = true
            case .double: reals = true
            case .string: texts = true
            case .blob: blobs = true
            }
        }
        let type: DataType = texts || (blobs && (ints || reals)) ? .string : blobs ? .binary : reals ? .double : ints ? .long : .null
        let out: [Value] = values.map { v in
            switch (v.storage, type) {
            case (.null, _): .null
            case (.int64(let i), .long): .long(i)
            case (.int64(let i), .double): .double(Double(i))
            case (.double(let d), .double): .double(d)
            case (.blob(let b), .binary): .binary(Array(b))
            default: SparkSQLFunctions.text(v).map { .string($0) } ?? .null
            }
        }
        return (type, out)
    }

    /// A double as Spark casts it to string (`12.5`, `3.0`).
    static func doubleText(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
        if d == d.rounded(), abs(d) < 1e7 { return String(Int64(d)) + ".0" }
        return "\(d)"
    }
}
