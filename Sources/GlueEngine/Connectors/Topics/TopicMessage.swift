/// One message of a topic, as a consumer reads it.
public struct TopicMessage: Hashable, Sendable {
    /// The topic's name.
    public var topic: String
    /// The partition (0-based).
    public var partition: Int
    /// The message's offset in its partition: dense, from 0.
    public var offset: Int64
    /// The key, if the producer gave one.
    public var key: [UInt8]?
    /// The value (the payload).
    public var value: [UInt8]
    /// When the message was appended (Kafka's `LogAppendTime`): the sandbox clock, in
    /// microseconds since the epoch.
    public var timestamp: Int64

    public init(topic: String, partition: Int, offset: Int64, key: [UInt8]?, value: [UInt8], timestamp: Int64) {
        self.topic = topic
        self.partition = partition
        self.offset = offset
        self.key = key
        self.value = value
        self.timestamp = timestamp
    }
}

/// A topic and its partitions, as `gluelab topic ls` shows it.
public struct TopicInfo: Hashable, Sendable {
    /// One partition of a topic.
    public struct Partition: Hashable, Sendable {
        /// The partition number (0-based).
        public var partition: Int
        /// The offset the next message will get: the partition's message count, since offsets
        /// are dense from 0 and nothing is ever deleted from a partition.
        public var endOffset: Int64
        /// The messages in the partition.
        public var messages: Int64
    }

    /// The topic's name.
    public var name: String
    /// When the topic was created (sandbox clock, microseconds since the epoch).
    public var created: Int64
    /// Its partitions, in order.
    public var partitions: [Partition]

    /// All messages of the topic.
    public var messages: Int64 { partitions.reduce(0) { $0 + $1.messages } }
}

/// Where `TopicStore.produce` put a message.
public struct ProducedMessage: Hashable, Sendable {
    /// The partition chosen (see `KafkaPartitioner`).
    public var partition: Int
    /// The offset given in that partition.
    public var offset: Int64
}

/// One partition of one topic: the unit offsets are tracked by.
public struct TopicPartition: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The topic's name.
    public var topic: String
    /// The partition (0-based).
    public var partition: Int

    public init(topic: String, partition: Int) {
        self.topic = topic
        self.partition = partition
    }

    public static func < (a: TopicPartition, b: TopicPartition) -> Bool {
        (a.topic, a.partition) < (b.topic, b.partition)
    }

    public var description: String { "\(topic)-\(partition)" }
}
