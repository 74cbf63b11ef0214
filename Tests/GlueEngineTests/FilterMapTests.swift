import Testing
@testable import GlueEngine

@Suite struct FilterMapTests {
    typealias F = TransformFixtures

    /// `lambda r: r["age"] > 10` over people, the way the interpreter evaluates it: a missing
    /// key raises KeyError, comparing a str with an int raises TypeError.
    static func olderThan10(_ r: DynamicRecord) throws -> Bool {
        guard r.contains("age") else { throw F.keyError }
        guard let age = r["age"].doubleValue else {
            throw RecordFunctionError(.typeError, "'>' not supported between instances of 'str' and 'int'")
        }
        return age > 10
    }

    @Test func filterKeepsMatchingRecordsAndRebuildsBatches() throws {
        let out = try F.people.filter { r in r["name"].stringValue!.first! < "E" }
        #expect(F.names(out) == ["Ann", "Bob", "Cid", "Dee"])
        #expect(out.batches.count == 2)
        #expect(out.batches.map(\.count) == [3, 1])
        #expect(out.batches[1].source == "s3://lab/people/part-2.json")
        // Only Dee survives from the second batch: its age is a string, Fay's city is gone.
        #expect(out.batches[1].schema == StructType([Field("name", .string), Field("age", .string)]))
        #expect(out.errorsCount() == 0)
    }

    @Test func filterDropsEmptyBatches() throws {
        let out = try F.people.filter { r in r["name"] == .string("Fay") }
        #expect(out.batches.count == 1)
        #expect(out.count() == 1)
        #expect(out.getNumPartitions() == 1)
    }

    @Test func filterSilentlyDropsRecordsWhosePredicateRaisesKeyOrTypeError() throws {
        let out = try F.people.filter(Self.olderThan10)
        // Cid (KeyError) and Dee (TypeError) vanish without error records, as in Glue.
        #expect(F.names(out) == ["Ann", "Bob", "Eve", "Fay"])
        #expect(out.errorsCount() == 0)
        #expect(out.stageErrorsCount == 0)
    }

    @Test func filterDropsValueErrorAndItsSubclasses() throws {
        for kind in [RecordFunctionError.Kind.valueError, .other("UnicodeDecodeError"), .other("JSONDecodeError")] {
            let out = try F.people.filter { r in
                if r["name"] == .string("Ann") { throw RecordFunctionError(kind, "bad") }
                return true
            }
            #expect(out.count() == 5, "\(kind)")
            #expect(out.errorsCount() == 0, "\(kind)")
        }
    }

    @Test func filterTurnsOtherErrorsIntoErrorRecords() throws {
        let out = try F.people.filter { r in
            if r["name"] == .string("Bob") { throw RecordFunctionError(.other("ZeroDivisionError"), "division by zero") }
            return true
        }
        #expect(F.names(out) == ["Ann", "Cid", "Dee", "Eve", "Fay"])
        #expect(out.errorsCount() == 1)
        #expect(out.stageErrorsCount == 1)
        let e = try #require(out.errors.first)
        #expect(e.transformation == "Filter")
        #expect(e.message == "division by zero")
        #expect(e.record == F.rec(("name", .string("Bob")), ("age", .long(25))))
        #expect(e.source == "s3://lab/people/part-1.json")
    }

    @Test func filterTreatsAnyNonPythonErrorAsAnErrorRecord() throws {
        struct Boom: Error {}
        let out = try F.people.filter { _ in throw Boom() }
        #expect(out.count() == 0)
        #expect(out.batches.isEmpty)
        #expect(out.errorsCount() == 6)
    }

    @Test func mapTransformsRecordsAndRecomputesTheSchema() throws {
        let out = try F.people.map { r in
            var r = r
            r["age"] = .string(r["age"].isNull ? "unknown" : r["age"].plainText)
            return r
        }
        #expect(out.count() == 6)
        #expect(out.schema() == StructType([Field("name", .string), Field("age", .string), Field("city", .string)]))
        #expect(out.records[2]["age"] == .string("unknown"))
        #expect(out.batches.map(\.source) == ["s3://lab/people/part-1.json", "s3://lab/people/part-2.json"])
    }

    @Test func mapReturningNoneOrAnEmptyRecordMakesAnErrorRecord() throws {
        let out = try F.people.map { r -> DynamicRecord? in
            switch r["name"].stringValue {
            case "Ann": nil
            case "Bob": DynamicRecord()
            default: r
            }
        }
        #expect(F.names(out) == ["Cid", "Dee", "Eve", "Fay"])
        #expect(out.errors.map(\.message) == [
            "User-specified function returned None instead of DynamicRecord",
            "User-specified function returned None instead of DynamicRecord",
        ])
        #expect(out.errors.map(\.transformation) == ["Map", "Map"])
        #expect(out.errors[0].record?["name"] == .string("Ann"))
    }

    @Test func mapDoesNotSwallowKeyErrors() throws {
        let out = try F.people.map { r -> DynamicRecord? in
            guard r.contains("age") else { throw F.keyError }
            return r
        }
        #expect(out.count() == 5)
        #expect(out.errorsCount() == 1)
        #expect(out.errors[0].message == "'age'")
        #expect(out.errors[0].record == F.rec(("name", .string("Cid"))))
    }

    @Test func thresholdsStopAFilterOrMapWithTooManyErrors() {
        let failing: (DynamicRecord) throws -> Bool = { _ in throw RecordFunctionError(.other("RuntimeError"), "boom") }
        #expect(throws: EngineError.errorThreshold(transformation: "Filter", errors: 6, threshold: 5, scope: "stage")) {
            try F.people.filter(stageThreshold: 5, failing)
        }
        #expect(throws: EngineError.errorThreshold(transformation: "Map", errors: 6, threshold: 2, scope: "total")) {
            try F.people.map(totalThreshold: 2) { _ in nil }
        }
        // At the threshold is still fine: Glue errors out only when it is exceeded.
        #expect(throws: Never.self) { try F.people.filter(stageThreshold: 6, totalThreshold: 6, failing) }
    }
}

@Suite struct FilterMapSchemaTests {
    typealias F = TransformFixtures

    @Test func filterKeepsFieldsThatWereExplicitlyNullAndCollapsesChoices() throws {
        let frame = DynamicFrame(records: [
            F.rec(("id", .long(1)), ("note", .null), ("v", .long(5))),
            F.rec(("id", .long(2)), ("note", .null), ("v", .string("five"))),
        ])
        #expect(frame.schema()["v"]?.type == .choice(ChoiceType([.long, .string])))
        let out = try frame.filter { $0["id"] == .long(1) }
        // `note` was null in every row before: it stays, typed null (DropNullFields' job).
        // `v` lost its string rows: no longer a choice.
        #expect(out.schema() == StructType([Field("id", .long), Field("note", .null), Field("v", .long)]))
    }
}
