import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab progress`: the learner's progress (mastery, labs, questions, reviews due, streak),
/// its export and import, and the learner profiles.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Your progress: mastery per exam domain and topic, labs, questions, reviews due, streak.",
        discussion: """
            Progress lives in $GLUELAB_HOME/progress.sqlite, one history per learner (--learner \
            NAME; default: 'default', or the one set with 'progress learners --set-default'). \
            Mastery is the mean recall probability (FSRS retrievability) of the questions and lab \
            steps you have met. 'export' and 'import' move your history between machines: import \
            merges by ids, so importing the same file twice changes nothing.

              gluelab progress
              gluelab progress --learner ana --json
              gluelab progress export progress.json
              gluelab progress import progress.json
            """,
        subcommands: [ProgressShowCommand.self, ProgressExportCommand.self, ProgressImportCommand.self, ProgressLearnersCommand.self],
        defaultSubcommand: ProgressShowCommand.self
    )
}

/// `--learner NAME` and opening the progress database (its notice, if any, goes to standard error).
struct ProgressOptions: ParsableArguments {
    @Option(help: "The learner (default: the default learner, 'default' unless changed).")
    var learner: String?

    /// Opens the workspace's progress database, printing the notice of a file set aside.
    static func open() throws -> ProgressStore {
        let store = try ProgressStore.open(home: Sandbox.defaultHome())
        if let notice = store.notice { Output.note(notice) }
        return store
    }
}

struct ProgressShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a learner's progress (the default).")
    @OptionGroup var options: ProgressOptions
    @OptionGroup var output: JSONFlag

    func run() throws {
        let store = try ProgressOptions.open()
        let summary = try store.summary(learner: try store.learnerName(options.learner))
        if output.json {
            Output.json(ProgressRender.record(summary))
        } else {
            Output.write(ProgressRender.dashboard(summary, clock: store.clock))
        }
    }
}

struct ProgressExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write progress to a JSON file ('-' for standard output).",
        discussion: "Every learner, or only --learner NAME.")
    @Argument(help: "The file to write.") var file: String
    @Option(help: "Export only this learner.") var learner: String?

    func run() throws {
        let store = try ProgressOptions.open()
        let data = try store.exportJSON(learner: learner)
        if file == "-" {
            Output.bytes(data + Data("\n".utf8))
            return
        }
        try LocalFiles.write(data + Data("\n".utf8), to: file)
        let export = try store.export(learner: learner)
        Output.line("exported \(export.learners.count == 1 ? "1 learner" : "\(export.learners.count) learners") to \(file)")
    }
}

struct ProgressImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge progress from a JSON file made by 'progress export'.",
        discussion: """
            Learners are matched by name; reviews, answers and lab events are added when new \
            (by id); a card takes the imported state when its last review is later. A file with \
            any error is refused whole.
            """)
    @Argument(help: "The file to read.") var file: String
    @OptionGroup var output: JSONFlag

    func run() throws {
        let export = try ProgressExport.read(path: file)
        let store = try ProgressOptions.open()
        let report = try store.importProgress(export)
        if output.json {
            Output.json(ProgressRender.record(report))
        } else {
            Output.line(ProgressRender.text(report, file: file))
        }
    }
}

struct ProgressLearnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "learners", abstract: "List learner profiles, or choose the default one.")
    @Option(help: "Make this learner the default (created when new).") var setDefault: String?
    @OptionGroup var output: JSONFlag

    func run() throws {
        let store = try ProgressOptions.open()
        if let setDefault { try store.setDefaultLearner(setDefault) }
        let learners = try store.learners()
        if output.json {
            for l in learners {
                Output.json(DynamicRecord([("name", .string(l.name)), ("createdAt", .string(Timestamps.format(l.createdAt))),
                                           ("default", .boolean(l.isDefault))]))
            }
            return
        }
        if learners.isEmpty {
            Output.line("no learners yet: '\(try store.defaultLearner())' is made on your first answer or lab step")
        }
        for l in learners {
            Output.line((l.isDefault ? "* " : "  ") + l.name + "  since " + ProgressClock.dayText(store.clock.day(of: l.createdAt)))
        }
    }
}
