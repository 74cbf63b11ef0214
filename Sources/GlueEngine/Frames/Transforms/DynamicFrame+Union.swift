extension DynamicFrame {
    /// Glue's `union(other_frame)` / `Union.apply(frame1, frame2)`: every record of this frame,
    /// then every record of `other` — duplicates kept (a SQL `UNION ALL`), schemas merged (a
    /// field typed differently on the two sides becomes a choice). The batches are reused as
    /// they are, and the error streams of both frames are combined; union itself makes no error
    /// records. The result keeps this frame's name.
    public func union(_ other: DynamicFrame) -> DynamicFrame {
        DynamicFrame(name: name, batches: batches + other.batches, errors: errors + other.errors, stageErrorsCount: 0)
    }
}
