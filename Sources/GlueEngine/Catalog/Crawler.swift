import Foundation
import GRDB

/// Runs a crawler (`StartCrawler`), synchronously: it lists and samples its targets, plans
/// tables and partitions (``CrawlLayout``, ``CrawlTableBuilder``, ``CrawlJDBC``), then makes
/// every catalog change in **one** transaction, applying the crawler's policies
/// (``Crawler/apply(_:_:_:now:)``), and records `LastCrawl`.
///
/// - S3 targets: every object under the include path (recursively), except objects whose name
///   starts with `_` or `.` and those an exclusion glob matches — globs are matched against
///   the key relative to the include path (`**.tmp`, `2023/**`), the whole key, and the
///   `s3://` URI.
/// - A recrawl keeps the table roots it made (see ``assign(_:to:similarOnly:report:)``).
/// - `CRAWL_NEW_FOLDERS_ONLY`: after a first successful crawl, only objects in folders no
///   earlier crawl read are sampled (objects added to a known folder are not seen); existing
///   tables only gain partitions (update and delete behaviours are `LOG`), and deletions are
///   not looked for. A new folder whose schema is not similar to its table's is skipped.
/// - A crawl whose database does not exist creates it (reported).
/// - A run while the crawler is `RUNNING` is refused (`CrawlerRunningException`); a failed
///   crawl records `FAILED` with its error and changes nothing in the catalog.
public enum Crawler {
    /// One planned catalog table with its partitions, and where its data came from.
    struct Found {
        var table: CatalogTable
        var partitions: [CatalogPartition]
        var fromS3: Bool
    }

    /// What discovery produced before any catalog change.
    struct Discovery {
        var found: [Found] = []
        var report: CrawlReport
        var foldersSeen: Set<String> = []
    }

    /// Runs the crawler `name` and returns its report.
    /// `progress` is told, as objects are sampled, how many of the listed ones are done.
    public static func run(sandbox: Sandbox, name: String,
                           progress: ((_ done: Int, _ total: Int) -> Void)? = nil) throws(EngineError) -> CrawlReport {
        let store = CrawlerStore(sandbox: sandbox)
        let (crawler, start) = try store.write { db -> (CrawlerDefinition, Int64) in
            var c = try CrawlerStore.get(db, name)
            if c.isRunning {
                throw EngineError.conflict(exception: "CrawlerRunningException", message: "Crawler with name \(name) has already started")
            }
            c.state = .running
            c.runningPid = getpid()
            try CrawlerStore.save(db, c)
            return (c, try sandbox.clock.now(db))
        }
        do {
            var discovery = try discover(sandbox: sandbox, crawler: crawler, start: start, progress: progress)
            return try store.write { db in
                try apply(db, crawler, &discovery, sandbox: sandbox)
                var c = try CrawlerStore.get(db, name)
                let r = discovery.report
                c.state = .ready
                c.runningPid = nil
                c.crawledFolders = Array(Set(c.crawledFolders).union(discovery.foldersSeen)).sorted()
                c.lastCrawl = CrawlerDefinition.LastCrawl(
                    status: "SUCCEEDED", errorMessage: nil, startTime: start, runSeconds: r.runSeconds,
                    tablesCreated: r.tablesCreated.count, tablesUpdated: r.tablesUpdated.count,
                    tablesDeleted: r.tablesDeleted.count, tablesDeprecated: r.tablesDeprecated.count,
                    partitionsAdded: r.partitionsAdded.count, partitionsDeleted: r.partitionsDeleted.count)
                try CrawlerStore.save(db, c)
                return r
            }
        } catch {
            try? store.write { db in
                var c = try CrawlerStore.get(db, name)
                c.state = .ready
                c.runningPid = nil
                c.lastCrawl = CrawlerDefinition.LastCrawl(status: "FAILED", errorMessage: error.description, startTime: start, runSeconds: 0,
                                                          tablesCreated: 0, tablesUpdated: 0, tablesDeleted: 0, tablesDeprecated: 0,
                                                          partitionsAdded: 0, partitionsDeleted: 0)
                try CrawlerStore.save(db, c)
            }
            throw error
        }
    }

