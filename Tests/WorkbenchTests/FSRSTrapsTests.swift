import Foundation
import Testing
@testable import Workbench

/// The porting traps of study-tools.md §2.2, each where a naive port would go wrong.
@Suite struct FSRSTrapsTests {
    @Test func roundingIsPythonsHalvesToEven() {
        #expect(FSRSTime.round(2.5, clampedTo: 1, 100) == 2)
        #expect(FSRSTime.round(3.5, clampedTo: 1, 100) == 4)
        #expect(FSRSTime.round(0.4, clampedTo: 1, 100) == 1, "at least one day")
        #expect(FSRSTime.round(1e300, clampedTo: 1, 36500) == 36500, "no overflow on huge stabilities")
        // timedelta × 1.5 and ÷ 2.0 round microseconds halves-to-even too.
        #expect(FSRSTime.divideRoundHalfEven(3 * 3, 2) == 4)
        #expect(FSRSTime.divideRoundHalfEven(5 * 3, 2) == 8)
        #expect(FSRSTime.divideRoundHalfEven(333 + 600_000_000, 2) == 300_000_166)
        // A scheduler stability of 2.5 days gives round(2.5...) exactly as Python would.
        let s = FSRSScheduler()
        #expect(s.nextInterval(0.3) == 1 && s.nextInterval(36_600) == 36_500)
    }

    @Test func hardOnTheOnlyStepWaitsOneAndAHalfStepsInExactMicroseconds() throws {
        let s = FSRSScheduler(parameters: try FSRSParameters(learningSteps: [3]))
        #expect(s.review(card: FSRSCard(due: 0), rating: .hard, at: 0).log.interval == 4, "3 µs × 1.5 = 4.5 → 4")
        let t = FSRSScheduler(parameters: try FSRSParameters(learningSteps: [10 * minute]))
        #expect(t.review(card: FSRSCard(due: 0), rating: .hard, at: 0).log.interval == 15 * minute)
    }

    @Test func elapsedDaysAreFlooredWholeDaysNotCalendarDays() {
        #expect(FSRSTime.wholeDays(from: 0, to: day - 1) == 0)
        #expect(FSRSTime.wholeDays(from: 0, to: 2 * day - 1) == 1)
        #expect(FSRSTime.wholeDays(from: 1, to: 0) == -1, "timedelta(-1 µs).days is -1")
        // 23:59 after a 23:00 review crosses midnight but is still the same day for FSRS.
        let s = FSRSScheduler()
        let card = FSRSCard(state: .review, step: nil, stability: 5, difficulty: 5, due: 0, lastReview: 23 * 60 * minute)
        let sameDay = s.review(card: card, rating: .good, at: card.lastReview! + day - 1)
        #expect(sameDay.log.elapsedDays == 0)
        #expect(sameDay.card.stability == s.shortTermStability(5, .good), "< 1 day: short-term formula")
        let nextDay = s.review(card: card, rating: .good, at: card.lastReview! + day)
        #expect(nextDay.card.stability == s.nextStability(difficulty: 5, stability: 5, retrievability: s.retrievability(of: card, at: card.lastReview! + day), rating: .good))
        // Retrievability counts whole days only: 1.99 days is 1 day.
        #expect(s.retrievability(of: card, at: card.lastReview! + 2 * day - 1) == s.retrievability(of: card, at: card.lastReview! + day))
    }

    @Test func sameDayGoodNeverLowersStability() {
        let s = FSRSScheduler()
        #expect(s.shortTermStability(2.3065, .good) == 2.3065, "SInc < 1 is clamped to 1 for Good")
        #expect(s.shortTermStability(2.3065, .again) < 2.3065, "Again may lower it")
    }

    @Test func meanReversionAimsAtTheUnclampedEasyDifficulty() {
        let s = FSRSScheduler()
        let target = s.initialDifficulty(.easy)
        #expect(abs(target - (-4.7716)) < 1e-4, "w4 − e^(3·w5) + 1, below 1")
        let w7 = 0.001
        #expect(s.nextDifficulty(5, .good) == w7 * target + (1 - w7) * 5)
        #expect(s.nextDifficulty(1, .easy) == 1, "then clamped")
        #expect(s.nextDifficulty(10, .again) == w7 * target + (1 - w7) * 10, "Again at 10: damping adds 0, reversion still pulls")
    }

    @Test func stabilityAndDifficultyUseThePreReviewValues() {
        let s = FSRSScheduler()
        let card = FSRSCard(state: .review, step: nil, stability: 10, difficulty: 4, due: 10 * day, lastReview: 0)
        let r = s.retrievability(of: card, at: 12 * day)
        let after = s.review(card: card, rating: .hard, at: 12 * day)
        #expect(after.log.retrievability == r)
        #expect(after.card.stability == s.nextStability(difficulty: 4, stability: 10, retrievability: r, rating: .hard))
        #expect(after.card.difficulty == s.nextDifficulty(4, .hard))
    }

    @Test func forgettingStabilityIsCappedByTheShortTermBound() {
        let s = FSRSScheduler()
        let next = s.nextStability(difficulty: 1, stability: 1, retrievability: 0.01, rating: .again)
        #expect(next <= 1 / pow(FSRSScheduler.e, 0.5425 * 0.0912))
    }
}
