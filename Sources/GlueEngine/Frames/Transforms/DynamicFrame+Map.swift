extension DynamicFrame {
    /// The message of the error record Glue's `map` wrapper makes when `f` returns `None` (or
    /// any falsy value, such as an empty dict).
    public static let mapReturnedNoneMessage = "User-specified function returned None instead of DynamicRecord"

    /// Glue's `map(f)` / `Map.apply(frame, f)`: replaces each record by `f(record)`.
    ///
    /// Errors follow Glue's Python wrapper (`awsglue/dynamicframe.py`, `map`):
    /// - any error raised by `f` makes an error record (`transformation: "Map"`, the message
    ///   `str(e)`, the original record attached) — unlike `filter`, no exception class is
    ///   swallowed;
    /// - a nil result, or an empty record (Python tests `if result_record:`, and an empty dict
    ///   is falsy), makes an error record with `mapReturnedNoneMessage`.
    ///
    /// `transformationCtx` is accepted for parity with Glue scripts; these transforms keep no
    /// bookmark state.
    ///
    /// Thresholds are then checked as in `filter`. The output schema is recomputed from the new
    /// records, so `f` may add, drop or retype fields. Each input batch gives one output batch
    /// (empty ones are dropped).
    public func map(transformationCtx: String = "", stageThreshold: Int = 0, totalThreshold: Int = 0,
                    _ f: (DynamicRecord) throws -> DynamicRecord?) throws(EngineError) -> DynamicFrame {
        var out: [RecordBatch] = []
        var newErrors: [ErrorRecord] = []
        for batch in batches {
            let assembler = BatchAssembler()
            for i in 0..<batch.count {
                let record = batch.record(at: i)
                do {
                    if let result = try f(record), !result.isEmpty {
                        assembler.append(result)
                    } else {
                        newErrors.append(ErrorRecord(message: Self.mapReturnedNoneMessage, transformation: "Map",
                                                     source: batch.source, record: record))
                    }
                } catch {
                    newErrors.append(ErrorRecord(message: error.recordFunctionMessage, transformation: "Map",
                                                 source: batch.source, record: record))
                }
            }
            if assembler.count > 0 {
                var b = assembler.finish()
                b.source = batch.source
                out.append(b)
            }
        }
        let result = derived(batches: out, newErrors: newErrors)
        try result.checkThresholds(transformation: "Map", stageThreshold: stageThreshold, totalThreshold: totalThreshold)
        return result
    }
}
