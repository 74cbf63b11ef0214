import GlueEngine

/// Spark's text forms for a DataFrame: `printSchema()`, `show()`, type names, cell values.
enum SparkText {
    /// Spark's `StructType.treeString`: ` |-- name: long (nullable = true)`, arrays with
    /// `element: ... (containsNull = true)`, maps with `key: string` and `value: ...
    /// (valueContainsNull = true)`. Every column is nullable (a DataFrame from `toDF()` is).
    static func treeString(_ schema: StructType) -> String {
        var out = "root\n"
        for f in schema.fields { field(f.name, f.type, suffix: "(nullable = true)", depth: 1, &out) }
        return out
    }

    private static func field(_ name: String, _ type: DataType, suffix: String?, depth: Int, _ out: inout String) {
        out += String(repeating: " |   ", count: depth - 1) + " |-- \(name): \(typeName(type))"
        if let suffix { out += " " + suffix }
        out += "\n"
        switch type {
        case .structure(let s):
            for f in s.fields { field(f.name, f.type, suffix: "(nullable = true)", depth: depth + 1, &out) }
        case .array(let e):
            field("element", e, suffix: "(containsNull = true)", depth: depth + 1, &out)
        case .map(let v):
            field("key", .string, suffix: nil, depth: depth + 1, &out)
            field("value", v, suffix: "(valueContainsNull = true)", depth: depth + 1, &out)
        default:
            break
        }
    }

    /// Spark's `DataType.typeName` (printSchema): `integer`, `long`, `string`, `void`, ...
    static func typeName(_ type: DataType) -> String {
        switch type {
        case .null: "void"
        case .int: "integer"
        default: type.typeName
        }
    }

    /// Spark's `DataType.simpleString` (`DataFrame[...]`, `dtypes`): `int`, `bigint`,
    /// `array<string>`, `struct<id:bigint>`, ...
    static func simpleString(_ type: DataType) -> String {
        switch type {
        case .null: "void"
        case .byte: "tinyint"
        case .short: "smallint"
        case .int: "int"
        case .long: "bigint"
        case .array(let e): "array<\(simpleString(e))>"
        case .map(let v): "map<string,\(simpleString(v))>"
        case .structure(let s): "struct<" + s.fields.map { "\($0.name):\(simpleString($0.type))" }.joined(separator: ",") + ">"
        case .choice(let c): "struct<" + c.members.map { "\($0.name):\(simpleString($0))" }.joined(separator: ",") + ">"
        default: type.typeName
        }
    }

    /// Spark's `Dataset.showString(n, truncate)` (not vertical): an ASCII table of the first
    /// `n` rows, cells right-aligned when truncating (cut to `truncate - 3` characters plus
    /// `...`), left-aligned otherwise; "only showing top n rows" when there are more.
    static func showString(_ df: DataFrame, _ n: Int, truncate: Int) -> String {
        let n = max(0, n)
        let names = df.schema.names
        let types = df.schema.fields.map(\.type)
        var rows: [[String]] = [names]
        var total = 0
        outer: for batch in df.batches {
            for i in 0..<batch.count {
                total += 1
                if rows.count > n { break outer }
                let record = batch.record(at: i)
                rows.append(zip(names, types).map { cell(record[$0], $1) })
            }
        }
        let hasMore = total > n
        rows = rows.map { $0.map { cut($0, truncate) } }
        var widths = [Int](repeating: 3, count: names.count)
        for row in rows { for (i, c) in row.enumerated() { widths[i] = max(widths[i], c.count) } }
        let sep = "+" + widths.map { String(repeating: "-", count: $0) }.joined(separator: "+") + "+\n"
        func line(_ row: [String]) -> String {
            "|" + row.enumerated().map { i, c in
                let pad = String(repeating: " ", count: widths[i] - c.count)
                return truncate > 0 ? pad + c : c + pad
            }.joined(separator: "|") + "|\n"
        }
        var out = sep + line(rows[0]) + sep
        for row in rows.dropFirst() { out += line(row) }
        out += sep
        if hasMore { out += "only showing top \(n) \(n == 1 ? "row" : "rows")\n" }
        return out
    }

