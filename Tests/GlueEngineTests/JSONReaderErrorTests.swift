import Testing
@testable import GlueEngine

@Suite struct JSONReaderErrorTests {
    @Test func malformedLineBecomesAnErrorRecordAndTheOthersLoad() throws {
        let text = """
            {"id": 1, "name": "a"}
            {"id": 2, "name": "b"}
            {"id": 3, "name": "c"
            {"id": 4, "name": "d"}
            """
        let frame = JSONTest.frame(try JSONTest.read(text))
        #expect(frame.records.map { $0["id"] } == [.int(1), .int(2), .int(4)])
        #expect(frame.errorsCount() == 1)
        let error = try #require(frame.errors.first)
        #expect(error.line == 3)
        #expect(error.raw == #"{"id": 3, "name": "c""#)
        #expect(error.transformation == "json")
        #expect(error.source == "s3://lab/in.json")
        #expect(error.message == "unexpected end of line at column 22")
        let errorFrame = frame.errorsAsDynamicFrame()
        #expect(errorFrame.records.first?["record"] == .string(#"{"id": 3, "name": "c""#))
    }

    @Test func messagesNameTheProblemAndItsColumn() throws {
        let cases: [(String, String)] = [
            (#"{"a": 01}"#, "invalid number (leading zero) at column 7"),
            (#"{"a": 1.}"#, "invalid number (no digit after '.') at column 7"),
            (#"{"a": tru}"#, "invalid literal (expected true) at column 7"),
            (#"{"a": 1,}"#, "unexpected character '}', expected a quoted field name at column 9"),
            (#"{"a" 1}"#, "unexpected character '1', expected ':' after a field name at column 6"),
            (#"{"a": 1} x"#, "unexpected text after the JSON value at column 10"),
            (#"{"é": "\q"}"#, "invalid escape \\q in string at column 8"),
            ("{\"a\": \"tab\there\"}", "unescaped control character 0x9 in string at column 11"),
            (#"{"a": [1 2]}"#, "unexpected character '2', expected ',' or ']' at column 10"),
        ]
        for (line, message) in cases {
            let result = try JSONTest.read(line)
            #expect(result.batches.isEmpty, "\(line)")
            #expect(result.errors.map(\.message) == [message], "\(line)")
        }
    }

    @Test func invalidUTF8MakesTheRecordMalformed() throws {
        let bytes = Array("{\"a\": \"ok\"}\n{\"a\": \"bad ".utf8) + [0xC3, 0x28] + Array("\"}\n{\"a\": \"fine\"}".utf8)
        let result = try JSONTest.read(bytes: bytes)
        #expect(JSONTest.frame(result).records.map { $0["a"] } == [.string("ok"), .string("fine")])
        #expect(result.errors.map(\.message) == ["invalid UTF-8 in string at column 12"])
        #expect(result.errors.first?.line == 2)
    }

    @Test func isFailFastThrowsAtTheFirstBadRecord() throws {
        let text = "{\"a\": 1}\n{\"a\": }\n{\"a\": oops}\n"
        #expect(throws: EngineError.malformedInput(source: "s3://lab/in.json", line: 2,
                                                   reason: "unexpected character '}' at column 7", value: "{\"a\": }")) {
            try JSONTest.read(text, JSONTest.options(isFailFast: true))
        }
        #expect(throws: EngineError.malformedInput(source: "s3://lab/in.json", line: 2,
                                                   reason: "record is not a JSON object (found number)", value: "42")) {
            try JSONTest.read("{\"a\": 1}\n42\n", JSONTest.options(isFailFast: true))
        }
    }

    @Test func aNonObjectRecordIsAnErrorRecord() throws {
        let result = try JSONTest.read("{\"a\": 1}\n42\n\"text\"\nnull\n[{\"a\": 2}, true]\n")
        #expect(JSONTest.frame(result).records.map { $0["a"] } == [.int(1), .int(2)])
        #expect(result.errors.map(\.message) == [
            "record is not a JSON object (found number)",
            "record is not a JSON object (found string)",
            "record is not a JSON object (found null)",
            "record is not a JSON object (found boolean)",
        ])
        #expect(result.errors.map(\.line) == [2, 3, 4, 5])
        #expect(result.errors.map(\.raw) == ["42", "\"text\"", "null", "true"])
    }

    @Test func multiLineSyntaxErrorKeepsEarlierRecordsAndStopsWithOneErrorRecord() throws {
        let text = """
            [
              {"id": 1},
              {"id": 2},
              {"id": 3,, "x": 1},
              {"id": 4}
            ]
            """
        let result = try JSONTest.read(text, JSONTest.options(multiLine: true))
        #expect(JSONTest.frame(result).records.map { $0["id"] } == [.int(1), .int(2)])
        #expect(result.errors.count == 1)
        let error = try #require(result.errors.first)
        #expect(error.line == 4)
        #expect(error.message == "unexpected character ',', expected a quoted field name at line 4, column 12")
        #expect(error.raw == "  {\"id\": 3,, \"x\": 1},\n  {\"id\": 4}\n]")
        #expect(throws: EngineError.self) {
            try JSONTest.read(text, JSONTest.options(multiLine: true, isFailFast: true))
        }
    }

    @Test func multiLineUnterminatedDocumentReportsTheEnd() throws {
        let result = try JSONTest.read("{\"a\": 1}\n{\"a\": [1,\n 2", JSONTest.options(multiLine: true))
        #expect(JSONTest.frame(result).count() == 1)
        #expect(result.errors.map(\.message) == ["unexpected end of input at line 3, column 3"])
    }

    @Test func multiLineNonObjectElementIsAnErrorRecordWithItsLine() throws {
        let text = "[\n  {\"a\": 1},\n  7,\n  {\"a\": 2}\n]"
        let result = try JSONTest.read(text, JSONTest.options(multiLine: true))
        #expect(JSONTest.frame(result).count() == 2)
        #expect(result.errors.map(\.line) == [3])
        #expect(result.errors.map(\.raw) == ["7"])
    }

    @Test func deepNestingIsLimitedWithoutCrashing() throws {
        let ok = String(repeating: "[", count: JSONReader.maxDepth - 1) + String(repeating: "]", count: JSONReader.maxDepth - 1)
        let accepted = try JSONTest.read("{\"deep\": \(ok)}")
        #expect(accepted.errors.isEmpty)
        #expect(JSONTest.frame(accepted).count() == 1)

        let tooDeep = String(repeating: "[", count: JSONReader.maxDepth) + String(repeating: "]", count: JSONReader.maxDepth)
        let rejected = try JSONTest.read("{\"a\": 1}\n{\"deep\": \(tooDeep)}\n{\"a\": 2}")
        #expect(JSONTest.frame(rejected).count() == 2)
        #expect(rejected.errors.map(\.line) == [2])
        #expect(rejected.errors.first?.message.hasPrefix("nesting deeper than 512 levels") == true)

        let hostile = String(repeating: "{\"a\":[", count: 100_000)
        let result = try JSONTest.read(hostile, JSONTest.options(multiLine: true))
        #expect(result.batches.isEmpty)
        #expect(result.errors.count == 1)
    }
}
