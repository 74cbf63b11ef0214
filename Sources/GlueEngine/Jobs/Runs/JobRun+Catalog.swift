import Foundation

extension JobRun {
    /// The sandbox's Data Catalog.
    public var catalog: DataCatalog { DataCatalog(sandbox: sandbox) }

    /// The S3 connection options a catalog read takes from `additional_options` (the table
    /// gives the path); other keys are accepted and ignored, as Glue ignores what a source
    /// does not use.
    static let catalogS3Options = ["boundedFiles", "boundedSize", "maxBand", "maxFilesInBand", "exclusions",
                                   "groupFiles", "groupSize"]

    /// `create_dynamic_frame.from_catalog(database, table_name, transformation_ctx,
    /// push_down_predicate, additional_options)` under the run's bookmark.
    ///
    /// **S3 tables** (no `connectionName`): the format is the table's `classification`, the
    /// CSV options come from its SerDe (``CatalogTable/formatOptions(forWriting:)``).
    /// - A partitioned table lists its partitions from the catalog, keeps those matching
    ///   `pushDownPredicate` (and `additional_options["catalogPartitionPredicate"]`, Glue's
    ///   server-side filter, same language: ``PartitionPredicate``), and lists and reads only
    ///   the objects under the kept partitions' locations. Objects under the table's location
    ///   that no catalog partition covers are not read (run a crawler or add the partition).
    ///   Each record gets the partition columns, typed by the keys' Hive types (`from_options`
    ///   does not add them).
    /// - An unpartitioned table reads every object under its location (recursively). A
    ///   predicate on it is an error: it has no partition columns.
    /// - Bookmarks work as for `from_options` (``readS3(ctx:connectionOptions:format:formatOptions:)``):
    ///   the objects listed are selected by the ctx's state. The **path signature is the table's
    ///   location**, independent of the predicate: changing `push_down_predicate` keeps the
    ///   bookmark, so partitions that a later, wider predicate brings in are read only for
    ///   objects newer than the bookmark — older ones count as processed. (Glue keeps the
    ///   bookmark per source too; this is how a narrower first run can make data disappear.)
    /// - The source's stats record the table, the predicate and how many partitions matched
    ///   out of how many (``SourceStats/partitionsMatched``, ``SourceStats/partitionsTotal``).
    ///
    /// **JDBC tables** (`connectionName`): read through the connection's URL and the table's
    /// location as `dbtable`, with the table's `hashfield`/`hashexpression`/`hashpartitions`
    /// parameters and `additional_options` on top (`jobBookmarkKeys`,
    /// `jobBookmarkKeysSortOrder`, `hashfield`, ...): ``readJDBC(ctx:connectionType:connectionOptions:)``.
    ///
    /// - Throws: `EngineError.notFound` (`EntityNotFoundException`) for a missing database or
    ///   table; `.invalidOption` for a bad predicate.
    public func readCatalog(ctx: String?, database: String, table name: String, pushDownPredicate: String = "",
                            additionalOptions: [String: Value] = [:]) throws -> DynamicFrame {
        let table = try catalog.table(database: database, name: name)
        let predicate = pushDownPredicate.trimmingCharacters(in: .whitespacesAndNewlines)
        if let connection = table.connectionName {
            guard predicate.isEmpty else {
                throw EngineError.invalidOption(name: "push_down_predicate", value: pushDownPredicate,
                                                reason: "table \(table.qualifiedName) is a JDBC table without partitions; filter it after reading, or use hashexpression")
            }
            return try readCatalogJDBC(ctx: ctx, table: table, connection: connection, additionalOptions: additionalOptions)
        }
        var filters: [PartitionPredicate] = []
        if !predicate.isEmpty {
            filters.append(try PartitionPredicate(parsing: predicate, partitionKeys: table.partitionKeys, table: table.qualifiedName))
        }
        if case .string(let server)? = additionalOptions["catalogPartitionPredicate"],
           !server.trimmingCharacters(in: .whitespaces).isEmpty {
            filters.append(try PartitionPredicate(parsing: server, partitionKeys: table.partitionKeys, table: table.qualifiedName,
                                                  option: "catalogPartitionPredicate"))
        }
        return try readCatalogS3(ctx: ctx, table: table, filters: filters, predicateText: predicate,
                                 additionalOptions: additionalOptions)
    }

