import Foundation
import Testing
@testable import Workbench

@Suite struct QuestionAnswerTests {
    func bank() throws -> QuestionBank { try QuestionLoader(root: try fixtureQuestions()).load(labs: nil) }

    @Test func keysAreGradedAndBadChoicesRefused() throws {
        let b = try bank()
        let single = try #require(b.question("fixture-bookmark-ctx"))
        #expect(try QuestionAnswer(single, answer: "a").correct)
        #expect(try !QuestionAnswer(single, answer: " B ").correct)
        #expect(QuestionAnswer.problem(single, keys: "D") == "no option D (options A-C)")
        #expect(QuestionAnswer.problem(single, keys: "A,B") == "choose one option, not 2")
        #expect(QuestionAnswer.problem(single, keys: "") == "give option keys (A-C)")
        let multiple = try #require(b.question("fixture-bookmark-needs"))
        let answer = try QuestionAnswer(multiple, answer: "c a")
        #expect(answer.correct && answer.chosen == ["A", "C"] && answer.recorded == "A,C")
        #expect(QuestionAnswer.problem(multiple, keys: "A") == "choose 2 options, not 1")
    }

    @Test func reflectionRatingsFollowTheRubric() throws {
        let q = try #require(try bank().question("fixture-bookmark-reflect"))
        #expect(try QuestionAnswer(q, answer: "It rereads every file; cost grows").derivedReflectionRating == .good)
        #expect(try QuestionAnswer(q, answer: "It rereads every file").derivedReflectionRating == .hard)
        #expect(try QuestionAnswer(q, answer: "Spark is slow").derivedReflectionRating == .again)
        #expect(throws: WorkbenchError.self) { try QuestionAnswer(q, answer: "  ") }
    }

    @Test func theRecorderStoresAnAttemptAndReviewsTheCard() throws {
        let clock = TestClock("2026-01-05T10:00:00Z")
        let store = try openStore(progressHome(), clock)
        let b = try bank()
        let recorder = QuestionRecorder(store: store, learner: "ana")
        let wrong = try recorder.record(try QuestionAnswer(try #require(b.question("fixture-bookmark-ctx")), answer: "B"))
        #expect(wrong.review.rating == .again)
        #expect(wrong.review.cardId == "question:fixture-bookmark-ctx")
        let timed = try recorder.record(try QuestionAnswer(try #require(b.question("fixture-bookmark-needs")), answer: "A,C"), timeTakenMillis: 5_000)
        #expect(timed.review.rating == .easy)
        let reflected = try recorder.record(try QuestionAnswer(try #require(b.question("fixture-bookmark-reflect")), answer: "it rereads all files"), rating: .easy)
        #expect(reflected.review.rating == .easy)
        let summary = try store.summary(learner: "ana")
        #expect(summary.questions.attempts == 3)
        #expect(summary.questions.correct == 2)
    }

    @Test func feedbackMarksEveryOption() throws {
        let q = try #require(try bank().question("fixture-bookmark-ctx"))
        let text = QuestionFeedback().feedback(try QuestionAnswer(q, answer: "A"))
        #expect(text.hasPrefix("Correct: A.\n\n  A. A transformation_ctx on the source read.  [right, your choice]\n"))
        #expect(text.contains("  C. The S3 path must end with a wildcard.  [wrong]\n"))
        #expect(text.contains("Misconception:\n  Prep material says"))
        #expect(text.hasSuffix("Practise it: gluelab lab start hourly-reprocessing\n"))
        #expect(QuestionFeedback().question(q).hasPrefix("fixture-bookmark-ctx · bookmarks · domain 1, task 1.2 · difficulty 1 · single choice\n\nA job runs"))
    }
}
