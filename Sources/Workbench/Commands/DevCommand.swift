import ArgumentParser
import Foundation

/// `gluelab dev`: checks for the people who write gluelab's content.
struct DevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dev", abstract: "Checks for gluelab's authors.",
                                                    subcommands: [CheckLabsCommand.self])
}

/// `gluelab dev check-labs`: every lab valid, every step's checks fail before and pass after
/// its reference solution, the whole lab passing from start to finish.
struct CheckLabsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-labs", abstract: "Check every lab against its reference solution.")
    @Argument(help: "Lab ids (default: all).") var ids: [String] = []

    func run() throws {
        let loader = try LabLoader.locate()
        let check = LabSelfCheck(loader: loader)
        var problems: [String] = []
        for id in ids.isEmpty ? loader.ids() : ids {
            if let problem = check.check(id, log: { Output.line($0) }) { problems.append(problem); Output.line("FAIL \(problem)") } else { Output.line("ok   \(id)") }
        }
        if !problems.isEmpty { throw WorkbenchError.badValue(option: "check-labs", value: "\(problems.count)", reason: "lab(s) failed") }
    }
}
