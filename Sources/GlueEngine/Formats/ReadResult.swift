/// What a format reader returns: the records it could read, as column batches in input order,
/// and an error record for each record it could not.
public struct ReadResult: Sendable {
    /// The records, in input order.
    public var batches: [RecordBatch]
    /// One error record per malformed input record, in input order.
    public var errors: [ErrorRecord]

    public init(batches: [RecordBatch] = [], errors: [ErrorRecord] = []) {
        self.batches = batches
        self.errors = errors
    }
}
