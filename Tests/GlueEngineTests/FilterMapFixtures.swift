import Foundation
@testable import GlueEngine

/// Frames shared by the transform tests (filter, map, join, split_rows, merge, spigot, show).
enum TransformFixtures {
    static func rec(_ pairs: (String, Value)...) -> DynamicRecord { DynamicRecord(pairs) }

    /// Six people in two batches whose `age` column differs in type: `long` in the first
    /// (with one record lacking it), `string` / `double` / `int` in the second, which also has
    /// a `city` column.
    static var people: DynamicFrame {
        let b1 = RecordBatch(records: [
            rec(("name", .string("Ann")), ("age", .long(15))),
            rec(("name", .string("Bob")), ("age", .long(25))),
            rec(("name", .string("Cid"))),
        ], source: "s3://lab/people/part-1.json")
        let b2 = RecordBatch(records: [
            rec(("name", .string("Dee")), ("age", .string("12"))),
            rec(("name", .string("Eve")), ("age", .double(11.5))),
            rec(("name", .string("Fay")), ("age", .int(19)), ("city", .string("Oslo"))),
        ], source: "s3://lab/people/part-2.json")
        return DynamicFrame(name: "people", batches: [b1, b2])
    }

    /// The names of a frame's records, in order.
    static func names(_ frame: DynamicFrame) -> [String] {
        frame.records.map { $0["name"].stringValue ?? "?" }
    }

    /// A Python `KeyError` as the script interpreter raises it for `r["age"]`.
    static let keyError = RecordFunctionError(.keyError, "'age'")

    /// Loads a golden file from `Tests/GlueEngineTests/Golden/`.
    static func golden(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }
}

import Testing
