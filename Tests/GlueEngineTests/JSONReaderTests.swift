import Foundation
import Testing
@testable import GlueEngine

@Suite struct JSONReaderTests {
    @Test func jsonLinesDriftBecomesChoiceNewFieldsAppendAndMissingFieldsStay() throws {
        let text = """
            {"id": 1, "price": 12.5, "country": "US"}
            {"id": 2, "price": "12.50", "country": "DE"}
            {"id": 3, "price": 7.25, "coupon": "SAVE10"}
            {"id": 4, "price": 3.0, "country": "FR"}
            """
        let frame = JSONTest.frame(try JSONTest.read(text))
        #expect(frame.count() == 4)
        #expect(frame.errorsCount() == 0)
        #expect(frame.schema().treeString() == """
            root
            |-- id: int
            |-- price: choice
            |    |-- double
            |    |-- string
            |-- country: string
            |-- coupon: string

            """)
        let records = frame.records
        #expect(records[1]["price"] == .string("12.50"))
        #expect(records[2]["country"] == .null)
        #expect(!records[2].contains("country"))
        #expect(records[2]["coupon"] == .string("SAVE10"))
        #expect(records[3]["price"] == .double(3.0))
    }

    @Test func integersAreIntWhenTheyFitIn32BitsElseLong() throws {
        let text = """
            {"n": 1}
            {"n": 2147483647}
            {"n": 2147483648}
            {"n": -2147483648}
            {"n": -2147483649}
            """
        let frame = JSONTest.frame(try JSONTest.read(text))
        #expect(frame.schema().treeString() == """
            root
            |-- n: choice
            |    |-- int
            |    |-- long

            """)
        #expect(frame.records.map { $0["n"] } == [.int(1), .int(2_147_483_647), .long(2_147_483_648), .int(-2_147_483_648), .long(-2_147_483_649)])
    }

    @Test func numberEdgeCases() throws {
        let text = """
            {"a": 9223372036854775807, "b": -9223372036854775808, "c": 9223372036854775808, "d": 1.5e3, "e": -0.125, "f": 0, "g": -0, "h": 1E-2, "i": 123456789012345678901234567890, "j": 0.1}
            """
        let r = try JSONTest.record(text)
        #expect(r["a"] == .long(Int64.max))
        #expect(r["b"] == .long(Int64.min))
        #expect(r["c"] == .double(9_223_372_036_854_775_808))
        #expect(r["d"] == .double(1500))
        #expect(r["e"] == .double(-0.125))
        #expect(r["f"] == .int(0))
        #expect(r["g"] == .int(0))
        #expect(r["h"] == .double(0.01))
        #expect(r["i"] == .double(1.2345678901234568e29))
        #expect(r["j"] == .double(0.1))
    }

    @Test func nestedStructsAndArraysPrintLikeGlue() throws {
        let text = """
            {"order": 1, "customer": {"name": "Ana", "address": {"city": "Lyon", "zip": "69001"}}, "items": [{"sku": "A1", "qty": 2}, {"sku": "B2", "qty": 1, "gift": true}], "tags": ["new", "promo"], "scores": [1, 2.5, null], "notes": null}
            {"order": 2, "customer": {"name": "Ben", "vip": false}, "items": [], "tags": ["x"], "matrix": [[1, 2], [3]], "mixed": [1, "two", {"three": 3}]}
            """
        let frame = JSONTest.frame(try JSONTest.read(text))
        #expect(frame.schema().treeString() == (try JSONTest.golden("json-nested-schema.txt")))
        let first = frame.records[0]
        #expect(first["customer"].recordValue?["address"].recordValue?["city"] == .string("Lyon"))
        #expect(first["items"] == .array([
            .structure(DynamicRecord([("sku", .string("A1")), ("qty", .int(2))])),
            .structure(DynamicRecord([("sku", .string("B2")), ("qty", .int(1)), ("gift", .boolean(true))])),
        ]))
        #expect(first["scores"] == .array([.int(1), .double(2.5), .null]))
        #expect(!first.contains("notes"))
        #expect(frame.records[1]["matrix"] == .array([.array([.int(1), .int(2)]), .array([.int(3)])]))
    }

    @Test func multiLineReadsPrettyPrintedObjectsOneAfterAnother() throws {
        let text = """
            {
              "id": 1,
              "name": "first"
            }
            {
              "id": 2,
              "name": "second",
              "extra": {"deep": [1, 2]}
            }
            """
        let result = try JSONTest.read(text, JSONTest.options(multiLine: true))
        #expect(result.errors.isEmpty)
        let records = JSONTest.frame(result).records
        #expect(records.count == 2)
        #expect(records[1]["name"] == .string("second"))
        #expect(records[1]["extra"].recordValue?["deep"] == .array([.int(1), .int(2)]))
    }

    @Test func withoutMultiLineAPrettyPrintedObjectIsMalformedLineByLine() throws {
        let text = "{\n  \"id\": 1\n}\n"
        let result = try JSONTest.read(text)
        #expect(result.batches.isEmpty)
        #expect(result.errors.map(\.line) == [1, 2, 3])
    }

    @Test func topLevelArrayElementsAreTheRecords() throws {
        let text = """
            [
              {"id": 1},
              {"id": 2, "ok": true}
            ]
            """
        let records = JSONTest.frame(try JSONTest.read(text, JSONTest.options(multiLine: true))).records
        #expect(records == [DynamicRecord([("id", .int(1))]), DynamicRecord([("id", .int(2)), ("ok", .boolean(true))])])
        // On one line, JSON Lines reads the array's elements too.
        let lines = JSONTest.frame(try JSONTest.read("[{\"id\": 1}, {\"id\": 2}]\n{\"id\": 3}\n"))
        #expect(lines.records.map { $0["id"] } == [.int(1), .int(2), .int(3)])
    }

    @Test func stringEscapesAndSurrogatePairsDecode() throws {
        let text = #"{"s": "a\"b\\c\/d\b\f\n\r\t", "u": "caf\u00e9 \u20AC", "pair": "\ud83d\ude00!", "lone": "x\ud800y", "raw": "naïve 😀", "nul": "\u0000", "k\u0065y": 1}"#
        let r = try JSONTest.record(text)
        #expect(r["s"] == .string("a\"b\\c/d\u{8}\u{C}\n\r\t"))
        #expect(r["u"] == .string("café €"))
        #expect(r["pair"] == .string("😀!"))
        #expect(r["lone"] == .string("x\u{FFFD}y"))
        #expect(r["raw"] == .string("naïve 😀"))
        #expect(r["nul"] == .string("\u{0}"))
        #expect(r["key"] == .int(1))
    }

    @Test func byteOrderMarkBlankLinesAndCRLFAreSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}\r\n\r\n   \n{\"a\": 2}\r\n\n".utf8)
        let result = try JSONTest.read(bytes: bytes)
        #expect(result.errors.isEmpty)
        #expect(JSONTest.frame(result).records.map { $0["a"] } == [.int(1), .int(2)])
        let multi = try JSONTest.read(bytes: bytes, JSONTest.options(multiLine: true))
        #expect(JSONTest.frame(multi).count() == 2)
    }

    @Test func duplicateKeysKeepTheLastValueAtTheFirstPosition() throws {
        let r = try JSONTest.record(#"{"a": 1, "b": 2, "a": "three", "s": {"x": 1, "x": 2}}"#)
        #expect(r.names == ["a", "b", "s"])
        #expect(r["a"] == .string("three"))
        #expect(r["s"] == .structure(DynamicRecord([("x", .int(2))])))
    }

    @Test func recordsAreSplitIntoBatchesOfBatchSize() throws {
        let text = (1...10).map { "{\"i\": \($0)}" }.joined(separator: "\n")
        let result = try JSONTest.read(text, batchSize: 4)
        #expect(result.batches.map(\.count) == [4, 4, 2])
        #expect(result.batches.allSatisfy { $0.source == "s3://lab/in.json" })
        #expect(JSONTest.frame(result).records.map { $0["i"] } == (1...10).map { .int(Int32($0)) })
    }

    @Test func emptyInputAndEmptyObjects() throws {
        #expect(try JSONTest.read("").batches.isEmpty)
        #expect(try JSONTest.read("\n\n").batches.isEmpty)
        let frame = JSONTest.frame(try JSONTest.read("{}\n{\"e\": {}, \"l\": []}\n"))
        #expect(frame.count() == 2)
        #expect(frame.records[1]["e"] == .structure(DynamicRecord()))
        #expect(frame.records[1]["l"] == .array([]))
    }

    @Test func readsFromData() throws {
        let result = try JSONReader.read(Data("{\"a\": true}".utf8), source: "f.json", options: JSONOptions())
        #expect(result.batches.first?.record(at: 0)["a"] == .boolean(true))
    }
}
