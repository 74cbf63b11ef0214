import Testing
@testable import GlueEngine

/// The `awsglue.transforms`-style classes give exactly what the frame methods give.
@Suite struct TransformClassTests {
    let frame = DynamicFrame(name: "people", records: [
        DynamicRecord([("id", .long(1)), ("name", .string("Ann")), ("age", .long(15)), ("zip", .string("10001"))]),
        DynamicRecord([("id", .long(2)), ("name", .string("Bob")), ("age", .string("n/a")), ("zip", .long(10005))]),
        DynamicRecord([("id", .long(3)), ("name", .string("Cy")), ("age", .long(40))]),
    ])

    @Test func fieldTransformsMatchTheirMethods() throws {
        let mappings = [try Mapping(tuple: ["id", "long", "person.id", "string"]), try Mapping(tuple: ["name", "string", "name", "string"])]
        #expect(try ApplyMapping.apply(frame: frame, mappings: mappings).records == frame.applyMapping(mappings).records)
        #expect(try ResolveChoice.apply(frame: frame, specs: [("age", "cast:long")]).records
            == frame.resolveChoice(specs: [("age", "cast:long")]).records)
        #expect(try SelectFields.apply(frame: frame, paths: ["id"]).records == frame.selectFields(["id"]).records)
        #expect(try DropFields.apply(frame: frame, paths: ["zip"]).records == frame.dropFields(["zip"]).records)
        #expect(try RenameField.apply(frame: frame, oldName: "name", newName: "full_name").schema()
            == frame.renameField("name", "full_name").schema())
        let split = try SplitFields.apply(frame: frame, paths: ["id", "name"])
        #expect(split.keys == ["people1", "people2"])
        #expect(split["people1"]?.schema().names == ["id", "name"])
        #expect(try UnnestFrame.apply(frame: frame).records == frame.unnest().records)
        #expect(try DropNullFields.apply(frame: frame).schema() == frame.dropNullFields().schema())
        #expect(try Relationalize.apply(frame: frame, name: "root").keys == ["root"])
    }

    @Test func recordTransformsMatchTheirMethods() throws {
        let adults = try Filter.apply(frame: frame) { ($0["age"].integerValue ?? 0) >= 18 }
        #expect(adults.records.map { $0["name"] } == [.string("Cy")])
        let upper = try Map.apply(frame: frame) { r in
            var r = r
            r["name"] = .string((r["name"].stringValue ?? "").uppercased())
            return r
        }
        #expect(upper.records.map { $0["name"] } == [.string("ANN"), .string("BOB"), .string("CY")])
        let other = DynamicFrame(name: "orders", records: [DynamicRecord([("person", .long(1)), ("total", .double(9.5))])])
        let joined = try Join.apply(frame1: frame, frame2: other, keys1: ["id"], keys2: ["person"])
        #expect(joined.name == "peopleorders")
        #expect(joined.records == (try frame.join(paths1: ["id"], paths2: ["person"], frame2: other)).records)
        let rows = try SplitRows.apply(frame: frame, comparisonDict: ["id": [">": .long(1)]])
        #expect(rows["frame1"]?.count() == 2 && rows["frame2"]?.count() == 1)
        #expect(Union.apply(frame1: frame, frame2: other).count() == 4)
        #expect(try Repartition.apply(frame: frame, numPartitions: 3).getNumPartitions() == 3)
        #expect(try Coalesce.apply(frame: frame, numPartitions: 1).getNumPartitions() == 1)
        var sampled: [DynamicRecord] = []
        let same = try Spigot.apply(frame: frame, path: "s3://bkt/sample/", options: ["topk": .long(2)]) { sampled = $0 }
        #expect(sampled.count == 2 && same.records == frame.records)
        #expect(ErrorsAsDynamicFrame.apply(frame: frame).count() == 0)
        #expect(try SelectFromCollection.apply(dfc: rows, key: "frame2").count() == 1)
        let counted = try MapToCollection.apply(dfc: rows) { f, _ in try f.selectFields(["id"]) }
        #expect(counted["frame1"]?.schema().names == ["id"])
    }
}
