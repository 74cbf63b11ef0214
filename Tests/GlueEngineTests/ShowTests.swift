import Testing
@testable import GlueEngine

@Suite struct ShowTests {
    typealias F = TransformFixtures

    static let frame = DynamicFrame(name: "show", batches: [
        RecordBatch(records: [
            F.rec(("name", .string("Ann")), ("age", .long(15)), ("tags", .array([.string("a"), .string("b")])),
                  ("address", .structure(F.rec(("city", .string("Oslo")), ("zip", .string("0150")))))),
            F.rec(("name", .string("Bob")), ("age", .null), ("joined", .date(19753))),
        ]),
        RecordBatch(records: [
            F.rec(("name", .string("Cid")), ("age", .string("12")), ("score", .double(11.5)),
                  ("seen", .timestamp(1_706_695_200_000_000))),
            F.rec(("name", .string("Dee \"the\" quoted")), ("age", .int(19))),
        ]),
    ])

    @Test func showPrintsOneJSONRecordPerLine() throws {
        #expect(Self.frame.showString() == (try F.golden("transforms-show.txt")))
    }

    @Test func showStopsAfterNRecords() throws {
        let golden = try F.golden("transforms-show.txt").split(separator: "\n").map { $0 + "\n" }
        #expect(Self.frame.showString(1) == golden[0])
        #expect(Self.frame.showString(3) == golden[0..<3].joined())
        #expect(Self.frame.showString(0) == "")
        #expect(DynamicFrame(records: []).showString() == "")
    }

    @Test func showDefaultsToTwentyRecords() {
        let many = DynamicFrame(records: (1...25).map { F.rec(("n", .long(Int64($0)))) })
        let lines = many.showString().split(separator: "\n")
        #expect(lines.count == 20)
        #expect(lines.first == "{\"n\": 1}")
        #expect(lines.last == "{\"n\": 20}")
    }
}
