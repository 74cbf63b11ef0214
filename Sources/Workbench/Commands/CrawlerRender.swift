import Foundation
import GlueEngine

/// How crawlers and crawl reports print: `GetCrawler`'s `Crawler` shape for `--json`, and a
/// crawl report a learner can read top to bottom.
enum CrawlerRender {
    /// The crawler as `GetCrawler` returns it (times as ISO text).
    static func crawler(_ c: CrawlerDefinition) -> DynamicRecord {
        var r = DynamicRecord([("Name", .string(c.name))])
        if let role = c.role { r["Role"] = .string(role) }
        let s3 = c.s3Targets.map { t in
            Value.structure(DynamicRecord([("Path", .string(t.path)), ("Exclusions", .array(t.exclusions.map { .string($0) }))]))
        }
        let jdbc = c.jdbcTargets.map { t in
            Value.structure(DynamicRecord([("ConnectionName", .string(t.connectionName)), ("Path", .string(t.path)),
                                           ("Exclusions", .array(t.exclusions.map { .string($0) }))]))
        }
        r["Targets"] = .structure(DynamicRecord([("S3Targets", .array(s3)), ("JdbcTargets", .array(jdbc))]))
        r["DatabaseName"] = .string(c.databaseName)
        if let d = c.description { r["Description"] = .string(d) }
        r["RecrawlPolicy"] = .structure(DynamicRecord([("RecrawlBehavior", .string(c.recrawlBehavior.rawValue))]))
        r["SchemaChangePolicy"] = .structure(DynamicRecord([("UpdateBehavior", .string(c.updateBehavior.rawValue)),
                                                            ("DeleteBehavior", .string(c.deleteBehavior.rawValue))]))
        r["State"] = .string(c.state.rawValue)
        if let p = c.tablePrefix { r["TablePrefix"] = .string(p) }
        r["CreationTime"] = .string(Timestamps.format(c.creationTime))
        r["LastUpdated"] = .string(Timestamps.format(c.lastUpdated))
        if let l = c.lastCrawl {
            var last = DynamicRecord([("Status", .string(l.status))])
            if let e = l.errorMessage { last["ErrorMessage"] = .string(e) }
            last["StartTime"] = .string(Timestamps.format(l.startTime))
            r["LastCrawl"] = .structure(last)
            r["CrawlerMetrics"] = .structure(DynamicRecord([
                ("LastRuntimeSeconds", .double(l.runSeconds)), ("TablesCreated", .long(Int64(l.tablesCreated))),
                ("TablesUpdated", .long(Int64(l.tablesUpdated))), ("TablesDeleted", .long(Int64(l.tablesDeleted))),
                ("TablesDeprecated", .long(Int64(l.tablesDeprecated))), ("PartitionsAdded", .long(Int64(l.partitionsAdded))),
                ("PartitionsDeleted", .long(Int64(l.partitionsDeleted))),
            ]))
        }
        r["Version"] = .long(Int64(c.version))
        if let conf = c.configuration { r["Configuration"] = .string(conf) }
        return r
    }

    /// `s3://lake/sales/, shop-pg:shop/public/%`.
    static func targetsText(_ c: CrawlerDefinition) -> String {
        (c.s3Targets.map(\.path) + c.jdbcTargets.map { "\($0.connectionName):\($0.path)" }).joined(separator: ", ")
    }

    /// `get` as text.
    static func lines(_ c: CrawlerDefinition) -> [String] {
        var out = ["Name: \(c.name)", "State: \(c.state.rawValue)", "DatabaseName: \(c.databaseName)"]
        if let d = c.description { out.append("Description: \(d)") }
        for t in c.s3Targets {
            out.append("S3Target: \(t.path)" + (t.exclusions.isEmpty ? "" : " (exclusions: \(t.exclusions.joined(separator: ", ")))"))
        }
        for t in c.jdbcTargets { out.append("JdbcTarget: \(t.connectionName) \(t.path)") }
        out += ["TablePrefix: \(c.tablePrefix ?? "-")",
                "SchemaChangePolicy: UpdateBehavior \(c.updateBehavior.rawValue), DeleteBehavior \(c.deleteBehavior.rawValue)",
                "RecrawlPolicy: \(c.recrawlBehavior.rawValue)"]
        if let conf = c.configuration { out.append("Configuration: \(conf)") }
        out.append("CreationTime: \(Timestamps.format(c.creationTime))")
        if let l = c.lastCrawl {
            out.append("LastCrawl: \(l.status) at \(Timestamps.format(l.startTime))" + (l.errorMessage.map { ": \($0)" } ?? ""))
            if l.status == "SUCCEEDED" {
                out.append("  tables created \(l.tablesCreated), updated \(l.tablesUpdated), deprecated \(l.tablesDeprecated), "
                    + "deleted \(l.tablesDeleted); partitions added \(l.partitionsAdded), deleted \(l.partitionsDeleted)")
            }
        } else {
            out.append("LastCrawl: never run")
        }
        return out
    }

