import GlueEngine
import Testing

@testable import GlueScript

@Suite("DynamicFrame field transforms")
struct GlueFieldTransformTests {
    @Test func applyMappingKeepsOnlyMappedFieldsAndCasts() throws {
        let out = try call(people(), "apply_mapping", [list(tuple("id", "long", "person.id", "string"), tuple("name", "string", "name", "string"))])
        #expect(tree(out) == "root\n|-- person: struct\n|    |-- id: string\n|-- name: string\n")
        #expect(jsonLines(out).first == #"{"person":{"id":"1"},"name":"alice"}"#)
    }

    @Test func applyMappingTakesASingleTupleAndTheCamelCaseAlias() throws {
        let one = try call(people(), "apply_mapping", [tuple("name", "string", "who", "string")])
        #expect(tree(one) == "root\n|-- who: string\n")
        let f = people()
        let alias = try call(f, "applyMapping", [f, list(tuple("id", "long", "id", "int"))])
        #expect(tree(alias) == "root\n|-- id: int\n")
    }

    @Test func applyMappingArgumentErrorsUseGluesWording() {
        #expect(raised { try call(people(), "apply_mapping", [list(strs("id", "long", "id", "long"))]) }
            == "TypeError: Mapping must be specified as a tuple. Got list")
        #expect(raised { try call(people(), "apply_mapping", [list(tuple("a", "b", "c", "d", "e"))]) }
            == "ValueError: Mapping tuple must be of length 2, 3, or 4Got tuple of length 5")
        #expect(raised { try call(people(), "apply_mapping", [.int(3)]) }.hasPrefix("TypeError: apply_mapping() argument 'mappings'"))
        #expect(raised { try call(people(), "apply_mapping", []) } == "TypeError: apply_mapping() missing 1 required argument: 'mappings'")
        #expect(raised { try call(people(), "apply_mapping", [list(tuple("id", "long", "id", "nosuchtype"))]) }.contains("unknown type"))
    }

    @Test func resolveChoiceCastKeepsRecordsAndNullsBadValues() throws {
        let out = try call(people(), "resolveChoice", [], [("specs", list(tuple("age", "cast:long")))])
        #expect(tree(out) == "root\n|-- id: long\n|-- name: string\n|-- age: long\n")
        #expect(try call(out, "count").intValue == 3)
        #expect(jsonLines(out)[1] == #"{"id":2,"name":"bob"}"#)
    }

    @Test func resolveChoiceWithChoiceMakeCols() throws {
        let out = try call(people(), "resolveChoice", [], [("choice", .str("make_cols"))])
        #expect(tree(out) == "root\n|-- id: long\n|-- name: string\n|-- age_long: long\n|-- age_string: string\n")
    }

    @Test func resolveChoiceAcceptsOneSpecTuple() throws {
        let out = try call(people(), "resolveChoice", [tuple("age", "project:string")])
        #expect(tree(out).contains("|-- age: string"))
    }

    @Test func resolveChoiceRaisesThePythonLibrarysErrors() {
        #expect(raised { try call(people(), "resolveChoice") } == "resolveChoice: Parameter specs and option are both missing, add one.")
        #expect(raised { try call(people(), "resolveChoice", [list(tuple("age", "cast:long"))], [("choice", .str("make_cols"))]) }
            == "resolveChoice: Parameter specs and option are both specified, choose one.")
        #expect(raised { try call(people(), "resolveChoice", [list(tuple("age"))]) } == "ValueError: not enough values to unpack (expected 2, got 1)")
    }

    @Test func resolveChoiceAgainstTheCatalogNeedsTheCatalog() {
        let text = raised {
            try call(people(), "resolveChoice", [], [("choice", .str("match_catalog")), ("database", .str("db")), ("table_name", .str("t"))])
        }
        #expect(text.contains("the Data Catalog is not available in this gluelab version"))
    }

    @Test func resolveChoiceUsesTheEnvironmentsCatalog() throws {
        let env = GlueFrameEnvironment(catalogSchema: { db, table, _ in
            #expect(db == "db" && table == "people")
            return StructType([Field("age", .string)])
        })
        let f = makeFrameObject(engineFrame(people()), environment: env)
        let out = try call(f, "resolveChoice", [], [("choice", .str("match_catalog")), ("database", .str("db")), ("table_name", .str("people"))])
        #expect(tree(out).contains("|-- age: string"))
    }

    @Test func selectDropAndRename() throws {
        #expect(tree(try call(people(), "select_fields", [strs("name")])) == "root\n|-- name: string\n")
        #expect(tree(try call(people(), "select_fields", [.str("id")])) == "root\n|-- id: long\n")
        #expect(tree(try call(people(), "drop_fields", [strs("age", "name")])) == "root\n|-- id: long\n")
        let renamed = try call(people(), "rename_field", [.str("name"), .str("full_name")])
        #expect(engineFrame(renamed).schema().names == ["id", "full_name", "age"])
        #expect(raised { try call(people(), "select_fields", [.int(1)]) } == "TypeError: select_fields() argument 'paths' must be list of str, not int")
        #expect(raised { try call(people(), "rename_field", [], [("oldName", .str("a"))]) }
            == "TypeError: rename_field() missing 1 required argument: 'newName'")
    }

    @Test func splitFieldsGivesACollectionOfTwoNamedFrames() throws {
        let c = try call(people(), "split_fields", [strs("id"), .str("ids"), .str("rest")])
        let keys = try call(c, "keys")
        #expect(keys.sequenceItems?.compactMap(\.stringValue) == ["ids", "rest"])
        #expect(tree(try call(c, "select", [.str("ids")])) == "root\n|-- id: long\n")
        #expect(engineFrame(try call(c, "select", [.str("rest")])).schema().names == ["name", "age"])
    }

    @Test func splitRowsSplitsOnAllComparisons() throws {
        let comparison = PyDict([("id", .dict(PyDict([(">", .int(1)), ("<", .int(3))])))])
        let c = try call(people(), "split_rows", [.dict(comparison), .str("middle"), .str("others")])
        #expect(try call(try call(c, "select", [.str("middle")]), "count").intValue == 1)
        #expect(try call(try call(c, "select", [.str("others")]), "count").intValue == 2)
        let bad = PyDict([("id", .dict(PyDict([("==", .int(1))])))])
        #expect(raised { try call(people(), "split_rows", [.dict(bad), .str("a"), .str("b")]) }.contains("=="))
    }

    @Test func unboxParsesAJSONStringField() throws {
        let f = frameObject([DynamicRecord([("id", .long(1)), ("payload", .string(#"{"x": 1, "y": "a"}"#))])])
        let out = try call(f, "unbox", [.str("payload"), .str("json")])
        #expect(tree(out) == "root\n|-- id: long\n|-- payload: struct\n|    |-- x: int\n|    |-- y: string\n")
        let csv = frameObject([DynamicRecord([("line", .string("a|b"))])])
        let parsed = try call(csv, "unbox", [.str("line"), .str("csv")], [("separator", .str("|"))])
        #expect(jsonLines(parsed) == [#"{"line":{"col0":"a","col1":"b"}}"#])
    }

    @Test func unnestFlattensStructs() throws {
        let f = frameObject([DynamicRecord([("a", .structure(DynamicRecord([("b", .long(1))])))])])
        #expect(tree(try call(f, "unnest")) == "root\n|-- a.b: long\n")
    }

    @Test func relationalizePivotsArraysIntoACollection() throws {
        let f = frameObject([DynamicRecord([("id", .long(1)), ("tags", .array([.string("x"), .string("y")]))])])
        let c = try call(f, "relationalize", [.str("root"), .str("s3://tmp/")])
        #expect(try call(c, "keys").sequenceItems?.compactMap(\.stringValue) == ["root", "root_tags"])
        #expect(try call(try call(c, "select", [.str("root_tags")]), "count").intValue == 2)
        #expect(try call(c, "select", [.str("root_tags")]).object(as: DynamicFrameObject.self)?.name == "root_tags")
    }
}
