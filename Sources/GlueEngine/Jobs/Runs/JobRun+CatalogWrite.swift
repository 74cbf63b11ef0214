import Foundation
import GRDB

extension JobRun {
    /// `write_dynamic_frame.from_catalog(frame, database, table_name, transformation_ctx,
    /// additional_options)`.
    ///
    /// **S3 tables**: writes to the table's location in its `classification` format (CSV with
    /// the SerDe's separator, a header when the table skips one), Hive-partitioned by the
    /// table's partition keys, through ``writeS3(frame:ctx:connectionOptions:format:formatOptions:)``.
    /// `additional_options["partitionKeys"]`, when given, must be the table's keys in order.
    /// With `enableUpdateCatalog` the catalog is updated after the write is published
    /// (``CatalogSinkOptions``): new partitions added, and under `UPDATE_IN_DATABASE` the
    /// schema replaced by the frame's as a new table version when it differs.
    ///
    /// **JDBC tables**: appends through the table's connection (``writeJDBC(frame:ctx:connectionType:connectionOptions:)``);
    /// `enableUpdateCatalog` is refused there (Glue updates the catalog for S3 targets only).
    @discardableResult
    public func writeCatalog(frame: DynamicFrame, ctx: String?, database: String, table name: String,
                             additionalOptions: [String: Value] = [:]) throws -> SinkStats {
        let table = try catalog.table(database: database, name: name)
        let options = try CatalogSinkOptions(additionalOptions)
        if let connection = table.connectionName {
            guard !options.enableUpdateCatalog else {
                throw EngineError.unsupported(what: "enableUpdateCatalog on JDBC table \(table.qualifiedName)",
                                              reason: "Glue updates the Data Catalog from a job for Amazon S3 targets only")
            }
            let (type, url) = try jdbcConnection(connection)
            var jdbc = additionalOptions
            jdbc["url"] = .string(url.text)
            jdbc["dbtable"] = .string(table.jdbcTable(url: url))
            return try tagLastSink(try writeJDBC(frame: frame, ctx: ctx, connectionType: type, connectionOptions: jdbc),
                                   table: table.qualifiedName, update: nil)
        }
        try options.checkKeys(against: table)
        let keys = table.partitionKeys.map(\.name)
        let update = options.enableUpdateCatalog ? try CatalogSinkPlan(frame: frame, keys: keys, table: table, options: options) : nil
        let stats = try writeS3(frame: frame, ctx: ctx,
                                connectionOptions: ["path": .string(table.storageDescriptor.location),
                                                    "partitionKeys": .array(keys.map(Value.string))],
                                format: try table.dataFormat().rawValue, formatOptions: try table.formatOptions(forWriting: true))
        return try tagLastSink(stats, table: table.qualifiedName, update: try update.map { try applyCatalogUpdate($0, written: stats) })
    }

    /// `glueContext.getSink(connection_type="s3", path=..., enableUpdateCatalog=True,
    /// updateBehavior=..., partitionKeys=[...])` + `setCatalogInfo(catalogDatabase=,
    /// catalogTableName=)` + `setFormat(format, **options)` + `writeFrame(frame)`.
    ///
    /// Without `enableUpdateCatalog` this is a plain S3 write and the catalog is not touched.
    /// With it (Glue's restrictions): the format is `json`, `csv` or `glueparquet` (or
    /// `parquet` with `useGlueParquetWriter`); the table is created when missing — columns from
    /// the frame (Hive types, choices widened as a crawler would), partition keys typed from
    /// the frame, location `path`, classification the format (`parquet` for `glueparquet`, so
    /// that jobs and crawlers can read it back) — or, when it exists, its partition keys must
    /// be the sink's and it is updated as ``writeCatalog(frame:ctx:database:table:additionalOptions:)``
    /// does. The database must exist. Nested types inside nested types (an array inside a
    /// struct, ...) are refused before anything is written, as Glue does not support them here.
    @discardableResult
    public func writeS3(frame: DynamicFrame, ctx: String?, connectionOptions: [String: Value], format: String,
                        formatOptions: [String: Value], catalogDatabase: String, catalogTable: String) throws -> SinkStats {
        let options = try CatalogSinkOptions(connectionOptions)
        guard options.enableUpdateCatalog else {
            return try writeS3(frame: frame, ctx: ctx, connectionOptions: connectionOptions, format: format, formatOptions: formatOptions)
        }
        let glueParquetWriter = try S3ReadOptions.bool(formatOptions, "useGlueParquetWriter") ?? false
        guard ["json", "csv", "glueparquet"].contains(format.lowercased()) || (format.lowercased() == "parquet" && glueParquetWriter) else {
            throw EngineError.unsupported(
                what: "enableUpdateCatalog with format \(format)",
                reason: "Glue updates the Data Catalog only for json, csv, avro and glueparquet sinks; use setFormat(\"glueparquet\") (or parquet with useGlueParquetWriter=True)")
        }
        _ = try catalog.database(catalogDatabase)
        guard case .string(let pathText)? = connectionOptions["path"] else {
            throw EngineError.invalidOption(name: "path", value: connectionOptions["path"]?.plainText ?? "",
                                            reason: "a sink that updates the catalog needs \"path\": one s3:// folder")
        }
        let path = try S3URI(parsing: pathText)
        let keys = options.partitionKeys ?? []
        let existing = try catalog.findTable(database: catalogDatabase, name: catalogTable)
        if let existing { try options.checkKeys(against: existing) }
        let dataFormat = try DataFormat(glueName: format)
        let table = existing ?? Self.newTable(database: catalogDatabase, name: catalogTable, path: path, format: dataFormat,
                                              formatOptions: formatOptions)
        let plan = try CatalogSinkPlan(frame: frame, keys: keys, table: table, options: options, creating: existing == nil)
        var write = connectionOptions
        write["partitionKeys"] = .array(keys.map(Value.string))
        let stats = try writeS3(frame: frame, ctx: ctx, connectionOptions: write, format: format, formatOptions: formatOptions)
        return try tagLastSink(stats, table: table.qualifiedName, update: try applyCatalogUpdate(plan, written: stats))
    }

