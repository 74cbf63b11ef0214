import Foundation
import Testing
@testable import GlueEngine

@Suite struct JSONWriterTests {
    private func write(_ batches: [RecordBatch]) -> String {
        var out: [UInt8] = []
        let writer = JSONWriter()
        for b in batches { writer.encode(b, into: &out) }
        return String(decoding: out, as: UTF8.self)
    }

    @Test func writesJSONLinesInColumnOrderLeavingOutNulls() {
        let batch = RecordBatch(records: [
            DynamicRecord([("id", .long(1)), ("name", .string("a \"quoted\"\nline")), ("price", .double(12.5))]),
            DynamicRecord([("id", .long(2)), ("price", .null), ("when", .date(19_753)), ("at", .timestamp(1_706_695_200_000_000))]),
            DynamicRecord([("nested", .structure(DynamicRecord([("x", .null), ("y", .boolean(true))]))), ("list", .array([.int(1), .null]))]),
        ])
        #expect(write([batch]) == """
            {"id":1,"name":"a \\"quoted\\"\\nline","price":12.5}
            {"id":2,"when":"2024-01-31","at":"2024-01-31T10:00:00Z"}
            {"nested":{"y":true},"list":[1,null]}

            """)
    }

    @Test func readingBackWhatWasWrittenGivesTheSameRecords() throws {
        let text = """
            {"id": 1, "price": 12.5, "name": "caf\\u00e9 😀", "tags": ["a", "b"], "ship": {"city": "Oslo", "zip": null}, "big": 9007199254740993}
            {"id": 2, "price": "12.50", "ctrl": "tab\\there\\u0001", "nested": [[1, 2.5], []], "flag": false, "empty": {}}
            {"id": 3000000000, "price": -0.001, "mixed": [1, "x", {"k": null}, null], "e": 1e300}
            """
        let original = try JSONTest.read(text, batchSize: 2)
        var out: [UInt8] = []
        for batch in original.batches { JSONWriter().encode(batch, into: &out) }
        let again = try JSONTest.read(bytes: out)
        #expect(again.errors.isEmpty)
        #expect(JSONTest.frame(again).records == JSONTest.frame(original).records)
        // Null fields are not written, so a field null in every record (ship.zip, mixed[].k)
        // leaves the schema; every other type comes back as it was.
        let schema = JSONTest.frame(again).schema().treeString()
        #expect(!schema.contains("zip") && !schema.contains("k: null"))
        #expect(JSONTest.frame(original).schema().treeString()
            .replacingOccurrences(of: "|    |-- zip: null\n", with: "")
            .replacingOccurrences(of: "|    |    |    |-- k: null\n", with: "") == schema)
    }
}