    /// The report as text.
    static func reportLines(_ r: CrawlReport) -> [String] {
        var out = ["crawler \(r.crawler) SUCCEEDED: database \(r.database)" + (r.databaseCreated ? " (created)" : "")]
        out.append("listed \(r.objectsListed) object\(r.objectsListed == 1 ? "" : "s"), sampled \(r.objectsSampled) "
            + "(\(r.bytesSampled) bytes, \(r.recordsSampled) records)" + (r.jdbcTablesRead > 0 ? ", read \(r.jdbcTablesRead) JDBC table schemas" : ""))
        func section(_ title: String, _ items: [String], count: Int? = nil) {
            guard !items.isEmpty else { return }
            out.append("\(title) (\(count ?? items.count)):")
            out += items.map { "  " + $0 }
        }
        section("tables created", r.tablesCreated.map { t in
            "\(t.name)  \(t.location)  \(t.classification)  " + t.columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
                + (t.partitionKeys.isEmpty ? "" : "  partitioned by \(t.partitionKeys.joined(separator: ", "))")
        })
        section("tables updated", r.tablesUpdated.flatMap { u in
            ["\(u.name) -> version \(u.versionId)"] + u.changes.map { "  \($0)" }
        }, count: r.tablesUpdated.count)
        section("tables unchanged", r.tablesUnchanged)
        section("tables deprecated", r.tablesDeprecated)
        section("tables deleted", r.tablesDeleted)
        section("partitions added", r.partitionsAdded.map(\.description))
        section("partitions updated", r.partitionsUpdated.map(\.description))
        section("partitions deprecated", r.partitionsDeprecated.map(\.description))
        section("partitions deleted", r.partitionsDeleted.map(\.description))
        section("not changed (LOG)", r.logged.map(\.description))
        section("skipped", r.skipped.map { "\($0.uri): \($0.reason)" })
        out.append("cost: " + r.cost.description)
        out += r.cost.assumptions.map { "  - " + $0 }
        return out
    }

    /// The report as one JSON record.
    static func report(_ r: CrawlReport) -> DynamicRecord {
        func strings(_ items: [String]) -> Value { .array(items.map { .string($0) }) }
        func partitions(_ items: [CrawlReport.PartitionRef]) -> Value {
            .array(items.map { .structure(DynamicRecord([("table", .string($0.table)), ("values", strings($0.values))])) })
        }
        return DynamicRecord([
            ("crawler", .string(r.crawler)), ("database", .string(r.database)), ("databaseCreated", .boolean(r.databaseCreated)),
            ("startTime", .string(Timestamps.format(r.startTime))),
            ("tablesCreated", .array(r.tablesCreated.map { t in
                .structure(DynamicRecord([("name", .string(t.name)), ("location", .string(t.location)),
                                          ("classification", .string(t.classification)),
                                          ("columns", .array(t.columns.map { .structure(DynamicRecord([("Name", .string($0.name)), ("Type", .string($0.type))])) })),
                                          ("partitionKeys", strings(t.partitionKeys))]))
            })),
            ("tablesUpdated", .array(r.tablesUpdated.map { u in
                .structure(DynamicRecord([("name", .string(u.name)), ("versionId", .long(Int64(u.versionId))),
                                          ("changes", strings(u.changes.map(\.description)))]))
            })),
            ("tablesUnchanged", strings(r.tablesUnchanged)), ("tablesDeprecated", strings(r.tablesDeprecated)),
            ("tablesDeleted", strings(r.tablesDeleted)),
            ("partitionsAdded", partitions(r.partitionsAdded)), ("partitionsUpdated", partitions(r.partitionsUpdated)),
            ("partitionsDeprecated", partitions(r.partitionsDeprecated)), ("partitionsDeleted", partitions(r.partitionsDeleted)),
            ("logged", strings(r.logged.map(\.description))),
            ("skipped", .array(r.skipped.map { .structure(DynamicRecord([("uri", .string($0.uri)), ("reason", .string($0.reason))])) })),
            ("objectsListed", .long(Int64(r.objectsListed))), ("objectsSampled", .long(Int64(r.objectsSampled))),
            ("bytesSampled", .long(r.bytesSampled)), ("recordsSampled", .long(Int64(r.recordsSampled))),
            ("runSeconds", .double(r.runSeconds)), ("billedSeconds", .double(r.cost.billedSeconds)),
            ("dpu", .double(r.cost.dpu)), ("costUSD", .double(CostCommand.cents(r.cost.standardUSD))),
        ])
    }
}
