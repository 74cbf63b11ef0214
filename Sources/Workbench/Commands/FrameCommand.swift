import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab frame ...`: read data as a DynamicFrame and look at it.
struct FrameCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frame",
        abstract: "Read data as a DynamicFrame: schema, show, count, errors, resolve, convert.",
        subcommands: [Schema.self, Show.self, Count.self, Errors.self, Resolve.self, Convert.self]
    )
}

extension FrameCommand {
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the frame's schema as printSchema() does (choice types included).",
            discussion: """
                --as dataframe prints what Spark infers for the same objects instead (spark.read.csv with \
                header and inferSchema, spark.read.json): one type per column, a mixed column widened to \
                string. --compare prints both side by side, with one line per field whose type differs.
                """)
        @OptionGroup var source: FrameSource
        @Option(name: .customLong("as"), help: ArgumentHelp("dynamicframe (Glue's inference, the default) or dataframe (Spark's).", valueName: "kind"))
        var kind = "dynamicframe"
        @Flag(help: "Print the DynamicFrame's and Spark's schemas side by side, with their differences.")
        var compare = false
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard ["dynamicframe", "dataframe"].contains(kind.lowercased()) else {
                throw WorkbenchError.badValue(option: "--as", value: kind, reason: "expected dynamicframe or dataframe")
            }
        }

        func run() throws {
            let (frame, _) = try source.load()
            let schema = frame.schema()
            if compare || kind.lowercased() == "dataframe" {
                let format = try source.resolvedFormat(for: source.path.hasPrefix("s3://") ? (try source.firstKey() ?? source.path) : source.path)
                let sparkFrame = try source.sparkFrame(format: format)
                let spark = sparkFrame.schema
                if output.json {
                    var pairs: [(String, Value)] = [("dataFrame", Render.fields(spark))]
                    if compare {
                        pairs.insert(("dynamicFrame", Render.fields(schema)), at: 0)
                        pairs.append(("differences", .array(FrameContrast.differences(glue: schema, spark: spark).map { .string($0) })))
                    }
                    Output.json(DynamicRecord(pairs))
                    return
                }
                Output.write(compare ? FrameContrast.render(glue: schema, spark: spark) : sparkFrame.sparkSchemaTree())
                FrameNotes.errors(frame, path: source.path)
                return
            }
            if output.json {
                Output.json(DynamicRecord([("fields", Render.fields(schema)), ("count", .long(Int64(frame.count()))),
                                           ("errorsCount", .long(Int64(frame.errorsCount())))]))
                return
            }
            Output.write(schema.treeString())
            FrameNotes.errors(frame, path: source.path)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the first records, as DynamicFrame.show() does.")
        @OptionGroup var source: FrameSource
        @Option(name: [.short, .customLong("num-rows")], help: "How many records.") var n = 20
        @OptionGroup var output: JSONFlag

        func run() throws {
            let (frame, _) = try source.load()
            if output.json {
                for r in frame.take(n) { Output.json(r) }
                return
            }
            Output.write(frame.showString(n))
            FrameNotes.errors(frame, path: source.path)
        }
    }

    struct Count: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the records (and the error records).")
        @OptionGroup var source: FrameSource
        @OptionGroup var output: JSONFlag

        func run() throws {
            let (frame, stats) = try source.load()
            if output.json {
                Output.json(DynamicRecord([("count", .long(Int64(frame.count()))), ("errorsCount", .long(Int64(frame.errorsCount()))),
                                           ("objectsRead", .long(Int64(stats.objectsRead))), ("bytesRead", .long(stats.bytesRead)),
                                           ("rowGroupsSkipped", .long(Int64(stats.rowGroupsSkipped)))]))
                return
            }
            Output.line(String(frame.count()))
            FrameNotes.errors(frame, path: source.path)
        }
    }

    struct Errors: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the error records (errorsAsDynamicFrame), one JSON object per line.")
        @OptionGroup var source: FrameSource

        func run() throws {
            let (frame, _) = try source.load()
            for r in frame.errorsAsDynamicFrame().records { Output.json(r) }
        }
    }
}

/// Notes printed after a frame's data, on standard error.
enum FrameNotes {
    static func errors(_ frame: DynamicFrame, path: String) {
        let n = frame.errorsCount()
        guard n > 0 else { return }
        Output.note("\(n) error record\(n == 1 ? "" : "s") (see: gluelab frame errors \(path) ...)")
    }
}
