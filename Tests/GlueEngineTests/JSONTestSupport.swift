import Foundation
import Testing
@testable import GlueEngine

/// Helpers shared by the JSON reader and writer tests.
enum JSONTest {
    static func options(multiLine: Bool = false, jsonPath: String? = nil, isFailFast: Bool = false) -> JSONOptions {
        var o = JSONOptions()
        o.multiLine = multiLine
        o.jsonPath = jsonPath
        o.isFailFast = isFailFast
        return o
    }

    /// Reads `text` as JSON from `s3://lab/in.json`.
    static func read(_ text: String, _ options: JSONOptions = JSONOptions(), batchSize: Int = 65_536) throws -> ReadResult {
        try read(bytes: Array(text.utf8), options, batchSize: batchSize)
    }

    static func read(bytes: [UInt8], _ options: JSONOptions = JSONOptions(), batchSize: Int = 65_536) throws -> ReadResult {
        try bytes.withUnsafeBytes { try JSONReader.read($0, source: "s3://lab/in.json", options: options, batchSize: batchSize) }
    }

    /// The result as a frame, the way a reader's caller builds it.
    static func frame(_ result: ReadResult) -> DynamicFrame {
        DynamicFrame(batches: result.batches, errors: result.errors)
    }

    /// Parses a record literal written as JSON, through the reader itself.
    static func record(_ json: String) throws -> DynamicRecord {
        let result = try read(json)
        return result.batches[0].record(at: 0)
    }

    /// The text of a golden file in `Tests/GlueEngineTests/Golden/`.
    static func golden(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }
}
