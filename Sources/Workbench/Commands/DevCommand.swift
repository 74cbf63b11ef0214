import ArgumentParser
import Foundation

/// `gluelab dev`: checks for the people who write gluelab's content.
struct DevCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dev", abstract: "Checks for gluelab's authors.",
                                                    subcommands: [CheckLabsCommand.self, CheckQuestionsCommand.self])
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

/// `gluelab dev check-questions`: every question file valid, the coverage file complete, every
/// scenario option playing as its `expect` says and the answer observably different from each
/// wrong option.
struct CheckQuestionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check-questions", abstract: "Check the question bank: files, coverage, and every scenario played.")
    @Argument(help: "Question ids (default: all, and the coverage file).") var ids: [String] = []

    func run() throws {
        let started = Date()
        let loader = try QuestionLoader.locate()
        let check = QuestionSelfCheck(loader: loader, labs: try? LabLoader.locate())
        let report = check.run(ids: ids) { Output.line($0); Output.flush() }
        let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
        Output.line("\(report.questions) question(s), \(report.scenarios) scenario(s), \(report.optionsPlayed) option(s) played, \(report.problems.count) problem(s) in \(seconds)s")
        if !report.problems.isEmpty { throw WorkbenchError.badValue(option: "check-questions", value: "\(report.problems.count)", reason: "problem(s) in the question bank") }
    }
}
