/// The Data Catalog's objects, shaped like the Glue API's (`Database`, `Table`,
/// `StorageDescriptor`, `Column`, `Partition`, `Connection`), with Swift names; the workbench
/// prints them with the API's field names.
///
/// Column types are Hive type names as Glue stores them (`bigint`, `string`, `double`,
/// `struct<a:int,b:string>`, `array<string>`, `map<string,int>`, `decimal(10,2)`); ``HiveType``
/// converts them to and from the engine's `DataType`.

/// `Database`.
public struct CatalogDatabase: Codable, Sendable, Hashable {
    public var name: String
    public var description: String?
    public var locationUri: String?
    public var parameters: [String: String]
    /// Sandbox-clock micros.
    public var createTime: Int64

    public init(name: String, description: String? = nil, locationUri: String? = nil,
                parameters: [String: String] = [:], createTime: Int64 = 0) {
        self.name = name
        self.description = description
        self.locationUri = locationUri
        self.parameters = parameters
        self.createTime = createTime
    }
}

/// `Column`: a name, a Hive type name, an optional comment.
public struct CatalogColumn: Codable, Sendable, Hashable {
    public var name: String
    public var type: String
    public var comment: String?

    public init(name: String, type: String, comment: String? = nil) {
        self.name = name
        self.type = type
        self.comment = comment
    }
}

/// `StorageDescriptor`: where the data is and how it is stored.
public struct StorageDescriptor: Codable, Sendable, Hashable {
    public var columns: [CatalogColumn]
    /// `s3://bucket/prefix/` for S3 tables; `db.table` (the JDBC `dbtable`) for JDBC tables.
    public var location: String
    public var inputFormat: String?
    public var outputFormat: String?
    public var serdeLibrary: String?
    public var serdeParameters: [String: String]
    public var compressed: Bool
    public var parameters: [String: String]

    public init(columns: [CatalogColumn], location: String, inputFormat: String? = nil, outputFormat: String? = nil,
                serdeLibrary: String? = nil, serdeParameters: [String: String] = [:], compressed: Bool = false,
                parameters: [String: String] = [:]) {
        self.columns = columns
        self.location = location
        self.inputFormat = inputFormat
        self.outputFormat = outputFormat
        self.serdeLibrary = serdeLibrary
        self.serdeParameters = serdeParameters
        self.compressed = compressed
        self.parameters = parameters
    }
}

/// `Table`. `parameters["classification"]` is the data format (`csv`, `json`, `parquet`) for
/// S3 tables; JDBC tables name their connection in `parameters["connectionName"]`.
public struct CatalogTable: Codable, Sendable, Hashable {
    public var databaseName: String
    public var name: String
    public var description: String?
    /// `EXTERNAL_TABLE` for crawled S3 tables.
    public var tableType: String
    public var parameters: [String: String]
    public var storageDescriptor: StorageDescriptor
    /// `[]` when unpartitioned (as Athena wants it).
    public var partitionKeys: [CatalogColumn]
    public var createTime: Int64
    public var updateTime: Int64
    /// The crawler that created the table, if one did.
    public var createdBy: String?
    /// The version id (`"0"`, `"1"`, ...): each update keeps the previous version.
    public var versionId: Int

    public init(databaseName: String, name: String, description: String? = nil, tableType: String = "EXTERNAL_TABLE",
                parameters: [String: String] = [:], storageDescriptor: StorageDescriptor, partitionKeys: [CatalogColumn] = [],
                createTime: Int64 = 0, updateTime: Int64 = 0, createdBy: String? = nil, versionId: Int = 0) {
        self.databaseName = databaseName
        self.name = name
        self.description = description
        self.tableType = tableType
        self.parameters = parameters
        self.storageDescriptor = storageDescriptor
        self.partitionKeys = partitionKeys
        self.createTime = createTime
        self.updateTime = updateTime
        self.createdBy = createdBy
        self.versionId = versionId
    }

    /// `classification`, lowercased (`csv`, `json`, `parquet`), if set.
    public var classification: String? { parameters["classification"]?.lowercased() }

    /// The data columns followed by the partition keys: the schema a reader of the table sees.
    public var allColumns: [CatalogColumn] { storageDescriptor.columns + partitionKeys }
}

/// `Partition`: the partition key values (in `partitionKeys` order) and where its data is.
public struct CatalogPartition: Codable, Sendable, Hashable {
    public var databaseName: String
    public var tableName: String
    public var values: [String]
    public var storageDescriptor: StorageDescriptor
    public var parameters: [String: String]
    public var createTime: Int64

    public init(databaseName: String, tableName: String, values: [String], storageDescriptor: StorageDescriptor,
                parameters: [String: String] = [:], createTime: Int64 = 0) {
        self.databaseName = databaseName
        self.tableName = tableName
        self.values = values
        self.storageDescriptor = storageDescriptor
        self.parameters = parameters
        self.createTime = createTime
    }
}

/// `Connection` (JDBC): `properties` hold `JDBC_CONNECTION_URL`, `USERNAME`, `PASSWORD` as in
/// the API.
public struct CatalogConnection: Codable, Sendable, Hashable {
    public var name: String
    /// `JDBC` (others are refused).
    public var connectionType: String
    public var properties: [String: String]
    public var description: String?
    public var creationTime: Int64

    public init(name: String, connectionType: String = "JDBC", properties: [String: String], description: String? = nil,
                creationTime: Int64 = 0) {
        self.name = name
        self.connectionType = connectionType
        self.properties = properties
        self.description = description
        self.creationTime = creationTime
    }

    /// `JDBC_CONNECTION_URL`.
    public var url: String? { properties["JDBC_CONNECTION_URL"] }
}
