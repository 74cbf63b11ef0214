/// The values of a record at a list of key paths, normalised so that equal keys hash equally:
/// used by `join` and `mergeDynamicFrame`.
///
/// Numbers compare by value across numeric types (`int 1`, `long 1` and `double 1.0` are the
/// same key; Glue does not document this, gluelab chooses it so a join does not silently miss
/// because one side was inferred `int` and the other `long`). Strings never equal numbers. A
/// null or missing key part makes the whole key nil: such records never match anything.
struct JoinKey: Hashable {
    let parts: [Value]

    /// The key of `record` at `paths`, or nil when a part is null or missing.
    init?(_ record: DynamicRecord, _ paths: [FieldPath]) {
        var parts: [Value] = []
        parts.reserveCapacity(paths.count)
        for p in paths {
            let v = p.value(in: record)
            if v.isNull { return nil }
            parts.append(Self.normalized(v))
        }
        self.parts = parts
    }

    static func normalized(_ v: Value) -> Value {
        if let i = v.integerValue { return .long(i) }
        switch v {
        case .float, .double, .decimal:
            guard let d = v.doubleValue else { return v }
            if d.rounded() == d, abs(d) < 9.2e18 { return .long(Int64(d)) }
            return .double(d)
        case .array(let items):
            return .array(items.map(normalized))
        default:
            return v
        }
    }
}

extension Array where Element == String {
    /// The strings parsed as field paths (dots, backticks, `[]`).
    func fieldPaths() throws(EngineError) -> [FieldPath] {
        var out: [FieldPath] = []
        for s in self { out.append(try FieldPath(parsing: s)) }
        return out
    }
}
