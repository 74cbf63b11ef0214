import Foundation
import GRDB

/// A crawl's catalog changes, under the crawler's policies (fact sheet §5):
///
/// - **New tables and partitions are always created**, whatever the policy.
/// - An existing table whose crawled definition differs (columns added, removed or retyped;
///   classification, location, SerDe, header, partition keys; a deprecation to lift):
///   `UPDATE_IN_DATABASE` writes a new table version (the previous one is kept); the crawler's
///   parameters replace the old ones. Only these differences count: refreshed statistics
///   alone (`objectCount`, `recordCount`, ...) write no version. `LOG` changes nothing and
///   reports what it would have done. With `MergeNewColumns` an update only appends new
///   columns (removals and type changes are logged), and a change of classification marks the
///   table deprecated instead.
/// - An existing partition whose columns or formats differ is updated or logged the same way.
/// - **Deletions** — a table this crawler created whose data is gone (its location lies under
///   one of the crawler's S3 include paths, or it came from one of its JDBC connections), or a
///   partition of a crawled table whose folder is gone: `DEPRECATE_IN_DATABASE` sets
///   `DEPRECATED_BY_CRAWLER` (epoch milliseconds, as Glue) in the table's — or partition's —
///   parameters, a new table version; `DELETE_FROM_DATABASE` deletes it; `LOG` reports it.
/// - A table of the same name at another location that this crawler did not create is left
///   alone: the crawled table takes the name with a hash suffix, as Glue does.
extension Crawler {
    static let deprecatedKey = "DEPRECATED_BY_CRAWLER"

    static func apply(_ db: Database, _ crawler: CrawlerDefinition, _ d: inout Discovery, sandbox: Sandbox) throws {
        let now = try sandbox.clock.now(db)
        let configuration = try CrawlerConfiguration(json: crawler.configuration)
        let incremental = crawler.recrawlBehavior == .crawlNewFoldersOnly && crawler.lastCrawl?.status == "SUCCEEDED"
        let update = incremental ? .log : crawler.updateBehavior
        if try DataCatalog.findDatabase(db, d.report.database) == nil {
            _ = try DataCatalog.createDatabase(db, CatalogDatabase(name: d.report.database, description: "Created by crawler \(crawler.name)"), now: now)
            d.report.databaseCreated = true
        }
        var seen = Set<String>()
        for var f in d.found {
            if let existing = try DataCatalog.findTable(db, database: f.table.databaseName, name: f.table.name),
               existing.storageDescriptor.location != f.table.storageDescriptor.location, existing.createdBy != crawler.name {
                let suffixed = f.table.name + "_" + String(MD5.hex(Array(f.table.storageDescriptor.location.utf8)).prefix(8))
                f.table.name = suffixed
                for i in f.partitions.indices { f.partitions[i].tableName = suffixed }
            }
            seen.insert(f.table.name)
            guard let existing = try DataCatalog.findTable(db, database: f.table.databaseName, name: f.table.name) else {
                _ = try DataCatalog.createTable(db, f.table, now: now)
                d.report.tablesCreated.append(.init(name: f.table.name, location: f.table.storageDescriptor.location,
                                                    classification: f.table.classification ?? "", columns: f.table.storageDescriptor.columns,
                                                    partitionKeys: f.table.partitionKeys.map(\.name)))
                try addPartitions(db, f.partitions, now: now, &d.report)
                continue
            }
            try updateTable(db, existing, f, update: update, merge: configuration.mergeNewColumns, now: now, &d.report)
            try partitions(db, existing: existing, f, update: update, incremental: incremental, crawler: crawler, now: now, &d.report)
        }
        if !incremental {
            try deletions(db, crawler, seen: seen, now: now, &d.report)
        }
        CrawlCost.apply(to: &d.report)
    }

    static func addPartitions(_ db: Database, _ partitions: [CatalogPartition], now: Int64, _ r: inout CrawlReport) throws {
        guard !partitions.isEmpty else { return }
        _ = try DataCatalog.createPartitions(db, partitions, now: now)
        r.partitionsAdded += partitions.map { .init(table: $0.tableName, values: $0.values) }
    }

