import GlueEngine
import Testing

@testable import GlueScript

@Suite("awsglue.transforms classes")
struct GlueTransformClassTests {
    let transforms = GlueFrameModules.modules()[0]

    func cls(_ name: String) -> PyValue { transforms.members[name] ?? .none }

    @Test func theModuleHoldsAllOfAwsgluesTransforms() {
        let expected: Set = ["Unbox", "RenameField", "DropFields", "SplitFields", "SelectFields", "SplitRows", "UnnestFrame",
                             "Relationalize", "SelectFromCollection", "MapToCollection", "ErrorsAsDynamicFrame", "FlatMap",
                             "DropNullFields", "Join", "ApplyMapping", "Repartition", "ResolveChoice", "Spigot", "Filter", "Map",
                             "Coalesce", "Union"]
        #expect(Set(transforms.members.keys) == expected)
        #expect(transforms.name == "awsglue.transforms")
        #expect(cls("ApplyMapping").object(as: GlueTransformClass.self)?.repr == "<class 'awsglue.transforms.apply_mapping.ApplyMapping'>")
    }

    @Test func applyMappingApplyWithKeywords() throws {
        let out = try call(cls("ApplyMapping"), "apply", [], [("frame", people()), ("mappings", list(tuple("id", "long", "id", "string"))),
                                                               ("transformation_ctx", .str("am"))])
        #expect(tree(out) == "root\n|-- id: string\n")
    }

    @Test func callingTheClassMakesACallableInstance() throws {
        let rt = TestRuntime()
        guard case .object(let c) = cls("SelectFields") else { Issue.record("no class"); return }
        let instance = try c.call(CallArguments(), runtime: rt)
        #expect(instance.object(as: GlueTransformInstance.self)?.repr == "<Transform: SelectFields>")
        let out = try rt.call(instance, CallArguments([people(), strs("name")]))
        #expect(tree(out) == "root\n|-- name: string\n")
        #expect(try call(cls("SelectFields"), "name").stringValue == "SelectFields")
    }

