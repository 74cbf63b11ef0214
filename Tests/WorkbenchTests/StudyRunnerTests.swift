import Testing
@testable import Workbench

/// A presenter whose texts are short, so transcripts can be compared.
struct StubPresenter: StudyPresenter {
    func question(_ q: Question, position: String) -> String { "\(position)\n\(q.stem)\n" }
    func feedback(_ a: QuestionAnswer) -> String {
        if a.question.type == .reflection { return a.correct ? "rubric met\n" : "rubric missed\n" }
        return a.correct ? "right (\(a.question.id))\n" : "wrong (\(a.question.id)), answer \((a.question.answer ?? []).joined(separator: ","))\n"
    }
    func unanswered(_ q: Question) -> String { "unanswered (\(q.id)), answer \((q.answer ?? []).joined(separator: ","))\n" }
    func play(_ q: Question, keys: [String], chosen: [String]) -> String { "played \(q.id) \(keys.joined(separator: ",")) (chose \(chosen.joined(separator: ",")))\n" }
}

@Suite struct StudyRunnerTests {
    @Test func theExamSubmitsItselfWhenTheTimerRunsOut() {
        let clock = StudyTestClock(examStart)
        let qs = [studyChoice("q1"), studyChoice("q2", domain: 2), studyChoice("q3", domain: 3)]
        let out = CapturedText()
        var runner = ExamRunner(session: ExamSession(questions: qs, start: examStart, durationMicros: 6 * oneMinute), clock: clock.now,
                                console: out.console, presenter: StubPresenter())
        // q1 answered after 1 min, then nobody types for 10 minutes.
        var input = ScriptedLines(timed: [("B", oneMinute), ("C", 10 * oneMinute)], clock: clock, timer: true)
        #expect(runner.run(&input) == .timeUp)
        #expect(clock.now() == examStart + 6 * oneMinute)
        #expect(runner.session.answers.map { $0 } == [["B"], nil, nil])
        #expect(input.waits.first == 6 * oneMinute && input.waits.dropFirst().first == 5 * oneMinute)
        #expect(out.text.contains("[1/3 · 6:00 left · 3 unanswered] >"))
        #expect(out.text.contains("[2/3 · 5:00 left · 2 unanswered] >"))
        #expect(out.text.contains("Time is up: the exam was submitted with the answers given."))
        let score = ExamScore(runner.session)
        #expect(score.correct == 1 && score.unanswered == 2 && runner.session.spent == [oneMinute, 5 * oneMinute, 0])
    }

    @Test func withoutATimerTheFirstLineAfterTheDeadlineSubmits() {
        let clock = StudyTestClock(examStart)
        let out = CapturedText()
        var runner = ExamRunner(session: ExamSession(questions: [studyChoice("q1"), studyChoice("q2")], start: examStart, durationMicros: 2 * oneMinute), clock: clock.now,
                                console: out.console, presenter: StubPresenter())
        var input = ScriptedLines(timed: [("B", oneMinute), ("B", 3 * oneMinute)], clock: clock, timer: false)
        #expect(runner.run(&input) == .timeUp)
        #expect(runner.session.answers[1] == nil)
        #expect(out.text.contains("(too late: 'B' came after the time limit and was not counted)"))
    }

