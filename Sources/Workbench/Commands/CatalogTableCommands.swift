import ArgumentParser
import Foundation
import GlueEngine

/// `catalog create-table|update-table|get-table|get-tables|delete-table|get-table-versions`.
extension CatalogCommand {
    struct CreateTable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-table", abstract: "Create a table (CreateTable).",
            discussion: """
                With --classification the SerDe and input/output formats are set as a crawler sets them \
                (csv: LazySimpleSerDe with field.delim, and skip.header.line.count 1 unless \
                --format-option withHeader=false; json: the OpenX JsonSerDe; parquet: ParquetHiveSerDe). \
                --table-input takes the API's TableInput JSON instead of the options.
                """)
        @OptionGroup var table: CatalogTableOptions
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let made = try CatalogCommand.open(sandboxOptions).createTable(try table.newTable())
            if output.json { Output.json(CatalogRender.wrap("Table", CatalogRender.table(made))) } else {
                Output.line("created table \(made.databaseName).\(made.name) (\(made.classification ?? "no classification"), "
                    + "\(made.storageDescriptor.columns.count) column\(made.storageDescriptor.columns.count == 1 ? "" : "s")"
                    + (made.partitionKeys.isEmpty ? "" : ", partitioned by \(made.partitionKeys.map(\.name).joined(separator: ", "))")
                    + ", version 0)")
            }
        }
    }

    struct UpdateTable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "update-table", abstract: "Change a table; the previous version is kept (UpdateTable).",
            discussion: """
                The options change only what they name (--columns replaces the columns; --classification or \
                --format-option re-describe the format); --table-input replaces the whole table, as the API does.
                """)
        @OptionGroup var table: CatalogTableOptions
        @Option(help: ArgumentHelp("Remove a table parameter (repeatable).", valueName: "KEY")) var removeParameter: [String] = []
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let catalog = try CatalogCommand.open(sandboxOptions)
            let current = try catalog.table(database: table.database, name: table.name)
            let updated = try catalog.updateTable(try table.updated(current, removing: removeParameter))
            if output.json { Output.json(CatalogRender.wrap("Table", CatalogRender.table(updated))) } else {
                Output.line("updated table \(updated.databaseName).\(updated.name): version \(updated.versionId) (version \(current.versionId) kept)")
            }
        }
    }

    struct GetTable: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get-table", abstract: "Show a table (GetTable).")
        @Option(help: "The database.") var database: String
        @Option(help: "The table name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let t = try CatalogCommand.open(sandboxOptions).table(database: database, name: name)
            if output.json { Output.json(CatalogRender.wrap("Table", CatalogRender.table(t))) } else {
                for l in CatalogRender.tableLines(t) { Output.line(l) }
            }
        }
    }

    struct GetTables: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get-tables", abstract: "List a database's tables (GetTables).")
        @Option(help: "The database.") var database: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let list = try CatalogCommand.open(sandboxOptions).tables(database: database)
            if output.json {
                Output.json(CatalogRender.wrap("TableList", list.map(CatalogRender.table)))
                return
            }
            if list.isEmpty {
                Output.note("no tables in \(database.lowercased()); 'gluelab catalog create-table --database \(database.lowercased()) ...' makes one")
                return
            }
            let rows = [["NAME", "CLASSIFICATION", "COLUMNS", "PARTITION KEYS", "VERSION", "LOCATION"]] + list.map {
                [$0.name, $0.classification ?? "-", String($0.storageDescriptor.columns.count),
                 $0.partitionKeys.isEmpty ? "-" : $0.partitionKeys.map(\.name).joined(separator: ","), String($0.versionId),
                 $0.storageDescriptor.location]
            }
            for l in JobRender.table(rows) { Output.line(l) }
        }
    }

    struct DeleteTable: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete-table", abstract: "Delete a table with its versions and partitions (DeleteTable).")
        @Option(help: "The database.") var database: String
        @Option(help: "The table name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            let catalog = try CatalogCommand.open(sandboxOptions)
            let partitions = try catalog.partitions(database: database, table: name)
            try catalog.deleteTable(database: database, name: name)
            Output.line("deleted table \(database.lowercased()).\(name.lowercased())"
                + (partitions.isEmpty ? "" : " and its \(partitions.count) partition\(partitions.count == 1 ? "" : "s")"))
        }
    }

    struct GetTableVersions: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "get-table-versions", abstract: "A table's versions, newest first (GetTableVersions).")
        @Option(help: "The database.") var database: String
        @Option(help: "The table name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let versions = try CatalogCommand.open(sandboxOptions).tableVersions(database: database, name: name)
            if output.json {
                Output.json(DynamicRecord([("TableVersions", .array(versions.map {
                    .structure(DynamicRecord([("Table", .structure(CatalogRender.table($0))), ("VersionId", .string(String($0.versionId)))]))
                }))]))
                return
            }
            let rows = [["VERSION", "UPDATED", "CLASSIFICATION", "LOCATION", "COLUMNS"]] + versions.map { t in
                [String(t.versionId) + (t.versionId == versions.first?.versionId ? " (current)" : ""),
                 Timestamps.format(t.updateTime), t.classification ?? "-", t.storageDescriptor.location,
                 t.allColumns.map { "\($0.name):\($0.type)" }.joined(separator: ",")]
            }
            for l in JobRender.table(rows) { Output.line(l) }
        }
    }
}
