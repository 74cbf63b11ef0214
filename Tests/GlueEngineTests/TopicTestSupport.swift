import Foundation
@testable import GlueEngine

/// A sandbox with a stopped clock at `start`, in a temporary home, for topic tests.
@discardableResult
func withTopicSandbox<T>(start: String = "2024-05-01T10:00:00Z", _ body: (Sandbox) throws -> T) throws -> T {
    try TempHome.with { home in
        let sandbox = try Sandbox.open(home: home, name: "topics")
        try sandbox.clock.freeze()
        try sandbox.clock.set(storeTime(start))
        return try body(sandbox)
    }
}

/// Produces unkeyed JSON messages, one per text.
@discardableResult
func produceJSON(_ sandbox: Sandbox, _ topic: String, _ values: [String], key: String? = nil) throws -> [ProducedMessage] {
    try sandbox.topics.produce(topic: topic, messages: values.map { (key: key.map { Array($0.utf8) }, value: Array($0.utf8)) })
}

/// Collects what a streaming query's batch function saw.
final class BatchLog {
    var calls: [(id: Int, records: [DynamicRecord], errors: Int)] = []

    func record(_ frame: DynamicFrame, _ id: Int) {
        calls.append((id, frame.records, frame.errors.count))
    }

    var ids: [Int] { calls.map(\.id) }
    var counts: [Int] { calls.map(\.records.count) }
    /// The `n` field of every record, in order.
    var ns: [Int64] { calls.flatMap { $0.records.compactMap { $0["n"].integerValue } } }
}

/// `{"n":i}` for each i in `range`.
func numbered(_ range: Range<Int>) -> [String] { range.map { "{\"n\":\($0)}" } }
