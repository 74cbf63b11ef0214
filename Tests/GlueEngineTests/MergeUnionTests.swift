import Testing
@testable import GlueEngine

@Suite struct MergeUnionTests {
    typealias F = TransformFixtures

    static let source = DynamicFrame(name: "source", batches: [
        RecordBatch(records: [
            F.rec(("id", .long(1)), ("name", .string("Ann")), ("plan", .string("free"))),
            F.rec(("id", .long(2)), ("name", .string("Bob")), ("plan", .string("free"))),
        ]),
        RecordBatch(records: [
            F.rec(("id", .long(3)), ("name", .string("Cid")), ("plan", .string("pro"))),
            F.rec(("id", .long(3)), ("name", .string("Cid again")), ("plan", .string("pro"))),
            F.rec(("name", .string("no id"))),
        ]),
    ])

    /// Staging has a different schema: no `plan`, an extra `since`, an `id` typed int.
    static let staging = DynamicFrame(name: "staging", records: [
        F.rec(("id", .int(2)), ("name", .string("Bob")), ("since", .string("2024-05-01"))),
        F.rec(("id", .long(9)), ("name", .string("Zed")), ("since", .string("2024-06-01"))),
    ])

    @Test func unionKeepsAllRecordsOfBothFramesAndBothErrorStreams() {
        let e1 = ErrorRecord(message: "a", transformation: "csv")
        let e2 = ErrorRecord(message: "b", transformation: "json")
        let left = DynamicFrame(name: "left", batches: Self.source.batches, errors: [e1])
        let right = DynamicFrame(name: "right", batches: Self.staging.batches, errors: [e2])
        let u = left.union(right)
        #expect(u.count() == 7)
        #expect(u.name == "left")
        #expect(F.names(u) == ["Ann", "Bob", "Cid", "Cid again", "no id", "Bob", "Zed"])
        #expect(u.errors == [e1, e2])
        #expect(u.stageErrorsCount == 0)
        #expect(u.schema()["id"]?.type == .choice(ChoiceType([.int, .long])))
        #expect(u.schema().names == ["id", "name", "plan", "since"])
    }

    @Test func mergeReplacesMatchedSourceRecordsAndKeepsTheRest() throws {
        let merged = try Self.source.mergeDynamicFrame(Self.staging, primaryKeys: ["id"])
        #expect(merged.name == "source")
        #expect(merged.records == [
            F.rec(("id", .long(1)), ("name", .string("Ann")), ("plan", .string("free"))),
            // Bob replaced in place by the staging record: its `plan` is gone, `since` appears.
            F.rec(("id", .int(2)), ("name", .string("Bob")), ("since", .string("2024-05-01"))),
            F.rec(("id", .long(3)), ("name", .string("Cid")), ("plan", .string("pro"))),
            F.rec(("id", .long(3)), ("name", .string("Cid again")), ("plan", .string("pro"))),
            F.rec(("name", .string("no id"))),
        ])
        // Zed (only in staging) is not added: merge updates, it does not insert.
        #expect(!F.names(merged).contains("Zed"))
        #expect(merged.schema().names == ["id", "name", "plan", "since"])
    }

    @Test func mergeDoesNotDeduplicate() throws {
        let staging = DynamicFrame(records: [
            F.rec(("id", .long(3)), ("name", .string("Cid v2"))),
            F.rec(("id", .long(3)), ("name", .string("Cid v3"))),
        ])
        let merged = try Self.source.mergeDynamicFrame(staging, primaryKeys: ["id"])
        // Both staging records with id 3 come back, once, where the first id 3 was.
        #expect(F.names(merged) == ["Ann", "Bob", "Cid v2", "Cid v3", "no id"])
        let untouched = try Self.source.mergeDynamicFrame(DynamicFrame(records: []), primaryKeys: ["id"])
        #expect(untouched.count() == 5)
    }

    @Test func mergeOnCompositeKeysAndBadKeys() throws {
        let merged = try Self.source.mergeDynamicFrame(
            DynamicFrame(records: [F.rec(("id", .long(3)), ("plan", .string("pro")), ("name", .string("Cid (pro)")))]),
            primaryKeys: ["id", "plan"])
        #expect(F.names(merged) == ["Ann", "Bob", "Cid (pro)", "no id"])
        #expect(throws: EngineError.self) { try Self.source.mergeDynamicFrame(Self.staging, primaryKeys: []) }
    }
}

@Suite struct MergeUnionPartitionTests {
    typealias F = TransformFixtures

    @Test func repartitionDealsRecordsRoundRobin() throws {
        let r = try F.people.repartition(4)
        #expect(r.getNumPartitions() == 4)
        #expect(r.batches.map(\.count) == [2, 2, 1, 1])
        #expect(r.batches.map { F.names(DynamicFrame(batches: [$0])) } == [["Ann", "Eve"], ["Bob", "Fay"], ["Cid"], ["Dee"]])
        #expect(r.count() == 6)
        #expect(r.schema() == F.people.schema())
        let many = try F.people.repartition(10)
        #expect(many.getNumPartitions() == 10)
        #expect(many.count() == 6)
    }

    @Test func coalesceMergesAdjacentBatches() throws {
        let one = try F.people.coalesce(1)
        #expect(one.getNumPartitions() == 1)
        #expect(F.names(one) == F.names(F.people))
        #expect(one.batches[0].schema["age"]?.type == .choice(ChoiceType([.double, .int, .long, .string])))
        // Without shuffle a coalesce cannot add partitions.
        #expect(try F.people.coalesce(5).getNumPartitions() == 2)
        #expect(try F.people.coalesce(5, shuffle: true).getNumPartitions() == 5)
        let six = try F.people.repartition(6)
        #expect(try six.coalesce(4).batches.map(\.count) == [1, 2, 1, 2])
    }

    @Test func partitionCountsMustBePositive() {
        #expect(throws: EngineError.invalidOption(name: "num_partitions", value: "0", reason: "must be at least 1")) {
            try F.people.repartition(0)
        }
        #expect(throws: EngineError.self) { try F.people.coalesce(-1) }
    }
}
