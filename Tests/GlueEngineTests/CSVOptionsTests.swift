import Testing
@testable import GlueEngine

@Suite struct CSVOptionsTests {
    @Test func defaultsAreGlues() throws {
        let o = CSVOptions()
        #expect(o.separator == UInt8(ascii: ","))
        #expect(o.quoteChar == UInt8(ascii: "\""))
        #expect(o.escaper == nil)
        #expect(!o.withHeader && o.writeHeader && !o.multiLine && !o.skipFirst && !o.isFailFast)
        #expect(try CSVOptions(glueOptions: [:]) == o)
    }

    @Test func readsGlueOptionNamesWithBooleansAsValuesOrStrings() throws {
        let o = try CSVOptions(glueOptions: [
            "separator": .string("|"), "quoteChar": .string("'"), "escaper": .string("\\"),
            "withHeader": .boolean(true), "writeHeader": .string("FALSE"), "multiLine": .string("true"),
            "skipFirst": .boolean(true), "isFailFast": .string("True"),
            "optimizePerformance": .boolean(false), "strictCheckingOfColumnCount": .string("false"),
        ])
        #expect(o.separator == UInt8(ascii: "|"))
        #expect(o.quoteChar == UInt8(ascii: "'"))
        #expect(o.escaper == UInt8(ascii: "\\"))
        #expect(o.withHeader && !o.writeHeader && o.multiLine && o.skipFirst && o.isFailFast)
    }

    @Test func tabSeparatorAsCharacterOrBackslashT() throws {
        #expect(try CSVOptions(glueOptions: ["separator": .string("\t")]).separator == 0x09)
        #expect(try CSVOptions(glueOptions: ["separator": .string("\\t")]).separator == 0x09)
    }

    @Test func quoteCharMinusOneTurnsQuotingOff() throws {
        #expect(try CSVOptions(glueOptions: ["quoteChar": .string("-1")]).quoteChar == nil)
        #expect(try CSVOptions(glueOptions: ["quoteChar": .long(-1)]).quoteChar == nil)
    }

    @Test func unknownOptionNameIsRejected() {
        #expect {
            _ = try CSVOptions(glueOptions: ["withHeaders": .boolean(true)])
        } throws: { error in
            guard case .invalidOption(let name, _, let reason) = error as? EngineError else { return false }
            return name == "withHeaders" && reason.contains("withHeader")
        }
    }

    @Test(arguments: [
        ("withHeader", Value.string("yes")),
        ("multiLine", Value.long(1)),
        ("separator", Value.string(",,")),
        ("separator", Value.string("")),
        ("separator", Value.string("é")),
        ("separator", Value.boolean(true)),
        ("separator", Value.string("\n")),
        ("quoteChar", Value.string(",")),
        ("escaper", Value.string(",")),
    ])
    func badValuesAreRejectedNamingTheOption(name: String, value: Value) {
        #expect {
            _ = try CSVOptions(glueOptions: [name: value])
        } throws: { error in
            guard case .invalidOption(let n, _, _) = error as? EngineError else { return false }
            return n == name
        }
    }

    @Test func errorDescriptionIsOneReadableLine() {
        do {
            _ = try CSVOptions(glueOptions: ["withHeader": .string("maybe")])
            Issue.record("no error")
        } catch {
            #expect(error.description == "invalid option withHeader=\"maybe\": expected true or false")
        }
    }
}
