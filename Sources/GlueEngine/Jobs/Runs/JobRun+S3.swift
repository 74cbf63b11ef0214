import Foundation

extension JobRun {
    /// `create_dynamic_frame.from_options(connection_type="s3", ...)` under the run's bookmark.
    ///
    /// Lists `paths` (``S3ReadOptions``), then picks the objects by the plan: everything when
    /// untracked or disabled; what is new since the ctx's saved state (``S3Bookmark/select(objects:state:pathSignature:runStart:maxBand:maxFilesInBand:)``,
    /// `runStart` = ``startedOn``) when enabled or paused; what the runs between `from` and `to`
    /// read for a paused range (``S3Bookmark/selectRange(objects:from:to:pathSignature:maxBand:)``).
    /// `boundedFiles` / `boundedSize` then keep the oldest objects and leave the rest: the saved
    /// state is the one that reading only those objects gives, with the high-water mark just
    /// before the first object left, so the next run starts there. The path signature is the
    /// `paths` list: changing it starts the ctx fresh, as in Glue.
    public func readS3(ctx: String?, connectionOptions: [String: Value], format: String,
                       formatOptions: [String: Value]) throws -> DynamicFrame {
        let options = try S3ReadOptions(connectionOptions: connectionOptions)
        let dataFormat = try DataFormat(glueName: format)
        var formatOptions = formatOptions
        // `isFailFast` is documented as an S3 connection option (fact sheet §3.2, §2.4); the
        // reader that honours it (JSON) takes it from either place.
        if dataFormat == .json, formatOptions["isFailFast"] == nil, let failFast = connectionOptions["isFailFast"] {
            formatOptions["isFailFast"] = failFast
        }
        let source = S3Source(store: sandbox.store)
        let runStart = startedOn
        return try trackedRead(ctx: ctx, kind: "s3") { plan in
            let listed = try source.objects(paths: options.paths, recurse: options.recurse, exclusions: options.exclusions)
            let signature = S3Bookmark.pathSignature(paths: options.pathStrings)
            let (chosen, left, newState) = try Self.selectS3(plan: plan, listed: listed, options: options, signature: signature,
                                                             runStart: runStart)
            let (frame, read) = try source.read(objects: chosen, format: dataFormat, formatOptions: formatOptions, name: ctx ?? "")
            let stats = SourceStats(
                transformationContext: ctx, connectionType: "s3", paths: options.pathStrings, format: dataFormat.rawValue,
                objectsRead: read.objectsRead, recordsRead: read.recordsRead, bytesRead: read.bytesRead, errors: read.errors,
                objects: chosen.map(\.uri.description), objectsLeft: left.count,
                groupFiles: options.grouping(fileCount: chosen.count), groupSize: options.groupSize)
            return TrackedReadResult(frame: frame, newState: newState, stats: stats)
        }
    }

