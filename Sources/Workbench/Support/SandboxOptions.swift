import ArgumentParser
import Foundation
import GlueEngine

/// `--sandbox NAME`, taken by every command that touches state.
struct SandboxOptions: ParsableArguments {
    @Option(help: "The sandbox to work in (under $GLUELAB_HOME/sandboxes).")
    var sandbox: String = "playground"

    /// Opens (creating on first use) the sandbox in the workspace.
    func open() throws -> Sandbox {
        try Sandbox.open(home: Sandbox.defaultHome(), name: sandbox)
    }
}

/// `--json`, taken by every command whose output is data.
struct JSONFlag: ParsableArguments {
    @Flag(help: "Print the result as JSON.")
    var json = false
}
