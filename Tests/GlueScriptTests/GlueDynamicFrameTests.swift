import GlueEngine
import Testing

@testable import GlueScript

@Suite("DynamicFrame info methods")
struct GlueDynamicFrameInfoTests {
    @Test func countAndName() throws {
        let f = people()
        #expect(try call(f, "count").intValue == 3)
        #expect(try f.object(as: DynamicFrameObject.self)!.attribute("name", runtime: TestRuntime())?.stringValue == "people")
    }

    @Test func printSchemaWritesGluesTreeThenTheBlankLineOfPrint() throws {
        let rt = TestRuntime()
        _ = try call(people(), "printSchema", [], [], rt)
        #expect(rt.lines == ["root", "|-- id: long", "|-- name: string", "|-- age: choice", "|    |-- long", "|    |-- string", ""])
    }

    @Test func schemaObjectPrintsAsTheTreeAndListsFields() throws {
        let s = try call(people(), "schema")
        let schema = try #require(s.object(as: SchemaObject.self))
        #expect(schema.str.hasPrefix("root\n|-- id: long"))
        let names = try call(s, "field_names")
        #expect(names.sequenceItems?.compactMap(\.stringValue) == ["id", "name", "age"])
        let fields = try #require(try schema.attribute("fields", runtime: TestRuntime())?.sequenceItems)
        #expect(fields.last?.object(as: FieldObject.self)?.repr == "Field(age, choice<long,string>)")
    }

    @Test func showPrintsOneJSONRecordPerLine() throws {
        let rt = TestRuntime()
        _ = try call(people(), "show", [.int(2)], [], rt)
        #expect(rt.lines == [#"{"id": 1, "name": "alice", "age": 30}"#, #"{"id": 2, "name": "bob", "age": "unknown"}"#])
        let all = TestRuntime()
        _ = try call(people(), "show", [], [("num_rows", .int(20))], all)
        #expect(all.lines.count == 3)
    }

    @Test func showRejectsAStringCount() {
        #expect(raised { try call(people(), "show", [.str("2")]) } == "TypeError: show() argument 'num_rows' must be int, not str")
    }

    @Test func partitionsRepartitionAndCoalesce() throws {
        let f = try call(people(), "repartition", [.int(3)])
        #expect(try call(f, "getNumPartitions").intValue == 3)
        let c = try call(f, "coalesce", [.int(1)])
        #expect(try call(c, "getNumPartitions").intValue == 1)
        #expect(try call(c, "count").intValue == 3)
        #expect(raised { try call(people(), "repartition", [.int(0)]) }.contains("num"))
    }

    @Test func unknownAndUnavailableAttributes() throws {
        let o = try #require(people().object(as: DynamicFrameObject.self))
        #expect(try o.attribute("no_such_thing", runtime: TestRuntime()) == nil)
        #expect(raised { try o.attribute("mapPartitions", runtime: TestRuntime()) as Any }
            == "AttributeError: 'DynamicFrame' object attribute 'mapPartitions' is not available in gluelab yet")
    }

    @Test func nameCanBeSet() throws {
        let f = people()
        let o = try #require(f.object(as: DynamicFrameObject.self))
        #expect(try o.setAttribute("name", to: .str("renamed"), runtime: TestRuntime()))
        #expect(try call(f, "union", [people(name: "other")]).object(as: DynamicFrameObject.self)?.name == "renamed")
        #expect(try !o.setAttribute("count", to: .int(1), runtime: TestRuntime()))
    }

    @Test func writeWithoutAGlueContextSaysWhatToUse() {
        #expect(raised { try call(people(), "write", [.str("s3")]) }.contains("glueContext.write_dynamic_frame.from_options"))
    }

    @Test func writeDelegatesToTheContextsWriteFromOptions() throws {
        final class Context: PyObject {
            var typeName: String { "GlueContext" }
            var seen: [String] = []
            func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
                guard name == "write_from_options" else { return nil }
                return .builtin(PyBuiltin("write_from_options") { args, _ in
                    self.seen = args.keywords.map(\.name)
                    return .str("written")
                })
            }
        }
        let context = Context()
        let f = makeFrameObject(DynamicFrame(records: [DynamicRecord([("a", .long(1))])]), glueContext: .object(context))
        #expect(try call(f, "write", [.str("s3")], [("connection_options", .dict(PyDict([("path", .str("s3://b/out/"))])))]).stringValue == "written")
        #expect(context.seen == ["frame_or_dfc", "connection_type", "connection_options", "format", "format_options", "accumulator_size"])
    }
}
