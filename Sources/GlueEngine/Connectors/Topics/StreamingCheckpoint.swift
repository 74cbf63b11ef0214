import Foundation

/// A streaming query's checkpoint in the sandbox's object store, laid out as Spark Structured
/// Streaming lays out `checkpointLocation`:
///
/// - `metadata`: `{"id":"<query uuid>"}`, written when the query first starts;
/// - `sources/0/0`: `v1` and the source's initial offsets (where the first run started, so a
///   restart of a query that began at `latest` still starts where the first run stood);
/// - `offsets/<batchId>`: `v1`, the batch metadata (`{"batchWatermarkMs":0,"batchTimestampMs":…}`)
///   and the source's **end** offsets for that batch, `{"orders":{"0":5,"1":3}}`, written
///   *before* the batch runs;
/// - `commits/<batchId>`: `v1` and `{"nextBatchWatermarkMs":0}`, written only *after* the batch
///   function returned.
///
/// So a batch whose commit is missing (a failure, or a crash between success and commit) is run
/// again, over the same offsets, by the next start: at-least-once, as in Spark.
struct StreamingCheckpoint {
    let store: ObjectStore
    /// The location, as a prefix ending in `/`.
    let location: S3URI

    init(store: ObjectStore, location text: String) throws(EngineError) {
        guard text.hasPrefix("s3://") else {
            throw .invalidOption(name: "checkpointLocation", value: text, reason: "expected an s3:// path in the sandbox, such as s3://bucket/checkpoints/job/")
        }
        let parsed = try S3URI(parsing: text)
        location = parsed.key.isEmpty || parsed.key.hasSuffix("/") ? parsed : try S3URI(bucket: parsed.bucket, key: parsed.key + "/")
        self.store = store
    }

    /// What a checkpoint holds.
    struct State {
        /// Offsets where the query first started, if recorded.
        var initial: [TopicPartition: Int64]?
        /// The newest offsets log: its batch id and end offsets.
        var lastOffsets: (id: Int, offsets: [TopicPartition: Int64])?
        /// The offsets log before that one (the start of the newest batch), if any.
        var previousOffsets: [TopicPartition: Int64]?
        /// The newest committed batch id.
        var lastCommit: Int?
    }

    func load() throws(EngineError) -> State {
        var state = State()
        if let data = try? store.get(try uri("sources/0/0")) {
            state.initial = try Self.offsets(fromLog: data, object: "sources/0/0")
        }
        let offsetIds = try ids(under: "offsets/")
        if let last = offsetIds.last {
            state.lastOffsets = (last, try offsets(batch: last))
            if let previous = offsetIds.dropLast().last, previous == last - 1 {
                state.previousOffsets = try offsets(batch: previous)
            }
        }
        state.lastCommit = try ids(under: "commits/").last
        return state
    }

    func writeMetadata(queryId: String) throws(EngineError) {
        let target = try uri("metadata")
        if (try? store.head(target)) != nil { return }
        try store.put(target, bytes: Array("{\"id\":\"\(queryId)\"}\n".utf8))
    }

    func writeInitial(_ offsets: [TopicPartition: Int64]) throws(EngineError) {
        try store.put(try uri("sources/0/0"), bytes: Array(("v1\n" + Self.json(offsets) + "\n").utf8))
    }

    func writeOffsets(batch: Int, offsets: [TopicPartition: Int64], timestamp: Int64) throws(EngineError) {
        let text = "v1\n{\"batchWatermarkMs\":0,\"batchTimestampMs\":\(timestamp / 1000),\"conf\":{}}\n" + Self.json(offsets) + "\n"
        try store.put(try uri("offsets/\(batch)"), bytes: Array(text.utf8))
    }

    func writeCommit(batch: Int) throws(EngineError) {
        try store.put(try uri("commits/\(batch)"), bytes: Array("v1\n{\"nextBatchWatermarkMs\":0}\n".utf8))
    }

    func uri(_ relative: String) throws(EngineError) -> S3URI {
        try S3URI(bucket: location.bucket, key: location.key + relative)
    }

    /// Offsets as Spark's Kafka source writes them: `{"topic":{"0":5,"1":3}}`, topics sorted,
    /// partitions in numeric order.
    static func json(_ offsets: [TopicPartition: Int64]) -> String {
        let byTopic = Dictionary(grouping: offsets.keys, by: \.topic)
        let topics = byTopic.keys.sorted().map { topic in
            let parts = byTopic[topic]!.sorted().map { "\"\($0.partition)\":\(offsets[$0]!)" }
            return "\(Value.string(topic).jsonText()):{" + parts.joined(separator: ",") + "}"
        }
        return "{" + topics.joined(separator: ",") + "}"
    }

    private func offsets(batch: Int) throws(EngineError) -> [TopicPartition: Int64] {
        let name = "offsets/\(batch)"
        return try Self.offsets(fromLog: try store.get(try uri(name)), object: location.description + name)
    }

    /// The batch ids (whole-number object names) directly under `folder`, ascending.
    private func ids(under folder: String) throws(EngineError) -> [Int] {
        let prefix = try uri(folder)
        return try store.list(prefix, recurse: false).compactMap { Int($0.key.dropFirst(prefix.key.count)) }.sorted()
    }

    /// The offsets on the last line of a `v1` log object.
    static func offsets(fromLog data: Data, object: String) throws(EngineError) -> [TopicPartition: Int64] {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.first == "v1", let last = lines.last, lines.count >= 2,
              let parsed = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any] else {
            throw .malformedInput(source: object, line: max(1, lines.count), reason: "not a Spark offsets log (v1)", value: String(lines.last ?? ""))
        }
        var out: [TopicPartition: Int64] = [:]
        for (topic, value) in parsed {
            guard let parts = value as? [String: Any] else { continue }
            for (p, o) in parts {
                guard let partition = Int(p), let offset = (o as? NSNumber)?.int64Value else {
                    throw .malformedInput(source: object, line: lines.count, reason: "bad offset for \(topic)-\(p)", value: String(last))
                }
                out[TopicPartition(topic: topic, partition: partition)] = offset
            }
        }
        return out
    }
}
