import GlueEngine
import Testing

@testable import GlueScript

@Suite("DynamicFrameCollection")
struct GlueCollectionTests {
    func collection() throws -> PyValue {
        try call(people(), "split_fields", [strs("id"), .str("ids"), .str("rest")])
    }

    @Test func keysValuesItemsLengthAndMembership() throws {
        let c = try collection()
        let o = try #require(c.object(as: DynamicFrameCollectionObject.self))
        let rt = TestRuntime()
        #expect(try call(c, "values").sequenceItems?.count == 2)
        #expect(try o.item(.str("ids"), runtime: rt).object(as: DynamicFrameObject.self)?.name == "ids")
        #expect(raised { try o.item(.str("nope"), runtime: rt) } == "KeyError: 'nope'")
        #expect(try o.iterate(runtime: rt)?.compactMap(\.stringValue) == ["ids", "rest"])
        #expect(try o.contains(.str("rest"), runtime: rt) == true)
        #expect(try o.contains(.str("x"), runtime: rt) == false)
        #expect(o.collection.keys == ["ids", "rest"])
    }

    @Test func selectOfAMissingKeyIsAnEmptyFrameAsInAwsglue() throws {
        let missing = try call(try collection(), "select", [.str("nope")])
        #expect(try call(missing, "count").intValue == 0)
        #expect(missing.object(as: DynamicFrameObject.self)?.name == "nope")
    }

    @Test func mapPassesContextColonKeyAndNeedsAFrameBack() throws {
        var contexts: [String] = []
        let out = try call(try collection(), "map", [.builtin(PyBuiltin("g") { args, _ in
            contexts.append(args.positional[1].stringValue ?? "")
            return try call(args.positional[0], "repartition", [.int(2)])
        })])
        #expect(contexts == [":ids", ":rest"])
        #expect(try call(try call(out, "select", [.str("rest")]), "getNumPartitions").intValue == 2)
        #expect(raised { try call(try collection(), "map", [.builtin(PyBuiltin("g") { _, _ in .int(1) })]) }
            == "TypeError: callable must return a DynamicFrame. Got <class 'int'>")
    }

    @Test func flatmapKeysResultsByFrameName() throws {
        let out = try call(try collection(), "flatmap", [.builtin(PyBuiltin("g") { args, _ in
            try call(args.positional[0], "split_fields", [strs("id"), .str((args.positional[1].stringValue ?? "") + "_a"), .str("x")])
        })])
        #expect(try call(out, "keys").sequenceItems?.compactMap(\.stringValue) == [":ids_a", "x", ":rest_a"])
    }

    @Test func theCollectionClassTakesADictOrAList() throws {
        let module = GlueFrameModules.modules()[1]
        let cls = try #require(module.members["DynamicFrameCollection"])
        let rt = TestRuntime()
        let fromList = try rt.call(cls, CallArguments([list(people(name: "a"), people(name: "b")), .none]))
        #expect(try call(fromList, "keys").sequenceItems?.compactMap(\.stringValue) == ["a", "b"])
        let fromDict = try rt.call(cls, CallArguments([.dict(PyDict([("x", people())])), .none]))
        #expect(try call(fromDict, "keys").sequenceItems?.compactMap(\.stringValue) == ["x"])
        #expect(raised { try rt.call(cls, CallArguments([.int(1), .none])) } == "TypeError: dynamic_frames must be list or dict.")
    }
}

@Suite("DataFrame (minimal) and DynamicFrame.fromDF")
struct GlueDataFrameTests {
    func df() throws -> PyValue { try call(people(), "toDF") }

