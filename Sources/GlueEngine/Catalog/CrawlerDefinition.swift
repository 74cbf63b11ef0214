import Foundation

/// A crawler, shaped like the Glue API's `Crawler` (`CreateCrawler` / `GetCrawler`).
///
/// `Role` is kept for display only (the sandbox has no IAM). Policies follow fact sheet §5:
/// `SchemaChangePolicy` defaults to `UPDATE_IN_DATABASE` / `DEPRECATE_IN_DATABASE`,
/// `RecrawlPolicy` to `CRAWL_EVERYTHING`; `CRAWL_NEW_FOLDERS_ONLY` needs both behaviours to be
/// `LOG` (``validate()`` refuses anything else, with the API's message) and S3 targets only.
public struct CrawlerDefinition: Codable, Sendable, Hashable {
    public var name: String
    public var role: String?
    public var databaseName: String
    public var description: String?
    public var s3Targets: [S3Target]
    public var jdbcTargets: [JDBCTarget]
    public var tablePrefix: String?
    public var updateBehavior: UpdateBehavior
    public var deleteBehavior: DeleteBehavior
    public var recrawlBehavior: RecrawlBehavior
    /// The `Configuration` JSON string as given (see ``CrawlerConfiguration``).
    public var configuration: String?
    public var state: State
    /// The process that set `RUNNING` (a crawl of a dead process is not running any more).
    public var runningPid: Int32?
    public var creationTime: Int64
    public var lastUpdated: Int64
    public var version: Int
    public var lastCrawl: LastCrawl?
    /// The leaf folders (`s3://bucket/prefix/`) earlier crawls read: `CRAWL_NEW_FOLDERS_ONLY`
    /// reads only folders not in here.
    public var crawledFolders: [String]

    /// `S3Target`: an include path and its exclusion globs (relative to the include path).
    public struct S3Target: Codable, Sendable, Hashable {
        public var path: String
        public var exclusions: [String]
        public init(path: String, exclusions: [String] = []) {
            self.path = path
            self.exclusions = exclusions
        }
    }

    /// `JdbcTarget`: a catalog connection and an include path such as `shop/%` (MySQL-style
    /// `database/table`) or `shop/public/%` (`database/schema/table`); `%` matches any name.
    public struct JDBCTarget: Codable, Sendable, Hashable {
        public var connectionName: String
        public var path: String
        public var exclusions: [String]
        public init(connectionName: String, path: String, exclusions: [String] = []) {
            self.connectionName = connectionName
            self.path = path
            self.exclusions = exclusions
        }
    }

    /// `SchemaChangePolicy.UpdateBehavior`.
    public enum UpdateBehavior: String, Codable, Sendable, CaseIterable {
        case updateInDatabase = "UPDATE_IN_DATABASE"
        case log = "LOG"
    }

    /// `SchemaChangePolicy.DeleteBehavior`.
    public enum DeleteBehavior: String, Codable, Sendable, CaseIterable {
        case deprecateInDatabase = "DEPRECATE_IN_DATABASE"
        case deleteFromDatabase = "DELETE_FROM_DATABASE"
        case log = "LOG"
    }

    /// `RecrawlPolicy.RecrawlBehavior`.
    public enum RecrawlBehavior: String, Codable, Sendable, CaseIterable {
        case crawlEverything = "CRAWL_EVERYTHING"
        case crawlNewFoldersOnly = "CRAWL_NEW_FOLDERS_ONLY"
    }

    /// `State`.
    public enum State: String, Codable, Sendable {
        case ready = "READY"
        case running = "RUNNING"
    }

    /// `LastCrawl`, with the counts `GetCrawlerMetrics` reports for the crawl.
    public struct LastCrawl: Codable, Sendable, Hashable {
        /// `SUCCEEDED` or `FAILED`.
        public var status: String
        public var errorMessage: String?
        public var startTime: Int64
        public var runSeconds: Double
        public var tablesCreated: Int
        public var tablesUpdated: Int
        public var tablesDeleted: Int
        public var tablesDeprecated: Int
        public var partitionsAdded: Int
        public var partitionsDeleted: Int
    }

    public init(name: String, databaseName: String, s3Targets: [S3Target] = [], jdbcTargets: [JDBCTarget] = [],
                tablePrefix: String? = nil, updateBehavior: UpdateBehavior = .updateInDatabase,
                deleteBehavior: DeleteBehavior = .deprecateInDatabase, recrawlBehavior: RecrawlBehavior = .crawlEverything,
                configuration: String? = nil, role: String? = nil, description: String? = nil) {
        self.name = name
        self.databaseName = databaseName
        self.s3Targets = s3Targets
        self.jdbcTargets = jdbcTargets
        self.tablePrefix = tablePrefix
        self.updateBehavior = updateBehavior
        self.deleteBehavior = deleteBehavior
        self.recrawlBehavior = recrawlBehavior
        self.configuration = configuration
        self.role = role
        self.description = description
        state = .ready
        creationTime = 0
        lastUpdated = 0
        version = 1
        crawledFolders = []
    }

    /// Checks what `CreateCrawler` checks: a name, a database, at least one target, valid S3
    /// paths and exclusion globs, LOG/LOG under `CRAWL_NEW_FOLDERS_ONLY` (S3 targets only), and
    /// a valid `Configuration`.
    public func validate() throws(EngineError) {
        guard (1...255).contains(name.count), !name.unicodeScalars.contains(where: { $0.value < 32 }) else {
            throw .invalidOption(name: "crawler name", value: name, reason: "1 to 255 characters, no control characters")
        }
        try DataCatalog.checkName(databaseName, "database")
        guard !s3Targets.isEmpty || !jdbcTargets.isEmpty else {
            throw .invalidOption(name: "Targets", value: "", reason: "a crawler needs at least one S3 or JDBC target (InvalidInputException)")
        }
        for t in s3Targets {
            _ = try S3URI(parsing: t.path)
            for g in t.exclusions { _ = try GlobMatcher(g) }
        }
        for t in jdbcTargets {
            _ = try CrawlerJDBCPath(t.path)
            for g in t.exclusions { _ = try GlobMatcher(g) }
        }
        if recrawlBehavior == .crawlNewFoldersOnly {
            guard updateBehavior == .log, deleteBehavior == .log else {
                throw .invalidOption(name: "SchemaChangePolicy", value: "\(updateBehavior.rawValue)/\(deleteBehavior.rawValue)",
                                     reason: "The SchemaChangePolicy for Crawl New Folders Only Amazon S3 target can have only LOG DeleteBehavior value and LOG UpdateBehavior value (InvalidInputException)")
            }
            guard jdbcTargets.isEmpty else {
                throw .invalidOption(name: "RecrawlPolicy", value: recrawlBehavior.rawValue, reason: "incremental crawls are for Amazon S3 targets only (InvalidInputException)")
            }
        }
        _ = try CrawlerConfiguration(json: configuration)
    }
}