    @Test func theExamTranscriptShowsListFlagsAndTheEndOfInputSubmits() {
        let clock = StudyTestClock(examStart)
        let out = CapturedText()
        var runner = ExamRunner(session: ExamSession(questions: [studyChoice("q1"), studyChoice("q2"), studyChoice("q3")], start: examStart, durationMicros: 6 * oneMinute),
                                clock: clock.now, console: out.console, presenter: StubPresenter())
        var input = ScriptedLines(["f", "s", "B", "list", "g 1", "A"], every: 1_000_000, clock: clock)
        #expect(runner.run(&input) == .inputEnded)
        #expect(runner.session.answers.map { $0 } == [["A"], ["B"], nil])
        #expect(out.text.contains("Question 1 flagged."))
        #expect(out.text.contains("  1  —       current, skipped, flagged") || out.text.contains("  1  —       skipped, flagged"))
        #expect(out.text.contains("Question 1 of 3 · flagged"))
        #expect(out.text.contains("The input ended: the exam was submitted"))
        let review = CapturedText()
        var none = ScriptedLines([])
        ExamReviewWalk(session: runner.session, console: review.console, presenter: StubPresenter()).run(&none)
        // Reviewed: q1 (wrong, flagged) and q3 (unanswered); q2 was right.
        #expect(review.text.contains("Review: 2 questions wrong, unanswered or flagged."))
        #expect(review.text.contains("Question 1 of 3 · wrong · flagged") && review.text.contains("wrong (q1), answer B"))
        #expect(review.text.contains("Question 3 of 3 · unanswered") && review.text.contains("unanswered (q3), answer B") && !review.text.contains("right (q2)"))
    }

    @Test func practiceRecordsEachAnswerWithItsTimeAndPlaysScenarioOptions() throws {
        let clock = StudyTestClock(examStart)
        let out = CapturedText()
        var scenario = studyChoice("sc", type: .scenario)
        scenario.options![1].run = OptionRun(actions: [], expect: [])
        scenario.options![2].run = OptionRun(actions: [], expect: [])
        var recorded: [PracticeAttempt] = []
        let runner = PracticeRunner(questions: [studyChoice("q1"), studyReflection("r1"), scenario, studyChoice("q4")], clock: clock.now, console: out.console,
                                    presenter: StubPresenter(), record: { recorded.append($0) }, title: "Quiz")
        var input = ScriptedLines(["Z", "A", "because of the bookmark", "s", "q"], every: 30_000_000, clock: clock)
        var result = try runner.run(&input)
        #expect(result == PracticeResult(answered: 2, correct: 1, skipped: 1, stopped: true))
        #expect(recorded.map(\.answer.question.id) == ["q1", "r1"])
        #expect(recorded.map(\.answer.recorded) == ["A", "because of the bookmark"] && recorded.map(\.answer.correct) == [false, true])
        #expect(recorded[0].millis == 60_000 && recorded[1].millis == 30_000)
        #expect(out.text.contains("no option Z (options A-E)"))
        let out2 = CapturedText()
        let second = PracticeRunner(questions: [scenario], clock: clock.now, console: out2.console, presenter: StubPresenter(),
                                    record: { recorded.append($0) }, title: "Quiz")
        var input2 = ScriptedLines(["B", "run C", "run A", "run", ""])
        result = try second.run(&input2)
        #expect(result == PracticeResult(answered: 1, correct: 1, skipped: 0, stopped: false))
        #expect(out2.text.contains("played sc C (chose B)") && out2.text.contains("no runnable option A: B, C"))
        // 'run' alone plays the chosen option and the right ones (here the same).
        #expect(out2.text.contains("played sc B (chose B)"))
    }

    @Test func theReviewWalkGoesBackSwitchesToAllQuestionsAndStopsOnQ() {
        var s = ExamSession(questions: [studyChoice("q1"), studyChoice("q2"), studyChoice("q3")], start: examStart, durationMicros: 6 * oneMinute)
        for keys in [["A"], ["B"], ["C"]] { _ = s.apply(.answer(keys), at: examStart) }
        _ = s.apply(.submit, at: examStart)
        let out = CapturedText()
        // Wrong: q1 and q3. Enter → q3, p → back to q1, a → every question from q1, Enter → q2, q stops.
        var input = ScriptedLines(["", "p", "a", "", "q"])
        ExamReviewWalk(session: s, console: out.console, presenter: StubPresenter()).run(&input)
        let shown = out.text.split(separator: "\n").filter { $0.hasPrefix("Question ") }.map { String($0.prefix(13)) }
        #expect(shown == ["Question 1 of", "Question 3 of", "Question 1 of", "Question 1 of", "Question 2 of"])
        #expect(out.text.contains("[review 1/2] >") && out.text.contains("[review 2/3] >"))
        #expect(!out.text.contains("End of the review."))
    }
}
