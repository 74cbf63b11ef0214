/// Glue's `printSchema()` text for a DynamicFrame schema.
///
/// Lines start with `|--` and no leading space (as in `aws-glue-samples/resolve_choice.md`);
/// each level indents by `|    `; choice members are listed under the choice as bare type names,
/// sorted alphabetically; arrays show their element as `element: <type>`, maps their values as
/// `value: <type>`; there is no `(nullable = true)` suffix (that is Spark's format).
extension StructType {
    /// The schema as `printSchema()` prints it, ending with a newline.
    public func treeString() -> String {
        var out = "root\n"
        for f in fields { Self.appendField(name: f.name, type: f.type, depth: 0, to: &out) }
        return out
    }

    private static func prefix(_ depth: Int) -> String {
        String(repeating: "|    ", count: depth) + "|-- "
    }

    private static func appendField(name: String?, type: DataType, depth: Int, to out: inout String) {
        out += prefix(depth)
        if let name { out += "\(name): " }
        out += type.typeName
        out += "\n"
        appendChildren(of: type, depth: depth + 1, to: &out)
    }

    private static func appendChildren(of type: DataType, depth: Int, to out: inout String) {
        switch type {
        case .structure(let s):
            for f in s.fields { appendField(name: f.name, type: f.type, depth: depth, to: &out) }
        case .array(let e):
            appendField(name: "element", type: e, depth: depth, to: &out)
        case .map(let v):
            appendField(name: "key", type: .string, depth: depth, to: &out)
            appendField(name: "value", type: v, depth: depth, to: &out)
        case .choice(let c):
            for m in c.members { appendField(name: nil, type: m, depth: depth, to: &out) }
        default:
            break
        }
    }
}
