/// What the object store knows about one object: the sandbox database's `objects` row.
public struct ObjectInfo: Sendable, Hashable, Codable {
    /// The bucket holding the object.
    public var bucket: String
    /// The object's key.
    public var key: String
    /// Size in bytes.
    public var size: Int64
    /// The hex MD5 of the bytes, as S3 reports a single-part upload's ETag (without the quotes).
    public var etag: String
    /// Last-modified time, microseconds since the epoch, from the sandbox clock unless given.
    public var lastModified: Int64

    public init(bucket: String, key: String, size: Int64, etag: String, lastModified: Int64) {
        self.bucket = bucket
        self.key = key
        self.size = size
        self.etag = etag
        self.lastModified = lastModified
    }

    /// `s3://bucket/key`.
    public var uri: S3URI { S3URI(trusted: bucket, key: key) }
}
