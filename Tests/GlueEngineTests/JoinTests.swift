import Testing
@testable import GlueEngine

@Suite struct JoinTests {
    typealias F = TransformFixtures

    /// The AWS Join example: both frames have `zip`; the result has `zip` and `.zip`.
    @Test func sameNamedKeysAreBothKeptAndTheSecondGetsAPeriod() throws {
        let customers = DynamicFrame(name: "customers", records: [
            F.rec(("customer", .string("Ann")), ("zip", .long(75091))),
            F.rec(("customer", .string("Bob")), ("zip", .long(90093))),
            F.rec(("customer", .string("Cid")), ("zip", .long(11111))),
        ])
        let zips = DynamicFrame(name: "zips", records: [
            F.rec(("zip", .long(90093)), ("city", .string("Los Angeles"))),
            F.rec(("zip", .long(75091)), ("city", .string("Dallas"))),
        ])
        let joined = try customers.join(paths1: ["zip"], paths2: ["zip"], frame2: zips)
        #expect(joined.name == "customerszips")
        #expect(joined.schema().names == ["customer", "zip", ".zip", "city"])
        #expect(joined.records == [
            F.rec(("customer", .string("Ann")), ("zip", .long(75091)), (".zip", .long(75091)), ("city", .string("Dallas"))),
            F.rec(("customer", .string("Bob")), ("zip", .long(90093)), (".zip", .long(90093)), ("city", .string("Los Angeles"))),
        ])
    }

    /// The legislators sample: persons.id = memberships.person_id keeps both key columns.
    @Test func differentlyNamedKeysAreBothKeptAndOtherClashesAreRenamed() throws {
        let persons = DynamicFrame(name: "persons", records: [
            F.rec(("id", .string("p1")), ("name", .string("Ann"))),
            F.rec(("id", .string("p2")), ("name", .string("Bob"))),
        ])
        let memberships = DynamicFrame(name: "memberships", records: [
            F.rec(("person_id", .string("p2")), ("name", .string("Senate")), ("start", .string("2001"))),
            F.rec(("person_id", .string("p2")), ("name", .string("House")), ("start", .string("1995"))),
            F.rec(("person_id", .string("p9")), ("name", .string("House")), ("start", .string("1990"))),
        ])
        let joined = try persons.join(paths1: ["id"], paths2: ["person_id"], frame2: memberships)
        #expect(joined.schema().names == ["id", "name", "person_id", ".name", "start"])
        #expect(joined.count() == 2)
        #expect(joined.records.map { $0[".name"] } == [.string("Senate"), .string("House")])
        #expect(joined.records.allSatisfy { $0["name"] == .string("Bob") && $0["person_id"] == .string("p2") })
    }

    @Test func nullKeysNeverMatchAndNumbersMatchAcrossTypes() throws {
        let left = DynamicFrame(name: "l", records: [
            F.rec(("k", .int(1)), ("a", .string("int one"))),
            F.rec(("a", .string("no key"))),
            F.rec(("k", .string("1")), ("a", .string("string one"))),
        ])
        let right = DynamicFrame(name: "r", records: [
            F.rec(("k", .long(1)), ("b", .string("long one"))),
            F.rec(("k", .null), ("b", .string("null key"))),
            F.rec(("b", .string("missing key"))),
        ])
        let joined = try left.join(paths1: ["k"], paths2: ["k"], frame2: right)
        #expect(joined.records == [F.rec(("k", .int(1)), ("a", .string("int one")), (".k", .long(1)), ("b", .string("long one")))])
    }

    @Test func multiKeyAndNestedKeyJoinsKeepLeftOrderAndAllMatches() throws {
        let orders = DynamicFrame(name: "orders", batches: [
            RecordBatch(records: [
                F.rec(("id", .long(1)), ("shop", .structure(F.rec(("region", .string("eu")), ("no", .long(7)))))),
                F.rec(("id", .long(2)), ("shop", .structure(F.rec(("region", .string("us")), ("no", .long(7)))))),
            ]),
            RecordBatch(records: [
                F.rec(("id", .long(3)), ("shop", .structure(F.rec(("region", .string("eu")), ("no", .long(7)))))),
            ]),
        ])
        let shops = DynamicFrame(name: "shops", records: [
            F.rec(("region", .string("eu")), ("no", .long(7)), ("manager", .string("Kim"))),
            F.rec(("region", .string("eu")), ("no", .long(7)), ("manager", .string("Lee"))),
            F.rec(("region", .string("us")), ("no", .long(8)), ("manager", .string("Max"))),
        ])
        let joined = try orders.join(paths1: ["shop.region", "shop.no"], paths2: ["region", "no"], frame2: shops)
        #expect(joined.records.map { "\($0["id"].plainText):\($0["manager"].plainText)" } == ["1:Kim", "1:Lee", "3:Kim", "3:Lee"])
        #expect(joined.batches.map(\.count) == [2, 2])
    }

    @Test func keyListsMustBeNonEmptyAndOfTheSameLength() {
        let f = F.people
        #expect(throws: EngineError.self) { try f.join(paths1: ["name", "age"], paths2: ["name"], frame2: f) }
        #expect(throws: EngineError.self) { try f.join(paths1: [], paths2: [], frame2: f) }
        #expect(throws: EngineError.invalidPath(path: "a..b", reason: "empty field name")) {
            try f.join(paths1: ["a..b"], paths2: ["name"], frame2: f)
        }
        do {
            _ = try f.join(paths1: ["name", "age"], paths2: ["name"], frame2: f)
        } catch {
            #expect(error.description == "Join: keys1 and keys2 must have the same length, got 2 (name, age) and 1 (name)")
        }
    }

    @Test func errorStreamsOfBothSidesAreCarried() throws {
        let e1 = ErrorRecord(message: "bad", transformation: "csv")
        let e2 = ErrorRecord(message: "worse", transformation: "json")
        let a = DynamicFrame(name: "a", batches: F.people.batches, errors: [e1])
        let b = DynamicFrame(name: "b", batches: F.people.batches, errors: [e2])
        let joined = try a.join(paths1: ["name"], paths2: ["name"], frame2: b)
        #expect(joined.count() == 6)
        #expect(joined.errors == [e1, e2])
        #expect(joined.stageErrorsCount == 0)
    }
}
