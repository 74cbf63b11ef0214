import Foundation
import GlueEngine

/// `spark.read` (pyspark's `DataFrameReader`): `format(source)`, `option(key, value)`,
/// `options(**options)`, `schema(StructType or DDL string)` chain and return the reader;
/// `load(path=None, format=None, schema=None, **options)`, `csv(path, schema=None, **options)`
/// (`header`, `inferSchema`, `sep`, ...), `json(path, schema=None, **options)` and
/// `parquet(*paths, **options)` read through the run (``SparkSessionState/read``), which
/// records the source in the run (spark.read has no `transformation_ctx`: bookmarks do not
/// track it). Option values are passed as pyspark passes them: `True` → `"true"`, numbers
/// by their text, `None` left out. `table(name)` is `spark.table(name)`.
final class DataFrameReaderObject: SparkOptionsBuilder {
    let session: SparkSessionObject
    var format = "parquet"
    var options: [String: String] = [:]
    var schema: StructType?

    init(session: SparkSessionObject) {
        self.session = session
    }

    var typeName: String { "DataFrameReader" }
    var repr: String { "<pyspark.sql.readwriter.DataFrameReader object>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "format", "option", "options":
            return optionsMethod(name)
        case "schema":
            return nativeMethod(name, ["schema"]) { b, _ in
                self.schema = try SparkSchemas.schema(b["schema"], "DataFrameReader.schema")
                return .object(self)
            }
        case "load":
            return nativeMethod(name, [.optional("path"), .optional("format"), .optional("schema")], extraKeywords: true) { b, runtime in
                if let f = try b.optionalString("format") { self.format = f.lowercased() }
                return try self.read(b, runtime, "load")
            }
        case "csv", "json":
            return nativeMethod(name, ["path", .optional("schema")], extraKeywords: true) { b, runtime in
                self.format = name
                return try self.read(b, runtime, name)
            }
        case "parquet":
            return .builtin(PyBuiltin(name) { args, runtime in
                self.format = "parquet"
                for (k, v) in args.keywords { try self.setOption(k, v, runtime) }
                let paths = try args.positional.flatMap { try Self.paths($0, "parquet") }
                return try self.load(paths)
            })
        case "table":
            return nativeMethod(name, ["tableName"]) { b, _ in
                try self.session.table(try b.string("tableName"))
            }
        case "text", "orc", "jdbc", "avro", "xml":
            throw PyException(.attributeError, "'DataFrameReader' object has no attribute '\(name)' (not available in gluelab; spark.read reads csv, json and parquet; JDBC sources are read with glueContext.create_dynamic_frame.from_options)")
        default:
            return nil
        }
    }

    private func read(_ b: BoundArguments, _ runtime: any PyRuntime, _ function: String) throws -> PyValue {
        if !b["schema"].isNone { schema = try SparkSchemas.schema(b["schema"], "DataFrameReader.\(function)") }
        for (k, v) in b.extra { try setOption(k, v, runtime) }
        var paths: [String] = []
        if !b["path"].isNone { paths = try Self.paths(b["path"], function) }
        if paths.isEmpty, let p = options.first(where: { $0.key.lowercased() == "path" })?.value { paths = [p] }
        return try load(paths)
    }

    private func load(_ paths: [String]) throws -> PyValue {
        guard !paths.isEmpty else {
            throw PyException(.exception, "DataFrameReader: no path given: pass load(path), csv(path), json(path) or parquet(path)")
        }
        guard let read = session.environment.spark.read else {
            throw PyException(.notImplementedError, "spark.read needs the run's object store, which this host does not provide")
        }
        let options = self.options.filter { $0.key.lowercased() != "path" }
        return session.wrap(try read(paths, format, options, schema))
    }



    /// One path or a list of paths.
    static func paths(_ value: PyValue, _ function: String) throws -> [String] {
        if case .str(let s) = value { return [s] }
        guard let items = value.sequenceItems else {
            throw PyException(.typeError, "\(function)(): path should be a str or a list of str, got \(value.typeName)")
        }
        return try items.map {
            guard case .str(let s) = $0 else { throw PyException(.typeError, "\(function)(): paths must be str, got \($0.typeName)") }
            return s
        }
    }
}

/// Schemas given to `spark.read.schema(...)` and `createDataFrame(rows, schema)`.
enum SparkSchemas {
    /// A `StructType` object or a DDL string (`"id INT, name STRING"`, `"id: int, name: string"`).
    static func schema(_ value: PyValue, _ function: String) throws -> StructType {
        if let s = value.object(as: StructTypeObject.self) { return s.structType }
        guard case .str(let ddl) = value else {
            throw PyException(.typeError, "\(function)(): schema should be a StructType or a DDL string, got \(value.typeName)")
        }
        return try parseDDL(ddl, function)
    }

    /// `"a INT, b ARRAY<STRING>"`: fields split at top-level commas, each a name and a type
    /// (an optional `:` between them, as pyspark's `_parse_datatype_string` allows).
    static func parseDDL(_ ddl: String, _ function: String) throws -> StructType {
        var parts: [String] = []
        var depth = 0
        var current = ""
        for ch in ddl {
            if ch == "<" || ch == "(" { depth += 1 }
            if ch == ">" || ch == ")" { depth -= 1 }
            if ch == ",", depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        parts.append(current)
        var fields: [Field] = []
        for part in parts {
            let text = part.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let split = text.firstIndex(where: { $0 == " " || $0 == ":" }) else {
                throw PyException(.valueError, "\(function)(): cannot parse the schema '\(ddl)': '\(text)' needs a name and a type")
            }
            var name = String(text[..<split])
            if name.hasPrefix("`"), name.hasSuffix("`"), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            var typeText = text[split...].trimmingCharacters(in: .whitespaces)
            if typeText.hasPrefix(":") { typeText = typeText.dropFirst().trimmingCharacters(in: .whitespaces) }
            fields.append(Field(name, try SparkTypeObjects.parse(typeText, function)))
        }
        return StructType(fields)
    }
}
