import Testing
@testable import GlueEngine

@Suite struct UnboxTests {
    @Test func jsonTextBecomesAStruct() throws {
        let frame = DynamicFrame(records: [
            DynamicRecord([("id", .long(1)), ("payload", .string(#"{"city": "Boaz", "beds": 120}"#))]),
            DynamicRecord([("id", .long(2)), ("payload", .string(#"{"city": "Dothan", "beds": 95.5}"#))]),
        ])
        let unboxed = try frame.unbox("payload", format: "json")
        #expect(unboxed.schema().treeString() == """
            root
            |-- id: long
            |-- payload: struct
            |    |-- city: string
            |    |-- beds: choice
            |    |    |-- double
            |    |    |-- int

            """)
        #expect(unboxed.records[0]["payload"] == .structure(DynamicRecord([("city", .string("Boaz")), ("beds", .int(120))])))
        #expect(unboxed.errorsCount() == 0)
    }

    @Test func csvTextWithASeparatorBecomesColumns() throws {
        let frame = DynamicFrame(records: [DynamicRecord([("a", .structure(DynamicRecord([("b", .string("x|7|true"))])))])])
        let unboxed = try Unbox.apply(frame: frame, path: "a.b", format: "csv", options: ["separator": .string("|")])
        #expect(unboxed.records == [DynamicRecord([("a", .structure(DynamicRecord([
            ("b", .structure(DynamicRecord([("col0", .string("x")), ("col1", .long(7)), ("col2", .boolean(true))]))),
        ])))])])
    }

    @Test func unparsableTextIsAnErrorRecordAndCountsAgainstThresholds() throws {
        let frame = DynamicFrame(records: [
            DynamicRecord([("id", .long(1)), ("payload", .string("{\"ok\": true}"))]),
            DynamicRecord([("id", .long(2)), ("payload", .string("{not json"))]),
            DynamicRecord([("id", .long(3)), ("payload", .long(5))]),
        ])
        let unboxed = try frame.unbox("payload", format: "json")
        #expect(unboxed.count() == 2)
        #expect(unboxed.errorsCount() == 1)
        #expect(unboxed.errors[0].transformation == "Unbox")
        #expect(unboxed.errors[0].record?["id"] == .long(2))
        let twoBad = DynamicFrame(records: [
            DynamicRecord([("payload", .string("[1,"))]),
            DynamicRecord([("payload", .string("nope"))]),
        ])
        #expect(try twoBad.unbox("payload", format: "json", stageThreshold: 2).errorsCount() == 2)
        #expect(throws: EngineError.errorThreshold(transformation: "Unbox", errors: 2, threshold: 1, scope: "stage")) {
            try twoBad.unbox("payload", format: "json", stageThreshold: 1)
        }
    }

    @Test func badFormatOrOptionIsOneError() {
        let frame = DynamicFrame(records: [DynamicRecord([("p", .string("{}"))])])
        #expect(throws: EngineError.self) { try frame.unbox("p", format: "xml") }
        #expect(throws: EngineError.self) { try frame.unbox("p", format: "csv", options: ["sepparator": .string("|")]) }
    }
}
