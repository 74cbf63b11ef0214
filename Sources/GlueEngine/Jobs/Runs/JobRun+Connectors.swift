import Foundation

extension JobRun {
    /// `create_dynamic_frame.from_options(connection_type="postgresql"|"mysql"|..., ...)` under the
    /// run's bookmark: ``JDBCSource`` reads the sandbox database the URL names; the new key
    /// state is kept for `job.commit()` when the plan saves.
    public func readJDBC(ctx: String?, connectionType: String, connectionOptions: [String: Value]) throws -> DynamicFrame {
        try trackedRead(ctx: ctx, kind: connectionType) { plan in
            let result = try JDBCSource.read(sandbox: sandbox, connectionType: connectionType, options: connectionOptions,
                                             plan: plan, name: ctx ?? "")
            let s = result.stats
            let stats = SourceStats(
                transformationContext: ctx, connectionType: connectionType, paths: ["\(s.database).\(s.table)"],
                format: "jdbc", recordsRead: s.recordsRead, errors: s.errors)
            return TrackedReadResult(frame: result.frame, newState: plan.saves ? result.bookmark : nil, stats: stats)
        }
    }

    /// `write_dynamic_frame.from_options(connection_type="postgresql"|..., ...)`: appends the
    /// frame's rows to the table in one transaction (``JDBCSink``) and records the sink.
    @discardableResult
    public func writeJDBC(frame: DynamicFrame, ctx: String?, connectionType: String,
                          connectionOptions: [String: Value]) throws -> SinkStats {
        let written = try JDBCSink.append(frame: frame, sandbox: sandbox, connectionType: connectionType, options: connectionOptions)
        let stats = SinkStats(
            transformationContext: ctx.flatMap { $0.isEmpty ? nil : $0 }, connectionType: connectionType,
            path: "\(written.database).\(written.table)", format: "jdbc", objectsWritten: 0,
            recordsWritten: written.recordsWritten, bytesWritten: 0, objects: [])
        lock.withLock { record.sinks.append(stats) }
        try persist()
        return stats
    }

    /// `glueContext.forEachBatch(frame, batch_function, options)` over a Kafka-style topic
    /// (``StreamingQuery``): micro-batches of what the topic holds, progress kept in the
    /// checkpoint at `options["checkpointLocation"]`, not in the job bookmark (streaming
    /// sources are never bookmarked). The source is recorded with `bookmarkPlan`
    /// `"checkpoint"`, its records and the batches run.
    @discardableResult
    public func forEachBatch(connectionOptions: [String: Value], options: [String: Value], ctx: String? = nil,
                             batch: (DynamicFrame, Int) throws -> Void) throws -> StreamingStats {
        let source = try TopicSourceOptions(options: connectionOptions)
        var streamed = StreamingStats()
        var failure: (any Error)?
        do {
            streamed = try StreamingQuery.forEachBatch(sandbox: sandbox, source: source, options: options) { frame, id in
                try batch(frame, id)
                let (observer, count) = lock.withLock { () -> ((@Sendable (Int) -> Void)?, Int) in
                    batchesRun += 1
                    return (batchObserver, batchesRun)
                }
                observer?(count)
            }
        } catch {
            failure = error
        }
        let topics: [String]
        switch source.subscription {
        case .topic(let name): topics = [name]
        case .pattern(let p): topics = ["pattern:\(p)"]
        case .assign(let parts): topics = parts.keys.sorted()
        }
        let stats = SourceStats(
            transformationContext: ctx, connectionType: "kafka", paths: topics, format: source.classification,
            bookmarkPlan: "checkpoint", objectsRead: streamed.batchesRun, recordsRead: streamed.records,
            errors: streamed.batches.reduce(0) { $0 + $1.errors })
        lock.withLock {
            record.sources.append(stats)
            record.errorsCount += stats.errors
        }
        try persist()
        if let failure { throw failure }
        return streamed
    }
}
