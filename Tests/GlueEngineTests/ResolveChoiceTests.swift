import Testing
@testable import GlueEngine

@Suite struct ResolveChoiceTests {
    typealias F = ResolveFixtures

    @Test func medicareHasTheProviderIdChoice() throws {
        let frame = F.medicare()
        #expect(frame.schema().treeString() == (try F.golden("medicare-schema.txt")))
    }

    @Test func castLongNullsTheStringsThatAreNotNumbersAndKeepsEveryRecord() throws {
        let frame = F.medicare()
        let out = try frame.resolveChoice(specs: [("provider id", "cast:long")])
        #expect(out.schema().treeString() == (try F.golden("medicare-cast_long.txt")))
        #expect(out.count() == 5)
        #expect(F.column(out, "provider id") == [.long(10001), .long(10005), .long(10006), .null, .long(12345)])
        #expect(out.errorsCount() == 0)
        #expect(out.name == "medicare")
    }

    @Test func projectLongKeepsOnlyTheLongs() throws {
        let out = try F.medicare().resolveChoice(specs: [("provider id", "project:long")])
        #expect(out.schema().treeString() == (try F.golden("medicare-cast_long.txt")))
        #expect(F.column(out, "provider id") == [.long(10001), .long(10005), .long(10006), .null, .null])
        #expect(out.count() == 5)
    }

    @Test func projectStringKeepsOnlyTheStrings() throws {
        let out = try F.medicare().resolveChoice(specs: [("provider id", "project:string")])
        #expect(out.schema()["provider id"]?.type == .string)
        #expect(F.column(out, "provider id") == [.null, .null, .null, .string("BAD-ID"), .string("12345")])
    }

    @Test func makeColsPutsTheFirstTypeInPlaceAndTheOthersLast() throws {
        let out = try F.medicare().resolveChoice(specs: [("provider id", "make_cols")])
        #expect(out.schema().treeString() == (try F.golden("medicare-make_cols.txt")))
        let records = out.records
        #expect(records[0]["provider id_long"] == .long(10001))
        #expect(!records[0].contains("provider id_string"))
        #expect(records[3]["provider id_string"] == .string("BAD-ID"))
        #expect(!records[3].contains("provider id_long"))
        #expect(records.allSatisfy { !$0.contains("provider id") })
    }

    @Test func makeStructHasOneFieldPerTypeAndOnlyTheRecordsOwnSet() throws {
        let out = try F.medicare().resolveChoice(specs: [("provider id", "make_struct")])
        #expect(out.schema().treeString() == (try F.golden("medicare-make_struct.txt")))
        let ids = F.column(out, "provider id")
        #expect(ids[0] == .structure(F.rec([("long", .long(10001))])))
        #expect(ids[3] == .structure(F.rec([("string", .string("BAD-ID"))])))
    }

    @Test func choiceOptionResolvesEveryChoice() throws {
        let frame = F.medicare()
        let bySpec = try frame.resolveChoice(specs: [("provider id", "cast:long")])
        let byChoice = try frame.resolveChoice(choice: "cast:long")
        #expect(byChoice.records == bySpec.records)
        #expect(byChoice.schema() == bySpec.schema())
        let cols = try frame.resolveChoice(choice: "make_cols")
        #expect(cols.schema().treeString() == (try F.golden("medicare-make_cols.txt")))
    }

    @Test func neitherOrBothRaiseThePythonErrors() {
        let frame = F.medicare()
        #expect(throws: EngineError.transform(name: "resolveChoice",
                                              message: "Parameter specs and option are both missing, add one.")) {
            try frame.resolveChoice()
        }
        #expect(throws: EngineError.transform(name: "resolveChoice",
                                              message: "Parameter specs and option are both missing, add one.")) {
            try frame.resolveChoice(choice: "")
        }
        #expect(throws: EngineError.transform(name: "resolveChoice",
                                              message: "Parameter specs and option are both specified, choose one.")) {
            try frame.resolveChoice(specs: [("provider id", "cast:long")], choice: "make_cols")
        }
        // An empty specs list is "given": nothing to do, no error.
        #expect((try? frame.resolveChoice(specs: []))?.schema() == frame.schema())
    }

    @Test func badActionsAndPathsAreNamed() {
        let frame = F.medicare()
        for bad in ["cast", "cast:nosuchtype", "make_rows", "keep:long"] {
            #expect(throws: EngineError.self, "\(bad)") { try frame.resolveChoice(specs: [("provider id", bad)]) }
        }
        do {
            _ = try frame.resolveChoice(specs: [("provider.id", "cast:long")])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("provider.id"))
        }
        #expect(throws: EngineError.self) { try frame.resolveChoice(specs: [("items[", "cast:long")]) }
    }

    @Test func anEmptyFramePassesThrough() throws {
        let empty = DynamicFrame(name: "empty", batches: [])
        let out = try empty.resolveChoice(specs: [("provider id", "cast:long")])
        #expect(out.count() == 0)
    }

    @Test func specsOnPlainFields() throws {
        let frame = F.medicare()
        // cast applies to a plain column too.
        let asString = try frame.resolveChoice(specs: [("total discharges", "cast:string")])
        #expect(asString.schema()["total discharges"]?.type == .string)
        #expect(F.column(asString, "total discharges")[0] == .string("17"))
        // make_cols / make_struct leave a plain column alone.
        let same = try frame.resolveChoice(specs: [("drg definition", "make_cols"), ("provider name", "make_struct")])
        #expect(same.records == frame.records)
        #expect(same.schema() == frame.schema())
    }

    @Test func theSchemaTakesTheCastTypeEvenWhenNoValueCasts() throws {
        let out = try F.medicare().resolveChoice(specs: [("provider name", "cast:date")])
        #expect(out.schema()["provider name"]?.type == .date)
        #expect(F.column(out, "provider name").allSatisfy { $0 == .null })
        let nested = try ResolveChoiceNestedTests.orders().resolveChoice(specs: [("provider.name", "cast:boolean")],
                                                                        choice: nil, catalogSchema: nil, columnar: false)
        #expect(try FieldPath(parsing: "provider.name").type(in: nested.schema()) == .boolean)
    }

    @Test func laterSpecsSeeEarlierResults() throws {
        let out = try F.medicare().resolveChoice(specs: [("provider id", "make_cols"), ("provider id_string", "cast:long")])
        #expect(out.schema()["provider id_string"]?.type == .long)
        #expect(F.column(out, "provider id_string") == [.null, .null, .null, .null, .long(12345)])
    }

    @Test func thresholdsCheckInheritedErrors() {
        var frame = F.medicare()
        frame.errors = [ErrorRecord(message: "bad", transformation: "csv"), ErrorRecord(message: "bad", transformation: "csv")]
        #expect(throws: EngineError.self) {
            try frame.resolveChoice(specs: [("provider id", "cast:long")], totalThreshold: 1)
        }
        #expect((try? frame.resolveChoice(specs: [("provider id", "cast:long")], stageThreshold: 1))?.errorsCount() == 2)
    }
}
