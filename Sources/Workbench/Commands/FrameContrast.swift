import GlueEngine

/// `gluelab frame schema PATH --compare`: the DynamicFrame's schema next to the one Spark
/// infers for the same objects, field by field, then one line per field whose type differs
/// (`price: choice of double, string  ←→  price: string`).
enum FrameContrast {
    static let leftTitle = "DynamicFrame (Glue)"
    static let rightTitle = "DataFrame (Spark)"

    /// The side-by-side text, ending with a newline.
    static func render(glue: StructType, spark: StructType) -> String {
        var rows: [(String, String)] = [(leftTitle, rightTitle), ("root", "root")]
        for (g, s) in pairs(glue: glue, spark: spark) {
            appendRows(g.map { ($0.name, $0.type) }, s.map { ($0.name, $0.type, " (nullable = true)") }, depth: 0, to: &rows)
        }
        let width = rows.map(\.0.count).max() ?? 0
        var out = ""
        for (l, r) in rows {
            let line = l.padding(toLength: width, withPad: " ", startingAt: 0) + "  |  " + r
            out += trimmed(line) + "\n"
        }
        let notes = differences(glue: glue, spark: spark)
        out += "\n"
        if notes.isEmpty {
            out += "no differences: Spark infers the same types\n"
        } else {
            out += "differences:\n"
            for n in notes { out += "  " + n + "\n" }
        }
        return out
    }

    /// One line per top-level field whose type differs (field order aside).
    static func differences(glue: StructType, spark: StructType) -> [String] {
        pairs(glue: glue, spark: spark).compactMap { g, s in
            if let g, let s, sorted(g.type) == sorted(s.type) { return nil }
            let left = g.map { "\($0.name): \(glueName($0.type))" } ?? "\(s?.name ?? ""): (absent)"
            let right = s.map { "\($0.name): \(SparkSchemaText.compactName($0.type))" } ?? "\(g?.name ?? ""): (absent)"
            return left + "  ←→  " + right
        }
    }

    /// The fields of both sides that are the same column: by name, and Glue's `col0` with
    /// Spark's `_c0` (a CSV without a header); in the DynamicFrame's order, Spark's others after.
    static func pairs(glue: StructType, spark: StructType) -> [(Field?, Field?)] {
        func sparkName(_ n: String) -> String {
            if spark[n] == nil, n.hasPrefix("col"), n.dropFirst(3).allSatisfy(\.isNumber), spark["_c" + n.dropFirst(3)] != nil {
                return "_c" + n.dropFirst(3)
            }
            return n
        }
        var out: [(Field?, Field?)] = glue.fields.map { ($0, spark[sparkName($0.name)]) }
        let used = Set(glue.names.map(sparkName))
        out += spark.fields.filter { !used.contains($0.name) }.map { (nil, $0) }
        return out
    }

    /// A Glue type in one line: `choice of double, string`, `struct<a:long>`, `array<int>`.
    static func glueName(_ t: DataType) -> String {
        switch t {
        case .choice(let c): "choice of " + c.members.map(glueName).joined(separator: ", ")
        case .array(let e): "array<\(glueName(e))>"
        case .map(let v): "map<string,\(glueName(v))>"
        case .structure(let s): "struct<" + s.fields.map { "\($0.name):\(glueName($0.type))" }.joined(separator: ",") + ">"
        default: t.typeName
        }
    }

    private static func sorted(_ t: DataType) -> DataType {
        switch t {
        case .structure(let s): .structure(StructType(s.fields.sorted { $0.name < $1.name }.map { Field($0.name, sorted($0.type)) }))
        case .array(let e): .array(sorted(e))
        case .map(let v): .map(sorted(v))
        default: t
        }
    }

    /// One line per side for a field (Glue's `printSchema` on the left, Spark's on the right),
    /// then its children, struct fields paired by name so nested lines line up too.
    private static func appendRows(_ g: (name: String?, type: DataType)?, _ s: (name: String, type: DataType, suffix: String)?,
                                   depth: Int, to rows: inout [(String, String)]) {
        let indent = String(repeating: "|    ", count: depth) + "|-- "
        let left = g.map { indent + ($0.name.map { "\($0): " } ?? "") + $0.type.typeName } ?? ""
        let right = s.map { " " + indent + "\($0.name): \(SparkSchemaText.treeName($0.type))\($0.suffix)" } ?? ""
        rows.append((left, right))
        switch (g?.type, s?.type) {
        case (.choice(let c)?, _):
            for m in c.members { appendRows((nil, m), nil, depth: depth + 1, to: &rows) }
        case (.structure(let x)?, .structure(let y)?):
            for (a, b) in pairs(glue: x, spark: y) {
                appendRows(a.map { ($0.name, $0.type) }, b.map { ($0.name, $0.type, " (nullable = true)") }, depth: depth + 1, to: &rows)
            }
        case (.array(let x)?, .array(let y)?):
            appendRows(("element", x), ("element", y, " (containsNull = true)"), depth: depth + 1, to: &rows)
        case (.map(let x)?, .map(let y)?):
            appendRows(("key", .string), ("key", .string, ""), depth: depth + 1, to: &rows)
            appendRows(("value", x), ("value", y, " (valueContainsNull = true)"), depth: depth + 1, to: &rows)
        default:
            // One side only (or different kinds): each side's own children, unpaired.
            for child in children(g?.type) { appendRows((child.0, child.1), nil, depth: depth + 1, to: &rows) }
            for child in children(s?.type) { appendRows(nil, (child.0 ?? "", child.1, child.2), depth: depth + 1, to: &rows) }
        }
    }

    private static func children(_ t: DataType?) -> [(String?, DataType, String)] {
        switch t {
        case .structure(let s)?: s.fields.map { ($0.name, $0.type, " (nullable = true)") }
        case .array(let e)?: [("element", e, " (containsNull = true)")]
        case .map(let v)?: [("key", .string, ""), ("value", v, " (valueContainsNull = true)")]
        default: []
        }
    }

    private static func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
