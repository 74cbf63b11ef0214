extension DynamicFrame {
    /// Glue's `mergeDynamicFrame(stage_dynamic_frame, primary_keys)`: this (source) frame with
    /// its records replaced by the staging frame's records that have the same primary keys.
    ///
    /// The AWS documentation lists the two cases in which a record A is returned: "If A exists
    /// in both the source frame and the staging frame, then A in the staging frame is
    /// returned", and "If A is in the source table and A.primaryKeys is not in the
    /// stagingDynamicFrame". So:
    /// - a source record whose keys match staging records is replaced by all of them (in
    ///   staging order), at the place of the first source record with those keys; further
    ///   source records with the same keys are dropped (they are the same A);
    /// - a source record without a match is kept, duplicates included ("Duplicate records ...
    ///   are not de-duplicated");
    /// - **a staging record whose keys match no source record is not returned** — it is not
    ///   one of the two documented cases (gluelab's reading; merge is an update, not an upsert);
    /// - a record with a null or missing key part never matches (see `JoinKey`).
    ///
    /// The two frames need not share a schema; the result's is recomputed from its records.
    /// One output batch per source batch; both error streams are carried over. Throws when
    /// `primaryKeys` is empty or a key path does not parse.
    public func mergeDynamicFrame(_ stage: DynamicFrame, primaryKeys: [String]) throws(EngineError) -> DynamicFrame {
        guard !primaryKeys.isEmpty else {
            throw .transform(name: "mergeDynamicFrame", message: "primary_keys is empty: give the key fields that identify a record")
        }
        let keys = try primaryKeys.fieldPaths()
        var staged: [JoinKey: [DynamicRecord]] = [:]
        for r in stage.records {
            if let k = JoinKey(r, keys) { staged[k, default: []].append(r) }
        }
        var replaced: Set<JoinKey> = []
        var out: [RecordBatch] = []
        for batch in batches {
            let assembler = BatchAssembler()
            for i in 0..<batch.count {
                let record = batch.record(at: i)
                guard let k = JoinKey(record, keys), let replacements = staged[k] else {
                    assembler.append(record)
                    continue
                }
                if replaced.insert(k).inserted {
                    for r in replacements { assembler.append(r) }
                }
            }
            if assembler.count > 0 { out.append(assembler.finish()) }
        }
        return DynamicFrame(name: name, batches: out, errors: errors + stage.errors, stageErrorsCount: 0)
    }
}
