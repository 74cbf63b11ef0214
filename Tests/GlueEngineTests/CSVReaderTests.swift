import Foundation
import Testing
@testable import GlueEngine

@Suite struct CSVReaderTests {
    private let header = try! CSVTest.options(["withHeader": .boolean(true)])

    @Test func doubledQuotesAndSeparatorsInsideQuotes() throws {
        let r = try CSVTest.frame(CSVTest.read("a,\"he said \"\"hi, you\"\"\",c\n")).records
        #expect(r == [CSVTest.record([("col0", .string("a")), ("col1", .string("he said \"hi, you\"")), ("col2", .string("c"))])])
    }

    @Test(arguments: ["1,x\r\n2,y\r\n", "1,x\r2,y\r", "1,x\n2,y", "1,x\r\n2,y"])
    func lineEndsLFCRLFAndCR(text: String) throws {
        let r = try CSVTest.frame(CSVTest.read(text)).records
        #expect(r == [CSVTest.record([("col0", .long(1)), ("col1", .string("x"))]),
                      CSVTest.record([("col0", .long(2)), ("col1", .string("y"))])])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let frame = try CSVTest.frame(CSVTest.read("\u{FEFF}id,name\n1,a\n", options: header))
        #expect(frame.schema().names == ["id", "name"])
        #expect(frame.records == [CSVTest.record([("id", .long(1)), ("name", .string("a"))])])
    }

    @Test func blankLinesAreSkippedButCountedInLineNumbers() throws {
        let result = try CSVTest.read("a\n\n\r\nb\n\n\"bad\n")
        #expect(CSVTest.frame(result).records.map { $0["col0"] } == [.string("a"), .string("b")])
        #expect(result.errors.map(\.line) == [6])
    }

    @Test func emptyInputAndHeaderOnlyGiveNoRecords() throws {
        #expect(try CSVTest.read("").batches.isEmpty)
        #expect(try CSVTest.read("\u{FEFF}").batches.isEmpty)
        #expect(try CSVTest.read("id,name\n", options: header).batches.isEmpty)
    }

    @Test func shortRowsGetNullsAndLongRowsKeepExtraColumns() throws {
        let frame = try CSVTest.frame(CSVTest.read("a,b,c\n1,2\n1,2,3,4\n1,2,3,\n", options: header))
        #expect(frame.records == [
            CSVTest.record([("a", .long(1)), ("b", .long(2))]),
            CSVTest.record([("a", .long(1)), ("b", .long(2)), ("c", .long(3)), ("col3", .long(4))]),
            CSVTest.record([("a", .long(1)), ("b", .long(2)), ("c", .long(3))]),
        ])
        #expect(frame.schema().names == ["a", "b", "c", "col3"])
    }

    @Test func trailingSeparatorAddsNoNullColumnUnderAHeader() throws {
        let frame = try CSVTest.frame(CSVTest.read("a,b\n1,2,\n3,4,\n", options: header))
        #expect(frame.schema().names == ["a", "b"])
    }

    @Test func withoutHeaderColumnsAreNamedByPosition() throws {
        let frame = try CSVTest.frame(CSVTest.read("id,name\n1,a,extra\n"))
        #expect(frame.schema().names == ["col0", "col1", "col2"])
        #expect(frame.records.first == CSVTest.record([("col0", .string("id")), ("col1", .string("name"))]))
    }

    @Test func emptyAndDuplicateHeaderNamesAreMadeUnique() throws {
        let frame = try CSVTest.frame(CSVTest.read("id,,id,name,id,col1\n1,2,3,4,5,6\n", options: header))
        #expect(frame.schema().names == ["id", "col1", "id_2", "name", "id_3", "col1_2"])
    }

    @Test func unterminatedQuoteAtEndOfInputIsAnErrorRecord() throws {
        let result = try CSVTest.read("1,a\n2,\"never closed")
        #expect(CSVTest.frame(result).count() == 1)
        #expect(result.errors == [ErrorRecord(message: "unterminated quoted field at end of input", transformation: "csv",
                                              source: "s3://bucket/t.csv", line: 2, raw: "2,\"never closed")])
    }

    @Test func unterminatedQuoteUnderMultiLineSwallowsTheRestIntoOneErrorRecord() throws {
        let options = try CSVTest.options(["multiLine": .boolean(true)])
        let result = try CSVTest.read("1,a\n2,\"open\nmore\n", options: options)
        #expect(CSVTest.frame(result).count() == 1)
        #expect(result.errors.map(\.line) == [2])
        #expect(result.errors.first?.raw == "2,\"open\nmore\n")
    }

    @Test func textAfterAClosingQuoteIsMalformed() throws {
        let result = try CSVTest.read("\"ab\"c,d\n1,2\n")
        #expect(CSVTest.frame(result).records == [CSVTest.record([("col0", .long(1)), ("col1", .long(2))])])
        #expect(result.errors.map(\.line) == [1])
        #expect(result.errors.first?.raw == "\"ab\"c,d")
        #expect(result.errors.first?.message.contains("closing quote") == true)
    }

    @Test func aQuoteInsideAnUnquotedFieldIsOrdinary() throws {
        let r = try CSVTest.frame(CSVTest.read("5\" pipe,x\n")).records
        #expect(r.first?["col0"] == .string("5\" pipe"))
    }

    @Test func invalidUTF8IsReplacedAndTheRecordKept() throws {
        let bytes: [UInt8] = Array("id,name\n1,".utf8) + [0x61, 0xFF, 0x62] + Array(",café\n".utf8)
        let frame = try CSVTest.frame(CSVTest.read(bytes, options: header))
        #expect(frame.records == [CSVTest.record([("id", .long(1)), ("name", .string("a\u{FFFD}b")), ("col2", .string("café"))])])
        #expect(frame.errors.isEmpty)
    }

    @Test func invalidUTF8InsideQuotesIsReplacedToo() throws {
        let bytes: [UInt8] = [0x22, 0xC3, 0x22, 0x22, 0x22, 0x0A]  // "\xC3""" → \xC3 and a quote
        let r = try CSVTest.frame(CSVTest.read(bytes)).records
        #expect(r.first?["col0"] == .string("\u{FFFD}\""))
    }

    @Test(arguments: ["|", "\t", "\\t", ";"])
    func otherSeparators(sep: String) throws {
        let s = sep == "\\t" ? "\t" : sep
        let options = try CSVTest.options(["separator": .string(sep), "withHeader": .boolean(true)])
        let text = "a\(s)b\n1\(s)\"x\(s)y,z\"\n"
        let frame = try CSVTest.frame(CSVTest.read(text, options: options))
        #expect(frame.records == [CSVTest.record([("a", .long(1)), ("b", .string("x\(s)y,z"))])])
    }

    @Test func quoteCharMinusOneReadsQuotesAsText() throws {
        let options = try CSVTest.options(["quoteChar": .string("-1")])
        let r = try CSVTest.frame(CSVTest.read("\"a,b\"\n", options: options)).records
        #expect(r == [CSVTest.record([("col0", .string("\"a")), ("col1", .string("b\""))])])
    }

    @Test func singleQuoteAsQuoteChar() throws {
        let options = try CSVTest.options(["quoteChar": .string("'")])
        let r = try CSVTest.frame(CSVTest.read("'a,''b''',\"c\n", options: options)).records
        #expect(r == [CSVTest.record([("col0", .string("a,'b'")), ("col1", .string("\"c"))])])
    }

    @Test func escaperEscapesQuotesSeparatorsAndControlCharacters() throws {
        let options = try CSVTest.options(["escaper": .string("\\")])
        let text = #""say \"hi\"",a\,b,x\ty,back\\slash,"q\,\n""# + "\n"
        let r = try CSVTest.frame(CSVTest.read(text, options: options)).records
        #expect(r == [CSVTest.record([
            ("col0", .string("say \"hi\"")), ("col1", .string("a,b")), ("col2", .string("x\ty")),
            ("col3", .string("back\\slash")), ("col4", .string("q,\n")),
        ])])
    }

    @Test func withoutEscaperABackslashIsOrdinary() throws {
        let r = try CSVTest.frame(CSVTest.read(#"a\,b"# + "\n")).records
        #expect(r == [CSVTest.record([("col0", .string("a\\")), ("col1", .string("b"))])])
    }

    @Test func multiLineKeepsLineBreaksInsideQuotesAndCountsLines() throws {
        let options = try CSVTest.options(["multiLine": .boolean(true), "withHeader": .boolean(true)])
        let text = "id,note\n1,\"line one\r\nline two\"\n2,plain\n3,\"bad\"x\n"
        let result = try CSVTest.read(text, options: options)
        #expect(CSVTest.frame(result).records == [
            CSVTest.record([("id", .long(1)), ("note", .string("line one\r\nline two"))]),
            CSVTest.record([("id", .long(2)), ("note", .string("plain"))]),
        ])
        #expect(result.errors.map(\.line) == [5])
    }

    @Test func withoutMultiLineALineBreakInsideQuotesEndsAMalformedRecord() throws {
        let result = try CSVTest.read("id,note\n1,\"line one\nline two\"\n2,plain\n", options: header)
        #expect(result.errors.map(\.line) == [2])
        #expect(result.errors.first?.raw == "1,\"line one")
        #expect(result.errors.first?.message.contains("multiLine") == true)
        // The rest of the broken record reads as a record of its own, as a line-based reader sees it.
        #expect(CSVTest.frame(result).records.map { $0["id"] } == [.string("line two\""), .long(2)])
    }

    @Test func skipFirstDropsTheFirstRecordBeforeTheHeader() throws {
        let both = try CSVTest.options(["skipFirst": .boolean(true), "withHeader": .boolean(true)])
        let frame = try CSVTest.frame(CSVTest.read("exported 2024-01-01\nid,v\n1,2\n", options: both))
        #expect(frame.records == [CSVTest.record([("id", .long(1)), ("v", .long(2))])])
        let skipOnly = try CSVTest.options(["skipFirst": .boolean(true)])
        let r = try CSVTest.frame(CSVTest.read("a,b\n1,2\n", options: skipOnly)).records
        #expect(r == [CSVTest.record([("col0", .long(1)), ("col1", .long(2))])])
    }

    @Test func errorRecordsLineNumbersCountFromTheFileStartAfterHeaderAndSkip() throws {
        let both = try CSVTest.options(["skipFirst": .boolean(true), "withHeader": .boolean(true)])
        let result = try CSVTest.read("junk\nid\n1\n\"x\n", options: both)
        #expect(result.errors.map(\.line) == [4])
    }

    @Test func isFailFastThrowsWithSourceAndLine() {
        let options = try! CSVTest.options(["isFailFast": .boolean(true)])
        #expect(throws: EngineError.malformedInput(source: "s3://bucket/t.csv", line: 3,
                                                   reason: "unterminated quoted field at end of input", value: "\"x")) {
            _ = try CSVTest.read("1\n2\n\"x", options: options)
        }
    }

    @Test func unreadableHeaderThrows() {
        #expect {
            _ = try CSVTest.read("id,\"name\n1,2\n", options: header)
        } throws: { error in
            guard case .malformedInput(_, let line, let reason, _) = error as? EngineError else { return false }
            return line == 1 && reason.hasPrefix("unreadable header")
        }
    }

    @Test func batchesCarryTheSource() throws {
        let result = try CSVTest.read("1\n2\n")
        #expect(result.batches.map(\.source) == ["s3://bucket/t.csv"])
    }

    @Test func wideRowsAndLongEscapedValuesGrowTheScannersBuffers() throws {
        let wide = (0..<300).map(String.init).joined(separator: ",")
        let long = String(repeating: "ab\"\"", count: 500)
        let r = try CSVTest.frame(CSVTest.read(wide + "\n\"" + long + "\"\n")).records
        #expect(r.count == 2)
        #expect(r[0].count == 300)
        #expect(r[0]["col299"] == .long(299))
        #expect(r[1]["col0"] == .string(String(repeating: "ab\"", count: 500)))
    }

    @Test func readsData() throws {
        let data = Data("id\n1\n".utf8)
        let result = try CSVReader.read(data, source: "s3://b/k.csv", options: header)
        #expect(CSVTest.frame(result).records == [CSVTest.record([("id", .long(1))])])
    }
}
