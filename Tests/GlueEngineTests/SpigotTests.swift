import Testing
@testable import GlueEngine

@Suite struct SpigotTests {
    typealias F = TransformFixtures

    static let numbers = DynamicFrame(name: "numbers", batches: (0..<5).map { b in
        RecordBatch(records: (0..<50).map { i in F.rec(("n", .long(Int64(b * 50 + i)))) })
    })

    static func sample(_ frame: DynamicFrame, _ options: [String: Value] = [:]) throws -> [Int64] {
        var got: [Int64] = []
        _ = try frame.spigot(path: "s3://lab/spigot/", options: options) { records in
            got = records.map { $0["n"].integerValue! }
        }
        return got
    }

    @Test func byDefaultTheFirst100RecordsAreHandedOverAndTheFrameIsUnchanged() throws {
        var seen = 0
        let out = try Self.numbers.spigot(path: "s3://lab/spigot/") { seen = $0.count }
        #expect(seen == 100)
        #expect(try Self.sample(Self.numbers) == Array(0..<100))
        #expect(out.count() == 250)
        #expect(out.name == "numbers")
        #expect(out.batches.count == 5)
    }

    @Test func topkTakesTheFirstKRecords() throws {
        #expect(try Self.sample(Self.numbers, ["topk": .long(5)]) == [0, 1, 2, 3, 4])
        #expect(try Self.sample(Self.numbers, ["topk": .long(1000)]).count == 250)
        #expect(try Self.sample(Self.numbers, ["topk": .long(0)]).isEmpty)
    }

    @Test func probSamplesDeterministically() throws {
        let a = try Self.sample(Self.numbers, ["prob": .double(0.2), "topk": .long(1000)])
        let b = try Self.sample(Self.numbers, ["prob": .double(0.2), "topk": .long(1000)])
        #expect(a == b)
        #expect(a == a.sorted())
        #expect((30...70).contains(a.count), "about 20% of 250, got \(a.count)")
        // prob alone is still capped by the default topk of 100.
        let capped = try Self.sample(Self.numbers, ["prob": .double(0.9)])
        #expect(capped.count == 100)
        #expect(try Self.sample(Self.numbers, ["prob": .long(0)]).isEmpty)
        #expect(try Self.sample(Self.numbers, ["prob": .long(1), "topk": .long(3)]) == [0, 1, 2])
    }

    @Test func badOptionsAndSinkFailuresAreReported() {
        #expect(throws: EngineError.invalidOption(name: "prob", value: "1.5", reason: "must be a probability between 0 and 1")) {
            try Self.sample(Self.numbers, ["prob": .double(1.5)])
        }
        #expect(throws: EngineError.self) { try Self.sample(Self.numbers, ["topk": .long(-1)]) }
        #expect(throws: EngineError.self) { try Self.sample(Self.numbers, ["topk": .string("ten")]) }
        struct Full: Error {}
        #expect(throws: EngineError.io(path: "s3://lab/spigot/", reason: "spigot could not write its sample: Full()")) {
            try Self.numbers.spigot(path: "s3://lab/spigot/") { _ in throw Full() }
        }
    }
}
