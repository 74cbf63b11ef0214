import Foundation

/// Spark's JSON reader (JSON Lines; `multiLine` reads each file as one document, an object
/// or an array of objects) with Spark's schema inference: integers are `bigint`, other
/// numbers `double`, a field whose values mix kinds widens (`bigint` + `double` → `double`;
/// a number, struct or array against a string → `string`), structs merge their fields, every
/// struct's fields are sorted by name, and a field that is always null is `string`. A line
/// that is not a JSON object is kept as a row whose other columns are null and whose
/// `_corrupt_record` column holds the line (Spark's PERMISSIVE mode).
enum SparkJSON {
    static let corruptColumn = "_corrupt_record"

    static func read(_ files: [(String, Data)], options: [String: String], schema: StructType?) throws(EngineError) -> SparkRows {
        let multiLine = options["multiline"]?.lowercased() == "true"
        var docs: [(Value?, String, String)] = []  // parsed record, raw text, source
        for (source, data) in files {
            let bytes = Array(data)
            var units: [ArraySlice<UInt8>] = []
            if multiLine {
                units = [bytes[...]]
            } else {
                units = bytes.split(separator: 10, omittingEmptySubsequences: true)
            }
            for unit in units {
                let raw = String(decoding: unit, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                if raw.isEmpty { continue }
                var p = JSONValueParser(bytes: Array(unit))
                if let v = p.parseDocument() {
                    switch v {
                    case .structure: docs.append((v, raw, source))
                    case .array(let items) where items.allSatisfy({ $0.recordValue != nil }):
                        for item in items { docs.append((item, raw, source)) }
                    default: docs.append((nil, raw, source))
                    }
                } else {
                    docs.append((nil, raw, source))
                }
            }
        }
        let structType: StructType
        if let schema {
            structType = schema
        } else {
            var t = DataType.structure(StructType())
            var corrupt = false
            for (v, _, _) in docs {
                if let v { t = merge(t, infer(v)) } else { corrupt = true }
            }
            guard case .structure(var s) = t.replacingNulls else { return SparkRows(fields: [], nullable: [], qualifiers: [], rows: []) }
            if corrupt {
                s.fields.append(Field(corruptColumn, .string))
                s.fields.sort { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            }
            structType = s
        }
        let corruptIndex = structType.index(of: corruptColumn)
        let rows = docs.map { v, raw, source -> SparkRow in
            var values = structType.fields.map { f -> Value in
                guard let r = v?.recordValue else { return .null }
                return conform(r[f.name], to: f.type)
            }
            if v == nil, let corruptIndex { values[corruptIndex] = .string(raw) }
            return SparkRow(values: values, source: source)
        }
        let n = structType.fields.count
        return SparkRows(fields: structType.fields, nullable: Array(repeating: true, count: n),
                         qualifiers: Array(repeating: [], count: n), rows: rows)
    }

    /// The type of one parsed value (Spark's `JsonInferSchema.inferField`).
    static func infer(_ v: Value) -> DataType {
        switch v {
        case .null: return .null
        case .long: return .long
        case .double: return .double
        case .decimal: return .double
        case .boolean: return .boolean
        case .string: return .string
        case .array(let items): return .array(items.reduce(DataType.null) { merge($0, infer($1)) })
        case .structure(let r):
            let fields = zip(r.names, r.values).map { Field($0, infer($1)) }
            return .structure(StructType(fields.sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }))
        default: return .string
        }
    }

    /// Spark's `compatibleType` for JSON: numbers widen to `double`, structs merge by field
    /// name (sorted), arrays merge elements, anything else is `string`.
    static func merge(_ a: DataType, _ b: DataType) -> DataType {
        if a == b { return a }
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.structure(let x), .structure(let y)):
            var byName: [String: DataType] = [:]
            for f in x.fields + y.fields { byName[f.name] = byName[f.name].map { merge($0, f.type) } ?? f.type }
            return .structure(StructType(byName.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { Field($0, byName[$0]!) }))
        case (.array(let x), .array(let y)): return .array(merge(x, y))
        default:
            if a.isNumeric && b.isNumeric { return SparkCast.widerNumeric(a, b) }
            return .string
        }
    }

    /// A parsed value shaped to an inferred or given type: numbers converted, structs with
    /// exactly the type's fields, values of another kind in a `string` column as their JSON text.
    static func conform(_ v: Value, to t: DataType) -> Value {
        if v.isNull { return .null }
        switch (v, t) {
        case (.string, .string): return v
        case (_, .string): return .string(v.jsonText())
        case (.structure(let r), .structure(let s)):
            return .structure(DynamicRecord(s.fields.map { ($0.name, conform(r[$0.name], to: $0.type)) }))
        case (.array(let items), .array(let e)): return .array(items.map { conform($0, to: e) })
        case (.structure(let r), .map(let vt)):
            return .map(DynamicRecord(zip(r.names, r.values).map { ($0, conform($1, to: vt)) }))
        case (.structure, _), (.array, _): return .null
        default: return SparkCast.cast(v, to: t)
        }
    }
}

