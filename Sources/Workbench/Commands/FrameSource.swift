import ArgumentParser
import Foundation
import GlueEngine

/// Where a `frame` command reads from, with Glue's format and connection options as flags.
struct FrameSource: ParsableArguments {
    @Argument(help: "s3://bucket/key, s3://bucket/prefix/ (every object under it), or a local file.")
    var path: String

    @Option(help: "csv or json (default: from the file name).")
    var format: String?

    @Flag(help: "CSV: the first line holds the column names (withHeader).")
    var withHeader = false

    @Option(help: "CSV: the field separator (separator).")
    var separator: String?

    @Option(help: "CSV: the quote character; -1 turns quoting off (quoteChar).")
    var quoteChar: String?

    @Option(help: "CSV: the escape character inside quotes (escaper).")
    var escaper: String?

    @Flag(help: "Records may span lines (multiLine).")
    var multiLine = false

    @Flag(help: "CSV: skip the first line (skipFirst).")
    var skipFirst = false

    @Option(help: "JSON: where the records are, e.g. '$.records[*]' (jsonPath).")
    var jsonPath: String?

    @Flag(help: "Stop at the first malformed record instead of keeping error records (isFailFast).")
    var failFast = false

    @Option(name: .customLong("option"), help: ArgumentHelp("Any Glue format option.", valueName: "key=value"))
    var options: [String] = []

    @Flag(inversion: .prefixedNo, help: "Read the objects in sub-folders of a prefix too (recurse).")
    var recurse = true

    @Option(help: "Glue's exclusions: a JSON list of globs, e.g. '[\"**.tmp\"]'.")
    var exclusions: String?

    @Option(help: ArgumentHelp("Read only these top-level fields (Parquet then reads only their column chunks).", valueName: "a,b"))
    var columns: String?

    @Option(name: .customLong("where"), help: ArgumentHelp("Keep the rows that match, e.g. \"price > 100 and country = 'US'\" (Parquet skips row groups by their statistics).", valueName: "condition"))
    var condition: String?

    @OptionGroup var sandboxOptions: SandboxOptions

    /// The parsed `--where` condition.
    func rowFilter() throws -> RowFilter? {
        try condition.map { try RowFilter(parsing: $0) }
    }

    /// The projected field names, if `--columns` was given.
    var projection: [String]? {
        columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// The Glue format options the flags spell.
    func formatOptions() throws -> [String: Value] {
        var o: [String: Value] = [:]
        if withHeader { o["withHeader"] = .boolean(true) }
        if let separator { o["separator"] = .string(separator) }
        if let quoteChar { o["quoteChar"] = .string(quoteChar) }
        if let escaper { o["escaper"] = .string(escaper) }
        if multiLine { o["multiLine"] = .boolean(true) }
        if skipFirst { o["skipFirst"] = .boolean(true) }
        if let jsonPath { o["jsonPath"] = .string(jsonPath) }
        if failFast { o["isFailFast"] = .boolean(true) }
        for pair in options {
            guard let eq = pair.firstIndex(of: "="), eq != pair.startIndex else {
                throw WorkbenchError.badValue(option: "--option", value: pair, reason: "expected key=value")
            }
            o[String(pair[..<eq])] = .string(String(pair[pair.index(after: eq)...]))
        }
        return o
    }

    /// Reads the frame, with what the read did.
    func load() throws -> (DynamicFrame, ReadStats) {
        let options = try formatOptions()
        if !path.hasPrefix("s3://") {
            let fmt = try resolvedFormat(for: path)
            let url = URL(fileURLWithPath: path)
            let data: Data
            do { data = try Data(contentsOf: url, options: .alwaysMapped) } catch {
                throw WorkbenchError.file(path: path, reason: "cannot read: no such file or not readable")
            }
            let result = try FormatReader.read(data, format: fmt, options: options, source: path, columns: projection,
                                               filter: try rowFilter())
            var stats = ReadStats()
            stats.objectsRead = 1
            stats.bytesRead = result.bytesRead ?? Int64(data.count)
            stats.rowGroupsSkipped = result.rowGroupsSkipped
            stats.recordsRead = result.batches.reduce(0) { $0 + $1.count }
            stats.errors = result.errors.count
            return (DynamicFrame(batches: result.batches, errors: result.errors), stats)
        }
        let store = try sandboxOptions.open().store
        let source = S3Source(store: store)
        let objects = try self.objects(in: store)
        let fmt = try resolvedFormat(for: objects.first?.key ?? path)
        return try source.read(objects: objects, format: fmt, formatOptions: options, columns: projection, filter: try rowFilter())
    }

    /// The same objects as `spark.read` sees them (``SparkReader``): CSV with `header` (from
    /// `--with-header`) and `inferSchema` on, `sep`/`quote`/`escape` from the CSV options, JSON
    /// with `multiLine`. What Spark would infer, to set beside the DynamicFrame's schema.
    func sparkFrame(format: DataFormat) throws -> DataFrame {
        var o: [String: String] = [:]
        if format == .csv {
            o["header"] = withHeader ? "true" : "false"
            o["inferschema"] = "true"
            if let separator { o["sep"] = separator }
            if let quoteChar { o["quote"] = quoteChar }
            if let escaper { o["escape"] = escaper }
        }
        if multiLine { o["multiline"] = "true" }
        if path.hasPrefix("s3://") {
            // The path itself, so Spark's partition discovery sees the key=value folders under it.
            let store = try sandboxOptions.open().store
            return try SparkReader.read(store: store, paths: [path], format: format.rawValue, options: o, schema: nil)
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw WorkbenchError.file(path: path, reason: "cannot read: no such file or not readable")
        }
        return try SparkReader.read(files: [(source: path, data: data, partitions: [])], format: format, options: o, schema: nil)
    }

    /// The objects an `s3://` path names, with `--no-recurse` and `--exclusions` applied.
    func objects(in store: ObjectStore) throws -> [ObjectInfo] {
        let globs = try exclusions.map { try ObjectStore.parseExclusions($0) } ?? []
        return try S3Source(store: store).objects(paths: [try S3URI(parsing: path)], recurse: recurse, exclusions: globs)
    }

    /// The key of the first object an `s3://` path names (its format tells the path's format).
    func firstKey() throws -> String? {
        try objects(in: try sandboxOptions.open().store).first?.key
    }

    func resolvedFormat(for name: String) throws -> DataFormat {
        if let format { return try DataFormat(glueName: format) }
        guard let f = DataFormat(fileName: name) else {
            throw WorkbenchError.badValue(option: "--format", value: "", reason: "cannot tell the format of \(name); pass --format csv or --format json")
        }
        return f
    }
}
