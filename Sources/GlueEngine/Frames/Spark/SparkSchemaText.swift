/// Spark's `printSchema()` text and type names for a bare `StructType` (the schema contrast
/// prints side by side with Glue's; a `DataFrame` prints its own with `sparkSchemaTree()`,
/// which also knows each column's nullability).
///
/// Unlike Glue's format: lines start with ` |-- `, every field ends with `(nullable = true)`,
/// `int` prints as `integer`, array elements carry `(containsNull = true)` and map values
/// `(valueContainsNull = true)`.
public enum SparkSchemaText {
    /// The schema as Spark's `df.printSchema()` prints it, ending with a newline.
    public static func treeString(_ schema: StructType) -> String {
        var out = "root\n"
        for f in schema.fields { appendField(f.name, f.type, suffix: " (nullable = true)", depth: 0, to: &out) }
        return out
    }

    /// The name `printSchema` gives a type: `integer`, `long`, `decimal(10,2)`, `struct`, ...
    public static func treeName(_ t: DataType) -> String {
        switch t {
        case .int: "integer"
        case .null: "void"
        case .choice: "struct"
        default: t.typeName
        }
    }

    /// A one-line description in Spark's words: `long`, `array<string>`, `struct<a:long,b:string>`.
    public static func compactName(_ t: DataType) -> String {
        switch t {
        case .array(let e): "array<\(compactName(e))>"
        case .map(let v): "map<string,\(compactName(v))>"
        case .structure(let s): "struct<" + s.fields.map { "\($0.name):\(compactName($0.type))" }.joined(separator: ",") + ">"
        default: treeName(t)
        }
    }

    private static func appendField(_ name: String, _ type: DataType, suffix: String, depth: Int, to out: inout String) {
        out += " " + String(repeating: "|    ", count: depth) + "|-- \(name): \(treeName(type))\(suffix)\n"
        switch type {
        case .structure(let s):
            for f in s.fields { appendField(f.name, f.type, suffix: " (nullable = true)", depth: depth + 1, to: &out) }
        case .array(let e):
            appendField("element", e, suffix: " (containsNull = true)", depth: depth + 1, to: &out)
        case .map(let v):
            appendField("key", .string, suffix: "", depth: depth + 1, to: &out)
            appendField("value", v, suffix: " (valueContainsNull = true)", depth: depth + 1, to: &out)
        default:
            break
        }
    }
}
