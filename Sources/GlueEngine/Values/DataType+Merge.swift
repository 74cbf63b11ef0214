/// Schema merging, as `mergeDataTypes` in `awsglue/gluetypes.py` (and the Scala engine) does it.
extension DataType {
    /// Merges two types seen for the same field.
    ///
    /// - `null` is absorbed: a field that is null in some records does not become a choice.
    /// - There is no numeric widening: `int` and `long` make `choice(int,long)`.
    /// - Two structs merge field by field: `a`'s fields first (merged where `b` has them too),
    ///   then `b`'s new fields, appended.
    /// - Arrays merge their element types, maps their value types.
    /// - Any other pair of different types makes a choice keyed by type name; same-named
    ///   members merge recursively.
    /// - Two decimals keep the first one's precision and scale (properties are not merged).
    public static func merge(_ a: DataType, _ b: DataType) -> DataType {
        switch (a, b) {
        case (.null, _): return b
        case (_, .null): return a
        case (.choice, _), (_, .choice):
            return .choice(ChoiceType(a.flattenedChoiceMembers + b.flattenedChoiceMembers))
        case (.structure(let s1), .structure(let s2)):
            return .structure(s1.merged(with: s2))
        case (.array(let e1), .array(let e2)):
            return .array(merge(e1, e2))
        case (.map(let v1), .map(let v2)):
            return .map(merge(v1, v2))
        default:
            if a.name == b.name { return a }
            return .choice(ChoiceType([a, b]))
        }
    }
}

extension StructType {
    /// The field-by-field merge of two struct types; see `DataType.merge`.
    public func merged(with other: StructType) -> StructType {
        if self == other { return self }
        var fields = self.fields
        var position: [String: Int] = [:]
        for (i, f) in fields.enumerated() { position[f.name] = i }
        for f in other.fields {
            if let i = position[f.name] {
                fields[i].type = DataType.merge(fields[i].type, f.type)
            } else {
                position[f.name] = fields.count
                fields.append(f)
            }
        }
        return StructType(fields)
    }
}
