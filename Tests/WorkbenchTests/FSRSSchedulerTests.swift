import Foundation
import Testing
@testable import Workbench

/// 2022-11-29T12:30:00Z, the start of py-fsrs's `test_review_card`.
let fsrsStart: Int64 = 1_669_725_000_000_000
let minute: Int64 = 60_000_000
let day: Int64 = 86_400_000_000

/// Reviews a new card at each due time (or at `times`), returning the card and log after each review.
func replay(_ ratings: [FSRSRating], start: Int64 = fsrsStart, times: [Int64]? = nil,
            scheduler: FSRSScheduler = FSRSScheduler()) -> [(card: FSRSCard, log: FSRSReviewLog)] {
    var card = FSRSCard(due: start)
    var out: [(card: FSRSCard, log: FSRSReviewLog)] = []
    for (i, r) in ratings.enumerated() {
        let step = scheduler.review(card: card, rating: r, at: times.map { start + $0[i] } ?? card.due)
        card = step.card
        out.append(step)
    }
    return out
}

@Suite struct FSRSSchedulerTests {
    @Test func reproducesTheStudyToolsReferenceVectorAtEachDueTime() {
        let ratings: [FSRSRating] = [.good, .good, .good, .good, .good, .good, .again, .again, .good, .good, .good, .good, .good]
        let expected: [(FSRSState, Int?, Double, Double, Int64)] = [
            (.learning, 1, 2.306500, 2.118104, 10 * minute), (.review, nil, 2.306500, 2.111214, 2 * day),
            (.review, nil, 10.971048, 2.104331, 11 * day), (.review, nil, 46.316858, 2.097455, 46 * day),
            (.review, nil, 162.999816, 2.090586, 163 * day), (.review, nil, 497.876555, 2.083724, 498 * day),
            (.relearning, 0, 6.890413, 7.383202, 10 * minute), (.relearning, 0, 2.154598, 9.125105, 10 * minute),
            (.review, nil, 2.154598, 9.111208, 2 * day), (.review, nil, 3.983123, 9.097325, 4 * day),
            (.review, nil, 7.236254, 9.083456, 7 * day), (.review, nil, 12.483044, 9.069601, 12 * day),
            (.review, nil, 20.770357, 9.055760, 21 * day),
        ]
        let steps = replay(ratings)
        for (i, (s, want)) in zip(steps, expected).enumerated() {
            #expect(s.card.state == want.0 && s.card.step == want.1, "review \(i + 1)")
            #expect(abs(s.card.stability! - want.2) < 5e-7 && abs(s.card.difficulty! - want.3) < 5e-7, "review \(i + 1)")
            #expect(s.log.interval == want.4, "review \(i + 1)")
        }
        // py-fsrs test_review_card: intervals in whole days.
        #expect(steps.map(\.log.scheduledDays) == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21])
    }

    @Test func reproducesTheMemoStateVectorAtGivenDays() {
        let steps = replay([.again, .good, .good, .good, .good, .good], times: [0, 0, 1, 4, 12, 33].map { $0 * day })
        let s = steps.map { $0.card.stability! }
        for (got, want) in zip(s, [0.212, 0.246689, 2.021477, 7.863699, 21.917713, 53.626903]) {
            #expect(abs(got - want) < 1e-6)
        }
        #expect(abs(s.last! - 53.62691) < 1e-4)
        #expect(abs(steps.last!.card.difficulty! - 6.3574867) < 1e-6)
    }

    @Test func initialStabilityAndDifficultyForEachRating() {
        let cards = FSRSRating.allCases.map { FSRSScheduler().review(card: FSRSCard(due: 0), rating: $0, at: 0).card }
        #expect(cards.map(\.stability!) == [0.212, 1.2931, 2.3065, 8.2956])
        let d = cards.map(\.difficulty!)
        #expect(d[0] == 6.4133 && abs(d[1] - 5.112171) < 1e-6 && abs(d[2] - 2.118104) < 1e-6)
        #expect(d[3] == 1.0, "Easy's D₀ is clamped to 1")
    }

    @Test func tenEasyReviewsPinDifficultyAtOne() {
        #expect(replay(Array(repeating: .easy, count: 10)).last!.card.difficulty == 1.0)
    }

    @Test func firstLearningStepWaitsForEachRating() {
        let s = FSRSScheduler()
        let due = { (r: FSRSRating) in s.review(card: FSRSCard(due: 0), rating: r, at: 0).card.due }
        #expect(due(.again) == minute)
        #expect(due(.hard) == 5 * minute + 30_000_000, "(1m + 10m) / 2")
        #expect(due(.good) == 10 * minute)
        #expect(due(.easy) == 8 * day, "Easy graduates at once with I(8.2956) = 8 days")
        let card = s.review(card: FSRSCard(due: 0), rating: .easy, at: 0).card
        #expect(card.state == .review && card.step == nil && card.lastReview == 0)
    }

    @Test func retrievabilityIsNinetyPercentAfterStabilityDaysAndZeroForANewCard() throws {
        let s = FSRSScheduler()
        let card = FSRSCard(state: .review, step: nil, stability: 10, difficulty: 5, due: 10 * day, lastReview: 0)
        #expect(abs(s.retrievability(of: card, at: 10 * day) - 0.9) < 1e-12)
        #expect(s.retrievability(of: card, at: 0) == 1)
        #expect(s.retrievability(of: FSRSCard(due: 0), at: day) == 0)
    }

    @Test func cardsAndLogsRoundTripThroughJSON() throws {
        let step = replay([.good, .good, .again])[2]
        let card = try JSONDecoder().decode(FSRSCard.self, from: JSONEncoder().encode(step.card))
        let log = try JSONDecoder().decode(FSRSReviewLog.self, from: JSONEncoder().encode(step.log))
        #expect(card == step.card && log == step.log)
        #expect(FSRSRating(name: "again") == .again && FSRSRating(name: "4") == .easy && FSRSRating(name: "meh") == nil)
    }

    @Test func parametersOutOfBoundsAreRefusedNamingEachOne() throws {
        var w = FSRSParameters.defaultWeights
        w[4] = 0.5
        w[20] = 0.9
        #expect(throws: WorkbenchError.self) { try FSRSParameters(weights: w) }
        do {
            _ = try FSRSParameters(weights: w)
        } catch {
            let text = "\(error)"
            #expect(text.contains("parameters[4] = 0.5") && text.contains("parameters[20] = 0.9"))
        }
        #expect(throws: WorkbenchError.self) { try FSRSParameters(weights: Array(w.prefix(19))) }
        #expect(throws: WorkbenchError.self) { try FSRSParameters(desiredRetention: 1.0) }
        #expect(throws: WorkbenchError.self) { try FSRSParameters(learningSteps: [0]) }
        #expect(try FSRSParameters(weights: FSRSParameters.defaultWeights) == FSRSParameters())
    }
}
