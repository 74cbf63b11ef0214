/// Runs one micro-batch of a `StreamingQuery`: logs its offsets, builds its frame, calls the
/// batch function with Glue's retries, and commits.
struct BatchRunner {
    let sandbox: Sandbox
    let source: TopicSourceOptions
    let partitions: [TopicPartition]
    let checkpoint: StreamingCheckpoint
    let maxRetries: Int
    /// The id the next new batch gets.
    var nextId = 0
    /// Failures since the last success (Glue's `retry_attempt`).
    private var failures = 0

    init(sandbox: Sandbox, source: TopicSourceOptions, partitions: [TopicPartition], checkpoint: StreamingCheckpoint, maxRetries: Int) {
        self.sandbox = sandbox
        self.source = source
        self.partitions = partitions
        self.checkpoint = checkpoint
        self.maxRetries = maxRetries
    }

    /// Runs batch `id` over `from..<to`. A re-run batch's offsets are already logged.
    mutating func run(id: Int, from: [TopicPartition: Int64], to: [TopicPartition: Int64], window: Int64?, rerun: Bool,
                      stats: inout StreamingStats, sleep: (Int64) -> Void, batch: (DynamicFrame, Int) throws -> Void) throws {
        if !rerun {
            try checkpoint.writeOffsets(batch: id, offsets: to, timestamp: try sandbox.clock.now())
        }
        var messages: [TopicMessage] = []
        for tp in partitions {
            let start = from[tp] ?? 0, end = to[tp] ?? start
            if end > start { messages += try sandbox.topics.messages(tp, from: start, to: end) }
        }
        let frame = try TopicBatchDecoder.frame(messages, addRecordTimestamp: source.addRecordTimestamp, name: "batch_\(id)")
        let empty = frame.count() == 0 && frame.errors.isEmpty
        var attempts = 0
        while !empty {
            attempts += 1
            do {
                try batch(frame, id)
                failures = 0
                break
            } catch {
                failures += 1
                if failures > maxRetries { throw error }
                let delay = Int64(failures < 3 ? failures : 5) * 1_000_000
                stats.retryDelays.append(delay)
                sleep(delay)
            }
        }
        try checkpoint.writeCommit(batch: id)
        stats.batches.append(StreamingStats.Batch(
            batchId: id, windowStart: window, messages: messages.count, records: frame.count(), errors: frame.errors.count,
            startOffsets: from, endOffsets: to, attempts: attempts, rerun: rerun, skipped: empty))
        nextId = max(nextId, id + 1)
    }
}
