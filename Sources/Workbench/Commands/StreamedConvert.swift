import Foundation
import GlueEngine

/// `frame convert` from one CSV file or object to Parquet, streamed (see `StreamingConversion`):
/// memory stays at one piece of input and one row group of output, however big the file.
enum StreamedConvert {
    /// Converts when the job is CSV (without `multiLine`) from a local file or a single object to
    /// Parquet; returns nil for any other conversion, which then goes through a whole frame.
    static func csvToParquet(_ source: FrameSource, destination: String, to: String?,
                             options: [String: Value]) throws -> (ReadStats, WriteStats, Int)? {
        let target = try to.map { try DataFormat(glueName: $0) } ?? DataFormat(fileName: destination)
        guard target == .parquet, source.projection == nil, source.condition == nil else { return nil }
        let csv = try CSVOptions(glueOptions: try source.formatOptions())
        guard !csv.multiLine else { return nil }
        let input: URL
        let name: String
        if source.path.hasPrefix("s3://") {
            let store = try source.sandboxOptions.open().store
            let objects = try source.objects(in: store)
            guard objects.count == 1, try source.resolvedFormat(for: objects[0].key) == .csv else { return nil }
            input = try store.checkedFileURL(for: objects[0].uri)
            name = objects[0].uri.description
        } else {
            guard try source.resolvedFormat(for: source.path) == .csv else { return nil }
            guard FileManager.default.isReadableFile(atPath: source.path) else {
                throw WorkbenchError.file(path: source.path, reason: "cannot read: no such file or not readable")
            }
            input = URL(fileURLWithPath: source.path)
            name = source.path
        }
        let writeOptions = try ParquetWriteOptions(glueOptions: options)
        let size = (try? FileManager.default.attributesOfItem(atPath: input.path)[.size] as? NSNumber)?.int64Value
        let bar = ProgressBar(label: "converting \((name as NSString).lastPathComponent)", total: size)
        defer { bar.finish() }
        var result: (ReadStats, WriteStats, [ErrorRecord])?
        var wrote = WriteStats()
        if destination.hasPrefix("s3://") {
            let store = try source.sandboxOptions.open().store
            let folder = try S3URI(parsing: destination)
            let prefix = folder.key.isEmpty || folder.key.hasSuffix("/") ? folder.key : folder.key + "/"
            let file = "part-00000-\(UUID().uuidString.lowercased())" + (try S3Sink.fileSuffix(format: .parquet, formatOptions: options))
            let uri = try S3URI(parsing: "s3://\(folder.bucket)/\(prefix)\(file)")
            let info = try store.write(uri) { handle in
                result = try StreamingConversion.csvToParquet(input: input, source: name, csvOptions: csv, writeOptions: writeOptions,
                                                              output: ParquetFileOutput(handle, path: uri.description), progress: bar.update)
            }
            wrote.bytesWritten = info.size
            wrote.uris = [uri.description]
        } else {
            let url = URL(fileURLWithPath: destination)
            let staged = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            guard FileManager.default.createFile(atPath: staged.path, contents: nil), let handle = try? FileHandle(forWritingTo: staged) else {
                throw WorkbenchError.file(path: destination, reason: "cannot write here")
            }
            do {
                result = try StreamingConversion.csvToParquet(input: input, source: name, csvOptions: csv, writeOptions: writeOptions,
                                                              output: ParquetFileOutput(handle, path: destination), progress: bar.update)
                try handle.close()
                if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
                try FileManager.default.moveItem(at: staged, to: url)
            } catch {
                try? handle.close()
                try? FileManager.default.removeItem(at: staged)
                throw error
            }
            wrote.bytesWritten = Int64((try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0)
            wrote.uris = [destination]
        }
        guard let (read, converted, errors) = result else { return nil }
        wrote.objectsWritten = 1
        wrote.recordsWritten = converted.recordsWritten
        return (read, wrote, errors.count)
    }
}
