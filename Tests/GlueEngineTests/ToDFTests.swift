import Testing
@testable import GlueEngine

@Suite struct ToDFTests {
    typealias F = ResolveFixtures

    /// Every batch has exactly the schema's columns, in order, with the schema's types.
    static func isStrict(_ df: DataFrame) -> Bool {
        !df.schema.fields.contains { $0.type.containsChoice } && df.batches.allSatisfy { b in
            b.names == df.schema.names && zip(b.columns, df.schema.fields).allSatisfy { c, f in
                c.type == f.type
            }
        }
    }

    @Test func unresolvedChoicesAreKeptAsStructs() throws {
        let df = try F.medicare().toDF()
        #expect(df.schema["provider id"]?.type == .structure(StructType([Field("long", .long), Field("string", .string)])))
        #expect(Self.isStrict(df))
        #expect(df.count() == 5)
        #expect(df.records[3]["provider id"] == .structure(F.rec([("string", .string("BAD-ID"))])))
    }

    @Test func resolveOptionsCastAndProject() throws {
        let cast = try F.medicare().toDF(options: [ResolveOption(path: "provider id", action: "Cast", target: .long)])
        #expect(cast.schema["provider id"]?.type == .long)
        #expect(cast.records.map { $0["provider id"] } == [.long(10001), .long(10005), .long(10006), .null, .long(12345)])
        let project = try F.medicare().toDF(options: [ResolveOption(path: "provider id", action: "Project", target: .string)])
        #expect(project.schema["provider id"]?.type == .string)
        #expect(Self.isStrict(project))
        let keep = try F.medicare().toDF(options: [ResolveOption(path: "provider id", action: "KeepAsStruct")])
        #expect(keep.schema == (try F.medicare().toDF()).schema)
    }

    @Test func missingTargetRaisesThePythonText() {
        #expect(throws: EngineError.transform(name: "toDF", message: "Missing target type for resolve action Cast.")) {
            try F.medicare().toDF(options: [ResolveOption(path: "provider id", action: "Cast")])
        }
        #expect(throws: EngineError.transform(name: "toDF", message: "Missing target type for resolve action Project.")) {
            try F.medicare().toDF(options: [ResolveOption(path: "provider id", action: "Project")])
        }
        #expect(throws: EngineError.self) {
            try F.medicare().toDF(options: [ResolveOption(path: "provider id", action: "Drop", target: .long)])
        }
    }

    @Test func everyBatchGetsEveryColumnWithItsType() throws {
        let frame = DynamicFrame(batches: [
            RecordBatch(records: [F.rec([("a", .long(1))])]),
            RecordBatch(records: [F.rec([("a", .long(2)), ("b", .string("x")), ("s", .structure(F.rec([("y", .double(1))])))])]),
        ])
        let df = try frame.toDF()
        #expect(df.schema.names == ["a", "b", "s"])
        #expect(Self.isStrict(df))
        #expect(df.batches[0].columns[1].type == .string)
        #expect(df.batches[0].columns[2].type == .structure(StructType([Field("y", .double)])))
        #expect(df.records.map(F.text) == [#"{"a":1}"#, #"{"a":2,"b":"x","s":{"y":1.0}}"#])
    }

    @Test func choicesInMapValuesBecomeStructsToo() throws {
        let frame = DynamicFrame(records: [
            F.rec([("m", .map(F.rec([("k1", .long(1)), ("k2", .string("two"))])))]),
        ])
        let df = try frame.toDF()
        #expect(df.schema["m"]?.type == .map(.structure(StructType([Field("long", .long), Field("string", .string)]))))
        #expect(Self.isStrict(df))
        #expect(df.records[0]["m"] == .map(F.rec([("k1", .structure(F.rec([("long", .long(1))]))),
                                                 ("k2", .structure(F.rec([("string", .string("two"))])))])))
    }

    @Test func fromDFRoundTrip() throws {
        let frame = try FieldTransformsTests.persons().resolveChoice(choice: "make_struct")
        let back = DynamicFrame.fromDF(try frame.toDF(), name: "back")
        #expect(back.name == "back")
        #expect(back.records == frame.records)
        #expect(back.schema() == frame.schema())
        let medicare = DynamicFrame.fromDF(try F.medicare().toDF(), name: "m")
        #expect(medicare.schema().treeString() == (try F.golden("medicare-make_struct.txt")))
    }

    @Test func aDataFrameFromPartsIsShapedToItsSchema() {
        let batch = RecordBatch(records: [F.rec([("x", .string("12")), ("extra", .long(1))])])
        let schema = StructType([Field("x", .long), Field("y", .choice(ChoiceType([.long, .string])))])
        let df = DataFrame(schema: schema, batches: [batch])
        #expect(df.schema.names == ["x", "y"])
        #expect(df.schema["y"]?.type == .structure(StructType([Field("long", .long), Field("string", .string)])))
        #expect(df.records == [F.rec([("x", .long(12))])])
        #expect(Self.isStrict(df))
    }
}
