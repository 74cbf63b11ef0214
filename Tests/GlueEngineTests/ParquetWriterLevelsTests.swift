import Testing
@testable import GlueEngine

/// Dremel shredding: definition and repetition levels of nested columns, worked out by hand
/// for the all-optional 3-level LIST and MAP layouts the writer uses.
@Suite struct ParquetWriterLevelsTests {
    private func slices(_ records: [DynamicRecord], _ field: String) throws -> (leaves: [WriterLeaf], slices: [LeafSlice]) {
        let batch = RecordBatch(records: records)
        let schema = batch.schema
        let type = try #require(schema[field]?.type)
        let leaves = ParquetSchemaMapping.map(StructType([Field(field, type)])).leaves[0]
        let slices = try ColumnShredder.shred(batch.column(field), type: type, rows: 0..<batch.count, name: field)
        return (leaves, slices)
    }

    private func values(_ slice: LeafSlice) -> [String] {
        let positions: [Int]
        switch slice.selection {
        case .range(let r): positions = Array(r)
        case .indices(let i): positions = i.map(Int.init)
        }
        switch slice.storage {
        case .int64(let v): return positions.map { String(v[$0]) }
        case .int32(let v): return positions.map { String(v[$0]) }
        case .float64(let v): return positions.map { String(v[$0]) }
        case .bytes(let b): return positions.map { b.string(at: $0) }
        default: return []
        }
    }

    @Test func flatColumnsTakeTheirLevelsFromTheValidity() throws {
        let (leaves, s) = try slices([DynamicRecord([("x", .long(1))]), DynamicRecord([("y", .long(0))]),
                                      DynamicRecord([("x", .long(3))])], "x")
        #expect(leaves == [WriterLeaf(path: ["x"], type: .long, physicalType: .int64, maxDefinitionLevel: 1, maxRepetitionLevel: 0)])
        #expect(s[0].definitionLevels == [1, 0, 1])
        #expect(s[0].repetitionLevels.isEmpty)
        #expect(values(s[0]) == ["1", "3"])
    }

    @Test func listsOfListsAsTheParquetDocsLevelTable() throws {
        // ll: [[1,2],[3]], [], null, [[],[4]], [[null]]
        let records = [
            DynamicRecord([("ll", .array([.array([.long(1), .long(2)]), .array([.long(3)])]))]),
            DynamicRecord([("ll", .array([]))]),
            DynamicRecord([("other", .long(0))]),
            DynamicRecord([("ll", .array([.array([]), .array([.long(4)])]))]),
            DynamicRecord([("ll", .array([.array([.null])]))]),
        ]
        let (leaves, s) = try slices(records, "ll")
        #expect(leaves.map(\.path) == [["ll", "list", "element", "list", "element"]])
        #expect(leaves[0].maxDefinitionLevel == 5 && leaves[0].maxRepetitionLevel == 2)
        // 1: defined down to the value, starts a row; 2: same inner list (rep 2); 3: new inner
        // list (rep 1); []: the outer list is there but empty (def 1); null: nothing (def 0);
        // [[],[4]]: an empty inner list (def 3), then 4 in the next inner list; [[null]]: a
        // null element inside the inner list (def 4).
        #expect(s[0].definitionLevels == [5, 5, 5, 1, 0, 3, 5, 4])
        #expect(s[0].repetitionLevels == [0, 2, 1, 0, 0, 0, 1, 0])
        #expect(values(s[0]) == ["1", "2", "3", "4"])
    }

    @Test func mapsHaveARequiredKeyAndAnOptionalValue() throws {
        let records = [
            DynamicRecord([("m", .map(DynamicRecord([("a", .long(1)), ("b", .null)])))]),
            DynamicRecord([("m", .map(DynamicRecord()))]),
            DynamicRecord([("n", .long(0))]),
        ]
        let (leaves, s) = try slices(records, "m")
        #expect(leaves.map(\.path) == [["m", "key_value", "key"], ["m", "key_value", "value"]])
        #expect(leaves.map(\.maxDefinitionLevel) == [2, 3])
        #expect(s[0].definitionLevels == [2, 2, 1, 0])
        #expect(s[0].repetitionLevels == [0, 1, 0, 0])
        #expect(values(s[0]) == ["a", "b"])
        #expect(s[1].definitionLevels == [3, 2, 1, 0])
        #expect(s[1].repetitionLevels == [0, 1, 0, 0])
        #expect(values(s[1]) == ["1"])
    }

