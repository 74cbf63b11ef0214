extension DynamicFrame {
    /// Glue's `select_fields`: a frame with only the fields at `paths`.
    ///
    /// Glue documents this for top-level fields ("a path to a top-level node"; use
    /// `apply_mapping` for nested ones). gluelab also takes a nested path: `provider.id` keeps
    /// `provider` with only its `id` field, `links[].url` keeps `links` with elements reduced to
    /// `url` — the enclosing structs stay, nothing is moved (unlike `apply_mapping`, which
    /// un-nests). Fields keep the frame's order, not the order of `paths`; paths that name no
    /// field are ignored.
    /// - Throws: `EngineError.invalidPath` for a malformed path; threshold errors.
    public func selectFields(_ paths: [String], transformationCtx: String = "", stageThreshold: Int = 0,
                             totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        let selection = FieldSelection(try Self.parsePaths(paths))
        let target = selection.prune(schema())
        let out = batches.map { batch in
            let (names, columns) = selection.prune(names: batch.names, columns: batch.columns)
            return batch.with(names: names, columns: columns).conformed(to: target)
        }
        let result = derived(batches: out)
        try result.checkThresholds(transformation: "SelectFields", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }

    /// Parses field paths (`a.b`, `` `a.b` ``, `a[].b`).
    static func parsePaths(_ paths: [String]) throws(EngineError) -> [FieldPath] {
        var out: [FieldPath] = []
        for p in paths { out.append(try FieldPath(parsing: p)) }
        return out
    }
}
