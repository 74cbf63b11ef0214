import Foundation

/// Glue's `glueContext.forEachBatch` over a Kafka-style topic source: micro-batches with a
/// checkpoint of offsets.
///
/// **Local time model.** A sandbox has no unbounded stream, so a run processes what the topics
/// hold when it starts and then stops, like Spark's `Trigger.AvailableNow`; a later run (a
/// restart of the job) continues from the checkpoint. Within a run, messages are grouped by
/// their timestamps (the sandbox clock when they were produced) into the processing-time
/// windows of `windowSize`, aligned to the epoch as Spark aligns its trigger, and each window
/// with messages is one micro-batch: what a query triggered every `windowSize` would have found
/// new at each trigger. Windows without messages plan no batch (Spark runs no micro-batch when
/// nothing arrived) and are counted in `StreamingStats.emptyWindowsSkipped`. A window that holds
/// more than `maxOffsetsPerTrigger` messages is split into several batches, taking messages in
/// timestamp order across partitions (Spark spreads the limit over partitions in proportion to
/// their backlog; the totals are the same). `windowSize` `0` puts everything in one batch (or
/// batches of `maxOffsetsPerTrigger`). Within a partition a batch is always a contiguous range
/// of offsets; a message whose timestamp is earlier than one before it (the clock was set back)
/// rides along with the batch of its predecessor.
///
/// **Batches.** Each batch's frame is its messages parsed as JSON (`TopicBatchDecoder`), in
/// partition then offset order. As in Glue, the batch function is not called for an empty frame
/// (no records and no error records). Offsets are checkpointed under `checkpointLocation` in the
/// sandbox's object store (`StreamingCheckpoint`, Spark's layout): a batch's end offsets are
/// logged before it runs and committed only after its function returned, so a restarted query
/// re-runs a batch whose commit is missing over the same offsets (at-least-once), then goes on.
/// `startingOffsets` applies only when the checkpoint is empty; job bookmarks play no part.
///
/// **Retries.** A batch function that throws is retried as Glue does (it restarts the query,
/// which resumes from the checkpoint, so the same batch runs again): up to `batchMaxRetries`
/// (default 3, 0–100) consecutive failures, backing off 1 s, 2 s, then 5 s; one failure more
/// and the error is rethrown. The count resets when a batch succeeds. The delays are passed to
/// `sleep` (which by default does not sleep) and recorded in `StreamingStats.retryDelays`.
public enum StreamingQuery {
    /// Runs `batch` over micro-batches of `source`, with Glue's `forEachBatch` options dict:
    /// `windowSize` and `checkpointLocation` (both required), `batchMaxRetries`,
    /// `persistDataFrame` and `storageLevel` (accepted; frames are always in memory).
    /// - Throws: `EngineError.transform(name: "forEachBatch", ...)` with Glue's messages
    ///   (`Missing windowSize argument`, `Missing checkpointLocation argument`, the retry range),
    ///   option and checkpoint errors, or the batch function's own error after the retries.
    public static func forEachBatch(sandbox: Sandbox, source: TopicSourceOptions, options: [String: Value],
                                    sleep: (Int64) -> Void = { _ in },
                                    batch: (DynamicFrame, Int) throws -> Void) throws -> StreamingStats {
        guard let windowSize = options["windowSize"] else {
            throw EngineError.transform(name: "forEachBatch", message: "Missing windowSize argument")
        }
        guard let checkpointLocation = options["checkpointLocation"] else {
            throw EngineError.transform(name: "forEachBatch", message: "Missing checkpointLocation argument")
        }
        return try forEachBatch(sandbox: sandbox, source: source, windowSize: windowSize.plainText,
                                checkpointLocation: checkpointLocation.plainText, options: options, sleep: sleep, batch: batch)
    }