    func readCatalogS3(ctx: String?, table: CatalogTable, filters: [PartitionPredicate], predicateText: String,
                       additionalOptions: [String: Value]) throws -> DynamicFrame {
        let format = try table.dataFormat()
        let formatOptions = try table.formatOptions(forWriting: false)
        let location = try S3URI(parsing: table.storageDescriptor.location)
        var connection: [String: Value] = ["paths": .array([.string(location.description)]), "recurse": .boolean(true)]
        for key in Self.catalogS3Options { if let v = additionalOptions[key] { connection[key] = v } }
        let options = try S3ReadOptions(connectionOptions: connection)
        let keyTypes = try table.partitionKeys.map { (c: CatalogColumn) throws(EngineError) in try HiveType.type(c.type) }
        let dataColumns = table.storageDescriptor.columns.map(\.name)
        let runStart = startedOn
        return try trackedRead(ctx: ctx, kind: "s3") { plan in
            // List: the kept partitions' objects (each object knows its partition), or the table's.
            var listed: [ObjectInfo] = []
            var partitionOf: [S3URI: [String]] = [:]
            var total = 0, matched = 0
            if table.partitionKeys.isEmpty {
                listed = try listVisible(location, exclusions: options.exclusions)
            } else {
                let partitions = try catalog.partitions(database: table.databaseName, table: table.name)
                total = partitions.count
                for p in partitions where filters.allSatisfy({ $0.matches(p) }) {
                    matched += 1
                    let folder = try S3URI(parsing: p.storageDescriptor.location)
                    for o in try listVisible(folder, exclusions: options.exclusions) where partitionOf[o.uri] == nil {
                        partitionOf[o.uri] = p.values
                        listed.append(o)
                    }
                }
            }
            let signature = S3Bookmark.pathSignature(paths: [location.description])
            let (chosen, left, newState) = try Self.selectS3(plan: plan, listed: listed, options: options,
                                                             signature: signature, runStart: runStart)
            let source = S3Source(store: sandbox.store)
            var batches: [RecordBatch] = []
            var errors: [ErrorRecord] = []
            var read = ReadStats()
            for object in chosen {
                let (frame, stats) = try source.read(objects: [object], format: format, formatOptions: formatOptions, name: table.name)
                read.objectsRead += stats.objectsRead
                read.bytesRead += stats.bytesRead
                read.recordsRead += stats.recordsRead
                errors += frame.errors
                for batch in frame.batches {
                    var b = batch
                    if format == .csv, !table.hasHeader { b = Self.namedByCatalog(b, columns: dataColumns) }
                    if let values = partitionOf[object.uri] {
                        b = Self.addingPartitionColumns(b, keys: table.partitionKeys.map(\.name), types: keyTypes, values: values)
                    }
                    batches.append(b)
                }
            }
            var stats = SourceStats(
                transformationContext: ctx, connectionType: "s3", paths: [location.description], format: format.rawValue,
                objectsRead: read.objectsRead, recordsRead: read.recordsRead, bytesRead: read.bytesRead, errors: errors.count,
                objects: chosen.map(\.uri.description), objectsLeft: left.count,
                groupFiles: options.grouping(fileCount: chosen.count), groupSize: options.groupSize)
            stats.catalogTable = table.qualifiedName
            stats.pushDownPredicate = predicateText.isEmpty ? nil : predicateText
            if !table.partitionKeys.isEmpty {
                stats.partitionsTotal = total
                stats.partitionsMatched = matched
            }
            let frame = DynamicFrame(name: table.name, batches: batches, errors: errors)
            return TrackedReadResult(frame: frame, newState: newState, stats: stats)
        }
    }

    /// The objects under `folder` (recursively), without Spark's hidden files; an empty or
    /// missing folder is an empty partition, not an error.
    func listVisible(_ folder: S3URI, exclusions: [String]) throws -> [ObjectInfo] {
        let uri = folder.isPrefix ? folder : try S3URI(parsing: folder.description + "/")
        return try sandbox.store.listPath(uri, recurse: true, exclusions: exclusions).filter { !S3Source.isHidden($0.key) }
    }

    /// A header-less CSV batch's `col0, col1, ...` renamed to the catalog's column names.
    static func namedByCatalog(_ batch: RecordBatch, columns: [String]) -> RecordBatch {
        guard !columns.isEmpty else { return batch }
        let names = batch.names.map { name -> String in
            guard name.hasPrefix("col"), let i = Int(name.dropFirst(3)), i >= 0, i < columns.count else { return name }
            return columns[i]
        }
        guard Set(names).count == names.count else { return batch }
        return batch.with(names: names, columns: batch.columns)
    }

    /// `batch` with one constant column per partition key (replacing a data column of the
    /// same name, as Spark's partition values win), each value cast to the key's type.
    static func addingPartitionColumns(_ batch: RecordBatch, keys: [String], types: [DataType], values: [String]) -> RecordBatch {
        var names = batch.names
        var columns = batch.columns
        for (i, key) in keys.enumerated() {
            let raw = i < values.count ? values[i] : HivePartitioning.defaultPartition
            let value: Value = raw == HivePartitioning.defaultPartition ? .null : Value.string(raw).cast(to: types[i])
            let builder = ColumnBuilder()
            builder.reserve(batch.count)
            for _ in 0..<batch.count { builder.append(value) }
            let column = builder.finish()
            if let at = names.firstIndex(where: { $0.lowercased() == key.lowercased() }) {
                columns[at] = column
            } else {
                names.append(key)
                columns.append(column)
            }
        }
        return batch.with(names: names, columns: columns)
    }

    func readCatalogJDBC(ctx: String?, table: CatalogTable, connection name: String,
                         additionalOptions: [String: Value]) throws -> DynamicFrame {
        let connection = try catalog.connection(name)
        guard let urlText = connection.url else {
            throw EngineError.invalidOption(name: "JDBC_CONNECTION_URL", value: "", reason: "connection \(name) has no URL")
        }
        let url = try JDBCURL(parsing: urlText)
        var options: [String: Value] = [:]
        for key in ["hashfield", "hashexpression", "hashpartitions"] {
            if let v = table.parameters[key] { options[key] = .string(v) }
        }
        for (key, value) in additionalOptions where key != "catalogPartitionPredicate" { options[key] = value }
        options["url"] = .string(urlText)
        options["dbtable"] = .string(table.jdbcTable(url: url))
        let frame = try readJDBC(ctx: ctx, connectionType: url.type.rawValue, connectionOptions: options)
        lock.withLock {
            if !record.sources.isEmpty { record.sources[record.sources.count - 1].catalogTable = table.qualifiedName }
        }
        try persist()
        return DynamicFrame(name: table.name, batches: frame.batches, errors: frame.errors, stageErrorsCount: frame.stageErrorsCount)
    }

    /// The schema of a catalog table, Hive types as engine types (partition keys last): what
    /// `resolveChoice(choice="match_catalog", database=, table_name=)` casts to.
    public func catalogSchema(database: String, table: String) throws -> StructType {
        try catalog.table(database: database, name: table).schema()
    }
}