    private static func cut(_ s: String, _ truncate: Int) -> String {
        guard truncate > 0, s.count > truncate else { return s }
        return truncate < 4 ? String(s.prefix(truncate)) : String(s.prefix(truncate - 3)) + "..."
    }

    /// A value as Spark shows it in a cell: `null`, `true`, `1.0E10`, `[1, 2]`, `{1, a}` for a
    /// struct (values only, in `type`'s field order, `null` for absent fields), `{a -> 1}` for a
    /// map, timestamps `yyyy-MM-dd HH:mm:ss[.f]` (UTC).
    static func cell(_ value: Value, _ type: DataType? = nil) -> String {
        switch (value, type) {
        case (.structure(let r), .structure(let s)?):
            return "{" + s.fields.map { cell(r[$0.name], $0.type) }.joined(separator: ", ") + "}"
        case (.array(let items), .array(let e)?):
            return "[" + items.map { cell($0, e) }.joined(separator: ", ") + "]"
        case (.map(let r), .map(let v)?):
            return "{" + r.fields.map { "\($0.name) -> \(cell($0.value, v))" }.joined(separator: ", ") + "}"
        default:
            return cell(value)
        }
    }

    private static func cell(_ value: Value) -> String {
        switch value {
        case .null: "null"
        case .boolean(let b): b ? "true" : "false"
        case .float(let f): javaText(f.description, isZero: f == 0, isNaN: f.isNaN, isInfinite: f.isInfinite, negative: f < 0)
        case .double(let d): javaText(d.description, isZero: d == 0, isNaN: d.isNaN, isInfinite: d.isInfinite, negative: d < 0)
        case .string(let s): s
        case .binary(let b): "[" + b.map { byte in let h = String(byte, radix: 16, uppercase: true); return h.count == 1 ? "0" + h : h }.joined(separator: " ") + "]"
        case .timestamp(let t): String(Value.timestampText(t).dropLast().map { $0 == "T" ? " " : $0 })
        case .array(let items): "[" + items.map(cell).joined(separator: ", ") + "]"
        case .structure(let r): "{" + r.values.map(cell).joined(separator: ", ") + "}"
        case .map(let r): "{" + r.fields.map { "\($0.name) -> \(cell($0.value))" }.joined(separator: ", ") + "}"
        default: value.plainText
        }
    }

    /// Java's `Double.toString` from Swift's shortest digits: plain between 10^-3 and 10^7
    /// (`0.001`, `1234567.0`), else `d.dddE±n` (`1.0E10`, `1.5E-5`).
    static func javaText(_ swift: String, isZero: Bool, isNaN: Bool, isInfinite: Bool, negative: Bool) -> String {
        if isNaN { return "NaN" }
        if isInfinite { return negative ? "-Infinity" : "Infinity" }
        if isZero { return negative || swift.hasPrefix("-") ? "-0.0" : "0.0" }
        var text = Substring(swift)
        let sign = text.hasPrefix("-") ? "-" : ""
        if !sign.isEmpty { text = text.dropFirst() }
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: e)...]) ?? 0
            text = text[..<e]
        }
        let point = text.firstIndex(of: ".").map { text.distance(from: text.startIndex, to: $0) } ?? text.count
        var digits = Array(text.filter { $0 != "." })
        var pointPos = point + exponent  // value = 0.digits × 10^pointPos
        while digits.first == "0" { digits.removeFirst(); pointPos -= 1 }
        while digits.last == "0" { digits.removeLast() }
        if digits.isEmpty { return sign + "0.0" }
        if pointPos > -3, pointPos <= 7 {
            // 10^-3 <= |x| < 10^7: plain.
            if pointPos <= 0 { return sign + "0." + String(repeating: "0", count: -pointPos) + String(digits) }
            let whole = digits.count > pointPos ? String(digits[..<pointPos]) : String(digits) + String(repeating: "0", count: pointPos - digits.count)
            let frac = digits.count > pointPos ? String(digits[pointPos...]) : "0"
            return sign + whole + "." + frac
        }
        let rest = digits.count > 1 ? String(digits[1...]) : "0"
        return sign + String(digits[0]) + "." + rest + "E" + String(pointPos - 1)
    }
}
