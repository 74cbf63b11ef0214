import Testing
@testable import GlueEngine

@Suite struct ErrorRecordsTests {
    typealias F = TransformFixtures

    /// people, as a reader would hand it over after failing to parse three lines.
    static var readWithErrors: DynamicFrame {
        let readerErrors = (1...3).map { (n: Int) in
            ErrorRecord(message: "unterminated string", transformation: "json", source: "s3://lab/people/part-3.json",
                        line: n, raw: "{\"name\": \"X\(n)")
        }
        return DynamicFrame(name: "people", batches: F.people.batches, errors: readerErrors)
    }

    /// Fails for the two records without a numeric age (Cid, Dee).
    static func doubleAge(_ r: DynamicRecord) throws -> DynamicRecord? {
        guard let age = r["age"].integerValue else {
            throw RecordFunctionError(.typeError, "unsupported operand type(s) for *: 'NoneType' and 'int'")
        }
        var r = r
        r["age"] = .long(age * 2)
        return r
    }

    @Test func totalThresholdCountsTheReadersErrorsToo() throws {
        let frame = Self.readWithErrors
        #expect(frame.stageErrorsCount == 3)
        // 3 reader errors + 3 Map errors (Cid, Dee, Eve's double age) = 6 > 4, while the Map
        // alone (3) stays within its stage threshold of 3.
        #expect(throws: EngineError.errorThreshold(transformation: "Map", errors: 6, threshold: 4, scope: "total")) {
            try frame.map(stageThreshold: 3, totalThreshold: 4, Self.doubleAge)
        }
        let ok = try frame.map(stageThreshold: 3, totalThreshold: 6, Self.doubleAge)
        #expect(ok.errorsCount() == 6)
        #expect(ok.stageErrorsCount == 3)
    }

    @Test func stageThresholdCountsOnlyThisTransformsErrors() throws {
        let frame = Self.readWithErrors
        #expect(throws: EngineError.errorThreshold(transformation: "Map", errors: 3, threshold: 2, scope: "stage")) {
            try frame.map(stageThreshold: 2, totalThreshold: 100, Self.doubleAge)
        }
        let description = EngineError.errorThreshold(transformation: "Map", errors: 3, threshold: 2, scope: "stage").description
        #expect(description == "Map: 3 error records exceed the stage threshold of 2")
    }

    @Test func errorsAccumulateAlongAChainButStageCountsReset() throws {
        let mapped = try Self.readWithErrors.map(Self.doubleAge)
        let filtered = try mapped.filter { r in
            if r["name"] == .string("Fay") { throw RecordFunctionError(.other("AttributeError"), "'int' object has no attribute 'lower'") }
            return true
        }
        #expect(filtered.errorsCount() == 7)
        #expect(filtered.stageErrorsCount == 1)
        #expect(filtered.errors.map(\.transformation) == ["json", "json", "json", "Map", "Map", "Map", "Filter"])
        // A transform without record functions adds nothing to the stage count.
        let again = try filtered.repartition(2)
        #expect(again.errorsCount() == 7)
        #expect(again.stageErrorsCount == 0)
    }

    @Test func errorsAsDynamicFrameShowsMapFailuresWithTheirRecords() throws {
        let mapped = try Self.readWithErrors.map(Self.doubleAge)
        let errors = mapped.errorsAsDynamicFrame()
        #expect(errors.count() == 6)
        let mapErrors = errors.records.filter { $0["error"].recordValue?["transformation"] == .string("Map") }
        #expect(mapErrors.count == 3)
        let cid = try #require(mapErrors.first)
        #expect(cid["error"].recordValue?["message"] == .string("unsupported operand type(s) for *: 'NoneType' and 'int'"))
        #expect(cid["error"].recordValue?["source"] == .string("s3://lab/people/part-1.json"))
        #expect(cid["record"] == .structure(F.rec(("name", .string("Cid")))))
        let eve = mapErrors[2]
        #expect(eve["record"] == .structure(F.rec(("name", .string("Eve")), ("age", .double(11.5)))))
        // Reader errors keep the raw text instead.
        #expect(errors.records[0]["record"] == .string("{\"name\": \"X1"))
        #expect(errors.records[0]["error"].recordValue?["line"] == .long(1))
    }
}