    /// The differences between `old` and `new` that make a new version.
    static func changes(_ old: CatalogTable, _ new: CatalogTable) -> [CrawlReport.SchemaChange] {
        var out: [CrawlReport.SchemaChange] = []
        let oldColumns = Dictionary(old.storageDescriptor.columns.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        let newColumns = Dictionary(new.storageDescriptor.columns.map { ($0.name, $0.type) }, uniquingKeysWith: { a, _ in a })
        for c in new.storageDescriptor.columns {
            if let t = oldColumns[c.name] {
                if t != c.type { out.append(.columnRetyped(name: c.name, from: t, to: c.type)) }
            } else {
                out.append(.columnAdded(name: c.name, type: c.type))
            }
        }
        for c in old.storageDescriptor.columns where newColumns[c.name] == nil { out.append(.columnRemoved(name: c.name, type: c.type)) }
        func attribute(_ name: String, _ a: String?, _ b: String?) {
            if (a ?? "") != (b ?? "") { out.append(.attribute(name: name, from: a ?? "", to: b ?? "")) }
        }
        attribute("partition keys", old.partitionKeys.map(\.name).joined(separator: ","), new.partitionKeys.map(\.name).joined(separator: ","))
        attribute("classification", old.classification, new.classification)
        attribute("location", old.storageDescriptor.location, new.storageDescriptor.location)
        attribute("SerDe", old.storageDescriptor.serdeLibrary, new.storageDescriptor.serdeLibrary)
        attribute("skip.header.line.count", old.parameters["skip.header.line.count"], new.parameters["skip.header.line.count"])
        attribute("delimiter", old.parameters["delimiter"], new.parameters["delimiter"])
        attribute(deprecatedKey, old.parameters[deprecatedKey], new.parameters[deprecatedKey])
        return out
    }

    static func updateTable(_ db: Database, _ existing: CatalogTable, _ f: Found, update: CrawlerDefinition.UpdateBehavior,
                            merge: Bool, now: Int64, _ r: inout CrawlReport) throws {
        let all = changes(existing, f.table)
        guard !all.isEmpty else {
            r.tablesUnchanged.append(existing.name)
            return
        }
        guard update == .updateInDatabase else {
            r.logged.append(.init(table: existing.name, action: "update the table (a new version)", changes: all))
            return
        }
        var next = f.table
        next.description = existing.description
        next.createdBy = existing.createdBy
        var applied = all
        if merge && f.fromS3 {
            if existing.classification != f.table.classification {
                var deprecated = existing
                deprecated.parameters[deprecatedKey] = String(now / 1000)
                _ = try DataCatalog.updateTable(db, deprecated, now: now)
                r.tablesDeprecated.append(existing.name)
                r.logged.append(.init(table: existing.name, action: "change the classification (MergeNewColumns deprecates the table instead)",
                                      changes: all.filter { if case .attribute(name: "classification", _, _) = $0 { true } else { false } }))
                return
            }
            next = existing
            var added: [CrawlReport.SchemaChange] = []
            for case .columnAdded(let name, let type) in all {
                next.storageDescriptor.columns.append(CatalogColumn(name: name, type: type))
                added.append(.columnAdded(name: name, type: type))
            }
            let kept = all.filter { change in
                switch change {
                case .columnRemoved, .columnRetyped: true
                default: false
                }
            }
            if !kept.isEmpty { r.logged.append(.init(table: existing.name, action: "remove or retype columns (MergeNewColumns only adds)", changes: kept)) }
            applied = added
            guard !added.isEmpty else {
                r.tablesUnchanged.append(existing.name)
                return
            }
        }
        let v = try DataCatalog.updateTable(db, next, now: now)
        r.tablesUpdated.append(.init(name: existing.name, versionId: v.versionId, changes: applied))
    }

    static func partitions(_ db: Database, existing: CatalogTable, _ f: Found, update: CrawlerDefinition.UpdateBehavior,
                           incremental: Bool, crawler: CrawlerDefinition, now: Int64, _ r: inout CrawlReport) throws {
        let current = try DataCatalog.partitions(db, database: existing.databaseName, table: existing.name)
        let byValues = Dictionary(current.map { ($0.values, $0) }, uniquingKeysWith: { a, _ in a })
        let keysMatch = existing.partitionKeys.map(\.name) == f.table.partitionKeys.map(\.name)
        var added: [CatalogPartition] = []
        for p in f.partitions {
            guard keysMatch || update == .updateInDatabase else {
                r.logged.append(.init(table: existing.name, action: "add partition [\(p.values.joined(separator: ", "))] (the partition keys differ)", changes: []))
                continue
            }
            guard let old = byValues[p.values] else {
                if incremental {
                    let tableColumns = Set(existing.storageDescriptor.columns.map(\.name))
                    if !CrawlLayout.similar(Set(p.storageDescriptor.columns.map(\.name)), tableColumns) {
                        r.skipped.append(.init(uri: p.storageDescriptor.location, reason: "its schema is too different from table \(existing.name)'s to add as a partition"))
                        continue
                    }
                }
                added.append(p)
                continue
            }
            let oldT = CatalogTable(databaseName: "", name: "", storageDescriptor: old.storageDescriptor)
            let newT = CatalogTable(databaseName: "", name: "", storageDescriptor: p.storageDescriptor)
            let diff = changes(oldT, newT).filter { if case .attribute(name: "location", _, _) = $0 { false } else { true } }
            guard !diff.isEmpty || old.parameters[deprecatedKey] != nil else { continue }
            if update == .updateInDatabase {
                try DataCatalog.updatePartition(db, p)
                r.partitionsUpdated.append(.init(table: existing.name, values: p.values))
            } else {
                r.logged.append(.init(table: existing.name, action: "update partition [\(p.values.joined(separator: ", "))]", changes: diff))
            }
        }
        try addPartitions(db, added, now: now, &r)
        guard !incremental, keysMatch || update == .updateInDatabase else { return }
        let crawled = Set(f.partitions.map(\.values))
        for p in current where !crawled.contains(p.values) {
            let ref = CrawlReport.PartitionRef(table: existing.name, values: p.values)
            switch crawler.deleteBehavior {
            case .deleteFromDatabase:
                try DataCatalog.deletePartition(db, database: p.databaseName, table: p.tableName, values: p.values)
                r.partitionsDeleted.append(ref)
            case .deprecateInDatabase:
                guard p.parameters[deprecatedKey] == nil else { continue }
                var q = p
                q.parameters[deprecatedKey] = String(now / 1000)
                try DataCatalog.updatePartition(db, q)
                r.partitionsDeprecated.append(ref)
            case .log:
                r.logged.append(.init(table: existing.name, action: "delete or deprecate partition [\(p.values.joined(separator: ", "))] (its folder is gone)", changes: []))
            }
        }
    }

    static func deletions(_ db: Database, _ crawler: CrawlerDefinition, seen: Set<String>, now: Int64, _ r: inout CrawlReport) throws {
        let prefixes = crawler.s3Targets.map(\.path)
        let connections = Set(crawler.jdbcTargets.map(\.connectionName))
        for t in try DataCatalog.tables(db, database: r.database) where t.createdBy == crawler.name && !seen.contains(t.name) {
            let location = t.storageDescriptor.location
            let ours = prefixes.contains { p in location.hasPrefix(p.hasSuffix("/") ? p : p + "/") || location == p }
                || t.parameters["connectionName"].map(connections.contains) == true
            guard ours else { continue }
            switch crawler.deleteBehavior {
            case .deleteFromDatabase:
                try DataCatalog.deleteTable(db, database: t.databaseName, name: t.name)
                r.tablesDeleted.append(t.name)
            case .deprecateInDatabase:
                guard t.parameters[deprecatedKey] == nil else { continue }
                var next = t
                next.parameters[deprecatedKey] = String(now / 1000)
                _ = try DataCatalog.updateTable(db, next, now: now)
                r.tablesDeprecated.append(t.name)
            case .log:
                r.logged.append(.init(table: t.name, action: "delete or deprecate the table (its data is gone)", changes: []))
            }
        }
    }
}
