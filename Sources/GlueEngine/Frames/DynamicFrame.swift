/// Glue's DynamicFrame: self-describing records, stored as column batches, with the error
/// records produced on the way to it.
///
/// The schema is computed from the data on demand, and a field whose values have more than
/// one type is a `choice` until `resolveChoice` settles it.
public struct DynamicFrame: Sendable {
    /// The frame's name (a join names its result `name1 + name2`, as Glue does).
    public var name: String
    /// The records, in order.
    public var batches: [RecordBatch]
    /// Every error record made by this frame's stage and all stages before it.
    public var errors: [ErrorRecord]
    /// How many of `errors` the stage that produced this frame added.
    public var stageErrorsCount: Int

    public init(name: String = "", batches: [RecordBatch], errors: [ErrorRecord] = [], stageErrorsCount: Int? = nil) {
        self.name = name
        self.batches = batches
        self.errors = errors
        self.stageErrorsCount = stageErrorsCount ?? errors.count
    }

    /// A frame holding `records` in one batch.
    public init(name: String = "", records: [DynamicRecord]) {
        self.init(name: name, batches: records.isEmpty ? [] : [RecordBatch(records: records)])
    }

    /// The schema: the merge of every batch's schema (choice types where they disagree).
    public func schema() -> StructType {
        batches.reduce(StructType()) { $0.merged(with: $1.schema) }
    }

    /// The number of records.
    public func count() -> Int {
        batches.reduce(0) { $0 + $1.count }
    }

    /// All records, in order.
    public var records: [DynamicRecord] { batches.flatMap(\.records) }

    /// The first `n` records.
    public func take(_ n: Int) -> [DynamicRecord] {
        var out: [DynamicRecord] = []
        for b in batches {
            for i in 0..<b.count {
                if out.count >= n { return out }
                out.append(b.record(at: i))
            }
        }
        return out
    }

    /// The total number of error records, including those of earlier stages.
    public func errorsCount() -> Int { errors.count }

    /// The error records as a frame (see `ErrorRecord.asRecord` for its layout).
    public func errorsAsDynamicFrame() -> DynamicFrame {
        DynamicFrame(name: name + "_errors", records: errors.map(\.asRecord))
    }

    /// The number of partitions this frame would have on Spark: one per batch.
    public func getNumPartitions() -> Int { max(1, batches.count) }

    /// A new stage: this frame's batches transformed one by one, with `newErrors` from the
    /// transform added to the error stream.
    public func derived(name: String? = nil, batches: [RecordBatch], newErrors: [ErrorRecord] = []) -> DynamicFrame {
        DynamicFrame(name: name ?? self.name, batches: batches, errors: errors + newErrors, stageErrorsCount: newErrors.count)
    }

    /// Throws when this stage or the stages so far made more error records than allowed.
    /// A threshold of 0 means no limit, as in Glue.
    public func checkThresholds(transformation: String, stageThreshold: Int, totalThreshold: Int) throws(EngineError) {
        if stageThreshold > 0, stageErrorsCount > stageThreshold {
            throw .errorThreshold(transformation: transformation, errors: stageErrorsCount, threshold: stageThreshold, scope: "stage")
        }
        if totalThreshold > 0, errors.count > totalThreshold {
            throw .errorThreshold(transformation: transformation, errors: errors.count, threshold: totalThreshold, scope: "total")
        }
    }
}
