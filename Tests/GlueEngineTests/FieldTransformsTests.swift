import Testing
@testable import GlueEngine

@Suite struct FieldTransformsTests {
    typealias F = ResolveFixtures

    static func contact(_ type: String, _ value: String) -> Value {
        .structure(F.rec([("type", .string(type)), ("value", .string(value))]))
    }

    static func link(_ note: String, _ url: String, _ langs: [String]) -> Value {
        .structure(F.rec([("note", .string(note)), ("url", .string(url)), ("langs", .array(langs.map(Value.string)))]))
    }

    /// Legislators in miniature, in two batches: nested `address`, arrays of structs
    /// (`contact_details`, `links` — whose elements hold an array) and of strings (`tags`).
    static func persons() -> DynamicFrame {
        let mike = F.rec([
            ("id", .string("p1")), ("name", .string("Mike")),
            ("address", .structure(F.rec([("state", .string("AR")), ("zip", .long(72201)),
                                          ("geo", .structure(F.rec([("lat", .double(34.7))])))]))),
            ("contact_details", .array([contact("fax", "202-225-1314"), contact("phone", "202-225-3772")])),
            ("links", .array([link("wiki", "http://w", ["en", "fr"])])),
            ("tags", .array([.string("a"), .string("b")])),
        ])
        let shelley = F.rec([
            ("id", .string("p2")), ("name", .string("Shelley")),
            ("contact_details", .array([contact("twitter", "SenCapito")])), ("tags", .array([])),
        ])
        let x = F.rec([("id", .string("p3")), ("name", .string("X")),
                       ("address", .structure(F.rec([("state", .string("WV"))])))])
        return DynamicFrame(name: "persons", batches: [RecordBatch(records: [mike]), RecordBatch(records: [shelley, x])])
    }

    @Test func selectFieldsKeepsTopLevelFieldsInFrameOrder() throws {
        let out = try Self.persons().selectFields(["name", "id", "nosuch"])
        #expect(out.schema() == StructType([Field("id", .string), Field("name", .string)]))
        #expect(out.records.map(F.text) == [#"{"id":"p1","name":"Mike"}"#, #"{"id":"p2","name":"Shelley"}"#,
                                            #"{"id":"p3","name":"X"}"#])
    }

