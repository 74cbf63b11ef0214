import Foundation

/// Spark's CSV reader: `header` (names from the first line; else `_c0`, `_c1`, ...),
/// `inferSchema` (off: every column `string`; on: Spark's `CSVInferSchema` — each column
/// takes the narrowest of `int`, `bigint`, `double`, `timestamp`, `boolean` that fits every
/// value, and a column mixing kinds, such as numbers and text, is `string`), `sep`, `quote`,
/// `escape` (default `\`), `multiLine` (quoted fields may span lines), `nullValue` (empty
/// fields are null too). Date-only values (`2024-01-31`) infer as `string` unless
/// `inferDate` is true (Spark 3.3+ behaviour).
enum SparkCSV {
    static func read(_ files: [(String, Data)], options: [String: String], schema: StructType?) throws(EngineError) -> SparkRows {
        let header = options["header"]?.lowercased() == "true"
        let infer = options["inferschema"]?.lowercased() == "true"
        let inferDate = options["inferdate"]?.lowercased() == "true"
        let sep = Array((options["sep"] ?? options["delimiter"] ?? ",").replacingOccurrences(of: "\\t", with: "\t").utf8)
        let quote = (options["quote"] ?? "\"").utf8.first
        let escape = (options["escape"] ?? "\\").utf8.first
        let multiLine = options["multiline"]?.lowercased() == "true"
        let nullValue = options["nullvalue"] ?? ""
        guard sep.count == 1 else {
            throw .invalidOption(name: "sep", value: options["sep"] ?? "", reason: "expected one character")
        }
        var names: [String]?
        var records: [([String?], String)] = []
        for (source, data) in files {
            var lines = parse(Array(data), sep: sep[0], quote: quote, escape: escape, multiLine: multiLine)
            if header, !lines.isEmpty {
                let first = lines.removeFirst()
                if names == nil { names = first.map { $0 ?? "" } }
            }
            for l in lines {
                records.append((l.map { v in v == nil || v == nullValue || v == "" ? nil : v }, source))
            }
        }
        let width = schema?.fields.count ?? names?.count ?? records.map(\.0.count).max() ?? 0
        let columnNames = (0..<width).map { i in names.flatMap { i < $0.count && !$0[i].isEmpty ? $0[i] : nil } ?? "_c\(i)" }
        var types: [DataType]
        if let schema {
            types = schema.fields.map(\.type)
        } else if infer {
            types = Array(repeating: .null, count: width)
            for (r, _) in records {
                for i in 0..<min(width, r.count) {
                    guard let s = r[i] else { continue }
                    types[i] = merge(types[i], inferField(types[i], s, inferDate: inferDate))
                }
            }
            types = types.map { $0 == .null ? .string : $0 }
        } else {
            types = Array(repeating: .string, count: width)
        }
        let fields = schema?.fields ?? zip(columnNames, types).map { Field($0, $1) }
        let rows = records.map { r, source in
            SparkRow(values: (0..<width).map { i -> Value in
                guard i < r.count, let s = r[i] else { return .null }
                return types[i] == .string ? .string(s) : SparkCast.cast(.string(s), to: types[i])
            }, source: source)
        }
        return SparkRows(fields: fields, nullable: Array(repeating: true, count: width),
                         qualifiers: Array(repeating: [], count: width), rows: rows)
    }

    /// The type one value suggests, starting from the column's type so far (Spark's `inferField`).
    static func inferField(_ current: DataType, _ s: String, inferDate: Bool) -> DataType {
        let t = s.trimmingCharacters(in: .whitespaces)
        let rank: Int
        switch current {
        case .null, .int: rank = 0
        case .long: rank = 1
        case .double: rank = 2
        case .date: rank = 3
        case .timestamp: rank = 4
        case .boolean: rank = 5
        default: return .string
        }
        if rank <= 0, Int32(t) != nil { return .int }
        if rank <= 1, Int64(t) != nil { return .long }
        if rank <= 2, isDouble(t) { return .double }
        if rank <= 3, inferDate, t.count == 10, case .date = Value.parse(t, as: .date) { return .date }
        if rank <= 4, t.count > 10, case .timestamp = Value.parse(t, as: .timestamp) { return .timestamp }
        if rank <= 5, t.lowercased() == "true" || t.lowercased() == "false" { return .boolean }
        return .string
    }

    private static func isDouble(_ t: String) -> Bool {
        // Java's parseDouble words, and Spark's nanValue / positiveInf / negativeInf defaults.
        if ["NaN", "Infinity", "+Infinity", "-Infinity", "Inf", "-Inf"].contains(t) { return true }
        guard let d = Double(t) else { return false }
        // Swift also reads "inf", "nan" and hex floats, which Java does not.
        return d.isFinite && !t.lowercased().contains("x")
    }

    /// Spark's `compatibleType` for CSV inference: numbers widen, date and timestamp merge to
    /// timestamp, anything else is `string`.
    static func merge(_ a: DataType, _ b: DataType) -> DataType {
        if a == b { return a }
        if a == .null { return b }
        if b == .null { return a }
        if a.isNumeric && b.isNumeric { return SparkCast.widerNumeric(a, b) }
        if (a == .date && b == .timestamp) || (a == .timestamp && b == .date) { return .timestamp }
        return .string
    }

    /// Splits CSV bytes into records of fields (nil for an empty unquoted field).
    static func parse(_ bytes: [UInt8], sep: UInt8, quote: UInt8?, escape: UInt8?, multiLine: Bool) -> [[String?]] {
        var records: [[String?]] = []
        var fields: [String?] = []
        var field: [UInt8] = []
        var quoted = false, wasQuoted = false
        var i = 0
        let n = bytes.count
        func endField() {
            fields.append(field.isEmpty && !wasQuoted ? nil : String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            wasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0] == nil) { records.append(fields) }
            fields = []
        }
        while i < n {
            let c = bytes[i]
            if quoted {
                if let escape, c == escape, escape != quote, i + 1 < n, bytes[i + 1] == quote || bytes[i + 1] == escape {
                    field.append(bytes[i + 1]); i += 2; continue
                }
                if c == quote {
                    if i + 1 < n, bytes[i + 1] == quote { field.append(c); i += 2; continue }
                    quoted = false; i += 1; continue
                }
                if !multiLine && (c == 10 || c == 13) {
                    quoted = false
                    continue
                }
                field.append(c); i += 1
                continue
            }
            if c == quote, field.isEmpty {
                quoted = true; wasQuoted = true; i += 1
            } else if c == sep {
                endField(); i += 1
            } else if c == 10 || c == 13 {
                endRecord()
                i += (c == 13 && i + 1 < n && bytes[i + 1] == 10) ? 2 : 1
            } else {
                field.append(c); i += 1
            }
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted { endRecord() }
        return records
    }
}