    /// `write_dynamic_frame.from_options(connection_type="s3", ...)`: `path` (required),
    /// `partitionKeys`, `compression` (Parquet codecs; CSV and JSON are written uncompressed).
    ///
    /// The part files are staged, then published in one transaction that also records the sink
    /// in the run's row (``ObjectStore/publish(_:lastModified:)``): a kill before the commit
    /// leaves nothing of this write visible, one after leaves all of it. Sinks are not tracked
    /// by bookmarks: a write stays even if the run fails later.
    @discardableResult
    public func writeS3(frame: DynamicFrame, ctx: String?, connectionOptions: [String: Value], format: String,
                        formatOptions: [String: Value]) throws -> SinkStats {
        guard case .string(let p)? = connectionOptions["path"] else {
            throw EngineError.invalidOption(name: "path", value: connectionOptions["path"]?.plainText ?? "",
                                            reason: "an S3 write needs \"path\": one s3:// folder")
        }
        let path = try S3URI(parsing: p)
        var keys: [String] = []
        switch connectionOptions["partitionKeys"] {
        case nil, .null?: break
        case .array(let items)?:
            keys = try items.map { (v: Value) throws(EngineError) in
                guard case .string(let s) = v else {
                    throw .invalidOption(name: "partitionKeys", value: v.plainText, reason: "each key is a column name")
                }
                return s
            }
        case let v?: throw EngineError.invalidOption(name: "partitionKeys", value: v.plainText, reason: "expected a list of column names")
        }
        let dataFormat = try DataFormat(glueName: format)
        var options = formatOptions
        if case .string(let codec)? = connectionOptions["compression"], !["", "none", "uncompressed"].contains(codec.lowercased()) {
            guard dataFormat == .parquet else {
                throw EngineError.unsupported(what: "compression \(codec) for \(dataFormat.rawValue)",
                                              reason: "gluelab writes CSV and JSON uncompressed; leave compression out, or write parquet")
            }
            if options["compression"] == nil { options["compression"] = .string(codec) }
        }
        let (staged, written) = try S3Sink(store: sandbox.store).stage(
            frame, path: path, format: dataFormat, formatOptions: options, partitionKeys: keys)
        CrashPoint.sinkStaged.reached()
        let stats = SinkStats(
            transformationContext: ctx.flatMap { $0.isEmpty ? nil : $0 }, path: path.description, format: dataFormat.rawValue,
            objectsWritten: written.objectsWritten, recordsWritten: written.recordsWritten, bytesWritten: written.bytesWritten,
            objects: written.uris)
        if staged.isEmpty {
            lock.withLock { record.sinks.append(stats) }
            try persist()
            return stats
        }
        _ = try sandbox.store.publish(staged, lastModified: nil) { db in
            var updated = lock.withLock { record }
            updated.sinks.append(stats)
            try RunStore.update(db, updated)
            CrashPoint.sinkRenamed.reached()
        }
        lock.withLock { record.sinks.append(stats) }
        CrashPoint.sinkPublished.reached()
        return stats
    }

    /// What an S3 read under `plan` reads of the `listed` objects: every object (untracked,
    /// disabled), the new ones (enabled, paused), or a paused range's; cut to
    /// `boundedFiles`/`boundedSize`. Returns the objects to read, the ones left for later runs,
    /// and the ctx's state after reading them (nil when the plan does not save).
    static func selectS3(plan: BookmarkReadPlan, listed: [ObjectInfo], options: S3ReadOptions, signature: String,
                         runStart: Int64) throws -> (chosen: [ObjectInfo], left: [ObjectInfo], newState: BookmarkEntryState?) {
        var chosen: [ObjectInfo]
        var left: [ObjectInfo] = []
        var newState: BookmarkEntryState?
        switch plan {
        case .untracked, .full:
            if options.boundedFiles != nil || options.boundedSize != nil {
                (chosen, left) = options.bounded(Self.oldestFirst(listed))
            } else {
                chosen = listed
            }
        case .incremental(let state, let saves):
            let selection = try S3Bookmark.select(
                objects: listed, state: state?.s3, pathSignature: signature, runStart: runStart,
                maxBand: options.maxBand, maxFilesInBand: options.maxFilesInBand)
            let cut = options.bounded(selection.toRead)
            chosen = cut.read
            left = cut.left + selection.deferred
            if saves {
                if let firstLeft = cut.left.first {
                    let partial = try S3Bookmark.select(
                        objects: cut.read, state: state?.s3, pathSignature: signature, runStart: firstLeft.lastModified - 1,
                        maxBand: options.maxBand, maxFilesInBand: Int.max)
                    newState = .s3(partial.newState)
                } else {
                    newState = .s3(selection.newState)
                }
            }
        case .range(let from, let to):
            let ranged = S3Bookmark.selectRange(objects: listed, from: from?.s3, to: to?.s3, pathSignature: signature, maxBand: options.maxBand)
            (chosen, left) = options.bounded(ranged)
        }
        return (chosen, left, newState)
    }

    static func oldestFirst(_ objects: [ObjectInfo]) -> [ObjectInfo] {
        objects.sorted { ($0.lastModified, $0.key) < ($1.lastModified, $1.key) }
    }
}
