import Foundation

/// What one read from the object store did: the numbers a run reports.
public struct ReadStats: Sendable, Hashable, Codable {
    public var objectsRead = 0
    public var bytesRead: Int64 = 0
    public var recordsRead = 0
    public var errors = 0
    /// Parquet row groups that predicate pushdown did not need to read.
    public var rowGroupsSkipped = 0

    public init() {}
}

/// Reads frames from `s3://` paths in a sandbox, as `create_dynamic_frame.from_options` with
/// `connection_type="s3"` does.
///
/// A path naming an object reads that object; any other path is a folder: the objects under
/// `path/` are read (only those directly in it unless `recurse`). As Spark does, objects whose
/// name starts with `_` or `.` (`_SUCCESS`, `.crc` files) are skipped when listing a folder.
public struct S3Source {
    public let store: ObjectStore

    public init(store: ObjectStore) {
        self.store = store
    }

    /// The objects a read of `paths` would open, in path order then key order. A path that
    /// matches nothing is an error (Glue fails such a read too).
    public func objects(paths: [S3URI], recurse: Bool, exclusions: [String]) throws(EngineError) -> [ObjectInfo] {
        let globs = try exclusions.map { (g: String) throws(EngineError) in try GlobMatcher(g) }
        var seen = Set<S3URI>()
        var out: [ObjectInfo] = []
        for path in paths {
            let all = try store.listPath(path, recurse: recurse)
            if all.isEmpty { throw .notFound(what: "no objects at \(path)") }
            let kept = ObjectStore.excluding(all, globs).filter { info in
                info.key == path.key || !Self.isHidden(info.key)
            }
            for info in kept where seen.insert(info.uri).inserted { out.append(info) }
        }
        return out
    }

    /// Spark skips files whose name starts with `_` or `.` (`_SUCCESS`, `.crc`).
    static func isHidden(_ key: String) -> Bool {
        let name = key.split(separator: "/").last ?? ""
        return name.hasPrefix("_") || name.hasPrefix(".")
    }

    /// Reads `paths` as `format` into one frame; bad records become error records (or throw
    /// with `isFailFast`).
    public func read(paths: [S3URI], format: DataFormat, formatOptions: [String: Value] = [:],
                     recurse: Bool = false, exclusions: [String] = [], name: String = "") throws(EngineError) -> (DynamicFrame, ReadStats) {
        try read(objects: try objects(paths: paths, recurse: recurse, exclusions: exclusions),
                 format: format, formatOptions: formatOptions, name: name)
    }

    /// Reads the given objects (already listed and filtered, e.g. by a bookmark) into one frame;
    /// `columns` projects top-level fields (see `FormatReader.read`).
    public func read(objects: [ObjectInfo], format: DataFormat, formatOptions: [String: Value] = [:],
                     name: String = "", columns: [String]? = nil, filter: RowFilter? = nil) throws(EngineError) -> (DynamicFrame, ReadStats) {
        var stats = ReadStats()
        var batches: [RecordBatch] = []
        var errors: [ErrorRecord] = []
        for info in objects {
            let data = try store.get(info.uri)
            let result = try FormatReader.read(data, format: format, options: formatOptions, source: info.uri.description,
                                               columns: columns, filter: filter)
            stats.objectsRead += 1
            stats.bytesRead += result.bytesRead ?? Int64(data.count)
            stats.rowGroupsSkipped += result.rowGroupsSkipped
            for var b in result.batches {
                b.source = info.uri.description
                stats.recordsRead += b.count
                batches.append(b)
            }
            errors += result.errors
        }
        stats.errors = errors.count
        return (DynamicFrame(name: name, batches: batches, errors: errors), stats)
    }
}
