/// What a `StreamingQuery.forEachBatch` run did.
public struct StreamingStats: Sendable, Hashable {
    /// One micro-batch that ran (its function was called, or it was skipped as empty).
    public struct Batch: Sendable, Hashable {
        /// Spark's batch id: 0, 1, 2, ... across runs of the same checkpoint.
        public var batchId: Int
        /// The start of the processing-time window the batch belongs to (microseconds since
        /// the epoch); nil for a batch re-run from the checkpoint, or when `windowSize` is 0.
        public var windowStart: Int64?
        /// Messages in the batch.
        public var messages: Int
        /// Records the batch's frame held.
        public var records: Int
        /// Error records (malformed messages) the batch's frame held.
        public var errors: Int
        /// Offsets the batch started at, per partition (inclusive).
        public var startOffsets: [TopicPartition: Int64]
        /// Offsets the batch ended at, per partition (exclusive): what its commit records.
        public var endOffsets: [TopicPartition: Int64]
        /// How many times the batch function was called (1 + retries).
        public var attempts: Int
        /// Whether this batch was already planned by an earlier run whose commit is missing.
        public var rerun: Bool
        /// Whether the batch function was not called because the frame was empty.
        public var skipped: Bool
    }

    /// The batches, in order.
    public var batches: [Batch] = []
    /// Trigger windows with no new messages between two batches: no batch was planned for them
    /// (Spark does not run a micro-batch without new data) and the function was not called.
    public var emptyWindowsSkipped = 0
    /// The back-off delays before each retry, in microseconds (1 s, 2 s, then 5 s), whether or
    /// not they were actually slept.
    public var retryDelays: [Int64] = []
    /// The offsets committed at the end, per partition (exclusive: the next message to read).
    public var finalOffsets: [TopicPartition: Int64] = [:]
    /// Option names accepted without effect (source and `forEachBatch` options).
    public var ignoredOptions: [String] = []

    /// Batches whose function ran (not skipped).
    public var batchesRun: Int { batches.filter { !$0.skipped }.count }
    /// Records per batch, in order.
    public var recordsPerBatch: [Int] { batches.map(\.records) }
    /// All records processed.
    public var records: Int { batches.reduce(0) { $0 + $1.records } }
}
