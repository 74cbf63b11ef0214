import Foundation
import GRDB

/// Kafka-style topics kept in the sandbox database: named topics with a fixed number of
/// partitions, each partition an append-only log of messages with dense offsets from 0.
///
/// - Names follow Kafka: 1 to 249 of `a-z A-Z 0-9 . _ -`, and not `.` or `..`.
/// - Every message is stamped with the sandbox clock when it is produced (Kafka's
///   `LogAppendTime`), unless the producer passes a time (Kafka's `CreateTime`).
/// - Keys choose partitions as Kafka's producer does; unkeyed messages go round-robin (see
///   `KafkaPartitioner`).
/// - Nothing expires: there is no retention, so a partition's end offset is its message count.
///
/// Tables: `topics(name, partitions, created_micros, next_partition)` and
/// `topic_messages(topic, partition_no, offset_no, key, value, timestamp_micros)`, primary key
/// (topic, partition_no, offset_no). Every call is one transaction; `produce` writes any number
/// of messages in one transaction through one prepared statement.
public struct TopicStore: Sendable {
    let database: DatabaseQueue
    let databasePath: String
    let clock: SandboxClock

    /// The longest topic name Kafka accepts.
    public static let maxNameLength = 249
    /// The most partitions a topic may have here (Kafka has no hard limit; this keeps a typo
    /// such as `--partitions 10000` from making a sandbox unusable).
    public static let maxPartitions = 1000

