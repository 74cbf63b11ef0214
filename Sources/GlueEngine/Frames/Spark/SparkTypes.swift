/// Spark's type names: the simple names of `dtypes`, `simpleString` and SQL casts (`bigint`,
/// `int`, `array<string>`, `struct<a:bigint>`) and the names `printSchema` prints (`long`,
/// `integer`, `array`, `struct`).
public enum SparkTypes {
    /// Parses a Spark type name as `cast("...")`, `CAST(x AS ...)` and DDL schemas write it:
    /// `double`, `bigint`/`long`, `int`/`integer`, `decimal(10,2)`, `array<string>`,
    /// `map<string,int>`, `struct<a:int,b:string>`. Case-insensitive.
    /// - Throws: `EngineError.invalidOption(name: "type", ...)` for a name Spark would not parse.
    public static func parse(_ name: String) throws(EngineError) -> DataType {
        var p = TypeNameParser(text: Array(name.utf8), index: 0)
        guard let t = p.parseType(), p.atEnd else {
            throw .invalidOption(name: "type", value: name, reason: "not a Spark data type")
        }
        return t
    }

    /// The simple name (`DataType.simpleString`): `bigint`, `int`, `string`, `double`,
    /// `decimal(10,2)`, `array<string>`, `struct<a:bigint,b:string>`, `map<string,bigint>`.
    public static func simpleName(_ t: DataType) -> String {
        switch t {
        case .null: "void"
        case .byte: "tinyint"
        case .short: "smallint"
        case .int: "int"
        case .long: "bigint"
        case .decimal(let p, let s): "decimal(\(p),\(s))"
        case .array(let e): "array<\(simpleName(e))>"
        case .map(let v): "map<string,\(simpleName(v))>"
        case .structure(let s): "struct<" + s.fields.map { "\($0.name):\(simpleName($0.type))" }.joined(separator: ",") + ">"
        case .choice(let c): "struct<" + c.members.map { "\($0.name):\(simpleName($0))" }.joined(separator: ",") + ">"
        default: t.name
        }
    }

    /// The name `printSchema` prints (`DataType.typeName`): `long`, `integer`, `string`,
    /// `decimal(10,2)`, and `array` / `map` / `struct` for containers (their children print below).
    public static func treeName(_ t: DataType) -> String {
        switch t {
        case .null: "void"
        case .int: "integer"
        case .decimal(let p, let s): "decimal(\(p),\(s))"
        case .choice: "struct"
        default: t.name
        }
    }

    /// The upper-case SQL name a cast prints in a column name (`CAST(a AS BIGINT)`).
    static func sqlName(_ t: DataType) -> String {
        simpleName(t).uppercased()
    }
}

/// A small recursive-descent parser of Spark type names.
private struct TypeNameParser {
    let text: [UInt8]
    var index: Int

    var atEnd: Bool {
        mutating get {
            skipSpaces()
            return index == text.count
        }
    }

    mutating func skipSpaces() {
        while index < text.count, text[index] == 32 { index += 1 }
    }

    mutating func word() -> String {
        skipSpaces()
        let start = index
        while index < text.count, text[index] == 95 || (text[index] | 0x20 >= 97 && text[index] | 0x20 <= 122) || (text[index] >= 48 && text[index] <= 57) {
            index += 1
        }
        return String(decoding: text[start..<index], as: UTF8.self)
    }

    mutating func eat(_ c: Character) -> Bool {
        skipSpaces()
        guard index < text.count, text[index] == c.asciiValue else { return false }
        index += 1
        return true
    }

    mutating func integer() -> Int? {
        Int(word())
    }

    mutating func parseType() -> DataType? {
        let w = word().lowercased()
        switch w {
        case "array":
            guard eat("<"), let e = parseType(), eat(">") else { return nil }
            return .array(e)
        case "map":
            guard eat("<"), parseType() != nil, eat(","), let v = parseType(), eat(">") else { return nil }
            return .map(v)
        case "struct":
            guard eat("<") else { return nil }
            var fields: [Field] = []
            if eat(">") { return .structure(StructType()) }
            repeat {
                var name = ""
                if eat("`") {
                    let start = index
                    while index < text.count, text[index] != 96 { index += 1 }
                    name = String(decoding: text[start..<index], as: UTF8.self)
                    guard eat("`") else { return nil }
                } else {
                    name = word()
                }
                guard !name.isEmpty, eat(":") || true, let t = parseType() else { return nil }
                fields.append(Field(name, t))
            } while eat(",")
            guard eat(">") else { return nil }
            return .structure(StructType(fields))
        case "decimal", "dec", "numeric":
            if eat("(") {
                guard let p = integer() else { return nil }
                var s = 0
                if eat(",") {
                    guard let v = integer() else { return nil }
                    s = v
                }
                guard eat(")"), p > 0, p <= 38, s >= 0, s <= p else { return nil }
                return .decimal(precision: min(p, 18), scale: min(s, 18))
            }
            return .decimal(precision: 10, scale: 0)
        case "varchar", "char":
            if eat("(") {
                guard integer() != nil, eat(")") else { return nil }
            }
            return .string
        case "void": return .null
        case "boolean": return .boolean
        case "tinyint", "byte": return .byte
        case "smallint", "short": return .short
        case "int", "integer": return .int
        case "bigint", "long": return .long
        case "float", "real": return .float
        case "double": return .double
        case "string": return .string
        case "binary": return .binary
        case "date": return .date
        case "timestamp", "timestamp_ltz", "timestamp_ntz": return .timestamp
        default: return nil
        }
    }
}
