import Foundation

extension JobRun {
    /// `spark.read....load(paths)` / `.csv` / `.json` / `.parquet` in a job script: reads with
    /// ``SparkReader`` from the sandbox's store and records the source in the run (connection
    /// type `s3`, the objects read, records and bytes). Spark's reader has no
    /// `transformation_ctx`, so bookmarks never track it: every run reads everything.
    public func readSpark(paths: [String], format: String, options: [String: String], schema: StructType?) throws -> DataFrame {
        let frame = try SparkReader.read(store: sandbox.store, paths: paths, format: format, options: options, schema: schema)
        let uris = try paths.map { (p: String) throws(EngineError) in try S3URI(parsing: p) }
        let objects = try S3Source(store: sandbox.store).objects(paths: uris, recurse: true, exclusions: [])
            .filter { info in !info.key.split(separator: "/").contains { $0.hasPrefix("_") || $0.hasPrefix(".") } }
        let stats = SourceStats(
            transformationContext: nil, connectionType: "s3", paths: paths, format: format.lowercased(), bookmarkPlan: "untracked",
            objectsRead: objects.count, recordsRead: frame.count(), bytesRead: objects.reduce(0) { $0 + $1.size },
            objects: objects.map(\.uri.description))
        lock.withLock { record.sources.append(stats) }
        try persist()
        return frame
    }

    /// `df.write.mode(mode).partitionBy(...).format(format).save(path)` in a job script.
    ///
    /// Save modes, as Spark's: `errorifexists` (`error`, `default`) refuses a path with
    /// objects under it (`AnalysisException [PATH_ALREADY_EXISTS]`); `ignore` then writes
    /// nothing (and records nothing); `append` adds new part files; `overwrite` deletes every
    /// object under the path, then writes. Like Spark's on S3, an overwrite is not atomic: the
    /// old objects are gone once deleted, so a kill between the delete and the publish leaves
    /// the path empty. The new part files themselves are staged by ``SparkWriter`` and
    /// published at once, in the transaction that records the sink in the run's row.
    @discardableResult
    public func writeSpark(_ frame: DataFrame, path: String, format: String, mode: String, partitionBy: [String],
                           options: [String: String]) throws -> SinkStats? {
        let uri = try S3URI(parsing: path)
        let existing = try sandbox.store.listPath(uri)
        let saveMode = mode.lowercased()
        switch saveMode {
        case "errorifexists", "error", "default":
            if !existing.isEmpty {
                throw EngineError.conflict(exception: "AnalysisException",
                                           message: "[PATH_ALREADY_EXISTS] Path \(uri) already exists. Set mode as \"overwrite\" to overwrite the existing path.")
            }
        case "ignore":
            if !existing.isEmpty { return nil }
        case "append", "overwrite":
            break
        default:
            throw EngineError.invalidOption(name: "mode", value: mode,
                                            reason: "Spark's save modes are overwrite, append, ignore, error, errorifexists and default")
        }
        let (staged, written) = try SparkWriter.stage(frame, path: uri, format: format, partitionBy: partitionBy, options: options,
                                                      store: sandbox.store)
        do {
            if saveMode == "overwrite", !existing.isEmpty {
                try sandbox.store.deletePrefix(uri)
            } else if saveMode == "append" {
                // Spark's committer rewrites the folder's `_SUCCESS` marker.
                let targets = Set(staged.map(\.uri))
                for old in existing where targets.contains(old.uri) { try sandbox.store.delete(old.uri) }
            }
        } catch {
            sandbox.store.discard(staged)
            throw error
        }
        let stats = SinkStats(
            transformationContext: nil, path: uri.description, format: format.lowercased(), objectsWritten: written.objectsWritten,
            recordsWritten: written.recordsWritten, bytesWritten: written.bytesWritten, objects: written.uris)
        if staged.isEmpty {
            lock.withLock { record.sinks.append(stats) }
            try persist()
            return stats
        }
        _ = try sandbox.store.publish(staged, lastModified: nil) { db in
            var updated = lock.withLock { record }
            updated.sinks.append(stats)
            try RunStore.update(db, updated)
        }
        lock.withLock { record.sinks.append(stats) }
        return stats
    }
}
