import ArgumentParser
import GlueEngine

/// The root of the command tree, shared by the CLI and the REPL.
public struct GluelabCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "gluelab", abstract: "A workbench for learning AWS Glue ETL by doing.")
    public init() {}
    public func run() throws {}
}