    /// Lists, samples and plans every target; reads the catalog only through `DataCatalog`.
    static func discover(sandbox: Sandbox, crawler: CrawlerDefinition, start: Int64,
                         progress: ((Int, Int) -> Void)? = nil) throws(EngineError) -> Discovery {
        let configuration = try CrawlerConfiguration(json: crawler.configuration)
        var d = Discovery(report: CrawlReport(crawler: crawler.name, database: crawler.databaseName.lowercased(), startTime: start,
                                              cost: CostModel.crawler(runSeconds: 0)))
        let incremental = crawler.recrawlBehavior == .crawlNewFoldersOnly && crawler.lastCrawl?.status == "SUCCEEDED"
        let known = Set(crawler.crawledFolders)
        var names: [String: String] = [:]  // table name → location, to keep names unique within a crawl
        let existing = try existingTables(sandbox: sandbox, crawler: crawler)
        for target in crawler.s3Targets {
            let uri = try S3URI(parsing: target.path)
            let store = sandbox.store
            var prefix = uri.key
            var objects: [ObjectInfo]
            if !uri.isPrefix, let one = try? store.head(uri) {
                objects = [one]
                prefix = String(uri.key[..<(uri.key.lastIndex(of: "/").map { uri.key.index(after: $0) } ?? uri.key.startIndex)])
            } else {
                if !prefix.isEmpty, !prefix.hasSuffix("/") { prefix += "/" }
                objects = try store.list(S3URI(trusted: uri.bucket, key: prefix), recurse: true)
            }
            let globs = try target.exclusions.map { (g: String) throws(EngineError) in try GlobMatcher(g) }
            objects = objects.filter { o in
                let relative = String(o.key.dropFirst(prefix.count))
                return !S3Source.isHidden(o.key) && !globs.contains { $0.matches(relative) || $0.matches(o.key) || $0.matches(o.uri.description) }
            }
            d.report.objectsListed += objects.count
            var samples: [CrawlSample] = []
            for (index, o) in objects.enumerated() {
                progress?(index + 1, objects.count)
                let folder = "s3://\(o.bucket)/" + o.key[..<(o.key.lastIndex(of: "/").map { o.key.index(after: $0) } ?? o.key.startIndex)]
                d.foldersSeen.insert(folder)
                if incremental, known.contains(folder) { continue }
                let data = try store.get(o.uri)
                switch CrawlSample.classify(o, data: data) {
                case .success(let s):
                    samples.append(s)
                    d.report.objectsSampled += 1
                    d.report.bytesSampled += s.bytesSampled
                    d.report.recordsSampled += s.recordsSampled
                case .failure(let u):
                    d.report.skipped.append(.init(uri: u.object.uri.description, reason: u.reason))
                }
            }
            let layout = CrawlLayout(bucket: uri.bucket, configuration: configuration)
            var intoExisting: [CrawlLayout.Table] = []
            (intoExisting, samples) = assign(samples, to: existing, similarOnly: incremental, report: &d.report)
            let planned = intoExisting + (!uri.isPrefix && objects.count == 1 && objects[0].key == uri.key
                ? samples.map { CrawlLayout.Table(name: String($0.object.key.split(separator: "/").last ?? ""), location: $0.object.uri.description,
                                                  samples: [$0], partitionKeys: [], partitions: []) }
                : layout.plan(prefix: prefix, samples: samples))
            for var p in planned {
                // One format per table: objects of another format than the first are skipped.
                let format = (p.samples[0].format, p.samples[0].delimiter)
                for s in p.samples where (s.format, s.delimiter) != format {
                    d.report.skipped.append(.init(uri: s.object.uri.description, reason: "its format differs from table \(p.name)'s (\(format.0.rawValue))"))
                }
                p.samples = p.samples.filter { ($0.format, $0.delimiter) == format }
                p.partitions = p.partitions.compactMap { part in
                    var q = part
                    q.samples = part.samples.filter { ($0.format, $0.delimiter) == format }
                    return q.samples.isEmpty ? nil : q
                }
                var name = p.isExisting ? p.name : CrawlLayout.tableName(p.name, prefix: crawler.tablePrefix)
                if let other = names[name], other != p.location { name += "_" + String(MD5.hex(Array(p.location.utf8)).prefix(8)) }
                names[name] = p.location
                if let (table, partitions) = CrawlTableBuilder.build(p, database: d.report.database, name: name, crawler: crawler.name,
                                                                      configuration: configuration) {
                    d.found.append(Found(table: table, partitions: partitions, fromS3: true))
                }
            }
        }
        let jdbc = CrawlJDBC(sandbox: sandbox)
        for target in crawler.jdbcTargets {
            let tables = try jdbc.tables(target, database: d.report.database, crawler: crawler)
            d.report.jdbcTablesRead += tables.count
            d.found += tables.map { Found(table: $0, partitions: [], fromS3: false) }
        }
        return d
    }

