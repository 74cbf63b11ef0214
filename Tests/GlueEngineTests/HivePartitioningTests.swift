import Foundation
import Testing
@testable import GlueEngine

@Suite struct HivePartitioningTests {
    let frame = DynamicFrame(records: [
        DynamicRecord([("id", .long(1)), ("year", .long(2024)), ("country", .string("US"))]),
        DynamicRecord([("id", .long(2)), ("year", .long(2023)), ("country", .string("DE"))]),
        DynamicRecord([("id", .long(3)), ("year", .long(2024)), ("country", .string("a/b"))]),
        DynamicRecord([("id", .long(4)), ("country", .string("US"))]),
    ])

    @Test func splitsByKeyValuesInKeyOrderAndDropsTheKeys() throws {
        let parts = try HivePartitioning.split(frame, keys: ["year", "country"])
        #expect(parts.map(\.folder) == [
            "year=2023/country=DE/", "year=2024/country=US/", "year=2024/country=a%2Fb/",
            "year=__HIVE_DEFAULT_PARTITION__/country=US/",
        ])
        #expect(parts.map { $0.frame.records.map { $0["id"] } } == [[.long(2)], [.long(1)], [.long(3)], [.long(4)]])
        #expect(parts.allSatisfy { $0.frame.schema().names == ["id"] })
    }

    @Test func refusesUnknownKeysAndAllKeyFrames() {
        #expect(throws: EngineError.self) { try HivePartitioning.split(frame, keys: ["month"]) }
        #expect(throws: EngineError.self) { try HivePartitioning.split(frame, keys: ["id", "year", "country"]) }
    }

    @Test func sinkWritesOnePartFilePerFolder() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("hive-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let store = try Sandbox.open(home: home, name: "t").store
        let stats = try S3Sink(store: store).write(frame, path: try S3URI(parsing: "s3://out/orders"), format: .json, partitionKeys: ["year"])
        #expect(stats.objectsWritten == 3)
        #expect(stats.recordsWritten == 4)
        let keys = try store.list(try S3URI(parsing: "s3://out/orders/")).map(\.key)
        #expect(keys.count == 3)
        #expect(keys[0].hasPrefix("orders/year=2023/part-00000-") && keys[0].hasSuffix(".json"))
        let body = String(decoding: try store.get(try S3URI(parsing: "s3://out/\(keys[1])")), as: UTF8.self)
        #expect(body == "{\"id\":1,\"country\":\"US\"}\n{\"id\":3,\"country\":\"a/b\"}\n")
    }
}
