import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab exam`: a timed simulation of DEA-C01.
struct ExamCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exam",
        abstract: "A timed exam simulation (DEA-C01 style): score, per-domain breakdown, review.",
        discussion: """
            DEA-C01 has 65 questions in 130 minutes, drawn by domain weight (34/26/22/18%). \
            gluelab keeps the pace of 2 minutes a question: a bank with fewer questions gives a \
            smaller exam with less time. Nothing is shown until you submit: answer with option \
            letters (B, or B,D); n/p move, 'g 12' jumps, f flags, s skips, 'list' shows every \
            question's status, 'submit' ends, q quits without a score (on a terminal Ctrl-C is q: press it twice to leave). The time left is shown at \
            every prompt; at the deadline the exam submits itself (on a terminal even if you are \
            not typing; with piped input at the next line read), and the end of piped input \
            submits too. The score is scaled to 100–1000 with 720 to pass, by gluelab's \
            approximation (linear in the share right); unanswered questions count wrong. Answers \
            are recorded at submit, each with the time spent on it (questions never shown are not \
            recorded). Then a review walks the wrong, unanswered and flagged questions with their \
            explanations. \(studyInputHelp)

              gluelab exam
              gluelab exam --questions 20 --minutes 30
            """)
    @Option(help: "How many questions (default 65, or the bank's size when smaller).") var questions: Int?
    @Option(help: "The time limit in minutes (default 2 per question; decimals allowed).") var minutes: Double?
    @Option(help: "Seed the draw (the same seed draws the same exam).") var seed: UInt64?
    @Flag(help: "Skip the review after the score.") var noReview = false
    @OptionGroup var options: ProgressOptions

    func validate() throws {
        if let questions, questions < 1 { throw ValidationError("--questions must be at least 1") }
        if let minutes, !(minutes > 0) { throw ValidationError("--minutes must be more than 0") }
    }

    func run() throws {
        let ctx = try StudyContext(options)
        let plan = ExamBlueprint(bank: ctx.bank, questions: questions, minutes: minutes)
        guard plan.questionCount > 0 else {
            throw WorkbenchError.badValue(option: "exam", value: "", reason: "the bank has no exam questions (single, multiple or scenario, domains 1-4)")
        }
        var rng = StudyContext.random(seed)
        let drawn = plan.draw(from: ctx.bank, using: &rng)
        ctx.console.line(Self.intro(plan, asked: questions))
        let start = ctx.clock()
        var presenter = ctx.presenter
        presenter.exam = true
        var runner = ExamRunner(session: ExamSession(questions: drawn, start: start, durationMicros: Int64((plan.minutes * 60_000_000).rounded())),
                                clock: ctx.clock, console: ctx.console, presenter: presenter)
        var input = ctx.lines()
        let end = runner.run(&input)
        guard end != .quit else { return }
        let session = runner.session
        ctx.console.line()
        ctx.console.line(ExamRender.score(ExamScore(session), session))
        let at = session.end?.at ?? ctx.clock()
        var recorded = 0
        for i in session.seen.sorted() {
            let q = session.questions[i]
            let answer = try session.answers[i].map { try QuestionAnswer(q, answer: $0.joined(separator: ",")) } ?? QuestionAnswer(unanswered: q)
            try ctx.record(PracticeAttempt(answer: answer, millis: session.spent[i] / 1000, at: at))
            recorded += 1
        }
        ctx.console.line("Recorded \(recorded) answer\(recorded == 1 ? "" : "s") for \(ctx.learner)" +
                         (recorded < session.questions.count ? " (questions never shown are not recorded)" : "") + ".")
        if !noReview { ExamReviewWalk(session: session, console: ctx.console, presenter: ctx.presenter).run(&input) }
    }

    static func intro(_ plan: ExamBlueprint, asked: Int?) -> String {
        var lines = ["Exam: \(plan.questionCount) question\(plan.questionCount == 1 ? "" : "s") in \(StudyConsole.minutesText(plan.minutes))."]
        if plan.scaledDown {
            lines.append("  DEA-C01 has 65 questions in 130 minutes; the bank has \(plan.questionCount) exam question\(plan.questionCount == 1 ? "" : "s")" +
                         (asked.map { " (you asked for \($0))" } ?? "") + ", so the exam is scaled down.")
        }
        let split = ExamDomain.allCases.compactMap { d in plan.perDomain[d].flatMap { $0 > 0 ? "domain \(d.rawValue): \($0)" : nil } }
        lines.append("  By domain weight (34/26/22/18%): " + split.joined(separator: ", ") + ".")
        lines.append("  Nothing is shown until you submit. Type h for the commands.")
        return lines.joined(separator: "\n")
    }
}
