import Foundation
import GlueEngine

/// How the workbench shows engine values: as text lines, or as JSON records with stable keys.
enum Render {
    /// An object's metadata as a JSON record.
    static func object(_ info: ObjectInfo) -> DynamicRecord {
        DynamicRecord([
            ("uri", .string(info.uri.description)),
            ("bucket", .string(info.bucket)),
            ("key", .string(info.key)),
            ("size", .long(info.size)),
            ("etag", .string(info.etag)),
            ("lastModified", .string(Timestamps.format(info.lastModified))),
        ])
    }

    /// One `s3 ls` line: time, size, name.
    static func listing(_ info: ObjectInfo, key: String) -> String {
        let size = String(info.size)
        return Timestamps.format(info.lastModified) + " " + String(repeating: " ", count: max(1, 10 - size.count)) + size + " " + key
    }

    /// A byte count for people: `812 B`, `1.2 KB`, `94.3 MB`.
    static func size(_ bytes: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1000, unit < units.count - 1 {
            value /= 1000
            unit += 1
        }
        return unit == 0 ? "\(bytes) B" : String(format: "%.1f %@", value, units[unit])
    }

    /// A type as JSON: a type name for atomic types, an object for containers.
    static func type(_ t: DataType) -> Value {
        switch t {
        case .structure(let s):
            return .structure(DynamicRecord([("type", .string("struct")), ("fields", fields(s))]))
        case .array(let e):
            return .structure(DynamicRecord([("type", .string("array")), ("element", type(e))]))
        case .map(let v):
            return .structure(DynamicRecord([("type", .string("map")), ("value", type(v))]))
        case .choice(let c):
            return .structure(DynamicRecord([("type", .string("choice")), ("members", .array(c.members.map(type)))]))
        default:
            return .string(t.typeName)
        }
    }

    /// A schema's fields as a JSON array of `{name, type}`.
    static func fields(_ s: StructType) -> Value {
        .array(s.fields.map { .structure(DynamicRecord([("name", .string($0.name)), ("type", type($0.type))])) })
    }
}

/// Parsing of command-line values into engine values, with one-line errors.
enum Parse {
    static func timestamp(_ text: String, option: String) throws -> Int64 {
        guard let t = Timestamps.parseISO8601(text) else {
            throw WorkbenchError.badValue(option: option, value: text, reason: "expected an ISO 8601 time such as 2024-01-31T10:00:00Z")
        }
        return t
    }

    static func duration(_ text: String, option: String) throws -> Int64 {
        guard let d = Timestamps.parseDuration(text) else {
            throw WorkbenchError.badValue(option: option, value: text, reason: "expected a duration such as 90s, 15m, 1h, 2d or 1h30m")
        }
        return d
    }
}
