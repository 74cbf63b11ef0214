extension DynamicFrame {
    /// Glue's `filter(f)` / `Filter.apply(frame, f)`: keeps the records for which `predicate`
    /// returns true.
    ///
    /// Errors follow Glue's Python wrapper (`awsglue/dynamicframe.py`, `filter`) exactly:
    /// - a predicate that raises `KeyError`, `ValueError` or `TypeError` (or a subclass, see
    ///   `RecordFunctionError.dropsRecordInFilter`) drops the record silently — a lambda such as
    ///   `lambda r: r["age"] > 10` therefore just loses the records without an `age`;
    /// - any other error turns the record into an error record (`transformation: "Filter"`,
    ///   the message `str(e)`, the original record attached), counted by `errorsCount()` and
    ///   `stageErrorsCount()`.
    ///
    /// Then `stageThreshold` (errors made here) and `totalThreshold` (errors of this and every
    /// earlier stage) are checked; 0 means no limit. Glue checks them when the frame is
    /// computed; gluelab computes eagerly, so the check happens here.
    ///
    /// `transformationCtx` is accepted for parity with Glue scripts; these transforms keep no
    /// bookmark state.
    ///
    /// Each input batch gives one output batch of its surviving rows (empty ones are dropped);
    /// column types are recomputed from what survives.
    public func filter(transformationCtx: String = "", stageThreshold: Int = 0, totalThreshold: Int = 0,
                       _ predicate: (DynamicRecord) throws -> Bool) throws(EngineError) -> DynamicFrame {
        var out: [RecordBatch] = []
        var newErrors: [ErrorRecord] = []
        for batch in batches {
            var keep: [Int] = []
            keep.reserveCapacity(batch.count)
            for i in 0..<batch.count {
                let record = batch.record(at: i)
                do {
                    if try predicate(record) { keep.append(i) }
                } catch let e as RecordFunctionError where e.dropsRecordInFilter {
                    continue
                } catch {
                    newErrors.append(ErrorRecord(message: error.recordFunctionMessage, transformation: "Filter",
                                                 source: batch.source, record: record))
                }
            }
            if !keep.isEmpty { out.append(batch.gather(keep)) }
        }
        let result = derived(batches: out, newErrors: newErrors)
        try result.checkThresholds(transformation: "Filter", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }
}