    /// Runs `batch` over micro-batches of `source`; see the type's documentation.
    /// `options` may hold `batchMaxRetries`, `persistDataFrame` and `storageLevel` (and the
    /// window and checkpoint, which the parameters override).
    public static func forEachBatch(sandbox: Sandbox, source: TopicSourceOptions, windowSize: String,
                                    checkpointLocation: String, options: [String: Value] = [:],
                                    sleep: (Int64) -> Void = { _ in },
                                    batch: (DynamicFrame, Int) throws -> Void) throws -> StreamingStats {
        let window = try StreamingWindow.parse(windowSize)
        let maxRetries = try retries(options["batchMaxRetries"])
        var stats = StreamingStats()
        stats.ignoredOptions = (source.ignored + options.keys.filter { !knownOptions.contains($0) }).sorted()

        let infos = try sandbox.topics.list()
        let ends = Dictionary(uniqueKeysWithValues: infos.flatMap { t in
            t.partitions.map { (TopicPartition(topic: t.name, partition: $0.partition), $0.endOffset) }
        })
        let partitions = try source.partitions(in: Dictionary(uniqueKeysWithValues: infos.map { ($0.name, $0.partitions.count) }))
        let checkpoint = try StreamingCheckpoint(store: sandbox.store, location: checkpointLocation)
        let state = try checkpoint.load()
        try checkpoint.writeMetadata(queryId: UUID().uuidString.lowercased())

        var runner = BatchRunner(sandbox: sandbox, source: source, partitions: partitions, checkpoint: checkpoint,
                                 maxRetries: maxRetries)
        var position: [TopicPartition: Int64]
        if let last = state.lastOffsets {
            position = last.offsets
            runner.nextId = last.id + 1
            if (state.lastCommit ?? -1) < last.id {
                guard let start = last.id == 0 ? state.initial : state.previousOffsets else {
                    throw EngineError.io(path: checkpoint.location.description,
                                         reason: "batch \(last.id) has no commit and the offsets it started from are missing")
                }
                let from = fill(start, partitions, default: 0)
                let to = fill(last.offsets, partitions, default: 0)
                try check(to, ends: ends, checkpoint: checkpoint)
                try runner.run(id: last.id, from: from, to: to, window: nil, rerun: true, stats: &stats,
                               sleep: sleep, batch: batch)
            }
        } else if let initial = state.initial {
            position = initial
        } else {
            position = startOffsets(source.startingOffsets, partitions, ends: ends)
            try checkpoint.writeInitial(position)
        }
        position = fill(position, partitions, default: 0)  // partitions new to the checkpoint start at 0, as in Spark
        try check(position, ends: ends, checkpoint: checkpoint)

        let plan = try WindowPlanner(topics: sandbox.topics, partitions: partitions, from: position, to: ends,
                                     window: window, maxMessages: source.maxOffsetsPerTrigger)
        for planned in plan.batches {
            try runner.run(id: runner.nextId, from: planned.from, to: planned.to, window: planned.windowStart, rerun: false, stats: &stats,
                           sleep: sleep, batch: batch)
        }
        stats.emptyWindowsSkipped = plan.emptyWindows
        stats.finalOffsets = plan.batches.last?.to ?? stats.batches.last?.endOffsets ?? position
        return stats
    }

    private static let knownOptions: Set<String> = ["windowSize", "checkpointLocation", "batchMaxRetries", "persistDataFrame", "storageLevel"]

    /// Glue's `int(options.get('batchMaxRetries', 3))` and its range check.
    static func retries(_ value: Value?) throws(EngineError) -> Int {
        guard let value else { return 3 }
        let text = value.plainText
        guard let n = value.integerValue ?? Int64(text.trimmingCharacters(in: .whitespaces)) else {
            throw .invalidOption(name: "batchMaxRetries", value: text, reason: "invalid literal for int() with base 10")
        }
        guard (0...100).contains(n) else {
            throw .transform(name: "forEachBatch", message: "Please specify the number of retries as an integer in the range of [0, 100].")
        }
        return Int(n)
    }

    /// Where a query without a checkpoint starts.
    static func startOffsets(_ starting: TopicSourceOptions.StartingOffsets, _ partitions: [TopicPartition],
                             ends: [TopicPartition: Int64]) -> [TopicPartition: Int64] {
        var out: [TopicPartition: Int64] = [:]
        for tp in partitions {
            let end = ends[tp] ?? 0
            switch starting {
            case .earliest: out[tp] = 0
            case .latest: out[tp] = end
            case .specific(let given):
                let o = given[tp] ?? -1
                out[tp] = o == -2 ? 0 : o == -1 ? end : min(o, end)
            }
        }
        return out
    }

    /// `offsets` restricted to `partitions`, with `value` for the ones it lacks.
    static func fill(_ offsets: [TopicPartition: Int64], _ partitions: [TopicPartition], default value: Int64) -> [TopicPartition: Int64] {
        Dictionary(uniqueKeysWithValues: partitions.map { ($0, offsets[$0] ?? value) })
    }

    /// Refuses a checkpoint that points past a partition's end (the topic was deleted and made
    /// again): Spark fails such a query too (`failOnDataLoss`, on by default).
    static func check(_ offsets: [TopicPartition: Int64], ends: [TopicPartition: Int64], checkpoint: StreamingCheckpoint) throws(EngineError) {
        for (tp, o) in offsets.sorted(by: { $0.key < $1.key }) where o > (ends[tp] ?? 0) {
            throw .io(path: checkpoint.location.description,
                      reason: "the checkpoint is at offset \(o) of \(tp), which ends at \(ends[tp] ?? 0) (was the topic deleted and created again? use a new checkpointLocation)")
        }
    }
}
