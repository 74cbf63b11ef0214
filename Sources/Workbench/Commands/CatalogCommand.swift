import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab catalog ...`: the sandbox's Data Catalog, in the spirit of `aws glue ...`
/// (CreateDatabase, GetTable, GetTableVersions, GetPartitions, CreateConnection, ...).
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "The Data Catalog: databases, tables with versions, partitions, JDBC connections.",
        discussion: """
              gluelab catalog create-database sales
              gluelab catalog create-table --database sales --name orders --location s3://shop/orders/ \\
                  --classification csv --columns 'id:bigint,amount:double,tags:array<string>' --partition-keys 'year:string'
              gluelab catalog get-table --database sales --name orders --json
              gluelab catalog create-connection shop-db --url jdbc:postgresql://db:5432/shop --username etl --password secret
            Names of databases and tables are stored lowercase, as Glue does. Every update-table keeps \
            the previous version (get-table-versions). --json prints the API's response shapes.
            """,
        subcommands: [CreateDatabase.self, GetDatabase.self, GetDatabases.self, DeleteDatabase.self,
                      CreateTable.self, UpdateTable.self, GetTable.self, GetTables.self, DeleteTable.self, GetTableVersions.self,
                      GetPartitions.self, CreatePartition.self, BatchCreatePartition.self, DeletePartition.self,
                      CreateConnection.self, GetConnection.self, GetConnections.self, DeleteConnection.self]
    )

    /// The catalog of the sandbox the options name.
    static func open(_ options: SandboxOptions) throws -> DataCatalog {
        DataCatalog(sandbox: try options.open())
    }
}

extension CatalogCommand {
    struct CreateDatabase: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "create-database", abstract: "Create a database (CreateDatabase).")
        @Argument(help: "The database name.") var name: String
        @Option(help: "A description.") var description: String?
        @Option(help: "LocationUri, e.g. s3://shop/.") var locationUri: String?
        @Option(help: ArgumentHelp("A database parameter (repeatable).", valueName: "KEY=VALUE")) var parameter: [String] = []
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let made = try CatalogCommand.open(sandboxOptions).createDatabase(CatalogDatabase(
                name: name, description: description, locationUri: locationUri,
                parameters: try CatalogTableOptions.pairs(parameter, option: "--parameter")))
            if output.json { Output.json(CatalogRender.wrap("Database", CatalogRender.database(made))) } else {
                Output.line("created database \(made.name)")
            }
        }
    }

    struct GetDatabase: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get-database", abstract: "Show a database (GetDatabase).")
        @Argument(help: "The database name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let catalog = try CatalogCommand.open(sandboxOptions)
            let d = try catalog.database(name)
            if output.json {
                Output.json(CatalogRender.wrap("Database", CatalogRender.database(d)))
                return
            }
            for l in CatalogRender.databaseLines(d) { Output.line(l) }
            let tables = try catalog.tables(database: d.name)
            Output.line("Tables: " + (tables.isEmpty ? "(none)" : tables.map(\.name).joined(separator: ", ")))
        }
    }

    struct GetDatabases: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get-databases", abstract: "List the databases (GetDatabases).",
                                                        aliases: ["list-databases"])
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let catalog = try CatalogCommand.open(sandboxOptions)
            let list = try catalog.databases()
            if output.json {
                Output.json(CatalogRender.wrap("DatabaseList", list.map(CatalogRender.database)))
                return
            }
            if list.isEmpty {
                Output.note("no databases; 'gluelab catalog create-database NAME' makes one")
                return
            }
            let rows = [["NAME", "TABLES", "LOCATION", "DESCRIPTION"]] + (try list.map {
                [$0.name, String(try catalog.tables(database: $0.name).count), $0.locationUri ?? "-", $0.description ?? ""]
            })
            for l in JobRender.table(rows) { Output.line(l.trimmingCharacters(in: .whitespaces)) }
        }
    }

    struct DeleteDatabase: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete-database", abstract: "Delete a database with its tables, versions and partitions (DeleteDatabase).")
        @Argument(help: "The database name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            let catalog = try CatalogCommand.open(sandboxOptions)
            let tables = try catalog.tables(database: name)
            try catalog.deleteDatabase(name)
            Output.line("deleted database \(name.lowercased())"
                + (tables.isEmpty ? "" : " and its \(tables.count) table\(tables.count == 1 ? "" : "s") (\(tables.map(\.name).joined(separator: ", ")))"))
        }
    }
}
