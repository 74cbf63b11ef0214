import ArgumentParser
import Foundation
import GlueEngine

/// `catalog get-partitions|create-partition|batch-create-partition|delete-partition`.
extension CatalogCommand {
    struct GetPartitions: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get-partitions", abstract: "A table's partitions (GetPartitions).")
        @Option(help: "The database.") var database: String
        @Option(help: "The table name.") var table: String
        @Option(help: ArgumentHelp("Only the partitions this predicate over the partition keys keeps, as push_down_predicate does: \"year = '2024' and month in ('01', '02')\".",
                                   valueName: "PREDICATE"))
        var expression: String?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let catalog = try CatalogCommand.open(sandboxOptions)
            let t = try catalog.table(database: database, name: table)
            var list = try catalog.partitions(database: database, table: table)
            if let expression {
                let predicate = try PartitionPredicate(parsing: expression, partitionKeys: t.partitionKeys,
                                                       table: "\(t.databaseName).\(t.name)", option: "--expression")
                list = list.filter { predicate.matches($0) }
            }
            if output.json {
                Output.json(CatalogRender.wrap("Partitions", list.map(CatalogRender.partition)))
                return
            }
            if list.isEmpty {
                Output.note("no partitions in \(t.databaseName).\(t.name)"
                    + (t.partitionKeys.isEmpty ? " (it has no partition keys)" : "; 'gluelab catalog create-partition' adds one"))
                return
            }
            let rows = [["VALUES", "LOCATION", "CREATED"]] + list.map { p in
                [CatalogPartitioning.label(p.values, keys: t.partitionKeys), p.storageDescriptor.location, Timestamps.format(p.createTime)]
            }
            for l in JobRender.table(rows) { Output.line(l) }
        }
    }

    struct CreatePartition: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-partition", abstract: "Add a partition to a table (CreatePartition).",
            discussion: "The partition takes the table's columns and formats; its location defaults to the table's location + key=value/ folders.")
        @Option(help: "The database.") var database: String
        @Option(help: "The table name.") var table: String
        @Option(help: ArgumentHelp("The values in partition-key order: '2024,01' or 'year=2024,month=01'.", valueName: "VALUES")) var values: String
        @Option(help: "Where the partition's data is (default: under the table's location).") var location: String?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let catalog = try CatalogCommand.open(sandboxOptions)
            let t = try catalog.table(database: database, name: table)
            let p = try CatalogPartitioning.partition(of: t, values: values, location: location)
            guard try catalog.createPartitions([p]) == 1 else {
                throw EngineError.conflict(exception: "AlreadyExistsException",
                                           message: "Partition \(CatalogPartitioning.label(p.values, keys: t.partitionKeys)) already exists in \(t.databaseName).\(t.name)")
            }
            let made = try catalog.partitions(database: database, table: table).first { $0.values == p.values } ?? p
            if output.json { Output.json(CatalogRender.wrap("Partition", CatalogRender.partition(made))) } else {
                Output.line("created partition \(CatalogPartitioning.label(p.values, keys: t.partitionKeys)) of \(t.databaseName).\(t.name) at \(p.storageDescriptor.location)")
            }
        }
    }

    struct BatchCreatePartition: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "batch-create-partition", abstract: "Add partitions; those that exist are reported, not changed (BatchCreatePartition).")
        @Option(help: "The database.") var database: String
        @Option(help: "The table name.") var table: String
        @Option(help: ArgumentHelp("A partition's values, optionally @LOCATION (repeatable): '2024,01' or 'year=2024,month=01@s3://b/p/'.",
                                   valueName: "VALUES[@LOCATION]"))
        var partition: [String] = []
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            guard !partition.isEmpty else { throw WorkbenchError.badValue(option: "--partition", value: "", reason: "give at least one partition") }
            let catalog = try CatalogCommand.open(sandboxOptions)
            let t = try catalog.table(database: database, name: table)
            let inputs = try partition.map { text in
                let at = text.range(of: "@")
                return try CatalogPartitioning.partition(of: t, values: at.map { String(text[..<$0.lowerBound]) } ?? text,
                                                         location: at.map { String(text[$0.upperBound...]) })
            }
            let existing = Set(try catalog.partitions(database: database, table: table).map(\.values))
            var seen = Set<[String]>()
            let skipped = inputs.filter { existing.contains($0.values) || !seen.insert($0.values).inserted }
            let added = try catalog.createPartitions(inputs)
            if output.json {
                Output.json(DynamicRecord([("Errors", .array(skipped.map { p in
                    .structure(DynamicRecord([
                        ("PartitionValues", .array(p.values.map { .string($0) })),
                        ("ErrorDetail", .structure(DynamicRecord([("ErrorCode", .string("AlreadyExistsException")),
                                                                  ("ErrorMessage", .string("Partition already exists."))]))),
                    ]))
                }))]))
                return
            }
            Output.line("added \(added) partition\(added == 1 ? "" : "s") to \(t.databaseName).\(t.name)")
            for p in skipped { Output.line("  already exists: \(CatalogPartitioning.label(p.values, keys: t.partitionKeys))") }
        }
    }

    struct DeletePartition: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete-partition", abstract: "Remove a partition (DeletePartition).")
        @Option(help: "The database.") var database: String
        @Option(help: "The table name.") var table: String
        @Option(help: ArgumentHelp("The values: '2024,01' or 'year=2024,month=01'.", valueName: "VALUES")) var values: String

        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            let catalog = try CatalogCommand.open(sandboxOptions)
            let t = try catalog.table(database: database, name: table)
            let v = try CatalogPartitioning.values(values, keys: t.partitionKeys)
            try catalog.deletePartition(database: database, table: table, values: v)
            Output.line("deleted partition \(CatalogPartitioning.label(v, keys: t.partitionKeys)) of \(t.databaseName).\(t.name) (its data stays)")
        }
    }
}

