import Testing
@testable import Workbench

@Suite struct ExamSessionTests {
    func session(_ n: Int = 4, minutes: Int64 = 8) -> ExamSession {
        ExamSession(questions: (1...n).map { studyChoice("q\($0)", answer: $0 == 2 ? ["C"] : ["B"]) }, start: examStart, durationMicros: minutes * oneMinute)
    }

    @Test func parsesAnswersAndCommands() {
        #expect(ExamInput(line: "B") == .answer(["B"]))
        #expect(ExamInput(line: "b,d") == .answer(["B", "D"]))
        #expect(ExamInput(line: " B D ") == .answer(["B", "D"]))
        #expect(ExamInput(line: "F") == .answer(["F"]))
        #expect(ExamInput(line: "f") == .flag)
        #expect(ExamInput(line: "flag") == .flag)
        #expect(ExamInput(line: "n") == .next && ExamInput(line: "next") == .next)
        #expect(ExamInput(line: "p") == .previous && ExamInput(line: "prev") == .previous)
        #expect(ExamInput(line: "g 12") == .go(12) && ExamInput(line: "12") == .go(12))
        #expect(ExamInput(line: "s") == .skip && ExamInput(line: "skip") == .skip)
        #expect(ExamInput(line: "list") == .list && ExamInput(line: "submit") == .submit && ExamInput(line: "q") == .quit)
        #expect(ExamInput(line: "") == .empty)
        if case .invalid = ExamInput(line: "g twelve") {} else { Issue.record("g twelve should be refused") }
        if case .invalid = ExamInput(line: "B?!") {} else { Issue.record("B?! should be refused") }
    }

    @Test func answeringMovesOnAndNavigationGoesBackAndJumps() {
        var s = session()
        #expect(s.apply(.answer(["B"]), at: examStart + oneMinute) == .answered(index: 0, keys: ["B"], next: 1))
        #expect(s.current == 1)
        #expect(s.apply(.previous, at: examStart + 2 * oneMinute) == .show(0))
        #expect(s.apply(.answer(["A"]), at: examStart + 3 * oneMinute) == .answered(index: 0, keys: ["A"], next: 1))
        #expect(s.answers[0] == ["A"])
        #expect(s.apply(.go(4), at: examStart + 3 * oneMinute) == .show(3))
        #expect(s.apply(.next, at: examStart + 3 * oneMinute) == .refused("this is the last question: 'list' shows what is left, 'submit' ends the exam"))
        #expect(s.apply(.go(9), at: examStart + 3 * oneMinute) == .refused("no question 9: questions are 1-4"))
        #expect(s.apply(.answer(["B"]), at: examStart + 4 * oneMinute) == .answered(index: 3, keys: ["B"], next: nil))
        #expect(s.current == 3)
        #expect(s.unanswered == [1, 2])
        // Time is counted per question over every visit: q1 had 1 min, then 1 more.
        #expect(s.spent[0] == 2 * oneMinute && s.spent[1] == oneMinute && s.spent[3] == 0)
        // The time on the question shown is counted when the learner leaves it.
        _ = s.apply(.go(1), at: examStart + 5 * oneMinute)
        #expect(s.spent[3] == 2 * oneMinute)
    }

    @Test func refusesUnknownOptionsAndTheWrongNumberOfAnswers() {
        var s = ExamSession(questions: [studyChoice("m", answer: ["B", "D"], choose: 2, type: .multiple)], start: examStart, durationMicros: oneMinute)
        #expect(s.apply(.answer(["Z"]), at: examStart) == .refused("no option Z (options A-E)"))
        #expect(s.apply(.answer(["B"]), at: examStart) == .refused("choose 2 options, not 1"))
        #expect(s.answers[0] == nil)
        #expect(s.apply(.answer(["B", "D"]), at: examStart) == .answered(index: 0, keys: ["B", "D"], next: nil))
    }

    @Test func flagsToggleAndSkipLeavesQuestionsForLater() {
        var s = session()
        #expect(s.apply(.flag, at: examStart) == .flagged(true))
        #expect(s.apply(.flag, at: examStart) == .flagged(false))
        #expect(s.apply(.flag, at: examStart) == .flagged(true))
        #expect(s.apply(.skip, at: examStart) == .show(1))
        #expect(s.skipped == [0] && s.flagged == [0])
        _ = s.apply(.answer(["C"]), at: examStart)
        _ = s.apply(.answer(["B"]), at: examStart)
        // Skipping the last question goes back to the first unanswered one.
        #expect(s.apply(.skip, at: examStart) == .show(0))
        #expect(s.skipped == [0, 3])
        _ = s.apply(.answer(["B"]), at: examStart)
        #expect(s.skipped == [3])
    }

    @Test func submitAsksToConfirmWhenQuestionsAreOpenOrFlagged() {
        var s = session(2)
        _ = s.apply(.answer(["B"]), at: examStart)
        #expect(s.apply(.submit, at: examStart) == .confirmSubmit(unanswered: 1, flagged: 0))
        // Anything else cancels and is applied.
        #expect(s.apply(.answer(["C"]), at: examStart + oneMinute) == .answered(index: 1, keys: ["C"], next: nil))
        #expect(!s.isOver)
        _ = s.apply(.flag, at: examStart + oneMinute)
        #expect(s.apply(.submit, at: examStart + oneMinute) == .confirmSubmit(unanswered: 0, flagged: 1))
        #expect(s.apply(.confirm, at: examStart + 2 * oneMinute) == .ended(.submitted))
        #expect(s.end?.reason == .submitted && s.end?.at == examStart + 2 * oneMinute)
        // Once over, nothing changes.
        #expect(s.apply(.answer(["A"]), at: examStart + 2 * oneMinute) == .ended(.submitted))
        #expect(s.answers[1] == ["C"])
    }

    @Test func submitWithEverythingAnsweredEndsAtOnceAndQuitNeedsConfirming() {
        var s = session(1)
        _ = s.apply(.answer(["B"]), at: examStart)
        #expect(s.apply(.submit, at: examStart) == .ended(.submitted))
        var t = session(1)
        #expect(t.apply(.quit, at: examStart) == .confirmQuit)
        #expect(t.apply(.empty, at: examStart) == .refused("still in the exam"))
        #expect(t.apply(.quit, at: examStart) == .confirmQuit)
        #expect(t.apply(.quit, at: examStart) == .ended(.quit))
    }

    @Test func anInputAfterTheDeadlineIsNotAppliedAndTheExamSubmitsItself() {
        var s = session(3, minutes: 4)
        _ = s.apply(.answer(["B"]), at: examStart + oneMinute)
        #expect(s.apply(.answer(["C"]), at: examStart + 5 * oneMinute) == .ended(.timeUp))
        #expect(s.answers[1] == nil)
        #expect(s.end?.at == examStart + 4 * oneMinute)
        // Question 2 was shown from oneMinute 1 to the deadline.
        #expect(s.spent[1] == 3 * oneMinute)
    }

    @Test func expireOnlyAfterTheDeadline() {
        var s = session(2, minutes: 2)
        #expect(s.expire(at: examStart + oneMinute) == nil)
        #expect(s.remaining(at: examStart + oneMinute) == oneMinute)
        #expect(s.expire(at: examStart + 2 * oneMinute) == .ended(.timeUp))
        #expect(s.expire(at: examStart + 3 * oneMinute) == nil)
        #expect(s.remaining(at: examStart + 3 * oneMinute) == 0)
        var u = session(2)
        #expect(u.inputEnded(at: examStart + oneMinute) == .ended(.inputEnded))
    }
}