    @Test func argumentErrorsNameTheTransform() {
        #expect(raised { try call(cls("ApplyMapping"), "apply", [], [("frame", people())]) }
            == "TypeError: ApplyMapping.apply() missing 1 required argument: 'mappings'")
        #expect(raised { try call(cls("DropFields"), "apply", [], [("frame", .str("x")), ("paths", strs("a"))]) }
            == "TypeError: DropFields.apply() argument 'frame' must be DynamicFrame, not str")
        #expect(raised { try call(cls("RenameField"), "apply", [], [("frame", people()), ("oldName", .str("a")), ("newName", .str("b"))]) }
            == "TypeError: RenameField.apply() got an unexpected keyword argument 'oldName'")
    }

    @Test func resolveChoiceFilterAndMapClasses() throws {
        let resolved = try call(cls("ResolveChoice"), "apply", [], [("frame", people()), ("specs", list(tuple("age", "cast:long")))])
        #expect(tree(resolved).contains("|-- age: long"))
        let filtered = try call(cls("Filter"), "apply", [], [("frame", resolved), ("f", fn { r in .bool(r[string: "age"] != nil) })])
        #expect(try call(filtered, "count").intValue == 2)
        let mapped = try call(cls("Map"), "apply", [], [("frame", filtered), ("f", fn { r in r[string: "tag"] = .str("x"); return .dict(r) })])
        #expect(engineFrame(mapped).schema().names.last == "tag")
    }

    @Test func renameDropSelectUnnestDropNull() throws {
        let renamed = try call(cls("RenameField"), "apply", [], [("frame", people()), ("old_name", .str("id")), ("new_name", .str("pid"))])
        #expect(engineFrame(renamed).schema().names == ["pid", "name", "age"])
        let dropped = try call(cls("DropFields"), "apply", [], [("frame", people()), ("paths", strs("age"))])
        #expect(engineFrame(dropped).schema().names == ["id", "name"])
        let nested = frameObject([DynamicRecord([("a", .structure(DynamicRecord([("b", .long(1))])))])])
        #expect(tree(try call(cls("UnnestFrame"), "apply", [nested])) == "root\n|-- a.b: long\n")
        let withNull = makeFrameObject(DynamicFrame(batches: [RecordBatch(records: [DynamicRecord([("a", .long(1)), ("n", .null)])])]))
        #expect(tree(try call(cls("DropNullFields"), "apply", [], [("frame", withNull)])) == "root\n|-- a: long\n")
    }

    @Test func splitFieldsDefaultsNamesFromTheFrame() throws {
        let c = try call(cls("SplitFields"), "apply", [], [("frame", people()), ("paths", strs("id"))])
        #expect(try call(c, "keys").sequenceItems?.compactMap(\.stringValue) == ["people1", "people2"])
        let unnamed = try call(cls("SplitFields"), "apply", [], [("frame", frameObject([DynamicRecord([("a", .long(1))])])), ("paths", strs("a"))])
        #expect(try call(unnamed, "keys").sequenceItems?.compactMap(\.stringValue) == ["frame1", "frame2"])
    }

    @Test func splitRowsDefaultsToFrame1AndFrame2() throws {
        let comparison = PyDict([("id", .dict(PyDict([(">", .int(2))])))])
        let c = try call(cls("SplitRows"), "apply", [], [("frame", people()), ("comparison_dict", .dict(comparison))])
        #expect(try call(c, "keys").sequenceItems?.compactMap(\.stringValue) == ["frame1", "frame2"])
        #expect(try call(try call(c, "select", [.str("frame1")]), "count").intValue == 1)
    }

    @Test func joinUnionRepartitionCoalesce() throws {
        let other = frameObject([DynamicRecord([("pid", .long(3)), ("city", .string("Oslo"))])], name: "cities")
        let joined = try call(cls("Join"), "apply", [], [("frame1", people()), ("frame2", other), ("keys1", strs("id")), ("keys2", strs("pid"))])
        #expect(jsonLines(joined) == [#"{"id":3,"name":"carol","age":25,"pid":3,"city":"Oslo"}"#])
        #expect(try call(try call(cls("Union"), "apply", [people(), people()]), "count").intValue == 6)
        let four = try call(cls("Repartition"), "apply", [], [("frame", people()), ("num_partitions", .int(4))])
        #expect(try call(four, "getNumPartitions").intValue == 4)
        let one = try call(cls("Coalesce"), "apply", [], [("frame", four), ("num_partitions", .int(1))])
        #expect(try call(one, "getNumPartitions").intValue == 1)
    }

    @Test func relationalizeNeedsAStagingPathOrTempDir() throws {
        let f = frameObject([DynamicRecord([("tags", .array([.long(1)]))])])
        #expect(raised { try call(cls("Relationalize"), "apply", [], [("frame", f)]) }.hasPrefix("RuntimeError: Unable to set staging_path"))
        let c = try call(cls("Relationalize"), "apply", [], [("frame", f), ("staging_path", .str("s3://tmp/")), ("name", .str("hist"))])
        #expect(try call(c, "keys").sequenceItems?.compactMap(\.stringValue) == ["hist", "hist_tags"])
        let env = GlueFrameEnvironment(tempDir: "s3://tmp/job/")
        let withTemp = makeFrameObject(engineFrame(f), environment: env)
        #expect(try call(try call(cls("Relationalize"), "apply", [withTemp]), "keys").sequenceItems?.count == 2)
    }

    @Test func unboxTakesFormatOptionsAsKeywords() throws {
        let f = frameObject([DynamicRecord([("line", .string("1;2"))])])
        let out = try call(cls("Unbox"), "apply", [], [("frame", f), ("path", .str("line")), ("format", .str("csv")), ("separator", .str(";"))])
        #expect(jsonLines(out) == [#"{"line":{"col0":1,"col1":2}}"#])
    }

    @Test func spigotRequiresOptionsAndASink() {
        #expect(raised { try call(cls("Spigot"), "apply", [], [("frame", people()), ("path", .str("s3://b/s/"))]) }
            == "TypeError: Spigot.apply() missing 1 required argument: 'options'")
    }

    @Test func errorsAsDynamicFrameClass() throws {
        let failed = try call(people(), "map", [fn { _ in .none }])
        let errors = try call(cls("ErrorsAsDynamicFrame"), "apply", [failed])
        #expect(try call(errors, "count").intValue == 3)
    }

    @Test func collectionTransforms() throws {
        let c = try call(people(), "split_fields", [strs("id"), .str("a"), .str("b")])
        let a = try call(cls("SelectFromCollection"), "apply", [], [("dfc", c), ("key", .str("a"))])
        #expect(tree(a) == "root\n|-- id: long\n")
        var seen: [String] = []
        let mapped = try call(cls("MapToCollection"), "apply", [], [("dfc", c), ("transformation_ctx", .str("m")), ("callable", .builtin(PyBuiltin("g") { args, _ in
            seen.append(args.positional[1].stringValue ?? "")
            return args.positional[0]
        }))])
        #expect(seen == ["m:a", "m:b"])
        #expect(try call(mapped, "keys").sequenceItems?.count == 2)
    }

    @Test func flatMapAppliesATransformToEveryFrame() throws {
        let c = try call(people(), "split_fields", [strs("id"), .str("a"), .str("b")])
        let out = try call(cls("FlatMap"), "apply", [], [("dfc", c), ("BaseTransform", cls("Repartition")), ("frame_name", .str("frame")),
                                                          ("num_partitions", .int(2))])
        #expect(try call(out, "keys").sequenceItems?.compactMap(\.stringValue) == ["a", "b"])
        #expect(try call(try call(out, "select", [.str("b")]), "getNumPartitions").intValue == 2)
    }
}
