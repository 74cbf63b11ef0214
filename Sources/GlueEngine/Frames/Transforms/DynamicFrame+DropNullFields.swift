extension DynamicFrame {
    /// Glue's `DropNullFields`: drops every field whose type is `null` in the frame's schema —
    /// null or missing in every record — at any depth in structs and in the structs of arrays.
    /// Individual null values in other fields are untouched, and so is an array whose elements
    /// are all null (`array<null>`), as in Glue's implementation (which calls `drop_fields` on
    /// the paths it finds; maps are not searched).
    public func dropNullFields(transformationCtx: String = "", stageThreshold: Int = 0,
                               totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        let result = derived(batches: Self.dropping(Self.nullFieldPaths(in: schema()), from: batches))
        try result.checkThresholds(transformation: "DropNullFields", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }

    /// The paths of `null`-typed fields, crossing arrays of structs implicitly (as Glue does).
    static func nullFieldPaths(in schema: StructType) -> [FieldPath] {
        var out: [FieldPath] = []
        func visit(_ type: DataType, _ steps: [FieldPath.Step]) {
            switch type {
            case .structure(let s):
                for f in s.fields { visit(f.type, steps + [.field(f.name)]) }
            case .array(.structure(let s)):
                visit(.structure(s), steps)
            case .null:
                if !steps.isEmpty { out.append(FieldPath(steps: steps)) }
            default:
                break
            }
        }
        visit(.structure(schema), [])
        return out
    }
}
