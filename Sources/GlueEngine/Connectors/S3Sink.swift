import Foundation

/// What one write to the object store did.
public struct WriteStats: Sendable, Hashable, Codable {
    public var objectsWritten = 0
    public var bytesWritten: Int64 = 0
    public var recordsWritten = 0
    /// The objects written, in order.
    public var uris: [String] = []

    public init() {}
}

/// Writes frames to `s3://` folders in a sandbox, as `write_dynamic_frame.from_options` with
/// `connection_type="s3"` does: one part file per write, named as Spark names them
/// (`part-00000-<uuid>.csv`), written atomically so a reader never sees half a file.
public struct S3Sink {
    public let store: ObjectStore

    public init(store: ObjectStore) {
        self.store = store
    }

    /// Writes `frame` under the folder `path` as `format`. CSV and JSON take Glue's format
    /// options (`writeHeader`, `separator`, `quoteChar` for CSV). With `partitionKeys`, the
    /// records go into Hive-style folders (`path/year=2024/month=1/part-...`), one part file
    /// per folder, and the key columns are left out of the files (see `HivePartitioning`).
    /// Part files of one write share a UUID, as Spark's do. The part files are staged, then
    /// published together (``ObjectStore/publish(_:lastModified:)``): a reader sees all of
    /// them or none.
    public func write(_ frame: DynamicFrame, path: S3URI, format: DataFormat, formatOptions: [String: Value] = [:],
                      partitionKeys: [String] = []) throws(EngineError) -> WriteStats {
        let (staged, stats) = try stage(frame, path: path, format: format, formatOptions: formatOptions, partitionKeys: partitionKeys)
        try store.publish(staged)
        return stats
    }

    /// The staging half of `write`: every part file written to staging, nothing visible yet.
    /// Publish the objects with ``ObjectStore/publish(_:lastModified:)`` (or discard them). The
    /// stats describe the write as it will be once published. On error nothing is left staged.
    ///
    /// A frame without records writes no file at all, in every format (Spark writes no part
    /// file for an empty partition), and its `partitionKeys` are not checked: the typical case
    /// is a bookmarked run with no new input, which must succeed and leave the target as it is.
    public func stage(_ frame: DynamicFrame, path: S3URI, format: DataFormat, formatOptions: [String: Value] = [:],
                      partitionKeys: [String] = []) throws(EngineError) -> (objects: [StagedObject], stats: WriteStats) {
        if frame.count() == 0 {
            _ = try Self.fileSuffix(format: format, formatOptions: formatOptions)
            return ([], WriteStats())
        }
        let folder = path.key.isEmpty || path.key.hasSuffix("/") ? path.key : path.key + "/"
        let name = "part-00000-\(UUID().uuidString.lowercased())" + (try Self.fileSuffix(format: format, formatOptions: formatOptions))
        let parts = partitionKeys.isEmpty ? [("", frame)] : try HivePartitioning.split(frame, keys: partitionKeys)
        var stats = WriteStats()
        var staged: [StagedObject] = []
        do {
            for (partition, part) in parts {
                let uri = try S3URI(parsing: "s3://\(path.bucket)/\(folder)\(partition)\(name)")
                let object: StagedObject
                if format == .parquet {
                    // Streamed into the staged object, row group by row group. A frame without
                    // fields (an empty frame) writes no file, as Glue writes none.
                    let options = try ParquetWriteOptions(glueOptions: formatOptions)
                    let schema = part.schema()
                    if schema.fields.isEmpty { continue }
                    do {
                        object = try store.stage(uri) { handle in
                            let writer = try ParquetWriter(schema: schema, options: options, output: ParquetFileOutput(handle, path: uri.description))
                            for b in part.batches { try writer.write(b) }
                            try writer.close()
                        }
                    } catch let e as EngineError {
                        throw e
                    } catch {
                        throw EngineError.io(path: uri.description, reason: "\(error)")
                    }
                } else {
                    object = try store.stage(uri, bytes: try Self.encode(part, format: format, formatOptions: formatOptions))
                }
                staged.append(object)
                stats.objectsWritten += 1
                stats.bytesWritten += object.size
                stats.recordsWritten += part.count()
                stats.uris.append(uri.description)
            }
        } catch let e as EngineError {
            store.discard(staged)
            throw e
        } catch {
            store.discard(staged)
            throw .io(path: path.description, reason: "\(error)")
        }
        return (staged, stats)
    }

    /// The end of a part file's name: `.csv`, `.json`, or Spark's `.snappy.parquet` /
    /// `.gz.parquet` / `.parquet` by codec.
    public static func fileSuffix(format: DataFormat, formatOptions: [String: Value]) throws(EngineError) -> String {
        guard format == .parquet else { return "." + format.fileExtension }
        switch try ParquetWriteOptions(glueOptions: formatOptions).compression {
        case .snappy: return ".snappy.parquet"
        case .gzip: return ".gz.parquet"
        default: return ".parquet"
        }
    }

    /// The bytes of `frame` in `format`.
    public static func encode(_ frame: DynamicFrame, format: DataFormat, formatOptions: [String: Value]) throws(EngineError) -> [UInt8] {
        var out: [UInt8] = []
        switch format {
        case .csv:
            let writer = CSVWriter(schema: frame.schema(), options: try CSVOptions(glueOptions: formatOptions))
            if let header = writer.header() { out += header }
            for b in frame.batches { writer.encode(b, into: &out) }
        case .json:
            let writer = JSONWriter()
            for b in frame.batches { writer.encode(b, into: &out) }
        case .parquet:
            out = try ParquetWriter.encode(frame, options: try ParquetWriteOptions(glueOptions: formatOptions))
        }
        return out
    }
}
