import Foundation
import Testing
@testable import GlueEngine

@Suite struct TopicStoreTests {
    @Test func createListAndDuplicate() throws {
        try withTopicSandbox { sandbox in
            let created = try sandbox.topics.create(name: "orders", partitions: 3)
            #expect(created.partitions.map(\.partition) == [0, 1, 2])
            #expect(created.created == storeTime("2024-05-01T10:00:00Z"))
            try sandbox.topics.create(name: "a.b_c-1")
            #expect(try sandbox.topics.list().map(\.name) == ["a.b_c-1", "orders"])
            #expect(throws: EngineError.self) { try sandbox.topics.create(name: "orders", partitions: 1) }
        }
    }

    @Test(arguments: ["", ".", "..", "a b", "a/b", "é", String(repeating: "x", count: 250)])
    func refusesKafkaInvalidNames(name: String) throws {
        try withTopicSandbox { sandbox in
            #expect(throws: EngineError.self) { try sandbox.topics.create(name: name) }
        }
    }

    @Test func refusesZeroPartitions() throws {
        try withTopicSandbox { sandbox in
            #expect(throws: EngineError.self) { try sandbox.topics.create(name: "t", partitions: 0) }
        }
    }

    @Test func unkeyedMessagesGoRoundRobinWithDenseOffsets() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "t", partitions: 2)
            let first = try produceJSON(sandbox, "t", ["{}", "{}", "{}"])
            #expect(first.map(\.partition) == [0, 1, 0])
            #expect(first.map(\.offset) == [0, 0, 1])
            // The round-robin continues across calls.
            let second = try produceJSON(sandbox, "t", ["{}"])
            #expect(second == [ProducedMessage(partition: 1, offset: 1)])
            let info = try sandbox.topics.info("t")
            #expect(info.partitions.map(\.endOffset) == [2, 2])
            #expect(info.messages == 4)
        }
    }

    @Test func murmur2MatchesKafka() {
        // Kafka's UtilsTest.testMurmur2 vectors.
        let cases: [(String, Int32)] = [
            ("21", -973_932_308), ("foobar", -790_332_482), ("a-little-bit-long-string", -985_981_536),
            ("a-little-bit-longer-string", -1_486_304_829),
            ("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58_897_971), ("abc", 479_470_107),
        ]
        for (text, hash) in cases {
            #expect(KafkaPartitioner.murmur2(Array(text.utf8)) == hash, "\(text)")
        }
    }

    @Test func keyedMessagesStayOnTheKeysPartition() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "t", partitions: 4)
            let a = try produceJSON(sandbox, "t", ["{}", "{}"], key: "customer-1")
            let b = try produceJSON(sandbox, "t", ["{}"], key: "customer-1")
            let expected = KafkaPartitioner.partition(forKey: Array("customer-1".utf8), partitions: 4)
            #expect(Set((a + b).map(\.partition)) == [expected])
            #expect((a + b).map(\.offset) == [0, 1, 2])
            // Different keys spread over partitions.
            let spread = try (0..<40).map { try produceJSON(sandbox, "t", ["{}"], key: "k\($0)")[0].partition }
            #expect(Set(spread).count == 4)
        }
    }

    @Test func readsAPartitionFromAnOffset() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "t", partitions: 1)
            try sandbox.topics.produce(topic: "t", messages: [(key: Array("k".utf8), value: Array("v0".utf8)), (key: nil, value: Array("v1".utf8))])
            try sandbox.clock.advance(by: 60_000_000)
            try sandbox.topics.produce(topic: "t", messages: [(key: nil, value: Array("v2".utf8))])
            let all = try sandbox.topics.read(topic: "t", partition: 0)
            #expect(all.map { String(decoding: $0.value, as: UTF8.self) } == ["v0", "v1", "v2"])
            #expect(all[0].key == Array("k".utf8))
            #expect(all[1].key == nil)
            #expect(all.map(\.timestamp) == [storeTime("2024-05-01T10:00:00Z"), storeTime("2024-05-01T10:00:00Z"), storeTime("2024-05-01T10:01:00Z")])
            let some = try sandbox.topics.read(topic: "t", partition: 0, fromOffset: 1, maxMessages: 1)
            #expect(some.map(\.offset) == [1])
            #expect(throws: EngineError.self) { try sandbox.topics.read(topic: "t", partition: 1) }
            #expect(throws: EngineError.notFound(what: "topic \"nope\"")) { try sandbox.topics.read(topic: "nope", partition: 0) }
        }
    }

    @Test func producingToAMissingTopicFails() throws {
        try withTopicSandbox { sandbox in
            #expect(throws: EngineError.notFound(what: "topic \"nope\"")) { try produceJSON(sandbox, "nope", ["{}"]) }
        }
    }

    @Test func deleteRemovesTheTopicAndItsMessages() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "t", partitions: 1)
            try produceJSON(sandbox, "t", ["{}"])
            try sandbox.topics.delete(name: "t")
            #expect(try sandbox.topics.list().isEmpty)
            try sandbox.topics.create(name: "t", partitions: 1)
            #expect(try sandbox.topics.info("t").messages == 0)
        }
    }

    @Test func produces100kMessagesInOneTransaction() throws {
        try withTopicSandbox { sandbox in
            try sandbox.topics.create(name: "big", partitions: 3)
            let messages = (0..<100_000).map { (key: nil as [UInt8]?, value: Array("{\"n\":\($0)}".utf8)) }
            let start = Date()
            let produced = try sandbox.topics.produce(topic: "big", messages: messages)
            let seconds = Date().timeIntervalSince(start)
            #expect(produced.count == 100_000)
            #expect(try sandbox.topics.info("big").partitions.map(\.endOffset) == [33_334, 33_333, 33_333])
            #expect(seconds < 10, "took \(seconds) s")
        }
    }
}