    /// The S3 tables this crawler made earlier (for incremental crawls).
    static func existingTables(sandbox: Sandbox, crawler: CrawlerDefinition) throws(EngineError) -> [CatalogTable] {
        let catalog = DataCatalog(sandbox: sandbox)
        guard (try? catalog.database(crawler.databaseName)) != nil else { return [] }
        return try catalog.tables(database: crawler.databaseName).filter {
            $0.createdBy == crawler.name && $0.storageDescriptor.location.hasPrefix("s3://") && $0.storageDescriptor.location.hasSuffix("/")
        }
    }

    /// A recrawl keeps the tables this crawler made: objects under an existing table's
    /// location stay in that table (their folders must be as deep as its partition keys, or
    /// they are skipped), so a table does not move when a sibling folder appears or goes;
    /// the other objects are returned to be grouped anew. Incremental crawls (`similarOnly`)
    /// also skip new partitions whose schema is not similar to the table's.
    static func assign(_ samples: [CrawlSample], to tables: [CatalogTable], similarOnly: Bool, report: inout CrawlReport)
        -> ([CrawlLayout.Table], [CrawlSample]) {
        var planned: [String: CrawlLayout.Table] = [:]
        var order: [String] = []
        var rest: [CrawlSample] = []
        for s in samples {
            let uri = s.object.uri.description
            guard let t = tables.first(where: { uri.hasPrefix($0.storageDescriptor.location) }) else {
                rest.append(s)
                continue
            }
            let location = t.storageDescriptor.location
            let folders = uri.dropFirst(location.count).split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
            guard folders.count == t.partitionKeys.count else {
                report.skipped.append(.init(uri: uri, reason: "its folder depth does not match table \(t.name)'s partition keys"))
                continue
            }
            let values = zip(t.partitionKeys, folders).map { key, seg in
                CrawlLayout.keyValue(seg).flatMap { $0.key.lowercased() == key.name ? $0.value : nil } ?? seg
            }
            if planned[t.name] == nil {
                order.append(t.name)
                planned[t.name] = CrawlLayout.Table(name: t.name, location: location, samples: [], partitionKeys: t.partitionKeys.map(\.name),
                                                    partitions: [], isExisting: true)
            }
            planned[t.name]!.samples.append(s)
            if folders.isEmpty { continue }
            let partitionLocation = location + folders.map { $0 + "/" }.joined()
            if let i = planned[t.name]!.partitions.firstIndex(where: { $0.values == values }) {
                planned[t.name]!.partitions[i].samples.append(s)
            } else {
                planned[t.name]!.partitions.append(.init(values: values, location: partitionLocation, samples: [s]))
            }
        }
        // "Ignores objects whose schema is too different to add as partitions."
        var out: [CrawlLayout.Table] = []
        for name in order {
            var p = planned[name]!
            let columns = Set(tables.first { $0.name == name }!.storageDescriptor.columns.map(\.name))
            p.partitions = p.partitions.filter { part in
                guard similarOnly else { return true }
                let own = Set(part.samples.flatMap { $0.schema.names.map { $0.lowercased() } })
                if CrawlLayout.similar(own, columns) { return true }
                report.skipped.append(.init(uri: part.location, reason: "its schema is too different from table \(name)'s to add as a partition"))
                return false
            }
            if !p.partitionKeys.isEmpty { p.samples = p.partitions.flatMap(\.samples) }
            if !p.samples.isEmpty { out.append(p) }
        }
        return (out, rest)
    }
}
