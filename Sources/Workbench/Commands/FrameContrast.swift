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
            let left = g.map { lines(StructType([$0]).treeString()) } ?? []
            let right = s.map { lines(SparkSchemaInference.treeString(StructType([$0]))) } ?? []
            for i in 0..<max(left.count, right.count) {
                rows.append((i < left.count ? left[i] : "", i < right.count ? right[i] : ""))
            }
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
            let right = s.map { "\($0.name): \(SparkSchemaInference.compactName($0.type))" } ?? "\(g?.name ?? ""): (absent)"
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

    private static func lines(_ tree: String) -> [String] {
        tree.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().filter { !$0.isEmpty }.map(String.init)
    }

    private static func trimmed(_ s: String) -> String {
        var s = s
        while s.last == " " { s.removeLast() }
        return s
    }
}
