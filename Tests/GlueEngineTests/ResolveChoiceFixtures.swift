import Foundation
@testable import GlueEngine

/// Frames and helpers shared by the resolveChoice, cast, mapping and field-transform tests.
enum ResolveFixtures {
    static func rec(_ pairs: [(String, Value)]) -> DynamicRecord { DynamicRecord(pairs) }

    static func row(_ drg: String, _ id: Value, _ name: String) -> DynamicRecord {
        rec([("drg definition", .string(drg)), ("provider id", id), ("provider name", .string(name)),
             ("total discharges", .long(Int64(name.count)))])
    }

    /// The medicare sample in miniature: `provider id` is a long in most rows and a string in
    /// two; three batches (all longs; longs and a string; only a string).
    static func medicare() -> DynamicFrame {
        let b1 = RecordBatch(records: [
            row("039 - EXTRACRANIAL", .long(10001), "SOUTHEAST ALABAMA"),
            row("039 - EXTRACRANIAL", .long(10005), "MARSHALL MEDICAL"),
        ])
        let b2 = RecordBatch(records: [
            row("057 - DEGENERATIVE", .long(10006), "ELIZA COFFEE"),
            row("057 - DEGENERATIVE", .string("BAD-ID"), "ERRONEOUS ONE"),
        ])
        let b3 = RecordBatch(records: [
            row("064 - INTRACRANIAL", .string("12345"), "ERRONEOUS TWO"),
        ])
        return DynamicFrame(name: "medicare", batches: [b1, b2, b3])
    }

    /// The expected text of golden file `name`.
    static func golden(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil) else {
            throw EngineError.notFound(what: "golden file \(name)")
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The values of top-level field `name` in every record (null where absent).
    static func column(_ frame: DynamicFrame, _ name: String) -> [Value] {
        frame.records.map { $0[name] }
    }

    /// A record's fields as `name=json` text, in order — compact for expectations.
    static func text(_ r: DynamicRecord) -> String { r.jsonText() }
}
