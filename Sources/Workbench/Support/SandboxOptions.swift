import ArgumentParser
import Foundation
import GlueEngine

/// `--sandbox NAME`, taken by every command that touches state.
struct SandboxOptions: ParsableArguments {
    @Option(help: "The sandbox to work in (under $GLUELAB_HOME/sandboxes; default $GLUELAB_SANDBOX, else playground).")
    var sandbox: String = SandboxOptions.defaultName

    /// The sandbox a command works in without `--sandbox`: `$GLUELAB_SANDBOX` when set (the
    /// prompt's `use NAME` sets it, and `lab start` there moves to the lab's sandbox), else
    /// `playground`.
    static var defaultName: String {
        let name = ProcessInfo.processInfo.environment["GLUELAB_SANDBOX"] ?? ""
        return name.isEmpty ? "playground" : name
    }

    /// Opens (creating on first use) the sandbox in the workspace.
    func open() throws -> Sandbox {
        try open(overriding: nil)
    }

    /// Opens the sandbox `name` instead when given (commands that pass their remaining
    /// arguments through, like `run`, find `--sandbox` among them).
    func open(overriding name: String?) throws -> Sandbox {
        try Sandbox.open(home: Sandbox.defaultHome(), name: name ?? sandbox)
    }
}

/// `--json`, taken by every command whose output is data.
struct JSONFlag: ParsableArguments {
    @Flag(help: "Print the result as JSON.")
    var json = false
}
