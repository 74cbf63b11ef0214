import Foundation

/// A Data Catalog table of the start state, as `gluelab catalog create-table` makes it.
public struct LabCatalogTable: Codable, Sendable, Equatable {
    public var database: String
    public var name: String
    /// `s3://bucket/prefix/`.
    public var location: String
    /// `csv`, `json` or `parquet` (the SerDe and formats are set as a crawler sets them).
    public var format: String
    /// `NAME:HIVE_TYPE` each, e.g. `id:bigint`.
    public var columns: [String]
    /// `NAME:HIVE_TYPE` each, e.g. `dt:string`.
    public var partitionKeys: [String]?
}

/// A message for a topic (`produce` actions and the start state's `messages`).
public struct LabMessage: Codable, Sendable, Equatable {
    /// The topic (start state only; a `produce` action names it once).
    public var topic: String?
    /// The key: one key always lands on one partition (Kafka's murmur2); none goes round-robin.
    public var key: String?
    public var value: String
    /// ISO-8601; default: the sandbox clock.
    public var timestamp: String?

    public init(topic: String? = nil, key: String? = nil, value: String, timestamp: String? = nil) {
        self.topic = topic
        self.key = key
        self.value = value
        self.timestamp = timestamp
    }
}

/// A crawler of the start state (one S3 target), as `gluelab crawler create` makes it.
public struct LabCrawler: Codable, Sendable, Equatable {
    public var name: String
    public var database: String
    /// The S3 include path, `s3://bucket/prefix/`.
    public var path: String
    public var tablePrefix: String?
    /// `UPDATE_IN_DATABASE` (default) or `LOG`.
    public var updateBehavior: String?
    /// `DEPRECATE_IN_DATABASE` (default), `DELETE_FROM_DATABASE` or `LOG`.
    public var deleteBehavior: String?
}