    @Test func structFieldsStopAtANullStruct() throws {
        let records = [
            DynamicRecord([("s", .structure(DynamicRecord([("x", .long(1)), ("y", .string("a"))])))]),
            DynamicRecord([("t", .long(0))]),
            DynamicRecord([("s", .structure(DynamicRecord([("y", .string("b"))])))]),
        ]
        let (leaves, s) = try slices(records, "s")
        #expect(leaves.map(\.path) == [["s", "x"], ["s", "y"]])
        #expect(s[0].definitionLevels == [2, 0, 1])
        #expect(s[1].definitionLevels == [2, 0, 2])
        #expect(values(s[1]) == ["a", "b"])
        #expect(s.allSatisfy { $0.repetitionLevels.isEmpty })
    }

    @Test func structsInsideLists() throws {
        // ls: [{p:1.5}, null, {q:"z"}], [], null
        let records = [
            DynamicRecord([("ls", .array([.structure(DynamicRecord([("p", .double(1.5))])), .null,
                                          .structure(DynamicRecord([("q", .string("z"))]))]))]),
            DynamicRecord([("ls", .array([]))]),
            DynamicRecord([("o", .long(0))]),
        ]
        let (leaves, s) = try slices(records, "ls")
        #expect(leaves.map(\.path) == [["ls", "list", "element", "p"], ["ls", "list", "element", "q"]])
        #expect(leaves.map(\.maxDefinitionLevel) == [4, 4])
        #expect(s[0].definitionLevels == [4, 2, 3, 1, 0])
        #expect(s[0].repetitionLevels == [0, 1, 1, 0, 0])
        #expect(values(s[0]) == ["1.5"])
        #expect(s[1].definitionLevels == [3, 2, 4, 1, 0])
        #expect(values(s[1]) == ["z"])
    }

    @Test func listsInsideStructsInsideLists() throws {
        // doc: [{links: [1, 2]}, {links: []}], [{}]
        let records = [
            DynamicRecord([("doc", .array([.structure(DynamicRecord([("links", .array([.long(1), .long(2)]))])),
                                           .structure(DynamicRecord([("links", .array([]))]))]))]),
            DynamicRecord([("doc", .array([.structure(DynamicRecord([("k", .null)]))]))]),
        ]
        let (leaves, s) = try slices(records, "doc")
        let links = try #require(leaves.firstIndex { $0.path.contains("links") })
        #expect(leaves[links].path == ["doc", "list", "element", "links", "list", "element"])
        #expect(leaves[links].maxDefinitionLevel == 6 && leaves[links].maxRepetitionLevel == 2)
        #expect(s[links].definitionLevels == [6, 6, 4, 3])
        #expect(s[links].repetitionLevels == [0, 2, 1, 0])
        #expect(values(s[links]) == ["1", "2"])
    }

    @Test func aMissingOrNullTypedColumnIsAllNulls() throws {
        let schemaType = DataType.array(.structure(StructType([Field("a", .long)])))
        let missing = try ColumnShredder.shred(nil, type: schemaType, rows: 0..<3, name: "c")
        #expect(missing[0].definitionLevels == [0, 0, 0])
        #expect(missing[0].repetitionLevels == [0, 0, 0])
        let nulls = try ColumnShredder.shred(.nulls(2), type: .string, rows: 0..<2, name: "c")
        #expect(nulls[0].definitionLevels == [0, 0])
        #expect(nulls[0].selection.count == 0)
    }

    @Test func aRowRangeShredsOnlyThoseRows() throws {
        let batch = RecordBatch(records: (0..<6).map { i in
            DynamicRecord([("l", .array((0..<(i % 3)).map { .long(Int64(10 * i + $0)) }))])
        })
        let type = try #require(batch.schema["l"]?.type)
        let s = try ColumnShredder.shred(batch.column("l"), type: type, rows: 2..<5, name: "l")
        // rows 2 ([20, 21]), 3 ([]), 4 ([40])
        #expect(s[0].definitionLevels == [3, 3, 1, 3])
        #expect(s[0].repetitionLevels == [0, 1, 0, 0])
        #expect(values(s[0]) == ["20", "21", "40"])
    }
}
