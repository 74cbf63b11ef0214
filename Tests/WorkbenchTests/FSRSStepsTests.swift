import Foundation
import Testing
@testable import Workbench

/// Learning and relearning steps, including the edge cases: none configured, one step, later steps.
@Suite struct FSRSStepsTests {
    @Test func goodThroughTheLearningStepsThenGraduates() {
        let steps = replay([.good, .hard, .again, .good, .good])
        #expect(steps.map(\.card.state) == [.learning, .learning, .learning, .learning, .review])
        #expect(steps.map(\.card.step) == [1, 1, 0, 1, nil])
        #expect(steps.map(\.log.interval) == [10 * minute, 10 * minute, minute, 10 * minute, steps[4].log.scheduledDays * day],
                "Hard on a later step repeats it; Again goes back to step 0")
    }

    @Test func withoutLearningStepsTheFirstReviewGraduates() throws {
        let s = FSRSScheduler(parameters: try FSRSParameters(learningSteps: []))
        let first = s.review(card: FSRSCard(due: 0), rating: .again, at: 0)
        #expect(first.card.state == .review && first.card.step == nil && first.log.interval == day)
    }

    @Test func lapseGoesToRelearningOrStaysInReviewWithoutRelearningSteps() throws {
        let review = FSRSCard(state: .review, step: nil, stability: 20, difficulty: 5, due: 20 * day, lastReview: 0)
        let lapse = FSRSScheduler().review(card: review, rating: .again, at: 20 * day)
        #expect(lapse.card.state == .relearning && lapse.card.step == 0 && lapse.log.interval == 10 * minute)
        let back = FSRSScheduler().review(card: lapse.card, rating: .good, at: lapse.card.due)
        #expect(back.card.state == .review && back.card.step == nil)
        let none = FSRSScheduler(parameters: try FSRSParameters(relearningSteps: []))
        let stay = none.review(card: review, rating: .again, at: 20 * day)
        #expect(stay.card.state == .review && stay.log.interval == Int64(none.nextInterval(stay.card.stability!)) * day)
    }

    @Test func aCardBeyondTheConfiguredStepsGraduatesUnlessAgain() throws {
        let s = FSRSScheduler(parameters: try FSRSParameters(learningSteps: [minute]))
        let card = FSRSCard(state: .learning, step: 3, stability: 2, difficulty: 5, due: 0, lastReview: 0)
        #expect(s.review(card: card, rating: .hard, at: minute).card.state == .review)
        let again = s.review(card: card, rating: .again, at: minute).card
        #expect(again.state == .learning && again.step == 0)
    }

    @Test func maximumIntervalCapsReviews() throws {
        let s = FSRSScheduler(parameters: try FSRSParameters(maximumInterval: 5))
        #expect(replay(Array(repeating: .easy, count: 4), scheduler: s).allSatisfy { $0.log.scheduledDays <= 5 })
    }
}
