extension DynamicFrame {
    /// Glue's `split_fields`: two frames, `name1` with the fields at `paths` (as `selectFields`
    /// keeps them) and `name2` with all the others (as `dropFields` leaves them). Both carry this
    /// frame's error records.
    ///
    /// The `SplitFields` transform class defaults the names to the frame's name (or `frame`)
    /// plus `1` and `2`; callers of this method pass them.
    /// - Throws: `EngineError.invalidPath` for a malformed path; threshold errors.
    public func splitFields(_ paths: [String], name1: String, name2: String, transformationCtx: String = "",
                            stageThreshold: Int = 0, totalThreshold: Int = 0) throws(EngineError) -> DynamicFrameCollection {
        var selected = try selectFields(paths)
        var rest = try dropFields(paths)
        selected.name = name1
        rest.name = name2
        for frame in [selected, rest] {
            try frame.checkThresholds(transformation: "SplitFields", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        }
        return DynamicFrameCollection([(name1, selected), (name2, rest)])
    }
}