/// Partition values on the command line, and partitions made like a table's.
enum CatalogPartitioning {
    /// `2024,01` or `year=2024,month=01` (the keys in the table's order) as values.
    static func values(_ text: String, keys: [CatalogColumn]) throws -> [String] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard !keys.isEmpty else {
            throw WorkbenchError.badValue(option: "--values", value: text, reason: "the table has no partition keys")
        }
        guard items.count == keys.count else {
            throw WorkbenchError.badValue(option: "--values", value: text,
                                          reason: "the table's partition keys are \(keys.map(\.name).joined(separator: ", ")): give \(keys.count) value\(keys.count == 1 ? "" : "s")")
        }
        return try zip(items, keys).map { item, key in
            guard let eq = item.firstIndex(of: "=") else { return item }
            guard item[..<eq].lowercased() == key.name.lowercased() else {
                throw WorkbenchError.badValue(option: "--values", value: text, reason: "expected \(key.name)= at \"\(item)\" (keys in the table's order)")
            }
            return String(item[item.index(after: eq)...])
        }
    }

    /// A partition of `table`: its columns and formats, at `location` or under the table's.
    static func partition(of table: CatalogTable, values text: String, location: String?) throws -> CatalogPartition {
        let v = try values(text, keys: table.partitionKeys)
        var storage = table.storageDescriptor
        if let location, !location.isEmpty {
            storage.location = location
        } else {
            var base = storage.location
            if !base.hasSuffix("/") { base += "/" }
            storage.location = base + zip(table.partitionKeys, v).map { "\($0.name)=\($1)/" }.joined()
        }
        return CatalogPartition(databaseName: table.databaseName, tableName: table.name, values: v, storageDescriptor: storage)
    }

    /// `year=2024/month=01`.
    static func label(_ values: [String], keys: [CatalogColumn]) -> String {
        zip(keys, values).map { "\($0.name)=\($1)" }.joined(separator: "/")
    }
}