    @Test func toDFKeepsChoicesAsStructsAndPrintsSparksSchema() throws {
        let rt = TestRuntime()
        _ = try call(try df(), "printSchema", [], [], rt)
        #expect(rt.lines == [
            "root",
            " |-- id: long (nullable = true)",
            " |-- name: string (nullable = true)",
            " |-- age: struct (nullable = true)",
            " |    |-- long: long (nullable = true)",
            " |    |-- string: string (nullable = true)",
            "",
        ])
        #expect(try df().object(as: DataFrameObject.self)?.repr == "DataFrame[id: bigint, name: string, age: struct<long:bigint,string:string>]")
        #expect(try call(try df(), "count").intValue == 3)
    }

    @Test func columnsAndDtypes() throws {
        let o = try #require(try df().object(as: DataFrameObject.self))
        let rt = TestRuntime()
        #expect(try o.attribute("columns", runtime: rt)?.sequenceItems?.compactMap(\.stringValue) == ["id", "name", "age"])
        let dtypes = try #require(try o.attribute("dtypes", runtime: rt)?.sequenceItems)
        #expect(try rt.repr(dtypes[0]) == "('id', 'bigint')")
    }

    @Test func showPrintsSparksTable() throws {
        let rt = TestRuntime()
        _ = try call(try df(), "show", [.int(2)], [], rt)
        #expect(rt.lines == [
            "+---+-----+---------------+",
            "| id| name|            age|",
            "+---+-----+---------------+",
            "|  1|alice|     {30, null}|",
            "|  2|  bob|{null, unknown}|",
            "+---+-----+---------------+",
            "only showing top 2 rows",
            "",
        ])
        let wide = TestRuntime()
        _ = try call(try df(), "show", [], [("truncate", .bool(false))], wide)
        #expect(wide.lines[1] == "|id |name |age            |")
        #expect(wide.lines[4] == "|2  |bob  |{null, unknown}|")
        #expect(wide.lines.count == 8)
        let long = frameObject([DynamicRecord([("text", .string("a rather long piece of text"))])])
        let cut = TestRuntime()
        _ = try call(try call(long, "toDF"), "show", [], [], cut)
        #expect(cut.lines[3] == "|a rather long pie...|")
    }

    @Test func showFormatsValuesAsSpark() {
        #expect(SparkText.cell(.double(1e10)) == "1.0E10")
        #expect(SparkText.cell(.double(0.5)) == "0.5")
        #expect(SparkText.cell(.double(1234567.0)) == "1234567.0")
        #expect(SparkText.cell(.double(12345678.9)) == "1.23456789E7")
        #expect(SparkText.cell(.double(0.0001)) == "1.0E-4")
        #expect(SparkText.cell(.double(-2)) == "-2.0")
        #expect(SparkText.cell(.boolean(true)) == "true")
        #expect(SparkText.cell(.timestamp(1_700_000_000_500_000)) == "2023-11-14 22:13:20.5")
        #expect(SparkText.cell(.array([.long(1), .null])) == "[1, null]")
        #expect(SparkText.cell(.map(DynamicRecord([("a", .long(1))]))) == "{a -> 1}")
    }

    @Test func emptyDataFrameShowsHeaderOnly() throws {
        let empty = try call(makeFrameObject(DynamicFrame(batches: [])), "toDF")
        let rt = TestRuntime()
        _ = try call(empty, "show", [], [], rt)
        #expect(rt.lines == ["++", "||", "++", "++", ""])
    }

    @Test func sparkOnlyAttributesAreRefusedByName() throws {
        let o = try #require(try df().object(as: DataFrameObject.self))
        #expect(raised { try o.attribute("rdd", runtime: TestRuntime()) as Any }
            .hasPrefix("AttributeError: 'DataFrame' object has no attribute 'rdd' (not available in gluelab"))
        #expect(raised { try o.attribute("select", runtime: TestRuntime()) as Any } == "no error")
    }

    @Test func fromDFMakesADynamicFrameWithTheGivenName() throws {
        let module = GlueFrameModules.modules()[1]
        let cls = try #require(module.members["DynamicFrame"])
        let f = try call(cls, "fromDF", [try df(), .none, .str("back")])
        #expect(f.object(as: DynamicFrameObject.self)?.name == "back")
        #expect(tree(f).contains("|-- age: struct"))
        #expect(raised { try call(cls, "fromDF", [people(), .none, .str("x")]) } == "TypeError: fromDF() argument 'dataframe' must be DataFrame, not DynamicFrame")
        #expect(raised { try TestRuntime().call(cls, CallArguments()) }.contains("DynamicFrame.fromDF"))
        let top = GlueFrameModules.awsglueMembers(from: [module])["DynamicFrame"]?.object(as: NativeClass.self)
        #expect(top?.repr == "<class 'awsglue.dynamicframe.DynamicFrame'>")
        #expect(top === cls.object(as: NativeClass.self))
    }

    @Test func toDFWithResolveOptions() throws {
        let module = GlueFrameModules.modules()[1]
        let option = try TestRuntime().call(try #require(module.members["ResolveOption"]), CallArguments([.str("age"), .str("Cast"), .str("long")]))
        let out = try call(people(), "toDF", [list(option)])
        #expect(out.object(as: DataFrameObject.self)?.repr == "DataFrame[id: bigint, name: string, age: bigint]")
        let project = try TestRuntime().call(try #require(module.members["ResolveOption"]), CallArguments([.str("age"), .str("Project")]))
        #expect(raised { try call(people(), "toDF", [list(project)]) } == "toDF: Missing target type for resolve action Project.")
    }
}
