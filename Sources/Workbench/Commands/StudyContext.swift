import ArgumentParser
import Dispatch
import Foundation
import GlueEngine
import Yams

/// What every study mode needs: the question bank, the progress store and learner, a clock that
/// moves (the progress clock's time at the start, `GLUELAB_NOW` when set, plus the real time
/// elapsed since), standard input and output, and the presenter.
struct StudyContext {
    let bank: [Question]
    let store: ProgressStore
    let learner: String
    let clock: @Sendable () -> Int64
    let terminal: Bool
    let console: StudyConsole
    let presenter: StudyPresenter

    init(_ options: ProgressOptions) throws {
        bank = try StudyBank.load()
        store = try ProgressOptions.open()
        learner = try store.learnerName(options.learner)
        let start = store.clock.now()
        let base = DispatchTime.now().uptimeNanoseconds
        clock = { start + Int64((DispatchTime.now().uptimeNanoseconds - base) / 1000) }
        terminal = Terminal.isTerminal(STDIN_FILENO)
        console = .standard(terminal: terminal)
        presenter = PlainStudyPresenter()
    }

    /// Records one answer (reviews the question's FSRS card).
    func record(_ a: PracticeAttempt) throws {
        try store.recordAttempt(learner: learner, question: a.question.ref, answer: a.answer, correct: a.correct,
                                timeTakenMillis: a.millis, at: a.at)
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

/// The question bank, read from `questions/*.yaml` (`$GLUELAB_QUESTIONS`, else the first
/// `questions/` found from the binary or the working directory).
enum StudyBank {
    static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> [Question] {
        let root: URL
        if let dir = environment["GLUELAB_QUESTIONS"], !dir.isEmpty {
            root = URL(fileURLWithPath: dir)
        } else {
            let labs = try? LabLoader.locate(environment: [:]).root
            guard let found = labs?.deletingLastPathComponent().appendingPathComponent("questions"),
                  FileManager.default.fileExists(atPath: found.path) else {
                throw WorkbenchError.file(path: "questions", reason: "no questions folder found (set GLUELAB_QUESTIONS to the repository's questions/ folder)")
            }
            root = found
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") && $0 != "coverage.yaml" }.sorted()
        var questions: [Question] = []
        for name in names {
            let path = root.appendingPathComponent(name).path
            let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
            do { questions += try YAMLDecoder().decode(QuestionFile.self, from: text).questions } catch {
                throw WorkbenchError.file(path: path, reason: "not a question file: \(error)")
            }
        }
        if questions.isEmpty { throw WorkbenchError.file(path: root.path, reason: "no questions in this folder") }
        return questions
    }
}
