import Testing
@testable import GlueEngine

@Suite struct SplitRowsTests {
    typealias F = TransformFixtures

    static let ages: DynamicFrame = {
        let values: [(String, Value)] = [
            ("ten", .long(10)), ("eleven", .long(11)), ("fifteen", .int(15)), ("almost", .double(19.5)),
            ("twenty", .long(20)), ("missing", .null), ("text", .string("15")),
        ]
        return DynamicFrame(name: "ages", batches: [
            RecordBatch(records: values.prefix(4).map { F.rec(("name", .string($0.0)), ("age", $0.1)) }),
            RecordBatch(records: values.dropFirst(4).map { F.rec(("name", .string($0.0)), ("age", $0.1)) }),
        ])
    }()

    /// The documented example: `{"age": {">": 10, "<": 20}}`, both bounds exclusive.
    @Test func rowsMatchingEveryComparisonGoToTheFirstFrame() throws {
        let split = try Self.ages.splitRows(["age": [">": .long(10), "<": .long(20)]])
        #expect(split.keys == ["frame1", "frame2"])
        let inRange = try split.select("frame1")
        let rest = try split.select("frame2")
        #expect(inRange.name == "frame1")
        #expect(F.names(inRange) == ["eleven", "fifteen", "almost"])
        // 10 and 20 are excluded; a missing age and a string "15" never match.
        #expect(F.names(rest) == ["ten", "twenty", "missing", "text"])
        #expect(inRange.batches.map(\.count) == [3])
        #expect(rest.batches.map(\.count) == [1, 3])
    }

    @Test func customNamesAndInclusiveOperators() throws {
        let split = try Self.ages.splitRows(["age": [">=": .long(10), "<=": .double(20)]], name1: "teens", name2: "others")
        #expect(split.keys == ["teens", "others"])
        #expect(F.names(try split.select("teens")) == ["ten", "eleven", "fifteen", "almost", "twenty"])
        #expect(F.names(try split.select("others")) == ["missing", "text"])
    }

    @Test func equalityOnStringsAndNestedPaths() throws {
        // The Scala doc's example: people over 65 from the USA.
        let people = DynamicFrame(records: [
            F.rec(("name", .string("Ann")), ("age", .long(70)), ("address", .structure(F.rec(("country", .string("USA")))))),
            F.rec(("name", .string("Bob")), ("age", .long(70)), ("address", .structure(F.rec(("country", .string("UK")))))),
            F.rec(("name", .string("Cid")), ("age", .long(64)), ("address", .structure(F.rec(("country", .string("USA")))))),
            F.rec(("name", .string("Dee")), ("age", .long(65))),
        ])
        let split = try people.splitRows(["age": [">=": .long(65)], "address.country": ["=": .string("USA")]])
        #expect(F.names(try split.select("frame1")) == ["Ann"])
        let notUK = try people.splitRows(["address.country": ["!=": .string("UK")]])
        // Dee has no address: a missing value never matches, not even `!=`.
        #expect(F.names(try notUK.select("frame1")) == ["Ann", "Cid"])
    }

    @Test func stringsCompareLexicographically() throws {
        let split = try F.people.splitRows(["name": ["<": .string("Cid")]])
        #expect(F.names(try split.select("frame1")) == ["Ann", "Bob"])
    }

    @Test func unknownOperatorsAreRejected() {
        #expect(throws: EngineError.invalidOption(name: "split_rows operator", value: "==",
                                                  reason: "expected one of !=, =, <=, <, >=, >")) {
            try Self.ages.splitRows(["age": ["==": .long(10)]])
        }
        #expect(throws: EngineError.self) { try Self.ages.splitRows(["age": ["between": .long(10)]]) }
    }

    @Test func bothFramesKeepTheErrorStream() throws {
        let e = ErrorRecord(message: "bad line", transformation: "csv")
        let frame = DynamicFrame(name: "x", batches: Self.ages.batches, errors: [e])
        let split = try frame.splitRows(["age": [">": .long(10)]])
        #expect(split.values.map { $0.errorsCount() } == [1, 1])
        #expect(split.values.map(\.stageErrorsCount) == [0, 0])
    }
}
