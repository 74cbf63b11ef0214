import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab crawler ...`: crawlers, as `CreateCrawler`, `GetCrawler`, `GetCrawlers`,
/// `StartCrawler` (run synchronously, with a report) and `DeleteCrawler`.
struct CrawlerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "crawler",
        abstract: "Crawlers that classify S3 data and JDBC tables into Data Catalog tables.",
        discussion: """
              gluelab crawler create sales --database lake --s3-target s3://lake/sales/
              gluelab crawler run sales
            A run samples each file (CSV: the first 1,000 records or 1 MB; JSON: 1 MB; Parquet: \
            the footer), widens each column to one type, finds Hive-style partitions, and applies \
            the SchemaChangePolicy; it reports what changed, what LOG kept from changing, and what \
            the crawl would cost (10-minute minimum). Deleting a crawler keeps its tables.
            """,
        subcommands: [Create.self, Get.self, List.self, Run.self, Delete.self]
    )
}

extension CrawlerCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a crawler (CreateCrawler).")
        @Argument(help: "The crawler name.") var name: String
        @Option(help: "The Data Catalog database the crawler writes to (created by the first crawl if missing).") var database: String
        @Option(help: ArgumentHelp("An S3 include path (repeatable).", valueName: "s3://bucket/prefix/")) var s3Target: [String] = []
        @Option(help: "Exclusion globs for the S3 targets, as a JSON list (relative to the include path), e.g. '[\"**.tmp\"]'.")
        var exclusions: String?
        @Option(help: ArgumentHelp("A JDBC target (repeatable): a catalog connection and an include path.", valueName: "connection:db/schema/%"))
        var jdbcTarget: [String] = []
        @Option(help: "A prefix for the names of the tables the crawler creates.") var tablePrefix: String?
        @Option(help: "UPDATE_IN_DATABASE (default) or LOG.") var updateBehavior: String?
        @Option(help: "DEPRECATE_IN_DATABASE (default), DELETE_FROM_DATABASE or LOG.") var deleteBehavior: String?
        @Option(help: "CRAWL_EVERYTHING (default) or CRAWL_NEW_FOLDERS_ONLY (update and delete behaviours become LOG).")
        var recrawlBehavior: String?
        @Option(help: "The Configuration JSON (MergeNewColumns, InheritFromTable, CombineCompatibleSchemas, TableLevelConfiguration).")
        var configuration: String?
        @Option(help: "The IAM role (kept for display; the sandbox has no IAM).") var role: String?
        @Option(help: "A description.") var description: String?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let globs = try exclusions.map { try ObjectStore.parseExclusions($0) } ?? []
            let jdbc = try jdbcTarget.map { text -> CrawlerDefinition.JDBCTarget in
                guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex else {
                    throw WorkbenchError.badValue(option: "--jdbc-target", value: text, reason: "expected CONNECTION:PATH, e.g. shop-pg:shop/public/%")
                }
                return .init(connectionName: String(text[..<colon]), path: String(text[text.index(after: colon)...]))
            }
            let recrawl = try recrawlBehavior.map { try Self.parse($0, CrawlerDefinition.RecrawlBehavior.self, "--recrawl-behavior") } ?? .crawlEverything
            let forcedLog = recrawl == .crawlNewFoldersOnly
            var crawler = CrawlerDefinition(
                name: name, databaseName: database, s3Targets: s3Target.map { .init(path: $0, exclusions: globs) }, jdbcTargets: jdbc,
                tablePrefix: tablePrefix,
                updateBehavior: try updateBehavior.map { try Self.parse($0, CrawlerDefinition.UpdateBehavior.self, "--update-behavior") }
                    ?? (forcedLog ? .log : .updateInDatabase),
                deleteBehavior: try deleteBehavior.map { try Self.parse($0, CrawlerDefinition.DeleteBehavior.self, "--delete-behavior") }
                    ?? (forcedLog ? .log : .deprecateInDatabase),
                recrawlBehavior: recrawl, configuration: configuration, role: role, description: description)
            crawler = try CrawlerStore(sandbox: try sandboxOptions.open()).create(crawler)
            if output.json { Output.json(CrawlerRender.crawler(crawler)) } else {
                Output.line("created crawler \(crawler.name) (database \(crawler.databaseName), \(CrawlerRender.targetsText(crawler)), "
                    + "\(crawler.updateBehavior.rawValue)/\(crawler.deleteBehavior.rawValue), \(crawler.recrawlBehavior.rawValue))")
            }
        }

        static func parse<T: RawRepresentable & CaseIterable>(_ text: String, _ type: T.Type, _ option: String) throws -> T where T.RawValue == String {
            guard let v = T(rawValue: text.uppercased()) else {
                throw WorkbenchError.badValue(option: option, value: text, reason: "expected " + T.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return v
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a crawler (GetCrawler).")
        @Argument(help: "The crawler name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let c = try CrawlerStore(sandbox: try sandboxOptions.open()).get(name)
            if output.json { Output.json(CrawlerRender.crawler(c)) } else { for l in CrawlerRender.lines(c) { Output.line(l) } }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the crawlers (GetCrawlers).")
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let all = try CrawlerStore(sandbox: try sandboxOptions.open()).list()
            if output.json {
                for c in all { Output.json(CrawlerRender.crawler(c)) }
                return
            }
            if all.isEmpty {
                Output.note("no crawlers; 'gluelab crawler create NAME --database DB --s3-target s3://bucket/prefix/' makes one")
                return
            }
            let rows = [["NAME", "STATE", "DATABASE", "LAST CRAWL", "TARGETS"]] + all.map {
                [$0.name, $0.state.rawValue, $0.databaseName, $0.lastCrawl.map { "\($0.status) \(Timestamps.format($0.startTime))" } ?? "-",
                 CrawlerRender.targetsText($0)]
            }
            for l in JobRender.table(rows) { Output.line(l) }
        }
    }

    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Run a crawler now (StartCrawler) and report what it did.")
        @Argument(help: "The crawler name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            // On a terminal, a bar of the objects sampled (one bar per target listing).
            var bar: ProgressBar?
            var barTotal = -1
            let report: CrawlReport
            do {
                report = try Crawler.run(sandbox: try sandboxOptions.open(), name: name) { done, total in
                    if total != barTotal {
                        bar?.finish()
                        bar = ProgressBar(label: "crawling \(name)", total: Int64(total), unit: { "\($0) objects" })
                        barTotal = total
                    }
                    bar?.update(Int64(done))
                }
                bar?.finish()
            } catch {
                bar?.finish()
                throw error
            }
            if output.json { Output.json(CrawlerRender.report(report)) } else { for l in CrawlerRender.reportLines(report) { Output.line(l) } }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a crawler (DeleteCrawler); its tables stay.")
        @Argument(help: "The crawler name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            try CrawlerStore(sandbox: try sandboxOptions.open()).delete(name)
            Output.line("deleted crawler \(name); the tables it made stay in the catalog")
        }
    }
}
