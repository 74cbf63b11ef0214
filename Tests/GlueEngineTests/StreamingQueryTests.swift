import Foundation
import Testing
@testable import GlueEngine

@Suite struct StreamingQueryTests {
    static let checkpoint = "s3://lake/checkpoints/orders/"

    static func run(_ sandbox: Sandbox, _ options: [String: Value] = [:], window: String = "100 seconds",
                    extra: [String: Value] = [:], log: BatchLog,
                    fail: ((Int) -> Bool)? = nil) throws -> StreamingStats {
        let source = try TopicSourceOptions(options: ["topicName": .string("orders"), "startingOffsets": .string("earliest")].merging(options) { $1 })
        return try StreamingQuery.forEachBatch(sandbox: sandbox, source: source, windowSize: window, checkpointLocation: checkpoint,
                                               options: extra) { frame, id in
            if let fail, fail(id) { throw EngineError.transform(name: "batch", message: "boom in \(id)") }
            log.record(frame, id)
        }
    }

    /// Produces `values` at the current clock, then moves the clock by `after`.
    static func produce(_ sandbox: Sandbox, _ values: [String], after: Int64 = 0) throws {
        try produceJSON(sandbox, "orders", values)
        if after > 0 { try sandbox.clock.advance(by: after) }
    }

    @Test func windowsBecomeBatchesAndEmptyWindowsAreSkipped() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 2)
            try Self.produce(sandbox, numbered(0..<3), after: 30_000_000)      // window 10:00:00–10:01:40
            try Self.produce(sandbox, numbered(3..<4), after: 300_000_000)     // same window (10:00:30)
            try Self.produce(sandbox, numbered(4..<6))                         // 10:05:30: three empty windows later
            let log = BatchLog()
            let stats = try Self.run(sandbox, log: log)
            #expect(log.ids == [0, 1])
            #expect(log.counts == [4, 2])
            #expect(stats.recordsPerBatch == [4, 2])
            #expect(stats.emptyWindowsSkipped == 2)
            #expect(stats.batches.map(\.windowStart) == [storeTime("2024-05-01T10:00:00Z") / 100_000_000 * 100_000_000,
                                                         storeTime("2024-05-01T10:05:00Z")])
            #expect(Set(log.ns) == Set(0..<6))
            #expect(stats.finalOffsets.values.reduce(0, +) == 6)
        }
    }

    @Test func latestReadsOnlyWhatArrivesAfterTheFirstRun() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            try Self.produce(sandbox, numbered(0..<3))
            let log = BatchLog()
            let first = try Self.run(sandbox, ["startingOffsets": .string("latest")], log: log)
            #expect(first.batches.isEmpty)
            #expect(log.calls.isEmpty)
            try Self.produce(sandbox, numbered(3..<5))
            _ = try Self.run(sandbox, ["startingOffsets": .string("latest")], log: log)
            #expect(log.ns == [3, 4])
            #expect(log.ids == [0])
        }
    }

    @Test func earliestReadsEverything() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 3)
            try Self.produce(sandbox, numbered(0..<9))
            let log = BatchLog()
            _ = try Self.run(sandbox, log: log)
            #expect(log.ns.sorted() == Array(0..<9))
            // Partition, then offset order: round-robin put 0,3,6 on partition 0.
            #expect(log.ns == [0, 3, 6, 1, 4, 7, 2, 5, 8])
        }
    }

    @Test func maxOffsetsPerTriggerSplitsAWindow() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 2)
            try Self.produce(sandbox, numbered(0..<5), after: 1_000_000)
            try Self.produce(sandbox, numbered(5..<7))
            let log = BatchLog()
            let stats = try Self.run(sandbox, ["maxOffsetsPerTrigger": .string("3")], log: log)
            #expect(log.counts == [3, 3, 1])
            #expect(log.ids == [0, 1, 2])
            #expect(stats.emptyWindowsSkipped == 0)
            #expect(Set(log.ns) == Set(0..<7))
            // Timestamp order across partitions: the first batch holds the earliest messages.
            #expect(Set(log.calls[0].records.map { $0["n"].integerValue! }).isSubset(of: Set(0..<5)))
        }
    }

    @Test func restartResumesFromTheCheckpoint() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 2)
            try Self.produce(sandbox, numbered(0..<4), after: 200_000_000)
            let log = BatchLog()
            let first = try Self.run(sandbox, log: log)
            #expect(first.batchesRun == 1)
            try Self.produce(sandbox, numbered(4..<6))
            let again = BatchLog()
            // startingOffsets is ignored once a checkpoint exists.
            let second = try Self.run(sandbox, ["startingOffsets": .string("earliest")], log: again)
            #expect(again.ns.sorted() == [4, 5])
            #expect(again.ids == [1])
            #expect(second.finalOffsets.values.reduce(0, +) == 6)
            // Nothing new: nothing runs.
            let third = BatchLog()
            #expect(try Self.run(sandbox, log: third).batches.isEmpty)
            #expect(third.calls.isEmpty)
            // Spark's layout in the object store.
            let keys = try sandbox.store.list(storeURI(Self.checkpoint)).map(\.key)
            #expect(keys == ["checkpoints/orders/commits/0", "checkpoints/orders/commits/1", "checkpoints/orders/metadata",
                             "checkpoints/orders/offsets/0", "checkpoints/orders/offsets/1", "checkpoints/orders/sources/0/0"])
            let offsets = String(decoding: try sandbox.store.get(storeURI(Self.checkpoint + "offsets/1")), as: UTF8.self)
            #expect(offsets.hasPrefix("v1\n{\"batchWatermarkMs\":0,"))
            #expect(offsets.hasSuffix("\n{\"orders\":{\"0\":3,\"1\":3}}\n"))
        }
    }

    @Test func aFailingBatchIsRetriedThenFailsWithoutCommitting() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            try Self.produce(sandbox, numbered(0..<2), after: 200_000_000)
            try Self.produce(sandbox, numbered(2..<3))
            let log = BatchLog()
            var delays: [Int64] = []
            var calls = 0
            let source = try TopicSourceOptions(options: ["topicName": .string("orders"), "startingOffsets": .string("earliest")])
            #expect(throws: EngineError.transform(name: "batch", message: "boom")) {
                _ = try StreamingQuery.forEachBatch(sandbox: sandbox, source: source, windowSize: "100 seconds",
                                                    checkpointLocation: Self.checkpoint, options: ["batchMaxRetries": .int(4)],
                                                    sleep: { delays.append($0) }) { frame, id in
                    if id == 1 { calls += 1; throw EngineError.transform(name: "batch", message: "boom") }
                    log.record(frame, id)
                }
            }
            #expect(calls == 5)  // 1 + 4 retries
            #expect(delays == [1_000_000, 2_000_000, 5_000_000, 5_000_000])
            #expect(log.ids == [0])
            // Batch 1's offsets are logged but not committed.
            #expect((try? sandbox.store.head(storeURI(Self.checkpoint + "offsets/1"))) != nil)
            #expect((try? sandbox.store.head(storeURI(Self.checkpoint + "commits/1"))) == nil)
            // The next run re-runs batch 1 over the same offsets.
            let again = BatchLog()
            let stats = try Self.run(sandbox, log: again)
            #expect(again.ids == [1])
            #expect(again.ns == [2])
            #expect(stats.batches.first?.rerun == true)
        }
    }

    @Test func retriesSucceedWithinTheLimit() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            try Self.produce(sandbox, numbered(0..<2))
            var failuresLeft = 2
            let log = BatchLog()
            let stats = try Self.run(sandbox, log: log, fail: { _ in
                failuresLeft -= 1
                return failuresLeft >= 0
            })
            #expect(log.ids == [0])
            #expect(stats.batches.first?.attempts == 3)
            #expect(stats.retryDelays == [1_000_000, 2_000_000])
        }
    }

    @Test func zeroRetriesFailsAtOnce() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            try Self.produce(sandbox, numbered(0..<1))
            var calls = 0
            #expect(throws: EngineError.self) {
                _ = try Self.run(sandbox, extra: ["batchMaxRetries": .string("0")], log: BatchLog(), fail: { _ in calls += 1; return true })
            }
            #expect(calls == 1)
        }
    }

    @Test func aCrashBeforeTheCommitRerunsTheBatch() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 2)
            try Self.produce(sandbox, numbered(0..<2), after: 200_000_000)
            try Self.produce(sandbox, numbered(2..<4))
            _ = try Self.run(sandbox, log: BatchLog())
            // The job died after batch 1's function succeeded, before Spark wrote its commit.
            try sandbox.store.delete(storeURI(Self.checkpoint + "commits/1"))
            try Self.produce(sandbox, numbered(4..<5))
            let log = BatchLog()
            let stats = try Self.run(sandbox, log: log)
            #expect(log.ids == [1, 2])
            #expect(log.calls[0].records.map { $0["n"].integerValue! }.sorted() == [2, 3])
            #expect(log.calls[1].records.map { $0["n"].integerValue! } == [4])
            #expect(stats.batches.map(\.rerun) == [true, false])
        }
    }

    @Test func badJSONBecomesErrorRecords() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            try Self.produce(sandbox, ["{\"n\":1}", "{\"n\":", "[1,2]", "{\"n\":\n2}"])
            var frames: [DynamicFrame] = []
            let source = try TopicSourceOptions(options: ["topicName": .string("orders"), "startingOffsets": .string("earliest")])
            _ = try StreamingQuery.forEachBatch(sandbox: sandbox, source: source, windowSize: "10 seconds",
                                                checkpointLocation: Self.checkpoint) { frame, _ in frames.append(frame) }
            let frame = try #require(frames.first)
            #expect(frame.records.map { $0["n"] } == [.int(1), .int(2)])
            #expect(frame.errors.map(\.source) == ["kafka://orders/0/1", "kafka://orders/0/2"])
            #expect(frame.errors.map(\.raw) == ["{\"n\":", "[1,2]"])
            #expect(frame.errors[1].message == "message value is not a JSON object")
        }
    }

    @Test func addRecordTimestampAddsSrcTimestamp() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            try Self.produce(sandbox, ["{\"n\":1}", "oops"], after: 5_000_000)
            try Self.produce(sandbox, ["{\"n\":2}"])
            let log = BatchLog()
            _ = try Self.run(sandbox, ["addRecordTimestamp": .string("true")], log: log)
            let records = log.calls.flatMap(\.records)
            #expect(records.map { $0["__src_timestamp"] } == [.timestamp(storeTime("2024-05-01T10:00:00Z")),
                                                               .timestamp(storeTime("2024-05-01T10:00:05Z"))])
            #expect(records[0].fields.map { $0.name } == ["n", "__src_timestamp"])
        }
    }

    @Test func gluesMissingArgumentMessages() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            let source = TopicSourceOptions(topicName: "orders")
            #expect(throws: EngineError.transform(name: "forEachBatch", message: "Missing windowSize argument")) {
                _ = try StreamingQuery.forEachBatch(sandbox: sandbox, source: source, options: ["checkpointLocation": .string(Self.checkpoint)]) { _, _ in }
            }
            #expect(throws: EngineError.transform(name: "forEachBatch", message: "Missing checkpointLocation argument")) {
                _ = try StreamingQuery.forEachBatch(sandbox: sandbox, source: source, options: ["windowSize": .string("100 seconds")]) { _, _ in }
            }
            #expect(throws: EngineError.transform(name: "forEachBatch", message: "Please specify the number of retries as an integer in the range of [0, 100].")) {
                _ = try StreamingQuery.forEachBatch(sandbox: sandbox, source: source, options: [
                    "windowSize": .string("100 seconds"), "checkpointLocation": .string(Self.checkpoint), "batchMaxRetries": .int(101),
                ]) { _, _ in }
            }
        }
    }

    @Test func missingTopicIsNotFound() throws {
        try withTopicSandbox { sandbox in
            #expect(throws: EngineError.notFound(what: "topic \"orders\"")) { _ = try Self.run(sandbox, log: BatchLog()) }
        }
    }

    @Test func windowSizeZeroTakesEverythingAtOnce() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            try Self.produce(sandbox, numbered(0..<2), after: 3_600_000_000)
            try Self.produce(sandbox, numbered(2..<3))
            let log = BatchLog()
            _ = try Self.run(sandbox, window: "0 seconds", log: log)
            #expect(log.counts == [3])
        }
    }

    @Test func twoDocumentsInOneMessageAreOneError() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 1)
            try Self.produce(sandbox, ["{\"n\":1} {\"n\":2}", "{\"n\":3}"])
            let log = BatchLog()
            _ = try Self.run(sandbox, ["addRecordTimestamp": .string("true")], log: log)
            #expect(log.ns == [3])
            #expect(log.calls.first?.errors == 1)
        }
    }

    @Test func streams100kMessages() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "orders", partitions: 4)
            try sandbox.topics.produce(topic: "orders", messages: (0..<100_000).map { (key: nil, value: Array("{\"n\":\($0),\"s\":\"x\"}".utf8)) })
            let start = Date()
            var total = 0
            let source = try TopicSourceOptions(options: ["topicName": .string("orders"), "startingOffsets": .string("earliest"),
                                                          "maxOffsetsPerTrigger": .int(30_000)])
            let stats = try StreamingQuery.forEachBatch(sandbox: sandbox, source: source, windowSize: "100 seconds",
                                                        checkpointLocation: Self.checkpoint) { frame, _ in total += frame.count() }
            #expect(total == 100_000)
            #expect(stats.recordsPerBatch == [30_000, 30_000, 30_000, 10_000])
            #expect(Date().timeIntervalSince(start) < 20)
        }
    }
}
