import ArgumentParser
import Dispatch
import Foundation
import GlueEngine

/// What every study mode needs: the question bank, the progress store and learner, a clock that
/// moves (the progress clock's time at the start, `GLUELAB_NOW` when set, plus the real time
/// elapsed since), standard input and output, and the presenter.
struct StudyContext {
    let bank: [Question]
    let store: ProgressStore
    let learner: String
    let recorder: QuestionRecorder
    let clock: @Sendable () -> Int64
    let terminal: Bool
    let console: StudyConsole
    let presenter: FeedbackStudyPresenter

    /// Loads the bank (`QuestionLoader`: `$GLUELAB_QUESTIONS` or `questions/`), opens progress.
    init(_ options: ProgressOptions) throws {
        let loaded = try QuestionLoader.locate().load()
        bank = loaded.questions
        if bank.isEmpty { throw WorkbenchError.file(path: loaded.root.path, reason: "no questions in the bank (set GLUELAB_QUESTIONS to a questions/ folder)") }
        store = try ProgressOptions.open()
        learner = try store.learnerName(options.learner)
        recorder = QuestionRecorder(store: store, learner: learner)
        let start = store.clock.now()
        let base = DispatchTime.now().uptimeNanoseconds
        clock = { start + Int64((DispatchTime.now().uptimeNanoseconds - base) / 1000) }
        terminal = Terminal.isTerminal(STDIN_FILENO)
        console = .standard(terminal: terminal)
        presenter = FeedbackStudyPresenter(feedback: QuestionFeedback(color: Terminal.colorEnabled(for: STDOUT_FILENO)),
                                           player: ScenarioPlayer(root: loaded.root, home: Sandbox.defaultHome()))
    }

    /// Records one answer (`QuestionRecorder`: an attempt, and a review of the question's FSRS
    /// card rated from correctness and time, or a reflection's rubric).
    func record(_ a: PracticeAttempt) throws {
        try recorder.record(a.answer, timeTakenMillis: a.millis, at: a.at)
    }

    /// Standard input, echoed to the output when it is not a terminal.
    func lines() -> EchoedLines<StandardInputLines> {
        EchoedLines(source: StandardInputLines(terminal: terminal), console: console, echo: !terminal)
    }

    /// Runs a practice session over `questions` and prints its summary.
    func practise(_ questions: [Question], title: String) throws {
        var input = lines()
        let runner = PracticeRunner(questions: questions, clock: clock, console: console, presenter: presenter,
                                    record: record, title: title)
        let r = try runner.run(&input)
        console.line()
        var text = "\(title) done: \(r.answered) answered, \(r.correct) right"
        if r.answered > 0 { text += " (\(ExamRender.percent(Double(r.correct), Double(r.answered))))" }
        if r.skipped > 0 { text += ", \(r.skipped) skipped" }
        if r.stopped { text += ", stopped early" }
        console.line(text + ".")
        if r.answered > 0 { console.line("Recorded for \(learner): 'gluelab review' brings questions back when they are due.") }
    }

    /// A random source: seeded when `seed` is given (reproducible picks), else the system's.
    static func random(_ seed: UInt64?) -> SRSRandom { SRSRandom(seed: seed) }
}
