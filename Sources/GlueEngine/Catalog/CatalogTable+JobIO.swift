import Foundation

/// How a job reads and writes a catalog table: which connector, which format and options.
extension CatalogTable {
    /// The name of the JDBC connection a JDBC table reads through (`connectionName`), nil for
    /// an S3 table.
    public var connectionName: String? {
        parameters["connectionName"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// `db.table`, for messages and run records.
    public var qualifiedName: String { "\(databaseName).\(name)" }

    /// The table's data format: its `classification`.
    /// - Throws: `EngineError.invalidOption` when the table has none, or one gluelab does not read.
    public func dataFormat() throws(EngineError) -> DataFormat {
        guard let c = classification, !c.isEmpty else {
            throw .invalidOption(name: "classification", value: "",
                                 reason: "table \(qualifiedName) has no classification parameter (csv, json or parquet), so its format is unknown")
        }
        do {
            return try DataFormat(glueName: c)
        } catch {
            throw .unsupported(what: "table \(qualifiedName) with classification \(c)", reason: "gluelab reads csv, json and parquet tables")
        }
    }

    /// The table parameter `name`, or the storage descriptor's (crawlers set them on both).
    func parameter(_ name: String) -> String? {
        parameters[name] ?? storageDescriptor.parameters[name]
    }

    /// Whether the data files start with a header line (`skip.header.line.count` = 1).
    public var hasHeader: Bool {
        parameter("skip.header.line.count").map { $0.trimmingCharacters(in: .whitespaces) == "1" } ?? false
    }

    /// The CSV `format_options` the table's SerDe describes: `separator` from `field.delim`
    /// (LazySimpleSerDe) or `separatorChar` (OpenCSVSerde) or the `delimiter` parameter;
    /// `quoteChar` and `escaper` from `quoteChar` / `escapeChar`; `withHeader` on read (and
    /// `writeHeader` on write) from `skip.header.line.count`. JSON and Parquet tables need none.
    public func formatOptions(forWriting: Bool) throws(EngineError) -> [String: Value] {
        guard try dataFormat() == .csv else { return [:] }
        let serde = storageDescriptor.serdeParameters
        var options: [String: Value] = [:]
        if let sep = serde["field.delim"] ?? serde["separatorChar"] ?? parameter("delimiter"), !sep.isEmpty {
            options["separator"] = .string(sep == "\\t" ? "\t" : sep)
        }
        if let q = serde["quoteChar"], !q.isEmpty { options["quoteChar"] = .string(q) }
        if let e = serde["escapeChar"], !e.isEmpty, !forWriting { options["escaper"] = .string(e) }
        options[forWriting ? "writeHeader" : "withHeader"] = .boolean(hasHeader)
        return options
    }

    /// The table's columns as a schema (Hive types to engine types): what `match_catalog`
    /// casts to. Partition keys come last, as Glue's reader adds them.
    public func schema() throws(EngineError) -> StructType {
        var fields: [Field] = []
        for c in allColumns { fields.append(Field(c.name, try HiveType.type(c.type))) }
        return StructType(fields)
    }

    /// The `dbtable` of a JDBC table: its location, without a leading database name that the
    /// connection's URL already names (crawlers record `db.schema.table`).
    func jdbcTable(url: JDBCURL) -> String {
        let parts = storageDescriptor.location.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count >= 3, parts[0].lowercased() == url.database.lowercased() {
            return parts.dropFirst().joined(separator: ".")
        }
        return storageDescriptor.location
    }
}
