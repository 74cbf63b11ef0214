import Foundation

/// `df.write.mode(...).partitionBy(...).option(...).parquet|csv|json(path)`: the staging half.
///
/// Part files are named as Spark names them (`part-00000-<uuid>-c000.snappy.parquet`,
/// `...-c000.csv`, `...-c000.json`); with `partitionBy` each Hive folder
/// (`year=2024/month=1/`) gets its part file and the key columns leave the files. A `_SUCCESS`
/// marker is staged at the folder's root, as Spark's committer writes it. The save mode
/// (error / overwrite / append / ignore) is the caller's: it checks or clears the target
/// before publishing the staged objects with `ObjectStore.publish`.
public enum SparkWriter {
    /// Stages `df` under the folder `path`. Options: CSV `header` (default false, as Spark),
    /// `sep`/`delimiter`, `quote`; Parquet `compression` (`snappy` default, `gzip`, `none`/
    /// `uncompressed`). Other options are accepted and ignored.
    public static func stage(_ df: DataFrame, path: S3URI, format: String, partitionBy: [String], options: [String: String],
                             store: ObjectStore) throws(EngineError) -> (objects: [StagedObject], stats: WriteStats) {
        let fmt = try DataFormat(glueName: format)
        let lower = Dictionary(options.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        var glue: [String: Value] = [:]
        switch fmt {
        case .csv:
            glue["writeHeader"] = .boolean(lower["header"]?.lowercased() == "true")
            if let sep = lower["sep"] ?? lower["delimiter"] { glue["separator"] = .string(sep) }
            if let q = lower["quote"] { glue["quoteChar"] = .string(q) }
        case .parquet:
            switch lower["compression"]?.lowercased() ?? "snappy" {
            case "none", "uncompressed": glue["compression"] = .string("none")
            case let c: glue["compression"] = .string(c)
            }
        case .json:
            break
        }
        let keys = try partitionBy.map { (k) throws(EngineError) -> String in
            guard let f = df.schema.fields.first(where: { $0.name.lowercased() == k.lowercased() }) else {
                throw SparkBinder.unresolved(k, among: df.schema.names)
            }
            return f.name
        }
        let suffix = fmt == .parquet ? try S3Sink.fileSuffix(format: .parquet, formatOptions: glue) : "." + fmt.fileExtension
        let folder = path.key.isEmpty || path.key.hasSuffix("/") ? path.key : path.key + "/"
        let name = "part-00000-\(UUID().uuidString.lowercased())-c000" + suffix
        var stats = WriteStats()
        var staged: [StagedObject] = []
        do {
            if df.count() > 0 {
                let frame = DynamicFrame.fromDF(df, name: "")
                let parts = keys.isEmpty ? [("", frame)] : try HivePartitioning.split(frame, keys: keys)
                for (partition, part) in parts {
                    let uri = try S3URI(parsing: "s3://\(path.bucket)/\(folder)\(partition)\(name)")
                    let object = try store.stage(uri, bytes: try S3Sink.encode(part, format: fmt, formatOptions: glue))
                    staged.append(object)
                    stats.objectsWritten += 1
                    stats.bytesWritten += object.size
                    stats.recordsWritten += part.count()
                    stats.uris.append(uri.description)
                }
            }
            let marker = try S3URI(parsing: "s3://\(path.bucket)/\(folder)_SUCCESS")
            staged.append(try store.stage(marker, bytes: [UInt8]()))
        } catch {
            store.discard(staged)
            throw error
        }
        return (staged, stats)
    }
}
