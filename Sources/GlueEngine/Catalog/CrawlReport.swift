/// What one crawl did: the tables and partitions it created, updated, deprecated or deleted,
/// each table's schema changes, what the `LOG` behaviours kept it from doing, the objects no
/// classifier recognised, and what the crawl would cost.
public struct CrawlReport: Sendable, Hashable {
    public var crawler: String
    public var database: String
    /// Whether the crawl created the database (it did not exist).
    public var databaseCreated = false
    public var startTime: Int64
    public var tablesCreated: [TableSummary] = []
    public var tablesUpdated: [TableUpdate] = []
    public var tablesUnchanged: [String] = []
    public var tablesDeprecated: [String] = []
    public var tablesDeleted: [String] = []
    public var partitionsAdded: [PartitionRef] = []
    public var partitionsUpdated: [PartitionRef] = []
    public var partitionsDeprecated: [PartitionRef] = []
    public var partitionsDeleted: [PartitionRef] = []
    /// What the policy kept the crawler from changing (`LOG`, or forced `LOG` under
    /// `CRAWL_NEW_FOLDERS_ONLY`).
    public var logged: [LoggedChange] = []
    /// Objects that made no table, with the reason.
    public var skipped: [SkippedObject] = []
    public var objectsListed = 0
    public var objectsSampled = 0
    public var bytesSampled: Int64 = 0
    public var recordsSampled = 0
    public var jdbcTablesRead = 0
    /// The modelled run time (``CrawlCost``).
    public var runSeconds: Double = 0
    public var cost: CostEstimate

    /// A created table.
    public struct TableSummary: Sendable, Hashable {
        public var name: String
        public var location: String
        public var classification: String
        public var columns: [CatalogColumn]
        public var partitionKeys: [String]
    }

    /// An updated table: its new version and what changed.
    public struct TableUpdate: Sendable, Hashable {
        public var name: String
        public var versionId: Int
        public var changes: [SchemaChange]
    }

    /// One difference between a table in the catalog and what the crawl found.
    public enum SchemaChange: Sendable, Hashable, CustomStringConvertible {
        case columnAdded(name: String, type: String)
        case columnRemoved(name: String, type: String)
        case columnRetyped(name: String, from: String, to: String)
        /// Any other attribute (classification, location, SerDe, partition keys, deprecation).
        case attribute(name: String, from: String, to: String)

        public var description: String {
            switch self {
            case .columnAdded(let n, let t): "column added: \(n) \(t)"
            case .columnRemoved(let n, let t): "column removed: \(n) \(t)"
            case .columnRetyped(let n, let f, let t): "column retyped: \(n) \(f) -> \(t)"
            case .attribute(let n, let f, let t): "\(n): \(f.isEmpty ? "(none)" : f) -> \(t.isEmpty ? "(none)" : t)"
            }
        }
    }

    /// A partition of a table, by its values.
    public struct PartitionRef: Sendable, Hashable, CustomStringConvertible {
        public var table: String
        public var values: [String]
        public var description: String { "\(table) [\(values.joined(separator: ", "))]" }
    }

    /// A change the crawler would have made under another policy.
    public struct LoggedChange: Sendable, Hashable, CustomStringConvertible {
        public var table: String
        /// `update table`, `deprecate table`, `delete table`, `update partition [..]`, ...
        public var action: String
        public var changes: [SchemaChange]
        public var description: String {
            "\(table): would \(action)" + (changes.isEmpty ? "" : " (" + changes.map(\.description).joined(separator: "; ") + ")")
        }
    }

    /// An object that made no table.
    public struct SkippedObject: Sendable, Hashable {
        public var uri: String
        public var reason: String
    }
}
