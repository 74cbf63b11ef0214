import Foundation
import Testing

@testable import GlueEngine

/// Fixtures from `scripts/make-parquet-fixtures.py` and the canonical rendering its docstring
/// describes, reproduced from gluelab's records.
enum ParquetFixtures {
    static func data(_ name: String) throws -> Data {
        let url = try #require(Bundle.module.url(forResource: "Golden/parquet/\(name)", withExtension: nil))
        return try Data(contentsOf: url)
    }

    static func open(_ name: String) throws -> ParquetFile {
        try ParquetFile(data("\(name).parquet"), source: "s3://fixtures/\(name).parquet")
    }

    /// The expected rows of a fixture (`<name>.expected.jsonl`).
    static func expected(_ name: String) throws -> [CanonicalJSON] {
        let text = String(decoding: try data("\(name).expected.jsonl"), as: UTF8.self)
        return try text.split(separator: "\n").map { try CanonicalJSON.parse(String($0)) }
    }

    /// gluelab's rows, rendered canonically.
    static func rows(_ batches: [RecordBatch]) -> [CanonicalJSON] {
        batches.flatMap { b in (0..<b.count).map { CanonicalJSON.record(b.record(at: $0)) } }
    }
}

/// A JSON value for comparing fixture rows: integers and doubles kept apart when parsed,
/// compared numerically (doubles to 12 significant digits, for decimals read as doubles).
indirect enum CanonicalJSON: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([CanonicalJSON])
    case object([(String, CanonicalJSON)])

    static func == (a: CanonicalJSON, b: CanonicalJSON) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.int(let x), .double(let y)), (.double(let y), .int(let x)): return Double(x) == y
        case (.double(let x), .double(let y)):
            return x == y || abs(x - y) <= 1e-12 * max(abs(x), abs(y))
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
        case (.object(let x), .object(let y)):
            let left = Dictionary(x, uniquingKeysWith: { a, _ in a })
            let right = Dictionary(y, uniquingKeysWith: { a, _ in a })
            return left.count == right.count && left.allSatisfy { k, v in right[k].map { $0 == v } ?? false }
        default: return false
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .int(let i): "\(i)"
        case .double(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .array(let a): "[" + a.map(\.description).joined(separator: ",") + "]"
        case .object(let o): "{" + o.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
        }
    }

    /// A record (null fields are already left out of record views).
    static func record(_ r: DynamicRecord) -> CanonicalJSON {
        .object(r.fields.map { ($0.name, value($0.value)) })
    }

    static func value(_ v: Value) -> CanonicalJSON {
        switch v {
        case .null: .null
        case .boolean(let b): .bool(b)
        case .byte(let x): .int(Int64(x))
        case .short(let x): .int(Int64(x))
        case .int(let x): .int(Int64(x))
        case .long(let x): .int(x)
        case .float(let x): .double(Double(x))
        case .double(let x): .double(x)
        case .decimal(let d): .string(d.description)
        case .string(let s): .string(s)
        case .binary(let b): .string(Data(b).base64EncodedString())
        case .date(let d): .string(Value.dateText(d))
        case .timestamp(let t): .string(Value.timestampText(t))
        case .array(let items): .array(items.map(value))
        case .map(let r): .object(r.fields.map { ($0.name, value($0.value)) })
        case .structure(let r): record(r)
        }
    }

    // MARK: A small JSON parser (exact integers, no Foundation number guessing)

    struct ParseError: Error {}

    static func parse(_ text: String) throws -> CanonicalJSON {
        var p = Parser(bytes: Array(text.utf8))
        let v = try p.value()
        p.skipSpace()
        guard p.i == p.bytes.count else { throw ParseError() }
        return v
    }

    private struct Parser {
        let bytes: [UInt8]
        var i = 0

        mutating func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x09 || bytes[i] == 0x0D { i += 1 }
        }

        mutating func value() throws -> CanonicalJSON {
            skipSpace()
            guard i < bytes.count else { throw ParseError() }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var fields: [(String, CanonicalJSON)] = []
                skipSpace()
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .object([]) }
                while true {
                    skipSpace()
                    guard case .string(let key) = try value() else { throw ParseError() }
                    skipSpace()
                    guard bytes[i] == UInt8(ascii: ":") else { throw ParseError() }
                    i += 1
                    fields.append((key, try value()))
                    skipSpace()
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard bytes[i] == UInt8(ascii: "}") else { throw ParseError() }
                    i += 1
                    return .object(fields)
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [CanonicalJSON] = []
                skipSpace()
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
                while true {
                    items.append(try value())
                    skipSpace()
                    if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                    guard bytes[i] == UInt8(ascii: "]") else { throw ParseError() }
                    i += 1
                    return .array(items)
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): i += 4; return .bool(true)
            case UInt8(ascii: "f"): i += 5; return .bool(false)
            case UInt8(ascii: "n"): i += 4; return .null
            default:
                let start = i
                while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
                let text = String(decoding: bytes[start..<i], as: UTF8.self)
                if let n = Int64(text) { return .int(n) }
                guard let d = Double(text) else { throw ParseError() }
                return .double(d)
            }
        }

        mutating func string() throws -> String {
            i += 1
            var out: [UInt8] = []
            while i < bytes.count, bytes[i] != UInt8(ascii: "\"") {
                if bytes[i] == UInt8(ascii: "\\") {
                    i += 1
                    switch bytes[i] {
                    case UInt8(ascii: "n"): out.append(0x0A)
                    case UInt8(ascii: "t"): out.append(0x09)
                    case UInt8(ascii: "r"): out.append(0x0D)
                    case UInt8(ascii: "u"):
                        let hex = String(decoding: bytes[(i + 1)...(i + 4)], as: UTF8.self)
                        guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else { throw ParseError() }
                        out.append(contentsOf: Array(String(scalar).utf8))
                        i += 4
                    default: out.append(bytes[i])
                    }
                } else {
                    out.append(bytes[i])
                }
                i += 1
            }
            i += 1
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// Asserts that `batches` hold exactly the expected rows of fixture `name`.
func expectFixtureRows(_ batches: [RecordBatch], _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let expected = try ParquetFixtures.expected(name)
    let actual = ParquetFixtures.rows(batches)
    #expect(actual.count == expected.count, "row count", sourceLocation: sourceLocation)
    for (i, (a, e)) in zip(actual, expected).enumerated() where a != e {
        Issue.record("\(name) row \(i):\n  read     \(a)\n  expected \(e)", sourceLocation: sourceLocation)
        return
    }
}
