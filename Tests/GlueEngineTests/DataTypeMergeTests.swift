import Testing
@testable import GlueEngine

/// glue-semantics §1.2: `mergeDataTypes`.
@Suite struct DataTypeMergeTests {
    @Test func nullIsAbsorbed() {
        #expect(DataType.merge(.null, .long) == .long)
        #expect(DataType.merge(.string, .null) == .string)
    }

    @Test func noNumericWidening() {
        #expect(DataType.merge(.int, .long) == .choice(ChoiceType([.int, .long])))
        #expect(DataType.merge(.long, .double).name == "choice")
    }

    @Test func choiceAbsorbsAndMergesSameNamedMembers() {
        let c = DataType.merge(.choice(ChoiceType([.long, .string])), .int)
        #expect(c == .choice(ChoiceType([.int, .long, .string])))
        let s1 = DataType.structure(StructType([Field("a", .long)]))
        let s2 = DataType.structure(StructType([Field("b", .string)]))
        let merged = DataType.merge(DataType.merge(s1, .string), s2)
        #expect(merged == .choice(ChoiceType([.string, .structure(StructType([Field("a", .long), Field("b", .string)]))])))
    }

    @Test func structsMergeFieldByFieldInOrder() {
        let a = StructType([Field("x", .long), Field("y", .string)])
        let b = StructType([Field("z", .boolean), Field("x", .string)])
        #expect(a.merged(with: b) == StructType([
            Field("x", .choice(ChoiceType([.long, .string]))), Field("y", .string), Field("z", .boolean),
        ]))
    }

    @Test func arraysAndMapsMergeRecursively() {
        #expect(DataType.merge(.array(.long), .array(.null)) == .array(.long))
        #expect(DataType.merge(.map(.long), .map(.string)) == .map(.choice(ChoiceType([.long, .string]))))
    }

    @Test func parsesTypeNames() {
        #expect(DataType(parsing: "bigint") == .long)
        #expect(DataType(parsing: "Decimal(12,3)") == .decimal(precision: 12, scale: 3))
        #expect(DataType(parsing: "nonsense") == nil)
    }
}
