import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab topic ...`: the sandbox's Kafka-style topics, which Glue streaming jobs read.
struct TopicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topic",
        abstract: "Kafka-style topics: create, produce, ls, read, delete.",
        discussion: """
            A topic has partitions; each partition is a log of messages with offsets 0, 1, 2, ... \
            A message with --key goes to the partition Kafka's producer would pick (murmur2 of \
            the key), so one key always lands on one partition; messages without a key go \
            round-robin. Messages are stamped with the sandbox clock.
            """,
        subcommands: [Create.self, Produce.self, List.self, Read.self, Delete.self]
    )
}

extension TopicCommand {
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a topic.")
        @Argument(help: "The topic's name ([a-zA-Z0-9._-], at most 249).") var name: String
        @Option(help: "How many partitions.") var partitions = 1
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let info = try sandboxOptions.open().topics.create(name: name, partitions: partitions)
            if output.json {
                Output.json(Topic.record(info))
            } else {
                Output.line("created topic \(info.name) with \(info.partitions.count) partition\(info.partitions.count == 1 ? "" : "s")")
            }
        }
    }

    struct Produce: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send messages to a topic.",
            discussion: "--value sends one message (repeat it for more); --file sends one message per non-empty line of a file ('-' reads standard input).")
        @Argument(help: "The topic.") var name: String
        @Option(help: "A message value (repeatable).") var value: [String] = []
        @Option(help: "A file with one message per line, or - for standard input.") var file: String?
        @Option(help: "The messages' key (all of them).") var key: String?
        @Option(help: "The messages' time (ISO 8601); default: the sandbox clock.") var timestamp: String?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func validate() throws {
            guard value.isEmpty != (file == nil) else {
                throw ValidationError("give either --value or --file")
            }
        }

        func run() throws {
            let topics = try sandboxOptions.open().topics
            let time = try timestamp.map { try Parse.timestamp($0, option: "--timestamp") }
            let keyBytes = key.map { Array($0.utf8) }
            let values: [[UInt8]]
            if let file {
                values = Self.lines(try Self.contents(of: file))
            } else {
                values = value.map { Array($0.utf8) }
            }
            let produced = try topics.produce(topic: name, messages: values.map { (key: keyBytes, value: $0) }, timestamp: time)
            if file != nil {
                if output.json {
                    Output.json(DynamicRecord([("topic", .string(name)), ("messages", .long(Int64(produced.count)))]))
                } else {
                    Output.line("produced \(produced.count) message\(produced.count == 1 ? "" : "s") to \(name)")
                }
                return
            }
            for p in produced {
                if output.json {
                    Output.json(DynamicRecord([("topic", .string(name)), ("partition", .long(Int64(p.partition))), ("offset", .long(p.offset))]))
                } else {
                    Output.line("\(name) partition \(p.partition) offset \(p.offset)")
                }
            }
        }

        static func contents(of path: String) throws -> Data {
            if path == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw WorkbenchError.file(path: path, reason: "no such file, or it cannot be read")
            }
            return data
        }

        /// The non-empty lines of `data` (a `\r` before `\n` is dropped).
        static func lines(_ data: Data) -> [[UInt8]] {
            data.split(separator: 0x0A, omittingEmptySubsequences: true).compactMap { line in
                var bytes = [UInt8](line)
                if bytes.last == 0x0D { bytes.removeLast() }
                return bytes.isEmpty ? nil : bytes
            }
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "ls", abstract: "List topics with their partitions' end offsets.")
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let topics = try sandboxOptions.open().topics.list()
            if output.json {
                for t in topics { Output.json(Topic.record(t)) }
                return
            }
            if topics.isEmpty { Output.note("no topics (create one with 'gluelab topic create NAME')") }
            let width = max(5, topics.map(\.name.count).max() ?? 0)
            if !topics.isEmpty { Output.line(Topic.pad("TOPIC", width) + "  PARTITIONS  MESSAGES  END OFFSETS") }
            for t in topics {
                let ends = t.partitions.map { "\($0.partition):\($0.endOffset)" }.joined(separator: " ")
                Output.line(Topic.pad(t.name, width) + "  " + Topic.pad(String(t.partitions.count), 10) + "  "
                            + Topic.pad(String(t.messages), 8) + "  " + ends)
            }
        }
    }

    struct Read: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a topic's messages, partition by partition.",
            discussion: "Text output: partition, offset, time, key (or -), value, separated by tabs.")
        @Argument(help: "The topic.") var name: String
        @Option(help: "Only this partition.") var partition: Int?
        @Option(help: "Start at this offset (in each partition read).") var fromOffset: Int64 = 0
        @Option(help: "At most this many messages.") var max: Int?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let topics = try sandboxOptions.open().topics
            let info = try topics.info(name)
            if let max, max < 0 { throw WorkbenchError.badValue(option: "--max", value: String(max), reason: "expected 0 or more") }
            var left = max ?? .max
            for p in partition.map({ [$0] }) ?? info.partitions.map(\.partition) where left > 0 {
                let messages = try topics.read(topic: name, partition: p, fromOffset: fromOffset, maxMessages: left)
                left -= messages.count
                for m in messages { print(m) }
            }
        }

        private func print(_ m: TopicMessage) {
            let value = String(decoding: m.value, as: UTF8.self)
            let key = m.key.map { String(decoding: $0, as: UTF8.self) }
            if output.json {
                var fields: [(String, Value)] = [("partition", .long(Int64(m.partition))), ("offset", .long(m.offset)),
                                                 ("timestamp", .string(Timestamps.format(m.timestamp)))]
                fields.append(("key", key.map(Value.string) ?? .null))
                fields.append(("value", .string(value)))
                Output.json(DynamicRecord(fields))
            } else {
                Output.line("\(m.partition)\t\(m.offset)\t\(Timestamps.format(m.timestamp))\t\(key ?? "-")\t\(value)")
            }
        }
    }

    struct Delete: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete a topic and its messages.")
        @Argument(help: "The topic.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            try sandboxOptions.open().topics.delete(name: name)
            Output.line("deleted topic \(name)")
        }
    }

    enum Topic {
        static func record(_ t: TopicInfo) -> DynamicRecord {
            DynamicRecord([
                ("topic", .string(t.name)),
                ("partitions", .long(Int64(t.partitions.count))),
                ("messages", .long(t.messages)),
                ("endOffsets", .array(t.partitions.map { .long($0.endOffset) })),
                ("created", .string(Timestamps.format(t.created))),
            ])
        }

        static func pad(_ s: String, _ width: Int) -> String {
            s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
        }
    }
}
