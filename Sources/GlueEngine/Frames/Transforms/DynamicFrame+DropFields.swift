extension DynamicFrame {
    /// Glue's `drop_fields`: the frame without the fields at `paths`.
    ///
    /// Paths are full paths: `provider.id` drops `id` from the `provider` struct (which stays,
    /// with its other fields); fields inside arrays are reached with `links[].note` or, as
    /// Glue's own `DropNullFields` writes them, `links.note`. Array elements themselves cannot be
    /// dropped. Paths that name no field are ignored. Works on the columns, without records.
    /// - Throws: `EngineError.invalidPath` for a malformed path; threshold errors.
    public func dropFields(_ paths: [String], transformationCtx: String = "", stageThreshold: Int = 0,
                           totalThreshold: Int = 0) throws(EngineError) -> DynamicFrame {
        let result = derived(batches: Self.dropping(try Self.parsePaths(paths), from: batches))
        try result.checkThresholds(transformation: "DropFields", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }

    /// `batches` without the fields at `paths`.
    static func dropping(_ paths: [FieldPath], from batches: [RecordBatch]) -> [RecordBatch] {
        batches.map { batch in
            paths.reduce(batch) { b, path in
                let steps = ColumnPaths.implicit(path)
                let leaf = path.leafName
                return ColumnPaths.edit(b, at: Array(steps.dropLast())) { names, columns, _ in
                    while let i = names.firstIndex(of: leaf) {
                        names.remove(at: i)
                        columns.remove(at: i)
                    }
                }
            }
        }
    }
}
