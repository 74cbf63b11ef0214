import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab lab`: guided labs, each in its own sandbox `lab-<id>`.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Guided labs: a story, a sandbox in a start state, steps checked against engine state.",
        discussion: """
            Labs are read from labs/<id>/lab.yaml in the repository (found from the gluelab \
            binary or the working directory; set GLUELAB_LABS to point elsewhere).
              gluelab lab list
              gluelab lab start hourly-reprocessing
              gluelab lab check
            """,
        subcommands: [LabListCommand.self, LabStartCommand.self, LabStatusCommand.self, LabCheckCommand.self,
                      LabHintCommand.self, LabSolutionCommand.self, LabResetCommand.self, LabEditCommand.self, LabWatchCommand.self]
    )
}

/// What every lab subcommand needs: the labs, the progress store, the learner, the lab.
struct LabContext {
    let loader: LabLoader
    let store: ProgressStore
    let learner: String

    init(_ options: ProgressOptions) throws {
        loader = try LabLoader.locate()
        store = try ProgressOptions.open()
        learner = try store.learnerName(options.learner)
    }

    /// The lab `id`, or the one started last.
    func lab(_ id: String?) throws -> (LabDefinition, LabStartState) {
        guard let id = try id ?? store.currentLab(learner: learner) else {
            throw WorkbenchError.badValue(option: "lab", value: "", reason: "no lab started (gluelab lab start ID)")
        }
        let lab = try loader.load(id)
        return (lab, LabStartState(lab: lab, folder: loader.folder(id), home: Sandbox.defaultHome()))
    }

    func session(_ lab: LabDefinition) throws -> LabSession {
        guard let s = try store.labSession(learner: learner, lab: lab.id) else {
            throw WorkbenchError.badValue(option: "lab", value: lab.id, reason: "not started (gluelab lab start \(lab.id))")
        }
        return s
    }

    func record(_ lab: LabDefinition, _ step: String?, _ event: LabEventKind, _ detail: String? = nil) throws {
        try store.recordLabEvent(learner: learner, lab: lab.id, step: step, event: event, detail: detail,
                                 topic: lab.topic, domain: ExamDomain(rawValue: lab.domain))
    }

    /// How one `lab check` ended.
    enum CheckOutcome: Equatable {
        case passed, completed, alreadyDone
        case failed(step: String, reason: String)
    }

    /// Runs the current step's checks, prints expected against actual, records the result and
    /// advances (printing the next step, or the lab's completion) when they pass.
    func check(_ lab: LabDefinition, _ state: LabStartState) throws -> CheckOutcome {
        guard let (index, step) = try session(lab).currentStep(of: lab) else { Output.line("All steps passed."); return .alreadyDone }
        let results = try step.checks.flatMap { try $0.evaluate(in: state.open()) }
        for r in results { Output.line("\(r.passed ? "ok  " : "FAIL") \(r.what): expected \(r.expected), actual \(r.actual)") }
        let failed = results.filter { !$0.passed }
        guard failed.isEmpty else {
            try record(lab, step.id, .checkFailed, failed.map { "\($0.what): expected \($0.expected), actual \($0.actual)" }.joined(separator: "; "))
            return .failed(step: step.id, reason: "\(failed.count) of \(results.count) checks failed (gluelab lab hint)")
        }
        try record(lab, step.id, .checkPassed)
        Output.line("\nStep \(index + 1) passed. \(step.explanation.trimmingCharacters(in: .whitespacesAndNewlines))\n")
        if index + 1 < lab.steps.count {
            try record(lab, lab.steps[index + 1].id, .started)
            LabContext.show(lab.steps[index + 1], index: index + 1, of: lab, state)
            return .passed
        }
        try record(lab, nil, .completed)
        Output.line("Lab \(lab.id) completed.")
        return .completed
    }

    /// Prints a step; `{lab}` and `{workspace}` in its commands become the lab's folder and the
    /// learner's script folder.
    static func show(_ step: LabStep, index: Int, of lab: LabDefinition, _ state: LabStartState) {
        Output.line("Step \(index + 1)/\(lab.steps.count): \(step.title)")
        Output.line(step.instructions.trimmingCharacters(in: .whitespacesAndNewlines))
        if let commands = step.commands, !commands.isEmpty {
            Output.line("Try:")
            for c in commands {
                Output.line("  " + c.replacingOccurrences(of: "{lab}", with: state.folder.path)
                    .replacingOccurrences(of: "{workspace}", with: state.workspace.path))
            }
        }
    }
}

struct LabListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the labs and your status in each.")
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try LabContext(options)
        var rows = [["LAB", "TITLE", "DOMAIN", "MINUTES", "STATUS"]]
        // One lab that does not load must not hide the others.
        let (labs, failures) = ctx.loader.loadAll()
        for lab in labs {
            let status: String
            if let s = try ctx.store.labSession(learner: ctx.learner, lab: lab.id) {
                status = s.completed ? "completed" : "step \(s.passed.count + 1)/\(lab.steps.count)"
            } else {
                status = "not started"
            }
            rows.append([lab.id, lab.title, String(lab.domain), "~\(lab.minutes)", status])
        }
        for line in JobRender.table(rows) { Output.line(line) }
        for f in failures { Output.line("\(f.id)  (cannot be loaded: \(f.error))") }
        if !failures.isEmpty {
            throw WorkbenchError.badValue(option: "labs", value: ctx.loader.root.path, reason: "\(failures.count) lab(s) cannot be loaded (gluelab dev check-labs)")
        }
    }
}

struct LabStartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start (or restart) a lab in a fresh sandbox.")
    @Argument(help: "The lab id (gluelab lab list).") var id: String
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try LabContext(options)
        let (lab, state) = try ctx.lab(id)
        let scripts = try LabStartCache(state: state).apply()
        try ctx.record(lab, lab.steps[0].id, .started, "lab-start")
        Output.line("\(lab.title)\n")
        Output.line(lab.story.trimmingCharacters(in: .whitespacesAndNewlines))
        Output.line("\nSandbox: \(state.sandboxName) (use --sandbox \(state.sandboxName))")
        Output.line("Lab files: \(state.folder.path)")
        for path in scripts { Output.line("Script to edit: \(path)") }
        if !scripts.isEmpty { Output.line("(gluelab lab edit opens it; gluelab lab watch re-checks the step whenever you save it or a job run ends)") }
        Output.line()
        LabContext.show(lab.steps[0], index: 0, of: lab, state)
    }
}

struct LabStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show the current lab and step.")
    @Argument(help: "The lab id (default: the one started last).") var id: String?
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try LabContext(options)
        let (lab, state) = try ctx.lab(id)
        let session = try ctx.session(lab)
        Output.line("\(lab.id): \(lab.title)  (sandbox \(state.sandboxName))")
        for path in (lab.scripts ?? []).map({ state.scriptPath(($0 as NSString).lastPathComponent).path }) { Output.line("Script to edit: \(path)") }
        guard let (index, step) = session.currentStep(of: lab) else { Output.line("All \(lab.steps.count) steps passed."); return }
        LabContext.show(step, index: index, of: lab, state)
    }
}

struct LabCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Run the current step's checks; advance when they pass.")
    @Argument(help: "The lab id (default: the one started last).") var id: String?
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try LabContext(options)
        let (lab, state) = try ctx.lab(id)
        if case .failed(let step, let reason) = try ctx.check(lab, state) { throw WorkbenchError.badValue(option: "step", value: step, reason: reason) }
    }
}

struct LabHintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hint", abstract: "Show the current step's next hint (recorded).")
    @Argument(help: "The lab id (default: the one started last).") var id: String?
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try LabContext(options)
        let (lab, _) = try ctx.lab(id)
        let session = try ctx.session(lab)
        guard let (_, step) = session.currentStep(of: lab) else { Output.line("All steps passed."); return }
        let shown = session.hints[step.id] ?? 0
        guard shown < step.hints.count else { Output.line("No more hints (gluelab lab solution)."); return }
        try ctx.record(lab, step.id, .hint, String(shown + 1))
        Output.line("Hint \(shown + 1)/\(step.hints.count): \(step.hints[shown])")
    }
}

struct LabResetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Put the lab's sandbox and scripts back in the start state, at step 1.")
    @Argument(help: "The lab id (default: the one started last).") var id: String?
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try LabContext(options)
        let (lab, state) = try ctx.lab(id)
        try LabStartCache(state: state).apply()
        try ctx.record(lab, lab.steps[0].id, .started, "lab-start")
        Output.line("\(lab.id): sandbox \(state.sandboxName) and scripts reset to the start state")
    }
}
