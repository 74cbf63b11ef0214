import ArgumentParser
import Foundation
import GlueEngine

/// `catalog create-connection|get-connection|get-connections|delete-connection` (JDBC).
extension CatalogCommand {
    struct CreateConnection: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "create-connection", abstract: "Create a JDBC connection (CreateConnection).",
            discussion: "The URL's database is the sandbox's SQLite database of that name (see 'gluelab sql'). The password is stored but never printed.")
        @Argument(help: "The connection name.") var name: String
        @Option(help: "JDBC_CONNECTION_URL, e.g. jdbc:postgresql://host:5432/shop.") var url: String
        @Option(help: "USERNAME.") var username: String?
        @Option(help: "PASSWORD (shown as ****).") var password: String?
        @Option(help: "A description.") var description: String?
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            var properties = ["JDBC_CONNECTION_URL": url]
            if let username { properties["USERNAME"] = username }
            if let password { properties["PASSWORD"] = password }
            let made = try CatalogCommand.open(sandboxOptions).createConnection(
                CatalogConnection(name: name, properties: properties, description: description))
            if output.json { Output.json(CatalogRender.wrap("Connection", CatalogRender.connection(made))) } else {
                Output.line("created connection \(made.name) (JDBC, \(url))")
            }
        }
    }

    struct GetConnection: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get-connection", abstract: "Show a connection (GetConnection).")
        @Argument(help: "The connection name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let c = try CatalogCommand.open(sandboxOptions).connection(name)
            if output.json { Output.json(CatalogRender.wrap("Connection", CatalogRender.connection(c))) } else {
                for l in CatalogRender.connectionLines(c) { Output.line(l) }
            }
        }
    }

    struct GetConnections: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "get-connections", abstract: "List the connections (GetConnections).",
                                                        aliases: ["list-connections"])
        @OptionGroup var sandboxOptions: SandboxOptions
        @OptionGroup var output: JSONFlag

        func run() throws {
            let list = try CatalogCommand.open(sandboxOptions).connections()
            if output.json {
                Output.json(CatalogRender.wrap("ConnectionList", list.map(CatalogRender.connection)))
                return
            }
            if list.isEmpty {
                Output.note("no connections; 'gluelab catalog create-connection NAME --url jdbc:...' makes one")
                return
            }
            let rows = [["NAME", "TYPE", "URL", "USERNAME"]] + list.map {
                [$0.name, $0.connectionType, $0.url ?? "-", $0.properties["USERNAME"] ?? "-"]
            }
            for l in JobRender.table(rows) { Output.line(l) }
        }
    }

    struct DeleteConnection: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete-connection", abstract: "Delete a connection (DeleteConnection).")
        @Argument(help: "The connection name.") var name: String
        @OptionGroup var sandboxOptions: SandboxOptions

        func run() throws {
            try CatalogCommand.open(sandboxOptions).deleteConnection(name)
            Output.line("deleted connection \(name)")
        }
    }
}
