/// What a format reader returns: the records it could read, as column batches in input order,
/// and an error record for each record it could not.
public struct ReadResult: Sendable {
    /// The records, in input order.
    public var batches: [RecordBatch]
    /// One error record per malformed input record, in input order.
    public var errors: [ErrorRecord]
    /// The bytes the reader actually touched, when it read less than the whole input (Parquet
    /// reads only the footer and the column chunks it needs); nil means all of it.
    public var bytesRead: Int64?
    /// Parquet row groups skipped by predicate pushdown.
    public var rowGroupsSkipped = 0

    public init(batches: [RecordBatch] = [], errors: [ErrorRecord] = [], bytesRead: Int64? = nil) {
        self.batches = batches
        self.errors = errors
        self.bytesRead = bytesRead
    }
}