extension DataType {
    /// Nulls (fields never seen with a value) as `string`, as Spark's JSON inference ends.
    var replacingNulls: DataType {
        switch self {
        case .null: .string
        case .array(let e): .array(e.replacingNulls)
        case .structure(let s): .structure(StructType(s.fields.map { Field($0.name, $0.type.replacingNulls) }))
        default: self
        }
    }
}

/// A small JSON parser to `Value`s: objects as structs (field order kept), integers as
/// `long` (larger ones as `double`), other numbers as `double`.
struct JSONValueParser {
    let bytes: [UInt8]
    var i = 0

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    mutating func parseDocument() -> Value? {
        guard let v = parseValue() else { return nil }
        skip()
        return i == bytes.count ? v : nil
    }

    mutating func skip() {
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 10 || bytes[i] == 13 { i += 1 }
    }

    mutating func parseValue() -> Value? {
        skip()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "{"):
            i += 1
            var pairs: [(String, Value)] = []
            skip()
            if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return .structure(DynamicRecord()) }
            while true {
                skip()
                guard let key = parseString() else { return nil }
                skip()
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = parseValue() else { return nil }
                pairs.append((key, v))
                skip()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "}") { i += 1; return .structure(DynamicRecord(pairs)) }
                return nil
            }
        case UInt8(ascii: "["):
            i += 1
            var items: [Value] = []
            skip()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return .array([]) }
            while true {
                guard let v = parseValue() else { return nil }
                items.append(v)
                skip()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
                if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                return nil
            }
        case UInt8(ascii: "\""):
            return parseString().map(Value.string)
        case UInt8(ascii: "t"): return word("true", .boolean(true))
        case UInt8(ascii: "f"): return word("false", .boolean(false))
        case UInt8(ascii: "n"): return word("null", .null)
        default:
            let start = i
            var fractional = false
            while i < bytes.count, let c = Optional(bytes[i]), (c >= 48 && c <= 57) || c == 45 || c == 43 || c == 46 || c == 101 || c == 69 {
                if c == 46 || c == 101 || c == 69 { fractional = true }
                i += 1
            }
            guard i > start else { return nil }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if !fractional, let v = Int64(text) { return .long(v) }
            return Double(text).map(Value.double)
        }
    }

    private mutating func word(_ w: String, _ v: Value) -> Value? {
        let u = Array(w.utf8)
        guard i + u.count <= bytes.count, Array(bytes[i..<i + u.count]) == u else { return nil }
        i += u.count
        return v
    }

    mutating func parseString() -> String? {
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { return nil }
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if c == UInt8(ascii: "\\"), i + 1 < bytes.count {
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"): out.append(8)
                case UInt8(ascii: "f"): out.append(12)
                case UInt8(ascii: "u"):
                    guard i + 4 <= bytes.count, var code = UInt32(String(decoding: bytes[i..<i + 4], as: UTF8.self), radix: 16) else { return nil }
                    i += 4
                    if (0xD800..<0xDC00).contains(code), i + 6 <= bytes.count, bytes[i] == 92, bytes[i + 1] == 117,
                       let low = UInt32(String(decoding: bytes[i + 2..<i + 6], as: UTF8.self), radix: 16), (0xDC00..<0xE000).contains(low) {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    out += Array(String(UnicodeScalar(code).map(Character.init) ?? "\u{FFFD}").utf8)
                default: out.append(e)
                }
                continue
            }
            out.append(c)
            i += 1
        }
        return nil
    }
}
