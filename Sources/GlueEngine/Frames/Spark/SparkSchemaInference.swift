/// The schema Spark would infer for the same objects a DynamicFrame reads: the contrast of
/// the seed's first lesson (`price: choice` of `double` and `string` in a DynamicFrame,
/// `price: string` in a DataFrame).
///
/// It works from the values Glue's reader parsed (each value typed on its own), applying
/// Spark's rules to each value, then Spark's merge:
///
/// - **CSV** (`header=True, inferSchema=True`): a value is `int` if it fits in 32 bits, else
///   `long`; a number with a fraction or exponent is `double`; `true`/`false` are `boolean`;
///   a date with a time (`2024-01-01T10:00:00`, `2024-01-01 10:00:00`) is `timestamp`; a date
///   alone (`2024-01-01`) stays `string` — gluelab's choice: Spark 3.0–3.2 need a time part,
///   3.3 is lenient and later versions infer `date` with `preferDate`, so no one answer holds
///   for every Glue version; an empty value is null. Column types
///   widen `int` → `long` → `double`; any other mix is `string`. Columns keep the header's
///   order; an all-null column is `string`. Without a header the columns are `_c0`, `_c1`, ...
/// - **JSON** (`spark.read.json`): every integer is `long`, a fraction `double`; objects are
///   structs whose fields are **sorted by name** (top level too), arrays have one element
///   type; `long` + `double` widen to `double`, any other mix is `string`; a malformed line
///   adds `_corrupt_record: string` (PERMISSIVE mode).
/// - **Parquet** has its schema in the file; Spark reads it as written.
///
/// Until the Spark reader (feat/sparkdf) lands this is the one place gluelab says what Spark
/// infers; the lead reconciles the two.
public enum SparkSchemaInference {
    /// Spark's schema for `frame`, read from `format` (`withHeader` for CSV).
    public static func infer(_ frame: DynamicFrame, format: DataFormat, withHeader: Bool = true) -> StructType {
        switch format {
        case .csv:
            var names: [String] = frame.schema().names
            var types: [String: DataType] = [:]
            for batch in frame.batches {
                for (name, column) in zip(batch.names, batch.columns) {
                    if !names.contains(name) { names.append(name) }
                    for i in 0..<column.count {
                        types[name] = merge(types[name] ?? .null, csvType(column.value(at: i)))
                    }
                }
            }
            return StructType(names.map { name in
                let spark = withHeader ? name : name.hasPrefix("col") ? "_c" + name.dropFirst(3) : name
                return Field(spark, finished(types[name] ?? .null))
            })
        case .json:
            var type: DataType = .structure(StructType())
            for batch in frame.batches {
                for i in 0..<batch.count {
                    type = merge(type, jsonType(.structure(batch.record(at: i))))
                }
            }
            if frame.errorsCount() > 0 {
                type = merge(type, .structure(StructType([Field("_corrupt_record", .string)])))
            }
            guard case .structure(let s) = finished(type) else { return StructType() }
            return s
        default:
            return StructType(frame.schema().fields.map { Field($0.name, $0.type.keepingChoicesAsStructs) })
        }
    }

    /// The type Spark's CSV inference gives one value.
    static func csvType(_ v: Value) -> DataType {
        switch v {
        case .null: return .null
        case .long(let n): return Int32(exactly: n) != nil ? .int : .long
        case .byte, .short, .int: return .int
        case .float, .double: return .double
        case .boolean: return .boolean
        case .string(let s): return textType(s)
        default: return .string
        }
    }

    /// Spark's CSV inference of a text: int, long, double, timestamp, boolean, else string.
    static func textType(_ s: String) -> DataType {
        if s.isEmpty { return .null }
        if Int32(s) != nil { return .int }
        if Int64(s) != nil { return .long }
        // Java's Double.parseDouble: digits, a point, an exponent; NaN and Infinity by name.
        if ["NaN", "Infinity", "-Infinity", "+Infinity"].contains(s) { return .double }
        if Double(s) != nil, s.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) { return .double }
        if s.count > 10, SparkSQLDates.parseTimestamp(s) != nil { return .timestamp }
        if s.lowercased() == "true" || s.lowercased() == "false" { return .boolean }
        return .string
    }

    /// The type Spark's JSON inference gives one value.
    static func jsonType(_ v: Value) -> DataType {
        switch v {
        case .null: return .null
        case .byte, .short, .int, .long: return .long
        case .float, .double: return .double
        case .decimal(let d): return .decimal(precision: d.precision, scale: d.scale)
        case .boolean: return .boolean
        case .string, .date, .timestamp, .binary: return .string
        case .structure(let r), .map(let r):
            return .structure(StructType(r.fields.map { Field($0.name, jsonType($0.value)) }))
        case .array(let items):
            return .array(items.reduce(DataType.null) { merge($0, jsonType($1)) })
        }
    }

    /// Spark's merge of two inferred types: null gives way, numbers widen, structs merge by
    /// field, arrays by element; anything else is string.
    static func merge(_ a: DataType, _ b: DataType) -> DataType {
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case _ where a == b: return a
        case (.int, .long), (.long, .int): return .long
        case (.int, .double), (.double, .int), (.long, .double), (.double, .long): return .double
        case (.decimal, .double), (.double, .decimal): return .double
        case (.structure(let x), .structure(let y)):
            var fields = x.fields
            for f in y.fields {
                if let i = fields.firstIndex(where: { $0.name == f.name }) {
                    fields[i].type = merge(fields[i].type, f.type)
                } else {
                    fields.append(f)
                }
            }
            return .structure(StructType(fields))
        case (.array(let x), .array(let y)): return .array(merge(x, y))
        default: return .string
        }
    }

    /// The final schema type: struct fields sorted by name (as Spark's JSON inference sorts
    /// them), null as string.
    static func finished(_ t: DataType) -> DataType {
        switch t {
        case .null: return .string
        case .structure(let s):
            return .structure(StructType(s.fields.sorted { $0.name < $1.name }.map { Field($0.name, finished($0.type)) }))
        case .array(let e): return .array(finished(e))
        case .map(let v): return .map(finished(v))
        case .choice: return .string
        default: return t
        }
    }
}
