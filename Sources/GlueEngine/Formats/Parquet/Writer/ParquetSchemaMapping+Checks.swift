/// What keeps a schema from being written as Parquet, told the way a learner can act on it.
extension ParquetSchemaMapping {
    /// Throws `EngineError.unsupported(what: "Parquet", ...)` when the schema holds choices
    /// (every choice is named with its member types, with a `resolveChoice` example to fix them),
    /// structs without fields, or no field at all (a Parquet file needs a column: DuckDB and
    /// Spark refuse one without; a sink should write no file for a frame without columns, as
    /// Glue writes none for an empty frame).
    static func checkWritable(_ schema: StructType) throws(EngineError) {
        guard !schema.fields.isEmpty else {
            throw .unsupported(what: "Parquet", reason: "the frame has no columns (no field in any record); "
                               + "a Parquet file needs at least one column")
        }
        var choices: [(path: String, members: [DataType], reachable: Bool)] = []
        var empties: [String] = []
        func visit(_ type: DataType, _ path: String, reachable: Bool, endsInElements: Bool) {
            switch type {
            case .choice(let c):
                choices.append((path, c.members, reachable && !endsInElements))
            case .structure(let s):
                if s.fields.isEmpty { empties.append(path) }
                for f in s.fields { visit(f.type, join(path, f.name), reachable: reachable, endsInElements: false) }
            case .array(let e):
                visit(e, path + "[]", reachable: reachable, endsInElements: true)
            case .map(let v):
                visit(v, path + " (map values)", reachable: false, endsInElements: false)
            default:
                break
            }
        }
        for f in schema.fields { visit(f.type, quote(f.name), reachable: true, endsInElements: false) }
        if !choices.isEmpty { throw choiceError(choices) }
        if !empties.isEmpty {
            let list = empties.map { "\"\($0)\"" }.joined(separator: ", ")
            throw .unsupported(
                what: "Parquet",
                reason: "\(empties.count == 1 ? "column" : "columns") \(englishList(empties)) "
                    + "\(empties.count == 1 ? "is a struct" : "are structs") without fields: Parquet has no empty group; "
                    + "drop \(empties.count == 1 ? "it" : "them") first, e.g. drop_fields(paths=[\(list)])")
        }
    }

    private static func choiceError(_ choices: [(path: String, members: [DataType], reachable: Bool)]) -> EngineError {
        let described: String
        if choices.count == 1 {
            described = "column \(choices[0].path) is a choice of \(englishList(choices[0].members.map(\.typeName)))"
        } else {
            let each = choices.map { "\($0.path) (a choice of \(englishList($0.members.map(\.typeName))))" }
            described = "columns \(englishList(each)) are choices"
        }
        let example: String
        if choices.allSatisfy(\.reachable) {
            let specs = choices.map { "(\"\($0.path)\", \"\(suggestedAction($0.members))\")" }.joined(separator: ", ")
            example = "resolveChoice(specs=[\(specs)])"
        } else {
            example = "resolveChoice(choice=\"\(suggestedAction(choices[0].members))\")"
        }
        let them = choices.count == 1 ? "it" : "them"
        return .unsupported(what: "Parquet",
                            reason: "\(described): Parquet has no union type; resolve \(them) first, e.g. \(example)")
    }

    /// The action a learner most likely wants: a cast to the widest number, else to string,
    /// else `make_struct`.
    private static func suggestedAction(_ members: [DataType]) -> String {
        let numeric: [String] = ["double", "float", "decimal", "long", "int", "short", "byte"]
        for name in numeric {
            if let m = members.first(where: { $0.name == name }) { return "cast:\(m.typeName)" }
        }
        if members.contains(.string) { return "cast:string" }
        return "make_struct"
    }

    /// A path step as Glue paths write it: backticks around a name holding dots.
    private static func quote(_ name: String) -> String {
        name.contains(".") || name.contains("`") ? "`" + name.replacingOccurrences(of: "`", with: "``") + "`" : name
    }

    private static func join(_ path: String, _ name: String) -> String {
        path + "." + quote(name)
    }

    /// "a", "a and b", "a, b and c".
    private static func englishList(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items[items.count - 1]
    }
}
