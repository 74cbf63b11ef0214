import Foundation

/// The `connection_options` of Glue's Kafka source (`connection_type="kafka"`), read from a
/// script's dict, naming a sandbox topic instead of a cluster.
///
/// - Which topics (exactly one of): `topicName` (one topic), `subscribePattern` (a Java-style
///   regular expression matched against whole topic names when the query starts), `assign` (a
///   JSON object of topics to partitions, `{"orders":[0,1]}`).
/// - `startingOffsets`: `"earliest"`, `"latest"` (the default, as in Glue) or Spark's JSON form
///   `{"orders":{"0":23,"1":-2}}` (-2 earliest, -1 latest). Used only when the query has no
///   checkpoint yet.
/// - `classification`: `"json"` (the default). Each message value is one JSON document and one
///   record; other classifications are refused as unsupported.
/// - `inferSchema`: accepted; gluelab always infers (a DynamicFrame needs no schema up front).
/// - `maxOffsetsPerTrigger`: the most messages one micro-batch takes (a positive whole number,
///   given as a number or a string); default: no limit.
/// - `addRecordTimestamp` (Glue 4.0): `"true"` adds a `__src_timestamp` timestamp field, the
///   time the message was appended to the topic.
/// - `connectionName`, `bootstrap.servers`, `security.protocol`, `typeOfData`, `kafka.*` and any
///   other option: accepted and ignored (there is no real cluster); their names are kept in
///   `ignored` so a run report can list them.
public struct TopicSourceOptions: Sendable, Equatable {
    /// Which topics the source reads.
    public enum Subscription: Sendable, Equatable {
        /// One topic, by name (`topicName`).
        case topic(String)
        /// Every topic whose whole name matches the regular expression (`subscribePattern`).
        case pattern(String)
        /// Given partitions of given topics (`assign`).
        case assign([String: [Int]])
    }

    /// Where a query without a checkpoint starts.
    public enum StartingOffsets: Sendable, Equatable {
        /// The first message of each partition.
        case earliest
        /// The end of each partition: only messages produced after the query started are read.
        case latest
        /// Per-partition offsets; -2 means earliest, -1 latest. Partitions not named start latest.
        case specific([TopicPartition: Int64])
    }

    /// Which topics the source reads.
    public var subscription: Subscription
    /// Where a query without a checkpoint starts; default `.latest`.
    public var startingOffsets: StartingOffsets = .latest
    /// The message format; only `"json"`.
    public var classification = "json"
    /// The most messages per micro-batch; nil for no limit.
    public var maxOffsetsPerTrigger: Int?
    /// Add `__src_timestamp` to each record (Glue 4.0's `addRecordTimestamp`).
    public var addRecordTimestamp = false
    /// The Glue connection named, if any (not used: there is no cluster).
    public var connectionName: String?
    /// Option names accepted without effect, sorted.
    public var ignored: [String] = []

    /// A source reading one topic with the defaults.
    public init(topicName: String) {
        subscription = .topic(topicName)
    }

    /// Reads Glue's Kafka connection options. Strings, numbers and booleans are accepted where
    /// Glue scripts pass them as strings.
    /// - Throws: `EngineError.invalidOption` when no topic option is given (naming `topicName`),
    ///   when more than one is, or when a value is malformed; `EngineError.unsupported` for a
    ///   classification other than json.
    public init(options: [String: Value]) throws(EngineError) {
        var subscriptions: [(String, Subscription)] = []
        var ignored: [String] = []
        for (name, value) in options.sorted(by: { $0.key < $1.key }) {
            let text = value.plainText
            switch name {
            case "topicName":
                guard TopicStore.isValidName(text) else {
                    throw .invalidOption(name: name, value: text, reason: "not a valid topic name ([a-zA-Z0-9._-]{1,249})")
                }
                subscriptions.append((name, .topic(text)))
            case "subscribePattern":
                _ = try Self.regex(text)
                subscriptions.append((name, .pattern(text)))
            case "assign":
                subscriptions.append((name, .assign(try Self.assignment(text))))
            case "startingOffsets":
                startingOffsets = try Self.startingOffsets(text)
            case "classification":
                guard text.lowercased() == "json" else {
                    throw .unsupported(what: "classification \(EngineError.quote(text))", reason: "gluelab's Kafka source reads json messages only")
                }
                classification = "json"
            case "inferSchema":
                _ = try Self.bool(name, value)
            case "addRecordTimestamp":
                addRecordTimestamp = try Self.bool(name, value)
            case "maxOffsetsPerTrigger":
                guard let n = value.integerValue ?? Int64(text), n > 0, n <= Int64(Int.max) else {
                    throw .invalidOption(name: name, value: text, reason: "expected a positive whole number of messages")
                }
                maxOffsetsPerTrigger = Int(n)
            case "connectionName":
                connectionName = text
            default:
                ignored.append(name)
            }
        }
        guard let first = subscriptions.first else {
            throw .invalidOption(name: "topicName", value: "", reason: "the Kafka source needs topicName (or subscribePattern or assign)")
        }
        guard subscriptions.count == 1 else {
            throw .invalidOption(name: subscriptions[1].0, value: options[subscriptions[1].0]?.plainText ?? "",
                                 reason: "give only one of topicName, subscribePattern and assign")
        }
        subscription = first.1
        self.ignored = ignored
    }

