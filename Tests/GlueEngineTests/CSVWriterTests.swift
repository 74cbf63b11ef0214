import Testing
@testable import GlueEngine

@Suite struct CSVWriterTests {
    private static func write(_ records: [DynamicRecord], schema: StructType? = nil, options: CSVOptions = CSVOptions()) -> String {
        let batch = RecordBatch(records: records)
        let writer = CSVWriter(schema: schema ?? batch.schema, options: options)
        var out = writer.header() ?? []
        writer.encode(batch, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    @Test func quotesOnlyWhereNeeded() {
        let rows: [DynamicRecord] = [
            CSVTest.record([("a", .string("plain")), ("b", .string("x,y")), ("c", .string("say \"hi\""))]),
            CSVTest.record([("a", .string(" lead")), ("b", .string("trail ")), ("c", .string("two\nlines"))]),
            CSVTest.record([("a", .string("")), ("c", .string("cr\rhere"))]),
        ]
        #expect(Self.write(rows) == """
            a,b,c
            plain,"x,y","say ""hi""\"
            " lead","trail ","two
            lines"
            "",,"cr\rhere"

            """)
    }

    @Test func numbersBooleansNullsAndNestedValues() {
        let nested = DynamicRecord([("k", .string("v")), ("n", .long(1))])
        let rows: [DynamicRecord] = [
            DynamicRecord([("l", .long(-12)), ("d", .double(38.38)), ("b", .boolean(true)),
                           ("s", .structure(nested)), ("arr", .array([.long(1), .string("x")]))]),
            DynamicRecord([("l", .null), ("d", .double(.infinity)), ("b", .boolean(false))]),
        ]
        #expect(Self.write(rows) == """
            l,d,b,s,arr
            -12,38.38,true,"{""k"":""v"",""n"":1}","[1,""x""]"
            ,Infinity,false,,

            """)
    }

    @Test func headerIsNilWithoutWriteHeaderAndColumnsFollowTheSchema() {
        var options = CSVOptions()
        options.writeHeader = false
        let schema = StructType([Field("b", .string), Field("missing", .long), Field("a", .long)])
        let text = Self.write([DynamicRecord([("a", .long(1)), ("b", .string("x"))])], schema: schema, options: options)
        #expect(text == "x,,1\n")
        #expect(CSVWriter(schema: schema, options: options).header() == nil)
    }

    @Test func otherSeparatorsQuoteThemselves() throws {
        let options = try CSVTest.options(["separator": .string("|")])
        #expect(Self.write([DynamicRecord([("a", .string("x|y")), ("b", .string("p,q"))])], options: options)
                == "a|b\n\"x|y\"|p,q\n")
    }

    @Test func withoutQuotingTheEscaperProtectsSeparatorsAndLineBreaks() throws {
        let options = try CSVTest.options(["quoteChar": .string("-1"), "escaper": .string("\\")])
        let rows = [DynamicRecord([("a", .string("x,y\nz\\w"))])]
        let text = Self.write(rows, options: options)
        #expect(text == "a\nx\\,y\\nz\\\\w\n")
        var read = options
        read.withHeader = true
        #expect(try CSVTest.frame(CSVTest.read(text, options: read)).records == rows)
    }

    @Test(arguments: [",", "|", "\t"])
    func whatItWritesReadsBackAsTheSameValues(sep: String) throws {
        let rows: [DynamicRecord] = [
            DynamicRecord([("id", .long(1)), ("price", .double(12.5)), ("ok", .boolean(true)),
                           ("name", .string("Zoë, \"the\" | best\t")), ("note", .string(""))]),
            DynamicRecord([("id", .long(-9_000_000_000)), ("price", .double(1e-7)), ("ok", .boolean(false)),
                           ("name", .string("  spaced  ")), ("note", .string("multi\r\nline"))]),
            DynamicRecord([("id", .long(3)), ("price", .double(0.1)), ("name", .string("n/a"))]),
        ]
        var options = try CSVTest.options(["separator": .string(sep), "escaper": .string("\\")])
        let text = Self.write(rows, options: options)
        options.withHeader = true
        options.multiLine = true
        let back = try CSVTest.frame(CSVTest.read(text, options: options))
        #expect(back.errors.isEmpty)
        #expect(back.records == rows)
        #expect(back.schema() == RecordBatch(records: rows).schema)
    }
}
