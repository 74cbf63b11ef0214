import Testing
@testable import GlueEngine

@Suite struct RelationalizeTests {
    typealias F = ResolveFixtures

    @Test func rootFirstThenOneFramePerArray() throws {
        let dfc = try FieldTransformsTests.persons().relationalize(rootTableName: "hist_root", stagingPath: "s3://tmp/")
        #expect(dfc.keys == ["hist_root", "hist_root_contact_details", "hist_root_links",
                             "hist_root_links.val.langs", "hist_root_tags"])
        #expect(try dfc.select("hist_root_links").name == "hist_root_links")
    }

    @Test func theRootHoldsJoinKeysWhereTheArraysWere() throws {
        let dfc = try FieldTransformsTests.persons().relationalize(rootTableName: "hist_root")
        let root = try dfc.select("hist_root")
        #expect(root.schema().treeString() == """
            root
            |-- id: string
            |-- name: string
            |-- address.state: string
            |-- address.zip: long
            |-- address.geo.lat: double
            |-- contact_details: long
            |-- links: long
            |-- tags: long

            """)
        #expect(F.column(root, "contact_details") == [.long(1), .long(2), .null])
        #expect(F.column(root, "tags") == [.long(1), .long(2), .null])
        #expect(root.count() == 3)
    }

    @Test func arraysOfStructsBecomeIdIndexAndValFields() throws {
        let dfc = try FieldTransformsTests.persons().relationalize(rootTableName: "hist_root")
        let contacts = try dfc.select("hist_root_contact_details")
        #expect(contacts.schema().treeString() == """
            root
            |-- id: long
            |-- index: int
            |-- contact_details.val.type: string
            |-- contact_details.val.value: string

            """)
        #expect(contacts.records.map(F.text) == [
            #"{"id":1,"index":0,"contact_details.val.type":"fax","contact_details.val.value":"202-225-1314"}"#,
            #"{"id":1,"index":1,"contact_details.val.type":"phone","contact_details.val.value":"202-225-3772"}"#,
            #"{"id":2,"index":0,"contact_details.val.type":"twitter","contact_details.val.value":"SenCapito"}"#,
        ])
    }

    @Test func scalarArraysUseVal() throws {
        let dfc = try FieldTransformsTests.persons().relationalize(rootTableName: "r")
        let tags = try dfc.select("r_tags")
        #expect(tags.schema() == StructType([Field("id", .long), Field("index", .int), Field("tags.val", .string)]))
        #expect(tags.records.map(F.text) == [#"{"id":1,"index":0,"tags.val":"a"}"#, #"{"id":1,"index":1,"tags.val":"b"}"#])
    }

    @Test func arraysInsideElementsArePivotedAgain() throws {
        let dfc = try FieldTransformsTests.persons().relationalize(rootTableName: "r")
        let links = try dfc.select("r_links")
        #expect(links.schema().names == ["id", "index", "links.val.note", "links.val.url", "links.val.langs"])
        #expect(F.column(links, "links.val.langs") == [.long(1)])
        let langs = try dfc.select("r_links.val.langs")
        #expect(langs.records.map(F.text) == [#"{"id":1,"index":0,"links.val.langs.val":"en"}"#,
                                              #"{"id":1,"index":1,"links.val.langs.val":"fr"}"#])
    }

    @Test func theScalaDocFriendsExample() throws {
        let people = DynamicFrame(records: [
            F.rec([("name", .string("Nancy")), ("age", .long(47)), ("friends", .array([.string("Fred"), .string("Lakshmi")]))]),
            F.rec([("name", .string("Stephanie")), ("age", .long(28)),
                   ("friends", .array([.string("Yao"), .string("Phil"), .string("Alvin")]))]),
            F.rec([("name", .string("Nathan")), ("age", .long(54)), ("friends", .array([.string("Nicolai"), .string("Karen")]))]),
        ])
        let dfc = try people.relationalize(rootTableName: "people")
        #expect(F.column(try dfc.select("people"), "friends") == [.long(1), .long(2), .long(3)])
        let friends = try dfc.select("people_friends")
        #expect(friends.count() == 7)
        #expect(F.column(friends, "id") == [1, 1, 2, 2, 2, 3, 3].map { .long($0) })
        #expect(F.column(friends, "index") == [0, 1, 0, 1, 2, 0, 1].map { .int($0) })
    }
}
