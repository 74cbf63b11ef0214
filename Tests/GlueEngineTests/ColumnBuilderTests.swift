import Testing
@testable import GlueEngine

@Suite struct ColumnBuilderTests {
    @Test func singleTypeWithNullsStaysPlain() {
        let b = ColumnBuilder()
        b.appendLong(1)
        b.appendNull()
        b.appendLong(3)
        let c = b.finish()
        #expect(c.type == .long)
        #expect(c.values == [.long(1), .null, .long(3)])
    }

    @Test func secondTypeMakesAChoiceWithSortedMembers() {
        let b = ColumnBuilder()
        b.appendString("x")
        b.appendLong(2)
        b.appendNull()
        b.appendString("y")
        let c = b.finish()
        #expect(c.type == .choice(ChoiceType([.long, .string])))
        #expect(c.values == [.string("x"), .long(2), .null, .string("y")])
        guard case .choice(let tags, let members) = c.storage else {
            Issue.record("not a choice column")
            return
        }
        #expect(members.map(\.type) == [.long, .string])
        #expect(tags == [1, 0, ColumnStorage.nullTag, 1])
        #expect(members[0].values == [.null, .long(2), .null, .null])
    }

    @Test func nestedRecordsMergeFieldsInOrderOfAppearance() {
        let r1 = DynamicRecord([("a", .long(1)), ("s", .structure(DynamicRecord([("x", .string("p"))])))])
        let r2 = DynamicRecord([("s", .structure(DynamicRecord([("y", .double(2.5))]))), ("b", .array([.long(1), .string("z")]))])
        let batch = RecordBatch(records: [r1, r2])
        #expect(batch.schema.treeString() == """
            root
            |-- a: long
            |-- s: struct
            |    |-- x: string
            |    |-- y: double
            |-- b: array
            |    |-- element: choice
            |    |    |-- long
            |    |    |-- string

            """)
        #expect(batch.records == [r1, r2])
    }

    @Test func allNullColumnHasNullType() {
        let b = ColumnBuilder(nulls: 2)
        b.appendNull()
        #expect(b.finish().type == .null)
    }
}
