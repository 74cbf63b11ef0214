/// Hive type names, as the Data Catalog stores column types, to and from engine types.
///
/// | engine | Hive |
/// | --- | --- |
/// | boolean, byte, short, int, long | `boolean`, `tinyint`, `smallint`, `int`, `bigint` |
/// | float, double, decimal(p,s) | `float`, `double`, `decimal(p,s)` |
/// | string, binary, date, timestamp | `string`, `binary`, `date`, `timestamp` |
/// | array of T, map of T, struct | `array<T>`, `map<string,T>`, `struct<a:T,b:U>` |
///
/// A choice has no Hive type: the catalog holds one type per column, so ``name(of:)`` widens it
/// the way a crawler does (``widened(_:)``). `null` (a column never seen with a value) is
/// `string`, as crawlers record it.
public enum HiveType {
    /// The Hive type name of `type`.
    public static func name(of type: DataType) -> String {
        switch type {
        case .null, .string: "string"
        case .boolean: "boolean"
        case .byte: "tinyint"
        case .short: "smallint"
        case .int: "int"
        case .long: "bigint"
        case .float: "float"
        case .double: "double"
        case .decimal(let p, let s): "decimal(\(p),\(s))"
        case .binary: "binary"
        case .date: "date"
        case .timestamp: "timestamp"
        case .array(let e): "array<\(name(of: e))>"
        case .map(let v): "map<string,\(name(of: v))>"
        case .structure(let s): "struct<" + s.fields.map { "\($0.name):\(name(of: $0.type))" }.joined(separator: ",") + ">"
        case .choice: name(of: widened(type))
        }
    }

    /// One type for a choice, as a crawler settles mixed values: integral types widen to the
    /// widest of them (`int` + `bigint` → `bigint`), integral and fractional to `double`, and
    /// anything else mixed (numbers with strings, structs with arrays, ...) to `string`.
    /// Nested choices are widened too.
    public static func widened(_ type: DataType) -> DataType {
        switch type {
        case .choice(let c):
            let members = c.members.map(widened)
            let integral: [DataType] = [.byte, .short, .int, .long]
            if members.allSatisfy({ integral.contains($0) }) {
                return members.max { integral.firstIndex(of: $0)! < integral.firstIndex(of: $1)! } ?? .string
            }
            if members.allSatisfy({ $0.isNumeric }) { return .double }
            return .string
        case .array(let e): return .array(widened(e))
        case .map(let v): return .map(widened(v))
        case .structure(let s): return .structure(StructType(s.fields.map { Field($0.name, widened($0.type)) }))
        default: return type
        }
    }

    /// The engine type of a Hive type name (case-insensitive; `varchar(n)`/`char(n)` are
    /// `string`, `integer` is `int`). - Throws: `EngineError.invalidOption` naming the text.
    public static func type(_ text: String) throws(EngineError) -> DataType {
        var parser = Parser(text: Array(text.utf8), original: text)
        let t = try parser.parseType()
        parser.skipSpaces()
        guard parser.at == parser.text.count else { throw parser.error("unexpected text after the type") }
        return t
    }

    private struct Parser {
        let text: [UInt8]
        let original: String
        var at = 0

        init(text: [UInt8], original: String) {
            self.text = text
            self.original = original
        }

        mutating func skipSpaces() {
            while at < text.count, text[at] == UInt8(ascii: " ") { at += 1 }
        }

        /// A type keyword or number, lowercased (ASCII letters, digits, '_').
        mutating func word() -> String {
            skipSpaces()
            let start = at
            while at < text.count, text[at] == UInt8(ascii: "_") || (text[at] >= 48 && text[at] <= 57)
                || ((text[at] | 0x20) >= 97 && (text[at] | 0x20) <= 122) {
                at += 1
            }
            return String(decoding: text[start..<at], as: UTF8.self).lowercased()
        }

        mutating func expect(_ c: Character) throws(EngineError) {
            skipSpaces()
            guard at < text.count, text[at] == c.asciiValue! else { throw error("expected '\(c)'") }
            at += 1
        }

        mutating func peek(_ c: Character) -> Bool {
            skipSpaces()
            return at < text.count && text[at] == c.asciiValue!
        }

        /// A struct field name, in its original spelling: anything up to ':' except the type
        /// syntax's own characters (`,`, `<`, `>`).
        mutating func fieldName() throws(EngineError) -> String {
            skipSpaces()
            let start = at
            while at < text.count, ![UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "<"), UInt8(ascii: ">")].contains(text[at]) {
                at += 1
            }
            guard at > start else { throw error("expected a field name") }
            return String(decoding: text[start..<at], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }

        mutating func parseType() throws(EngineError) -> DataType {
            let w = word()
            switch w {
            case "string": return .string
            case "varchar", "char":
                if peek("(") { _ = try number(); }
                return .string
            case "boolean": return .boolean
            case "tinyint": return .byte
            case "smallint": return .short
            case "int", "integer": return .int
            case "bigint": return .long
            case "float": return .float
            case "double": return .double
            case "binary": return .binary
            case "date": return .date
            case "timestamp": return .timestamp
            case "decimal":
                guard peek("(") else { return .decimal(precision: 10, scale: 0) }
                try expect("(")
                let p = try integer()
                try expect(",")
                let s = try integer()
                try expect(")")
                guard p > 0, p <= 38, s >= 0, s <= p else { throw error("decimal(\(p),\(s)) is out of range") }
                return .decimal(precision: min(p, 18), scale: min(s, min(p, 18)))
            case "array":
                try expect("<")
                let e = try parseType()
                try expect(">")
                return .array(e)
            case "map":
                try expect("<")
                _ = try parseType()
                try expect(",")
                let v = try parseType()
                try expect(">")
                return .map(v)
            case "struct":
                try expect("<")
                var fields: [Field] = []
                if !peek(">") {
                    repeat {
                        let name = try fieldName()
                        try expect(":")
                        fields.append(Field(name, try parseType()))
                    } while try consumeComma()
                }
                try expect(">")
                return .structure(StructType(fields))
            case "":
                throw error("expected a type name")
            default:
                throw error("unknown type \(w)")
            }
        }

        mutating func consumeComma() throws(EngineError) -> Bool {
            if peek(",") { at += 1; return true }
            return false
        }

        mutating func integer() throws(EngineError) -> Int {
            let w = word()
            guard let n = Int(w) else { throw error("expected a number") }
            return n
        }

        mutating func number() throws(EngineError) -> Int {
            try expect("(")
            let n = try integer()
            try expect(")")
            return n
        }

        func error(_ reason: String) -> EngineError {
            .invalidOption(name: "column type", value: original, reason: "\(reason) (Hive type names: bigint, string, double, struct<a:int>, array<string>, ...)")
        }
    }
}
