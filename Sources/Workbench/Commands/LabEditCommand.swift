import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab lab edit [SCRIPT]`: the current step's script in `$VISUAL` / `$EDITOR` (default `vi`).
struct LabEditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit", abstract: "Open the current step's script in $VISUAL or $EDITOR (default vi).",
        discussion: """
            The script is the one the step names, else the lab's only script; with several and none \
            named, give its file name. Without a terminal, the script's path is printed instead.
            """)
    @Argument(help: "The script's file name (when the lab has several).") var script: String?
    @Option(help: "The lab id (default: the one started last).") var lab: String?
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try LabContext(options)
        let (definition, state) = try ctx.lab(lab)
        let step = try ctx.session(definition).currentStep(of: definition)?.step
        let path = try Self.script(script, step: step, lab: definition, state: state)
        guard Terminal.isTerminal(STDIN_FILENO), Terminal.isTerminal(STDOUT_FILENO) else {
            Output.line(path.path)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        Output.flush()
        // Through the shell, so an editor with arguments ("code -w") works.
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", "\(editor) \"$1\"", "sh", path.path]
        try p.run()
        p.waitUntilExit()
        if p.terminationStatus != 0 {
            throw WorkbenchError.badValue(option: "editor", value: editor, reason: "exited with status \(p.terminationStatus)")
        }
        Output.line("\(path.path) saved? Run the job, then: gluelab lab check")
    }

    /// The workspace path of the script to edit.
    static func script(_ given: String?, step: LabStep?, lab: LabDefinition, state: LabStartState) throws -> URL {
        let names = (lab.scripts ?? []).map { ($0 as NSString).lastPathComponent }
        if let given {
            let name = (given as NSString).lastPathComponent
            guard names.contains(name) else {
                throw WorkbenchError.badValue(option: "script", value: given, reason: "not a script of \(lab.id) (scripts: \(names.joined(separator: ", ")))")
            }
            return state.scriptPath(name)
        }
        if let named = step?.script { return state.scriptPath(named) }
        guard !names.isEmpty else { throw WorkbenchError.badValue(option: "script", value: "", reason: "lab \(lab.id) has no script to edit") }
        guard names.count == 1 else {
            throw WorkbenchError.badValue(option: "script", value: "", reason: "the lab has several scripts (\(names.joined(separator: ", "))): gluelab lab edit SCRIPT")
        }
        return state.scriptPath(names[0])
    }
}
