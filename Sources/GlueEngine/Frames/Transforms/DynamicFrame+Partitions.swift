extension DynamicFrame {
    /// Glue's `repartition(num_partitions)`: the same records dealt round-robin into exactly
    /// `n` batches (record k goes to batch k mod n), so `getNumPartitions()` returns `n`. Some
    /// batches are empty when there are fewer than `n` records, as with Spark. Throws for
    /// `n < 1`.
    public func repartition(_ n: Int) throws(EngineError) -> DynamicFrame {
        guard n >= 1 else {
            throw .invalidOption(name: "num_partitions", value: String(n), reason: "must be at least 1")
        }
        let assemblers = (0..<n).map { _ in BatchAssembler() }
        var k = 0
        for batch in batches {
            var rows = [[Int]](repeating: [], count: n)
            for i in 0..<batch.count {
                rows[k % n].append(i)
                k += 1
            }
            for (a, r) in zip(assemblers, rows) where !r.isEmpty { a.append(batch, rows: r) }
        }
        return derived(batches: assemblers.map { $0.finish() })
    }

    /// Glue's `coalesce(num_partitions, shuffle=False)`: fewer batches, made by merging
    /// adjacent ones into `n` groups of about the same number of batches, records in order.
    /// As in Spark, coalescing without `shuffle` never adds partitions: asking for more than
    /// there are returns the frame unchanged. With `shuffle: true` it is `repartition(n)`.
    /// Throws for `n < 1`.
    public func coalesce(_ n: Int, shuffle: Bool = false) throws(EngineError) -> DynamicFrame {
        guard n >= 1 else {
            throw .invalidOption(name: "num_partitions", value: String(n), reason: "must be at least 1")
        }
        if shuffle { return try repartition(n) }
        let m = batches.count
        guard n < m else { return derived(batches: batches) }
        var out: [RecordBatch] = []
        for g in 0..<n {
            let group = batches[(g * m / n)..<((g + 1) * m / n)]
            if group.count == 1 {
                out.append(group.first!)
                continue
            }
            let a = BatchAssembler()
            for b in group { a.append(b, rows: 0..<b.count) }
            out.append(a.finish())
        }
        return derived(batches: out)
    }
}
