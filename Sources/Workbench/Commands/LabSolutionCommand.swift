import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab lab solution [--step ID] [--yes]`: the reference solution as commands to type.
/// For the current step it is shown only after the last hint and a confirmation (the step then
/// counts as done with help); a passed step's solution is shown freely.
struct LabSolutionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "solution", abstract: "Show a step's reference solution as commands to type.",
        discussion: """
            The current step's solution comes after its hints (gluelab lab hint) and a confirmation: \
            the step then counts as done with help. Without a terminal, --yes confirms. \
            --step ID shows the solution of a step already passed.
            """)
    @Argument(help: "The lab id (default: the one started last).") var id: String?
    @Option(help: "A passed step's id: show its solution.") var step: String?
    @Flag(help: "Confirm without asking (needed without a terminal).") var yes = false
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try LabContext(options)
        let (lab, state) = try ctx.lab(id)
        let session = try ctx.session(lab)
        let current = session.currentStep(of: lab)
        if let wanted = step {
            guard let chosen = lab.steps.first(where: { $0.id == wanted }) else {
                throw WorkbenchError.badValue(option: "--step", value: wanted, reason: "no such step (steps: \(lab.steps.map(\.id).joined(separator: ", ")))")
            }
            if session.passed.contains(wanted) { return try print(chosen, state) }
            guard current?.step.id == wanted else {
                throw WorkbenchError.badValue(option: "--step", value: wanted, reason: "not reached yet: pass the steps before it first")
            }
        }
        guard let (_, step) = current else {
            Output.line("All steps passed (gluelab lab solution --step ID shows a step's solution).")
            return
        }
        let left = step.hints.count - (session.hints[step.id] ?? 0)
        if left > 0 {
            throw WorkbenchError.badValue(option: "step", value: step.id,
                                          reason: "\(left) hint\(left == 1 ? "" : "s") left — gluelab lab hint first")
        }
        if !yes {
            guard Terminal.isTerminal(STDIN_FILENO) else {
                throw WorkbenchError.badValue(option: "step", value: step.id,
                                              reason: "the step will count as done with help: add --yes to show the solution")
            }
            Output.write("Show the solution? The step will count as done with help. [y/N] ")
            Output.flush()
            let answer = (readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else { Output.line("Not shown."); return }
        }
        try ctx.record(lab, step.id, .solution)
        try print(step, state)
    }

    private func print(_ step: LabStep, _ state: LabStartState) throws {
        Output.line("Solution of step \(step.id):")
        for line in LabActionCommands.lines(for: step.solution, state: state, sandbox: try? state.open()) {
            for text in line.printed { Output.line(text) }
        }
    }
}