    /// `write_dynamic_frame.from_jdbc_conf(frame, catalog_connection, connection_options)`:
    /// appends to `connection_options["dbtable"]` through the catalog connection's URL.
    @discardableResult
    public func writeJDBC(frame: DynamicFrame, ctx: String?, catalogConnection: String,
                          connectionOptions: [String: Value]) throws -> SinkStats {
        let (type, url) = try jdbcConnection(catalogConnection)
        var options = connectionOptions
        options["url"] = .string(url.text)
        return try writeJDBC(frame: frame, ctx: ctx, connectionType: type, connectionOptions: options)
    }

    /// The connection type and URL of a catalog JDBC connection.
    func jdbcConnection(_ name: String) throws -> (type: String, url: JDBCURL) {
        let connection = try catalog.connection(name)
        guard let text = connection.url else {
            throw EngineError.invalidOption(name: "JDBC_CONNECTION_URL", value: "", reason: "connection \(name) has no URL")
        }
        let url = try JDBCURL(parsing: text)
        return (url.type.rawValue, url)
    }

    /// A table as a catalog-updating sink creates it (columns filled in by the plan).
    static func newTable(database: String, name: String, path: S3URI, format: DataFormat,
                         formatOptions: [String: Value]) -> CatalogTable {
        var parameters = ["classification": format.rawValue]
        var serde: [String: String] = [:]
        var library: String?
        switch format {
        case .csv:
            library = "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"
            serde["field.delim"] = formatOptions["separator"]?.stringValue ?? ","
            let header = (try? S3ReadOptions.bool(formatOptions, "writeHeader")) ?? nil
            if header ?? true { parameters["skip.header.line.count"] = "1" }
        case .json: library = "org.openx.data.jsonserde.JsonSerDe"
        case .parquet: library = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"
        }
        let location = path.isPrefix ? path.description : path.description + "/"
        return CatalogTable(databaseName: database, name: name, parameters: parameters,
                            storageDescriptor: StorageDescriptor(columns: [], location: location, serdeLibrary: library,
                                                                 serdeParameters: serde))
    }

    /// Applies a sink's catalog changes in one transaction of the catalog: creates or updates
    /// the table, adds the partitions the write made. Returns what it did.
    func applyCatalogUpdate(_ plan: CatalogSinkPlan, written: SinkStats) throws -> CatalogSinkPlan.Outcome {
        let partitionValues = CatalogSinkPlan.partitionValues(objects: written.objects, path: written.path, keys: plan.keys)
        return try catalog.write { db in try plan.apply(db, partitions: partitionValues, now: try sandbox.clock.now(db)) }
    }

    /// Records the catalog table (and what the update did) on the run's last sink.
    func tagLastSink(_ stats: SinkStats, table: String, update: CatalogSinkPlan.Outcome?) throws -> SinkStats {
        var tagged = stats
        tagged.catalogTable = table
        if let update {
            tagged.partitionsAdded = update.partitionsAdded
            tagged.catalogTableVersion = update.version
            tagged.catalogNote = update.note
        }
        lock.withLock {
            if let last = record.sinks.indices.last { record.sinks[last] = tagged }
        }
        try persist()
        return tagged
    }
}
