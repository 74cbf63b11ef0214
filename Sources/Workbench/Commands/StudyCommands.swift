import ArgumentParser
import Foundation
import GlueEngine

/// How the study modes read answers, for their help.
let studyInputHelp = """
    Answers are read line by line from standard input. On a terminal each question waits for \
    you; with no terminal (a pipe or a file) the lines are read as they come and no prompt \
    waits, so answers can be piped in: printf 'B\\nA,C\\n' | gluelab quiz --count 2.
    """

/// `gluelab quiz`: practice with immediate feedback.
struct QuizCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Practice questions with immediate feedback (every option explained).",
        discussion: """
            Random questions of the bank (of --topic when given). After each answer you see \
            whether it was right and why each option is right or wrong; after a scenario question \
            'run B' plays option B on the engine. Every answer is recorded (progress, and the \
            question's review schedule). Type h for help, s to skip, q to stop. \(studyInputHelp)

              gluelab quiz
              gluelab quiz --topic bookmarks --count 5
            """)
    @Option(help: "Only questions of this topic.") var topic: String?
    @Option(help: "How many questions (default 10).") var count: Int = 10
    @Option(help: "Seed the random pick (the same seed picks the same questions).") var seed: UInt64?
    @OptionGroup var options: ProgressOptions

    func validate() throws { if count < 1 { throw ValidationError("--count must be at least 1") } }

    func run() throws {
        let ctx = try StudyContext(options)
        var rng = StudyContext.random(seed)
        let questions = try StudySelection.quiz(ctx.bank, topic: topic, count: count, using: &rng)
        ctx.console.line("Quiz: \(questions.count) question\(questions.count == 1 ? "" : "s")" + (topic.map { " on \($0)" } ?? "") + ". Type h for help.")
        try ctx.practise(questions, title: "Quiz")
    }
}

/// `gluelab drill`: weakest topics first.
struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Practice your weakest topics first, then topics you have not met.",
        discussion: """
            Topics you have met come first, lowest mastery first (mastery: the mean recall \
            probability, FSRS retrievability, of your cards in the topic now); then topics you have \
            not met, those of the larger exam domains first. Up to 3 questions per topic per \
            round; inside a topic, questions due first, then new ones, then the least remembered. \
            The order chosen is shown with its reasons before the first question. \(studyInputHelp)
            """)
    @Option(help: "How many questions (default 10).") var count: Int = 10
    @OptionGroup var options: ProgressOptions

    func validate() throws { if count < 1 { throw ValidationError("--count must be at least 1") } }

    func run() throws {
        let ctx = try StudyContext(options)
        let plan = StudySelection.drill(ctx.bank, snapshot: try ctx.store.studySnapshot(learner: ctx.learner, at: ctx.clock()), count: count)
        ctx.console.line("Drill: \(plan.questions.count) questions, weakest topics first:")
        let width = plan.topics.map(\.topic.count).max() ?? 0
        for t in plan.topics {
            ctx.console.line("  " + t.topic.padding(toLength: width, withPad: " ", startingAt: 0) + "  " +
                             ("\(t.questions.count) question" + (t.questions.count == 1 ? " " : "s")) + "  " + t.reason)
        }
        ctx.console.line("Order: topics you have met by mastery (mean recall probability now), lowest first; then topics not met, larger exam domains first.")
        try ctx.practise(plan.questions, title: "Drill")
    }
}

/// `gluelab review`: the cards the scheduler says are due.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Review the questions due (spaced repetition); lab steps due point to their lab.",
        discussion: """
            Every question you answered and every lab step you passed is a card that FSRS \
            schedules: a wrong answer comes back within minutes, a right one after days. This \
            asks the question cards due now, most overdue first, and records each answer; lab \
            steps due are listed with the lab to redo them in, and bring back up to two of \
            that lab's questions you have not answered or no longer recall well. \(studyInputHelp)
            """)
    @Option(help: "At most this many questions.") var limit: Int?
    @OptionGroup var options: ProgressOptions

    func run() throws {
        let ctx = try StudyContext(options)
        let snapshot = try ctx.store.studySnapshot(learner: ctx.learner, at: ctx.clock())
        let plan = StudySelection.review(ctx.bank, snapshot: snapshot, limit: limit)
        if !plan.labSteps.isEmpty {
            ctx.console.line("Lab steps due (redo them in their lab; the step's card is reviewed when its check passes):")
            let labs = try? LabLoader.locate()
            for s in plan.labSteps {
                let title = (try? labs?.load(s.lab))?.flatMap { lab in lab.steps.firstIndex { $0.id == s.step }.map { "step \($0 + 1), \(lab.steps[$0].title)" } }
                ctx.console.line("  \(s.lab): \(title ?? "step \(s.step)") → gluelab lab start \(s.lab)")
            }
        }
        if !plan.missing.isEmpty {
            ctx.console.line("Due but no longer in the bank (skipped): \(plan.missing.joined(separator: ", "))")
        }
        if !plan.labQuestions.isEmpty {
            ctx.console.line("Questions on those labs, back with their steps: \(plan.labQuestions.map(\.id).joined(separator: ", "))")
        }
        guard !plan.questions.isEmpty || !plan.labQuestions.isEmpty else {
            let next = snapshot.cards.values.map(\.due).filter { $0 > snapshot.at }.min()
            ctx.console.line("No questions due now." + (next.map { " Next due: \(Timestamps.format($0))." } ?? " Answer some with 'gluelab quiz'."))
            return
        }
        let total = snapshot.due.filter { $0.id.hasPrefix("question:") }.count
        let labPart = plan.labQuestions.isEmpty ? "" : ", then \(plan.labQuestions.count) on the labs"
        ctx.console.line("Review: \(plan.questions.count) question\(plan.questions.count == 1 ? "" : "s") due" +
                         (total > plan.questions.count ? " (of \(total))" : "") + ", most overdue first\(labPart).")
        try ctx.practise(plan.questions + plan.labQuestions, title: "Review")
    }
}
