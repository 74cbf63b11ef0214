import Foundation
@testable import GlueEngine

/// A sandbox in a temporary home for crawler tests, with helpers to put objects and crawl.
struct CrawlerLab {
    let home: TempHome
    let sandbox: Sandbox
    let catalog: DataCatalog
    let crawlers: CrawlerStore

    init() throws {
        home = try TempHome()
        sandbox = try Sandbox.open(home: home.url, name: "lab")
        catalog = DataCatalog(sandbox: sandbox)
        crawlers = CrawlerStore(sandbox: sandbox)
    }

    func remove() { home.remove() }

    /// Puts `text` at `uri`.
    func put(_ uri: String, _ text: String) throws {
        try sandbox.store.put(try S3URI(parsing: uri), bytes: Array(text.utf8))
    }

    /// Deletes the objects under `prefix`.
    func deletePrefix(_ prefix: String) throws {
        _ = try sandbox.store.deletePrefix(try S3URI(parsing: prefix))
    }

    /// Creates crawler `name` on `targets` into database `lake`.
    @discardableResult
    func crawler(_ targets: [String], name: String = "c", update: CrawlerDefinition.UpdateBehavior = .updateInDatabase,
                 delete: CrawlerDefinition.DeleteBehavior = .deprecateInDatabase,
                 recrawl: CrawlerDefinition.RecrawlBehavior = .crawlEverything, configuration: String? = nil,
                 prefix: String? = nil) throws -> CrawlerDefinition {
        try crawlers.create(CrawlerDefinition(name: name, databaseName: "lake", s3Targets: targets.map { .init(path: $0) },
                                              tablePrefix: prefix, updateBehavior: update, deleteBehavior: delete,
                                              recrawlBehavior: recrawl, configuration: configuration))
    }

    /// Runs crawler `name`.
    func crawl(_ name: String = "c") throws -> CrawlReport {
        try Crawler.run(sandbox: sandbox, name: name)
    }

    /// `name type` of each data column of `table`.
    func columns(_ table: String) throws -> [String] {
        try catalog.table(database: "lake", name: table).storageDescriptor.columns.map { "\($0.name) \($0.type)" }
    }
}

/// Lines of `n` JSON records `{"id":i,...extra}`.
func jsonLines(_ range: ClosedRange<Int>, _ extra: (Int) -> String = { _ in "" }) -> String {
    range.map { "{\"id\":\($0)\(extra($0))}\n" }.joined()
}
