import ArgumentParser
import Foundation
import GlueEngine

extension FrameCommand {
    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply resolveChoice and print the resulting schema.",
            discussion: """
                Give specs as PATH=ACTION (repeatable), or one action for every choice with --choice. \
                Actions: cast:TYPE, project:TYPE, make_cols, make_struct.
                  gluelab frame resolve s3://raw/orders/ --with-header --spec 'price=cast:double'
                  gluelab frame resolve s3://raw/orders/ --with-header --choice make_cols --show 5
                """)
        @OptionGroup var source: FrameSource
        @Option(name: .customLong("spec"), help: ArgumentHelp("A resolveChoice spec.", valueName: "path=action")) var specs: [String] = []
        @Option(help: "One action for every choice column (the choice= parameter).") var choice: String?
        @Option(help: "Also print this many resolved records.") var show: Int?
        @Option(help: "Also write the resolved frame here (s3:// folder or local file).") var output: String?
        @Option(help: "The format to write with --output (csv or json).") var to: String?
        @OptionGroup var json: JSONFlag

        func run() throws {
            let (frame, _) = try source.load()
            let parsed = try specs.map { spec -> (path: String, action: String) in
                guard let eq = spec.lastIndex(of: "="), eq != spec.startIndex else {
                    throw WorkbenchError.badValue(option: "--spec", value: spec, reason: "expected path=action, e.g. price=cast:double")
                }
                return (String(spec[..<eq]), String(spec[spec.index(after: eq)...]))
            }
            let resolved = try frame.resolveChoice(specs: parsed.isEmpty ? nil : parsed, choice: choice)
            if json.json {
                Output.json(DynamicRecord([("fields", Render.fields(resolved.schema())), ("count", .long(Int64(resolved.count())))]))
            } else {
                Output.write(resolved.schema().treeString())
                if let show { Output.write(resolved.showString(show)) }
            }
            if let output {
                let stats = try FrameWriter.write(resolved, to: output, format: to, options: [:], sandbox: source.sandboxOptions)
                Output.note("wrote \(stats.recordsWritten) records to \(stats.uris.joined(separator: ", "))")
            }
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a frame and write it in another format.",
            discussion: "DEST is an s3:// folder (a part file is written into it) or a local file.")
        @OptionGroup var source: FrameSource
        @Argument(help: "s3://bucket/folder/ or a local file") var destination: String
        @Option(help: "The format to write: csv or json.") var to: String
        @Option(name: .customLong("write-option"), help: ArgumentHelp("A Glue format option for the writer (e.g. writeHeader=false).", valueName: "key=value"))
        var writeOptions: [String] = []
        @Option(help: ArgumentHelp("Write Hive-style key=value/ folders by these fields (partitionKeys).", valueName: "a,b"))
        var partitionKeys: String?
        @Option(help: "Parquet page compression: snappy (the default), gzip or none.")
        var compression: String?
        @OptionGroup var json: JSONFlag

        func run() throws {
            let keys = partitionKeys.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } } ?? []
            var options: [String: Value] = [:]
            for pair in writeOptions {
                guard let eq = pair.firstIndex(of: "=") else {
                    throw WorkbenchError.badValue(option: "--write-option", value: pair, reason: "expected key=value")
                }
                options[String(pair[..<eq])] = .string(String(pair[pair.index(after: eq)...]))
            }
            if let compression { options["compression"] = .string(compression) }
            if keys.isEmpty, let (read, wrote, errors) = try StreamedConvert.csvToParquet(source, destination: destination, to: to, options: options) {
                report(read: read, errorsCount: errors, wrote: wrote)
                return
            }
            let (frame, read) = try source.load()
            let wrote = try FrameWriter.write(frame, to: destination, format: to, options: options, partitionKeys: keys,
                                              sandbox: source.sandboxOptions)
            report(read: read, errorsCount: frame.errorsCount(), wrote: wrote)
        }

        private func report(read: ReadStats, errorsCount: Int, wrote: WriteStats) {
            if json.json {
                Output.json(DynamicRecord([
                    ("objectsRead", .long(Int64(read.objectsRead))), ("bytesRead", .long(read.bytesRead)),
                    ("recordsRead", .long(Int64(read.recordsRead))), ("errorsCount", .long(Int64(errorsCount))),
                    ("recordsWritten", .long(Int64(wrote.recordsWritten))), ("bytesWritten", .long(wrote.bytesWritten)),
                    ("objects", .array(wrote.uris.map { .string($0) })),
                ]))
                return
            }
            Output.line("read \(read.objectsRead) object\(read.objectsRead == 1 ? "" : "s") (\(Render.size(read.bytesRead))), \(read.recordsRead) records, \(errorsCount) error records")
            Output.line("wrote \(wrote.recordsWritten) records (\(Render.size(wrote.bytesWritten))) to \(wrote.uris.joined(separator: ", "))")
        }
    }
}

/// Writes a frame to an `s3://` folder or a local file.
enum FrameWriter {
    static func write(_ frame: DynamicFrame, to destination: String, format: String?, options: [String: Value],
                      partitionKeys: [String] = [], sandbox: SandboxOptions) throws -> WriteStats {
        let fmt: DataFormat
        if let format { fmt = try DataFormat(glueName: format) } else if let f = DataFormat(fileName: destination) { fmt = f } else {
            throw WorkbenchError.badValue(option: "--to", value: "", reason: "cannot tell the format to write; pass --to csv or --to json")
        }
        if destination.hasPrefix("s3://") {
            return try S3Sink(store: try sandbox.open().store).write(frame, path: try S3URI(parsing: destination), format: fmt,
                                                                     formatOptions: options, partitionKeys: partitionKeys)
        }
        if !partitionKeys.isEmpty {
            throw WorkbenchError.badValue(option: "--partition-keys", value: partitionKeys.joined(separator: ","),
                                          reason: "partitioned output needs an s3:// folder as the destination")
        }
        let bytes = try S3Sink.encode(frame, format: fmt, formatOptions: options)
        try LocalFiles.write(bytes, to: destination)
        var stats = WriteStats()
        stats.objectsWritten = 1
        stats.bytesWritten = Int64(bytes.count)
        stats.recordsWritten = frame.count()
        stats.uris = [destination]
        return stats
    }
}
