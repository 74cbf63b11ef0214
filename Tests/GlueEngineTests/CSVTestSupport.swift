import Foundation
@testable import GlueEngine

/// Helpers shared by the CSV test suites.
enum CSVTest {
    /// Options built from Glue option names, e.g. `options(["withHeader": .boolean(true)])`.
    static func options(_ glue: [String: Value] = [:]) throws -> CSVOptions {
        try CSVOptions(glueOptions: glue)
    }

    /// Reads `bytes`; `parallel` forces the two-half split however small the input.
    static func read(_ bytes: [UInt8], options: CSVOptions = CSVOptions(), batchSize: Int = 65_536,
                     parallel: Bool = false, source: String = "s3://bucket/t.csv") throws(EngineError) -> ReadResult {
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(EngineError) -> ReadResult in
                try CSVReader.read(raw, source: source, options: options, batchSize: batchSize,
                                   parallelMinimumBytes: parallel ? 0 : Int.max)
            }
        }
        return try result.get()
    }

    static func read(_ text: String, options: CSVOptions = CSVOptions(), batchSize: Int = 65_536,
                     parallel: Bool = false) throws(EngineError) -> ReadResult {
        try read(Array(text.utf8), options: options, batchSize: batchSize, parallel: parallel)
    }

    /// The frame a read makes.
    static func frame(_ result: ReadResult) -> DynamicFrame {
        DynamicFrame(batches: result.batches, errors: result.errors)
    }

    /// A record from pairs.
    static func record(_ pairs: [(String, Value)]) -> DynamicRecord { DynamicRecord(pairs) }
}
