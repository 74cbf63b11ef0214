import Foundation

/// `spark.read.format(...).option(...).schema(...).load(paths)` / `.csv(...)`, `.json(...)`,
/// `.parquet(...)` on the sandbox's object store.
///
/// Paths name objects or folders; folders are read recursively, skipping `_`/`.` files as
/// Spark does, and `key=value` folders become partition columns (Spark's partition
/// discovery: integers as `int`, other values as `string`, appended after the data columns).
/// Each row keeps its object (`input_file_name()`).
public enum SparkReader {
    /// - Parameters:
    ///   - options: Spark's reader options, names case-insensitive. CSV: `header`,
    ///     `inferSchema`, `sep`/`delimiter`, `quote`, `escape`, `multiLine`, `nullValue`;
    ///     JSON: `multiLine`; others are accepted and ignored.
    ///   - schema: the user's schema (`.schema(...)`); CSV columns match it by position, JSON
    ///     fields by name; values that do not fit are null (Spark's PERMISSIVE mode).
    /// - Throws: `notFound` for a path without objects, `invalidOption` for a bad format.
    public static func read(store: ObjectStore, paths: [String], format: String, options: [String: String],
                            schema: StructType?) throws(EngineError) -> DataFrame {
        let fmt = try DataFormat(glueName: format)
        let opts = Dictionary(options.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        let uris = try paths.map { (p) throws(EngineError) in try S3URI(parsing: p) }
        let objects = try S3Source(store: store).objects(paths: uris, recurse: true, exclusions: [])
        var files: [(source: String, data: Data, partitions: [(String, String)])] = []
        for info in objects {
            let base = uris.first { info.uri.key.hasPrefix($0.key) && $0.bucket == info.uri.bucket }
            let relative = base.map { String(info.uri.key.dropFirst($0.key.count)) } ?? ""
            let partitions = relative.split(separator: "/").dropLast().compactMap { seg -> (String, String)? in
                let parts = seg.split(separator: "=", maxSplits: 1)
                guard parts.count == 2 else { return nil }
                return (String(parts[0]), String(parts[1]).removingPercentEncoding ?? String(parts[1]))
            }
            files.append((info.uri.description, try store.get(info.uri), partitions))
        }
        return try read(files: files, format: fmt, options: opts, schema: schema)
    }

    /// Reads files already in memory (the sandbox's objects, or local files for
    /// `gluelab frame schema --as dataframe`), each with the `key=value` folders above it.
    /// `options` names are lowercase.
    public static func read(files: [(source: String, data: Data, partitions: [(String, String)])], format fmt: DataFormat,
                            options opts: [String: String], schema: StructType?) throws(EngineError) -> DataFrame {
        var frame: SparkRows
        switch fmt {
        case .csv:
            frame = try SparkCSV.read(files.map { ($0.source, $0.data) }, options: opts, schema: schema)
        case .json:
            frame = try SparkJSON.read(files.map { ($0.source, $0.data) }, options: opts, schema: schema)
        case .parquet:
            var batches: [RecordBatch] = []
            var merged = StructType()
            for f in files {
                let result = try FormatReader.read(f.data, format: .parquet, options: [:], source: f.source)
                for var b in result.batches {
                    b.source = f.source
                    merged = merged.merged(with: b.schema)
                    batches.append(b)
                }
            }
            let target = schema ?? StructType(merged.fields.map { Field($0.name, $0.type.widenedChoices) })
            frame = SparkRows(DataFrame(schema: target, batches: batches))
        }
        let partitionNames = files.first?.partitions.map(\.0) ?? []
        if !partitionNames.isEmpty, files.allSatisfy({ $0.partitions.map(\.0) == partitionNames }) {
            let bySource = Dictionary(files.map { ($0.source, $0.partitions.map(\.1)) }, uniquingKeysWith: { a, _ in a })
            for (k, name) in partitionNames.enumerated() where !frame.fields.contains(where: { $0.name == name }) {
                let values = Set(files.map { $0.partitions[k].1 })
                let integral = values.allSatisfy { Int32($0) != nil || $0 == HivePartitioning.defaultPartition }
                frame.fields.append(Field(name, integral ? .int : .string))
                frame.nullable.append(true)
                frame.qualifiers.append([])
                for r in frame.rows.indices {
                    let text = frame.rows[r].source.flatMap { bySource[$0]?[k] }
                    let v: Value = text.map { $0 == HivePartitioning.defaultPartition ? .null : (integral ? Int32($0).map(Value.int) ?? .null : .string($0)) } ?? .null
                    frame.rows[r].values.append(v)
                }
            }
        }
        return frame.frame()
    }
}

extension DataType {
    /// A choice left by merging batch schemas, as its widest member (Spark has no choices).
    var widenedChoices: DataType {
        switch self {
        case .choice(let c): return SparkOperators.commonType(c.members.map(\.widenedChoices))
        case .structure(let s): return .structure(StructType(s.fields.map { Field($0.name, $0.type.widenedChoices) }))
        case .array(let e): return .array(e.widenedChoices)
        case .map(let v): return .map(v.widenedChoices)
        default: return self
        }
    }
}

extension SparkTypes {
    /// Parses a DDL schema string as `.schema("id INT, name STRING, tags ARRAY<STRING>")` takes it.
    /// - Throws: `invalidOption(name: "schema", ...)` for a malformed string.
    public static func parseDDL(_ text: String) throws(EngineError) -> StructType {
        var fields: [Field] = []
        var depth = 0
        var current = ""
        for ch in text + "," {
            if ch == "<" || ch == "(" { depth += 1 }
            if ch == ">" || ch == ")" { depth -= 1 }
            if ch == ",", depth == 0 {
                let part = current.trimmingCharacters(in: .whitespaces)
                current = ""
                if part.isEmpty { continue }
                var name: String
                var rest: Substring
                if part.hasPrefix("`"), let close = part.dropFirst().firstIndex(of: "`") {
                    name = String(part[part.index(after: part.startIndex)..<close])
                    rest = part[part.index(after: close)...]
                } else {
                    let pieces = part.split(separator: " ", maxSplits: 1)
                    guard pieces.count == 2 else { throw .invalidOption(name: "schema", value: text, reason: "expected 'name type' pairs") }
                    name = String(pieces[0])
                    rest = pieces[1]
                }
                var typeText = rest.trimmingCharacters(in: .whitespaces)
                if typeText.hasPrefix(":") { typeText = String(typeText.dropFirst()) }
                for suffix in [" NOT NULL", " not null"] where typeText.hasSuffix(suffix) { typeText = String(typeText.dropLast(suffix.count)) }
                fields.append(Field(name, try parse(typeText)))
            } else {
                current.append(ch)
            }
        }
        return StructType(fields)
    }
}