    @Test func selectFieldsOnNestedPathsKeepsTheEnclosingStructs() throws {
        let out = try Self.persons().selectFields(["address.state", "links[].url"])
        #expect(out.schema().treeString() == """
            root
            |-- address: struct
            |    |-- state: string
            |-- links: array
            |    |-- element: struct
            |    |    |-- url: string

            """)
        #expect(F.text(out.records[0]) == #"{"address":{"state":"AR"},"links":[{"url":"http://w"}]}"#)
    }

    @Test func dropFieldsTakesFullPathsNestedAndInsideArrays() throws {
        let out = try Self.persons().dropFields(["address.zip", "links.note", "contact_details[].value", "tags", "nosuch.x"])
        #expect(out.schema().treeString() == """
            root
            |-- id: string
            |-- name: string
            |-- address: struct
            |    |-- state: string
            |    |-- geo: struct
            |    |    |-- lat: double
            |-- contact_details: array
            |    |-- element: struct
            |    |    |-- type: string
            |-- links: array
            |    |-- element: struct
            |    |    |-- url: string
            |    |    |-- langs: array
            |    |    |    |-- element: string

            """)
        #expect(out.count() == 3)
    }

    @Test func renameFieldKeepsPositionAndStruct() throws {
        let frame = Self.persons()
        let top = try frame.renameField("id", "person_id")
        #expect(top.schema().names.first == "person_id")
        #expect(top.records[2]["person_id"] == .string("p3"))
        let nested = try frame.renameField("address.state", "address.state_code")
        #expect(try FieldPath(parsing: "address.state_code").value(in: nested.records[2]) == .string("WV"))
        #expect(try FieldPath(parsing: "address").type(in: nested.schema())?.typeName == "struct")
        guard case .structure(let address)? = nested.schema()["address"]?.type else { Issue.record("no address"); return }
        #expect(address.names == ["state_code", "zip", "geo"])
        let inArray = try frame.renameField("links.url", "links.href")
        #expect(try FieldPath(parsing: "links[].href").value(in: inArray.records[0]) == .array([.string("http://w")]))
        let dotted = try frame.renameField("name", "`name.full`")
        #expect(dotted.schema().names[1] == "name.full")
    }

    @Test func renameFieldToAnotherParentMovesTheField() throws {
        let out = try Self.persons().renameField("address.zip", "zip")
        #expect(out.schema().names.last == "zip")
        #expect(out.records[0]["zip"] == .long(72201))
        #expect(try FieldPath(parsing: "address.zip").value(in: out.records[0]) == .null)
        #expect(throws: EngineError.self) { try Self.persons().renameField("links[].url", "url") }
    }

    @Test func splitFieldsGivesTheListedFieldsAndTheRest() throws {
        var frame = Self.persons()
        frame.errors = [ErrorRecord(message: "bad", transformation: "json")]
        let parts = try frame.splitFields(["id", "name"], name1: "ids", name2: "rest")
        #expect(parts.keys == ["ids", "rest"])
        let ids = try parts.select("ids")
        let rest = try parts.select("rest")
        #expect(ids.name == "ids")
        #expect(ids.schema().names == ["id", "name"])
        #expect(rest.schema().names == ["address", "contact_details", "links", "tags"])
        #expect(ids.errorsCount() == 1 && rest.errorsCount() == 1)
        #expect(ids.count() == 3 && rest.count() == 3)
    }

    @Test func unnestFlattensStructsAndKeepsArrays() throws {
        let out = try Self.persons().unnest()
        #expect(out.schema().treeString() == """
            root
            |-- id: string
            |-- name: string
            |-- address.state: string
            |-- address.zip: long
            |-- address.geo.lat: double
            |-- contact_details: array
            |    |-- element: struct
            |    |    |-- type: string
            |    |    |-- value: string
            |-- links: array
            |    |-- element: struct
            |    |    |-- note: string
            |    |    |-- url: string
            |    |    |-- langs: array
            |    |    |    |-- element: string
            |-- tags: array
            |    |-- element: string

            """)
        #expect(out.records[1]["address.state"] == .null)
        #expect(out.records[2]["address.state"] == .string("WV"))
        #expect(try FieldPath(parsing: "`address.geo.lat`").value(in: out.records[0]) == .double(34.7))
    }

    @Test func unnestMasksFieldsOfNullStructs() throws {
        let b = ColumnBuilder()
        b.append(.structure(F.rec([("x", .long(1))])))
        b.appendNull()
        let batch = RecordBatch(count: 2, names: ["s"], columns: [b.finish()])
        let out = try DynamicFrame(batches: [batch]).unnest()
        #expect(F.column(out, "s.x") == [.long(1), .null])
    }

    @Test func dropNullFieldsDropsOnlyFieldsNullEverywhere() throws {
        let frame = DynamicFrame(batches: [
            RecordBatch(records: [F.rec([("a", .long(1)), ("n", .null),
                                         ("s", .structure(F.rec([("x", .null), ("y", .long(2))]))),
                                         ("arr", .array([.structure(F.rec([("z", .null), ("w", .long(1))]))]))])]),
            RecordBatch(records: [F.rec([("a", .null), ("n", .null)])]),
        ])
        #expect(frame.schema()["n"]?.type == .null)
        let out = try frame.dropNullFields()
        #expect(out.schema().treeString() == """
            root
            |-- a: long
            |-- s: struct
            |    |-- y: long
            |-- arr: array
            |    |-- element: struct
            |    |    |-- w: long

            """)
        #expect(F.column(out, "a") == [.long(1), .null])
    }

    @Test func malformedPathsThrow() {
        let frame = Self.persons()
        #expect(throws: EngineError.self) { try frame.selectFields(["a..b"]) }
        #expect(throws: EngineError.self) { try frame.dropFields(["`x"]) }
        #expect(throws: EngineError.self) { try frame.renameField("id", "") }
    }
}