    /// The topic partitions this source reads, among `topics` (name to partition count).
    /// - Throws: `EngineError.notFound` when a named topic or assigned partition does not
    ///   exist, or when a pattern matches no topic.
    public func partitions(in topics: [String: Int]) throws(EngineError) -> [TopicPartition] {
        switch subscription {
        case .topic(let name):
            guard let n = topics[name] else { throw .notFound(what: "topic \(EngineError.quote(name))") }
            return (0..<n).map { TopicPartition(topic: name, partition: $0) }
        case .pattern(let pattern):
            let re = try Self.regex(pattern)
            let names = topics.keys.sorted().filter { name in
                re.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
            }
            guard !names.isEmpty else { throw .notFound(what: "a topic matching subscribePattern \(EngineError.quote(pattern))") }
            return names.flatMap { name in (0..<topics[name]!).map { TopicPartition(topic: name, partition: $0) } }
        case .assign(let assignment):
            var out: [TopicPartition] = []
            for (name, parts) in assignment.sorted(by: { $0.key < $1.key }) {
                guard let n = topics[name] else { throw .notFound(what: "topic \(EngineError.quote(name))") }
                for p in parts.sorted() {
                    guard (0..<n).contains(p) else { throw .notFound(what: "partition \(p) of topic \(EngineError.quote(name))") }
                    out.append(TopicPartition(topic: name, partition: p))
                }
            }
            return out
        }
    }

    // MARK: Parsing

    private static func regex(_ pattern: String) throws(EngineError) -> NSRegularExpression {
        do {
            return try NSRegularExpression(pattern: "^(?:" + pattern + ")$")
        } catch {
            throw .invalidOption(name: "subscribePattern", value: pattern, reason: "not a valid regular expression")
        }
    }

    private static func assignment(_ text: String) throws(EngineError) -> [String: [Int]] {
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let object = parsed as? [String: Any], !object.isEmpty else {
            throw .invalidOption(name: "assign", value: text, reason: "expected a JSON object of topics to partition lists, such as {\"orders\":[0,1]}")
        }
        var out: [String: [Int]] = [:]
        for (topic, list) in object {
            guard let parts = list as? [Int], parts.allSatisfy({ $0 >= 0 }) else {
                throw .invalidOption(name: "assign", value: text, reason: "the partitions of \(topic) must be a list of whole numbers ≥ 0")
            }
            out[topic] = parts
        }
        return out
    }

    private static func startingOffsets(_ text: String) throws(EngineError) -> StartingOffsets {
        switch text.lowercased() {
        case "earliest": return .earliest
        case "latest": return .latest
        default: break
        }
        let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8))
        guard let object = parsed as? [String: Any] else {
            throw .invalidOption(name: "startingOffsets", value: text, reason: "expected earliest, latest or a JSON object such as {\"orders\":{\"0\":23}}")
        }
        var out: [TopicPartition: Int64] = [:]
        for (topic, value) in object {
            guard let parts = value as? [String: Any] else {
                throw .invalidOption(name: "startingOffsets", value: text, reason: "the offsets of \(topic) must be an object of partition to offset")
            }
            for (p, o) in parts {
                guard let partition = Int(p), partition >= 0, let offset = (o as? NSNumber)?.int64Value, offset >= -2 else {
                    throw .invalidOption(name: "startingOffsets", value: text, reason: "partition \(p) of \(topic): expected an offset ≥ 0, -2 (earliest) or -1 (latest)")
                }
                out[TopicPartition(topic: topic, partition: partition)] = offset
            }
        }
        return .specific(out)
    }

    private static func bool(_ name: String, _ value: Value) throws(EngineError) -> Bool {
        switch value {
        case .boolean(let b): return b
        case .string(let s) where s.lowercased() == "true": return true
        case .string(let s) where s.lowercased() == "false": return false
        default: throw .invalidOption(name: name, value: value.plainText, reason: "expected true or false")
        }
    }
}
