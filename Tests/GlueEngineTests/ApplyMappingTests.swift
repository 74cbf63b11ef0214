import Testing
@testable import GlueEngine

@Suite struct ApplyMappingTests {
    typealias F = ResolveFixtures

    static func maps(_ tuples: [[String]]) throws -> [Mapping] {
        try tuples.map { (t: [String]) throws(EngineError) in try Mapping(tuple: t) }
    }

    @Test func fourTuplesRenameCastAndDropTheRest() throws {
        let out = try F.medicare().applyMapping(Self.maps([
            ["provider id", "string", "id", "long"],
            ["provider name", "string", "name", "string"],
        ]))
        #expect(out.schema() == StructType([Field("id", .long), Field("name", .string)]))
        #expect(F.column(out, "id") == [.long(10001), .long(10005), .long(10006), .null, .long(12345)])
        #expect(out.records[3] == F.rec([("name", .string("ERRONEOUS ONE"))]))
        #expect(out.count() == 5)
    }

    @Test func twoAndThreeTuples() throws {
        let out = try F.medicare().applyMapping(Self.maps([
            ["provider id", "pid"],
            ["total discharges", "discharges", "string"],
        ]))
        #expect(out.schema().treeString() == """
            root
            |-- pid: choice
            |    |-- long
            |    |-- string
            |-- discharges: string

            """)
        #expect(F.column(out, "discharges")[0] == .string("17"))
    }

    @Test func badTupleLengthsRaiseThePythonValueErrorText() {
        for n in [0, 1, 5] {
            #expect(throws: EngineError.transform(name: "ApplyMapping",
                                                  message: "Mapping tuple must be of length 2, 3, or 4Got tuple of length \(n)")) {
                try Mapping(tuple: Array(repeating: "x", count: n))
            }
        }
        #expect(throws: EngineError.self) { try Mapping(tuple: ["a", "nosuchtype", "b", "long"]) }
    }

    @Test func dottedTargetsBuildStructs() throws {
        let out = try F.medicare().applyMapping(Self.maps([
            ["drg definition", "string", "drg", "string"],
            ["provider id", "long", "provider.id", "long"],
            ["total discharges", "long", "stats.discharges", "long"],
            ["provider name", "string", "provider.name", "string"],
        ]))
        #expect(out.schema().treeString() == """
            root
            |-- drg: string
            |-- provider: struct
            |    |-- id: long
            |    |-- name: string
            |-- stats: struct
            |    |-- discharges: long

            """)
        #expect(out.records[0]["provider"] == .structure(F.rec([("id", .long(10001)), ("name", .string("SOUTHEAST ALABAMA"))])))
        #expect(out.records[3]["provider"] == .structure(F.rec([("name", .string("ERRONEOUS ONE"))])))
    }

    @Test func dottedSourcesUnnest() throws {
        let out = try ResolveChoiceNestedTests.orders().applyMapping(Self.maps([
            ["order", "long", "order", "int"],
            ["provider.name", "string", "provider_name", "string"],
            ["provider.id", "string", "provider_id", "string"],
        ]))
        #expect(out.schema() == StructType([Field("order", .int), Field("provider_name", .string), Field("provider_id", .string)]))
        #expect(out.records.map(F.text) == [
            #"{"order":1,"provider_name":"A","provider_id":"7"}"#,
            #"{"order":2,"provider_name":"B","provider_id":"X9"}"#,
            #"{"order":3,"provider_name":"C"}"#,
        ])
    }

    @Test func sourceNamesMatchCaseInsensitivelyByDefault() throws {
        let frame = F.medicare()
        let loose = try frame.applyMapping(Self.maps([["PROVIDER NAME", "string", "name", "string"]]))
        #expect(F.column(loose, "name").first == .string("SOUTHEAST ALABAMA"))
        let strict = try frame.applyMapping(Self.maps([["PROVIDER NAME", "string", "name", "string"]]), caseSensitive: true)
        #expect(strict.schema().fields.isEmpty)
        #expect(strict.count() == 5)
        #expect(strict.records.allSatisfy { $0.isEmpty })
    }

    @Test func fieldsInsideArraysCannotBeMapped() {
        #expect(throws: EngineError.self) { try Mapping(tuple: ["items[].price", "double", "price", "double"]) }
        #expect(throws: EngineError.self) {
            try ResolveChoiceNestedTests.orders().applyMapping(Self.maps([["items.price", "double", "price", "double"]]))
        }
    }

    @Test func backticksQuoteDots() throws {
        let frame = DynamicFrame(records: [F.rec([("this.old.name", .string("v"))])])
        let out = try frame.applyMapping(Self.maps([
            ["`this.old.name`", "string", "thisNewName", "string"],
            ["`this.old.name`", "string", "`a.b`", "string"],
        ]))
        #expect(out.schema().names == ["thisNewName", "a.b"])
        #expect(out.records[0] == F.rec([("thisNewName", .string("v")), ("a.b", .string("v"))]))
    }

    @Test func failedCastsBecomeNullAndRecordsStay() throws {
        let out = try F.medicare().applyMapping(Self.maps([["provider name", "string", "n", "int"]]))
        #expect(out.count() == 5)
        #expect(out.records.allSatisfy { $0.isEmpty })
        #expect(out.schema() == StructType([Field("n", .int)]))
    }

    @Test func columnarAndRecordPathsAgree() throws {
        let frame = F.medicare()
        let mappings = try Self.maps([
            ["total discharges", "long", "d", "double"], ["provider id", "pid"], ["drg definition", "drg", "string"],
        ])
        let fast = try frame.applyMapping(mappings, caseSensitive: false, columnar: true)
        let slow = try frame.applyMapping(mappings, caseSensitive: false, columnar: false)
        #expect(fast.records == slow.records)
        #expect(fast.schema() == slow.schema())
        #expect(fast.batches.map(\.names) == slow.batches.map(\.names))
        // Dotted sources (through a struct, and a struct inside a choice) and dotted targets.
        let orders = DynamicFrame(batches: ResolveChoiceNestedTests.orders().batches + [
            RecordBatch(records: [F.rec([("order", .long(4)), ("provider", .string("no struct"))])]),
        ])
        let nested = try Self.maps([
            ["provider.name", "string", "p.name", "string"], ["order", "p.order"],
            ["provider.id", "string", "p.ids.id", "long"], ["order", "long", "o", "string"],
        ])
        let a = try orders.applyMapping(nested, caseSensitive: false, columnar: true)
        let b = try orders.applyMapping(nested, caseSensitive: false, columnar: false)
        #expect(a.records == b.records)
        #expect(a.schema() == b.schema())
        #expect(a.records.map(F.text) == [
            #"{"p":{"name":"A","order":1,"ids":{"id":7}},"o":"1"}"#,
            #"{"p":{"name":"B","order":2},"o":"2"}"#,
            #"{"p":{"name":"C","order":3},"o":"3"}"#,
            #"{"p":{"order":4},"o":"4"}"#,
        ])
    }
}