    /// The topics of `sandbox`.
    public init(sandbox: Sandbox) {
        database = sandbox.database
        databasePath = sandbox.root.appendingPathComponent("sandbox.sqlite").path
        clock = sandbox.clock
    }

    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE topics (
                name TEXT PRIMARY KEY,
                partitions INTEGER NOT NULL CHECK (partitions >= 1),
                created_micros INTEGER NOT NULL,
                next_partition INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;
            CREATE TABLE topic_messages (
                topic TEXT NOT NULL,
                partition_no INTEGER NOT NULL,
                offset_no INTEGER NOT NULL,
                key BLOB,
                value BLOB NOT NULL,
                timestamp_micros INTEGER NOT NULL,
                PRIMARY KEY (topic, partition_no, offset_no)
            ) WITHOUT ROWID;
            """)
    }

    /// Whether `name` is a topic name Kafka accepts: `[a-zA-Z0-9._-]{1,249}`, not `.` or `..`.
    public static func isValidName(_ name: String) -> Bool {
        let b = Array(name.utf8)
        guard (1...maxNameLength).contains(b.count), name != ".", name != ".." else { return false }
        return b.allSatisfy { c in
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                || c == UInt8(ascii: ".") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")
        }
    }

    // MARK: Topics

    /// Creates the topic `name` with `partitions` partitions.
    /// - Throws: `EngineError.invalidOption` for a bad name, a partition count outside
    ///   1...`maxPartitions`, or a topic that already exists.
    @discardableResult
    public func create(name: String, partitions: Int = 1) throws(EngineError) -> TopicInfo {
        guard Self.isValidName(name) else {
            throw .invalidOption(name: "topic", value: name, reason: "a topic name is 1 to 249 of a-z, A-Z, 0-9, '.', '_', '-' (and not '.' or '..')")
        }
        guard (1...Self.maxPartitions).contains(partitions) else {
            throw .invalidOption(name: "partitions", value: String(partitions), reason: "a topic has 1 to \(Self.maxPartitions) partitions")
        }
        return try write { db throws(EngineError) in
            if try self.partitionCount(db, name) != nil {
                throw .invalidOption(name: "topic", value: name, reason: "a topic with this name already exists")
            }
            let now = try self.clock.now(db)
            try sql(db) {
                try db.execute(sql: "INSERT INTO topics (name, partitions, created_micros) VALUES (?, ?, ?)",
                               arguments: [name, partitions, now])
            }
            return TopicInfo(name: name, created: now,
                             partitions: (0..<partitions).map { TopicInfo.Partition(partition: $0, endOffset: 0, messages: 0) })
        }
    }

    /// Deletes the topic `name` and all its messages.
    /// - Throws: `EngineError.notFound` when there is no such topic.
    public func delete(name: String) throws(EngineError) {
        try write { db throws(EngineError) in
            guard try self.partitionCount(db, name) != nil else { throw .notFound(what: "topic \(EngineError.quote(name))") }
            try sql(db) {
                try db.execute(sql: "DELETE FROM topic_messages WHERE topic = ?", arguments: [name])
                try db.execute(sql: "DELETE FROM topics WHERE name = ?", arguments: [name])
            }
        }
    }

    /// Every topic, sorted by name, with its partitions' end offsets and message counts.
    public func list() throws(EngineError) -> [TopicInfo] {
        try read { db throws(EngineError) in
            let rows = try sql(db) { try Row.fetchAll(db, sql: "SELECT name, partitions, created_micros FROM topics ORDER BY name") }
            return try rows.map { (r: Row) throws(EngineError) -> TopicInfo in
                let name: String = r["name"]
                let count: Int = r["partitions"]
                let ends = try self.endOffsets(db, name, partitions: count)
                return TopicInfo(name: name, created: r["created_micros"], partitions: ends.enumerated().map { p, e in
                    TopicInfo.Partition(partition: p, endOffset: e, messages: e)
                })
            }
        }
    }

    /// The topic `name`, with its partitions.
    /// - Throws: `EngineError.notFound` when there is no such topic.
    public func info(_ name: String) throws(EngineError) -> TopicInfo {
        guard let topic = try list().first(where: { $0.name == name }) else {
            throw .notFound(what: "topic \(EngineError.quote(name))")
        }
        return topic
    }

    /// The names of all topics, sorted.
    public func names() throws(EngineError) -> [String] {
        try read { db throws(EngineError) in try sql(db) { try String.fetchAll(db, sql: "SELECT name FROM topics ORDER BY name") } }
    }

    // MARK: Producing

    /// Appends `messages` to `topic`, in order, in one transaction, and returns where each went.
    /// Keyed messages go to the key's partition, unkeyed ones round-robin (`KafkaPartitioner`).
    /// - Parameter timestamp: the messages' time (microseconds since the epoch); default the
    ///   sandbox clock's now, the same for the whole call.
    /// - Throws: `EngineError.notFound` when the topic does not exist.
    @discardableResult
    public func produce(topic: String, messages: [(key: [UInt8]?, value: [UInt8])],
                        timestamp: Int64? = nil) throws(EngineError) -> [ProducedMessage] {
        if let timestamp, timestamp < 0 {
            throw .invalidOption(name: "timestamp", value: String(timestamp), reason: "a message time cannot be before 1970")
        }
        return try write { db throws(EngineError) in
            guard let partitions = try self.partitionCount(db, topic) else { throw .notFound(what: "topic \(EngineError.quote(topic))") }
            var time = timestamp ?? 0
            if timestamp == nil { time = try self.clock.now(db) }
            return try sql(db) {
                var next = try self.endOffsets(db, topic, partitions: partitions)
                var roundRobin = try Int.fetchOne(db, sql: "SELECT next_partition FROM topics WHERE name = ?", arguments: [topic]) ?? 0
                let insert = try db.makeStatement(sql: """
                    INSERT INTO topic_messages (topic, partition_no, offset_no, key, value, timestamp_micros) VALUES (?, ?, ?, ?, ?, ?)
                    """)
                var out: [ProducedMessage] = []
                out.reserveCapacity(messages.count)
                for m in messages {
                    let p: Int
                    if let key = m.key {
                        p = KafkaPartitioner.partition(forKey: key, partitions: partitions)
                    } else {
                        p = roundRobin % partitions
                        roundRobin = (roundRobin + 1) % partitions
                    }
                    let offset = next[p]
                    next[p] += 1
                    insert.setUncheckedArguments([topic, p, offset, m.key.map { Data($0) }, Data(m.value), time])
                    try insert.execute()
                    out.append(ProducedMessage(partition: p, offset: offset))
                }
                try db.execute(sql: "UPDATE topics SET next_partition = ? WHERE name = ?", arguments: [roundRobin, topic])
                return out
            }
        }
    }

    // MARK: Consuming

    /// Up to `maxMessages` messages of one partition, from `fromOffset` on, in offset order.
    /// - Throws: `EngineError.notFound` for a missing topic; `EngineError.invalidOption` for a
    ///   partition the topic does not have or a negative offset.
    public func read(topic: String, partition: Int, fromOffset: Int64 = 0, maxMessages: Int = .max) throws(EngineError) -> [TopicMessage] {
        guard fromOffset >= 0 else {
            throw .invalidOption(name: "fromOffset", value: String(fromOffset), reason: "offsets start at 0")
        }
        return try read { db throws(EngineError) in
            guard let partitions = try self.partitionCount(db, topic) else { throw .notFound(what: "topic \(EngineError.quote(topic))") }
            guard (0..<partitions).contains(partition) else {
                throw .invalidOption(name: "partition", value: String(partition), reason: "topic \(topic) has partitions 0 to \(partitions - 1)")
            }
            return try self.messages(db, TopicPartition(topic: topic, partition: partition), from: fromOffset,
                                     to: .max, limit: max(0, maxMessages))
        }
    }

    /// The messages of `tp` with offsets in `from..<to`.
    func messages(_ tp: TopicPartition, from: Int64, to: Int64) throws(EngineError) -> [TopicMessage] {
        try read { db throws(EngineError) in try self.messages(db, tp, from: from, to: to, limit: .max) }
    }

    /// The timestamps of `tp`'s messages with offsets in `from..<to`, in offset order (offsets
    /// are dense, so element `i` is offset `from + i`).
    func timestamps(_ tp: TopicPartition, from: Int64, to: Int64) throws(EngineError) -> [Int64] {
        try read { db throws(EngineError) in
            try sql(db) {
                try Int64.fetchAll(db, sql: """
                    SELECT timestamp_micros FROM topic_messages
                    WHERE topic = ? AND partition_no = ? AND offset_no >= ? AND offset_no < ? ORDER BY offset_no
                    """, arguments: [tp.topic, tp.partition, from, to])
            }
        }
    }

    private func messages(_ db: Database, _ tp: TopicPartition, from: Int64, to: Int64, limit: Int) throws(EngineError) -> [TopicMessage] {
        try sql(db) {
            let rows = try Row.fetchCursor(db, sql: """
                SELECT offset_no, key, value, timestamp_micros FROM topic_messages
                WHERE topic = ? AND partition_no = ? AND offset_no >= ? AND offset_no < ? ORDER BY offset_no LIMIT ?
                """, arguments: [tp.topic, tp.partition, from, to, Int64(min(limit, Int(Int64.max)))])
            var out: [TopicMessage] = []
            while let r = try rows.next() {
                let key: Data? = r["key"]
                let value: Data = r["value"] ?? Data()
                out.append(TopicMessage(topic: tp.topic, partition: tp.partition, offset: r["offset_no"],
                                        key: key.map { [UInt8]($0) }, value: [UInt8](value), timestamp: r["timestamp_micros"]))
            }
            return out
        }
    }

    // MARK: Helpers

    /// Each partition's end offset (one past its last message; 0 when empty). SQLite answers
    /// each `MAX` from the primary key's index without scanning the partition.
    func endOffsets(_ db: Database, _ topic: String, partitions: Int) throws(EngineError) -> [Int64] {
        try sql(db) {
            let statement = try db.cachedStatement(sql: "SELECT MAX(offset_no) FROM topic_messages WHERE topic = ? AND partition_no = ?")
            return try (0..<partitions).map { p in
                (try Int64?.fetchOne(statement, arguments: [topic, p]) ?? nil).map { $0 + 1 } ?? 0
            }
        }
    }

    func partitionCount(_ db: Database, _ name: String) throws(EngineError) -> Int? {
        try sql(db) { try Int.fetchOne(db, sql: "SELECT partitions FROM topics WHERE name = ?", arguments: [name]) }
    }

    private func sql<T>(_ db: Database, _ body: () throws -> T) throws(EngineError) -> T {
        try withEngineErrors(path: databasePath, body)
    }

    private func read<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: databasePath) { try database.read { db in try body(db) } }
    }

    private func write<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: databasePath) { try database.write { db in try body(db) } }
    }
}

extension Sandbox {
    /// The sandbox's Kafka-style topics.
    public var topics: TopicStore { TopicStore(sandbox: self) }
}
