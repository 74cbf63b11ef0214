import Foundation

/// A Glue type: the type system of DynamicFrames (`awsglue.gluetypes`).
///
/// Atomic types print with their Glue names (`int`, `long`, `string`, ...). `choice` is Glue's
/// union type: it appears when one field holds values of more than one type, and keeps its
/// members sorted by type name, one member per name.
public indirect enum DataType: Hashable, Sendable {
    /// The type of a value that is null (or absent) in every record seen.
    case null
    case boolean
    case byte
    case short
    case int
    case long
    case float
    case double
    /// A fixed-point number with `precision` digits, `scale` of them after the point.
    case decimal(precision: Int, scale: Int)
    case string
    case binary
    /// Days since 1970-01-01.
    case date
    /// Microseconds since 1970-01-01T00:00:00Z.
    case timestamp
    case array(DataType)
    /// A map from string keys to values of one type.
    case map(DataType)
    case structure(StructType)
    case choice(ChoiceType)

    /// The name Glue prints for this type (`int`, `long`, `struct`, `choice`, ...); also the key
    /// of a member in a choice, so `decimal` is one member whatever its precision.
    public var name: String {
        switch self {
        case .null: "null"
        case .boolean: "boolean"
        case .byte: "byte"
        case .short: "short"
        case .int: "int"
        case .long: "long"
        case .float: "float"
        case .double: "double"
        case .decimal: "decimal"
        case .string: "string"
        case .binary: "binary"
        case .date: "date"
        case .timestamp: "timestamp"
        case .array: "array"
        case .map: "map"
        case .structure: "struct"
        case .choice: "choice"
        }
    }

    /// The type as written in a cast or mapping: `long`, `decimal(10,2)`, `array`, ...
    public var typeName: String {
        if case .decimal(let p, let s) = self { return "decimal(\(p),\(s))" }
        return name
    }

    /// True for types without children.
    public var isAtomic: Bool {
        switch self {
        case .array, .map, .structure, .choice: false
        default: true
        }
    }

    /// True for the numeric atomic types.
    public var isNumeric: Bool {
        switch self {
        case .byte, .short, .int, .long, .float, .double, .decimal: true
        default: false
        }
    }

    /// True when this type, or any type nested in it, is a choice.
    public var containsChoice: Bool {
        switch self {
        case .choice: true
        case .array(let e), .map(let e): e.containsChoice
        case .structure(let s): s.fields.contains { $0.type.containsChoice }
        default: false
        }
    }

    /// Parses a type name as scripts and the CLI write it: `int`, `integer`, `bigint`, `long`,
    /// `string`, `decimal`, `decimal(12,3)`, `struct`, `array`, ... Case-insensitive.
    /// Container names parse to an empty container (useful for `project:struct`).
    public init?(parsing text: String) {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "null", "void": self = .null
        case "boolean", "bool": self = .boolean
        case "byte", "tinyint": self = .byte
        case "short", "smallint": self = .short
        case "int", "integer": self = .int
        case "long", "bigint": self = .long
        case "float", "real": self = .float
        case "double": self = .double
        case "decimal", "numeric": self = .decimal(precision: 10, scale: 2)
        case "string", "varchar", "char": self = .string
        case "binary": self = .binary
        case "date": self = .date
        case "timestamp": self = .timestamp
        case "array": self = .array(.null)
        case "map": self = .map(.null)
        case "struct": self = .structure(StructType())
        default:
            guard t.hasPrefix("decimal("), t.hasSuffix(")") else { return nil }
            let inner = t.dropFirst(8).dropLast().split(separator: ",")
            guard inner.count == 2,
                let p = Int(inner[0].trimmingCharacters(in: .whitespaces)),
                let s = Int(inner[1].trimmingCharacters(in: .whitespaces)),
                p > 0, p <= 18, s >= 0, s <= p
            else { return nil }
            self = .decimal(precision: p, scale: s)
        }
    }
}

/// A named field of a struct.
public struct Field: Hashable, Sendable {
    public var name: String
    public var type: DataType

    public init(_ name: String, _ type: DataType) {
        self.name = name
        self.type = type
    }
}

/// An ordered list of fields with unique names; the schema of a frame is a `StructType`.
public struct StructType: Hashable, Sendable {
    public var fields: [Field]

    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// The field names, in order.
    public var names: [String] { fields.map(\.name) }

    /// The field called `name`, if any.
    public subscript(name: String) -> Field? {
        fields.first { $0.name == name }
    }

    /// The position of the field called `name`, if any.
    public func index(of name: String) -> Int? {
        fields.firstIndex { $0.name == name }
    }
}

/// The members of a choice type: at least two types, unique by name, sorted by name.
public struct ChoiceType: Hashable, Sendable {
    public private(set) var members: [DataType]

    /// Makes a choice from `types`, merging members that share a name. Callers normally get
    /// choices from `DataType.merge`; a choice of fewer than two members is allowed here only
    /// as an intermediate value.
    public init(_ types: [DataType]) {
        var byName: [String: DataType] = [:]
        for t in types {
            for m in t.flattenedChoiceMembers {
                byName[m.name] = byName[m.name].map { DataType.merge($0, m) } ?? m
            }
        }
        members = byName.keys.sorted().map { byName[$0]! }
    }

    /// The member called `name` (`"long"`, `"struct"`, ...), if any.
    public func member(named name: String) -> DataType? {
        members.first { $0.name == name }
    }
}

extension DataType {
    /// The members of a choice, or the type itself.
    var flattenedChoiceMembers: [DataType] {
        if case .choice(let c) = self { return c.members }
        return [self]
    }
}
