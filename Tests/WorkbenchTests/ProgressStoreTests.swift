import Foundation
import GRDB
import Testing
@testable import Workbench

@Suite struct ProgressStoreTests {
    @Test func aFreshWorkspaceGetsAMigratedWALDatabase() throws {
        let home = progressHome()
        let clock = TestClock("2024-03-01T09:00:00Z")
        let store = try openStore(home, clock)
        #expect(store.notice == nil)
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("progress.sqlite").path))
        let (mode, migrations, tables) = try store.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"),
             try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations"),
             try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'grdb%' AND name NOT LIKE 'sqlite%' ORDER BY name"))
        }
        #expect(mode == "wal")
        #expect(migrations == ["v1-progress"])
        #expect(tables == ["cards", "lab_events", "learners", "question_attempts", "review_logs", "settings", "study_days"])
        // Opening again is quiet and keeps what was written.
        try store.recordAttempt(learner: "default", question: bookmarksQ1, answer: "B", correct: true, timeTakenMillis: 50_000)
        let again = try openStore(home, clock)
        #expect(again.notice == nil)
        #expect(try again.summary(learner: "default").questions.attempts == 1)
    }

    @Test func attemptsAndLabEventsAddUpInTheSummary() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let store = try openStore(progressHome(), clock)
        try store.recordAttempt(learner: "ana", question: bookmarksQ1, answer: "B", correct: true, timeTakenMillis: 20_000)
        try store.recordAttempt(learner: "ana", question: bookmarksQ2, answer: "A", correct: false, timeTakenMillis: 90_000)
        try store.recordAttempt(learner: "ana", question: crawlerQ1, answer: "C", correct: true, timeTakenMillis: 60_000)
        try store.recordAttempt(learner: "ana", question: bookmarksQ2, answer: "D", correct: true, timeTakenMillis: 70_000, hintsUsed: 1)
        try store.recordLabEvent(learner: "ana", lab: "bookmarks-101", step: "s1", event: .started)
        try store.recordLabEvent(learner: "ana", lab: "bookmarks-101", step: "s1", event: .checkFailed, detail: "2 rows, expected 3")
        try store.recordLabEvent(learner: "ana", lab: "bookmarks-101", step: "s1", event: .hint)
        let pass = try store.recordLabEvent(learner: "ana", lab: "bookmarks-101", step: "s1", event: .checkPassed,
                                            topic: "bookmarks", domain: .ingestionAndTransformation)
        #expect(pass.review?.cardId == "lab:bookmarks-101/s1" && pass.review?.rating == .hard, "a hint makes the pass Hard")
        try store.recordLabEvent(learner: "ana", lab: "bookmarks-101", step: nil, event: .completed)
        try store.recordLabEvent(learner: "ana", lab: "crawlers-1", step: "s1", event: .started)

        let s = try store.summary(learner: "ana")
        #expect(s.questions == QuestionsSummary(attempts: 4, correct: 3, distinct: 3))
        #expect(s.questions.accuracy == 0.75)
        #expect(s.labs == LabsSummary(started: 2, completed: ["bookmarks-101"], stepsPassed: 1, hints: 1))
        #expect(s.reviews.cards == 4 && s.reviews.reviewsDone == 5, "3 question cards + 1 lab step; 4 answers + 1 pass")
        #expect(s.topics.map(\.topic) == ["bookmarks", "crawlers"])
        #expect(s.topics[0].cards == 3 && s.topics[1].cards == 1)
        #expect(s.domains.count == 4 && s.domains[0].cards == 3 && s.domains[1].cards == 1 && s.domains[2].mastery == nil)
        // Just reviewed: every card is fully remembered today.
        #expect(s.domains[0].mastery == 1.0 && s.topics[1].mastery == 1.0)
        #expect(s.streak.current == 1 && s.streak.studiedToday)
        #expect(try store.summary(learner: "bob").isEmpty, "another learner sees nothing")
        #expect(try store.learners().map(\.name) == ["ana"])
    }

    @Test func masteryFallsAsTimePassesAndRisesWithReview() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let store = try openStore(progressHome(), clock)
        try store.recordAttempt(learner: "default", question: crawlerQ1, answer: "C", correct: true, timeTakenMillis: 60_000, rating: .easy)
        clock.advance(days: 30)
        let later = try store.summary(learner: "default")
        let m = try #require(later.domains[1].mastery)
        #expect(m < 0.9 && m > 0.5, "30 days after one Easy review (S = 8.3 days)")
        #expect(later.reviews.dueNow == 1)
        let outcome = try store.review(learner: "default", cardId: "question:cr-1", rating: .good, durationMillis: 4000)
        #expect(outcome.log.retrievability == m && outcome.log.durationMillis == 4000)
        #expect(try store.summary(learner: "default").domains[1].mastery == 1.0)
        #expect(throws: WorkbenchError.self) { try store.review(learner: "default", cardId: "question:nope", rating: .good) }
    }

    @Test func ratingsFollowTheDocumentedMapping() {
        #expect(ProgressRatings.forAttempt(correct: false, timeTakenMillis: 5_000, hintsUsed: 0) == .again)
        #expect(ProgressRatings.forAttempt(correct: true, timeTakenMillis: 40_000, hintsUsed: 0) == .easy)
        #expect(ProgressRatings.forAttempt(correct: true, timeTakenMillis: 40_001, hintsUsed: 0) == .good)
        #expect(ProgressRatings.forAttempt(correct: true, timeTakenMillis: 120_000, hintsUsed: 0) == .good)
        #expect(ProgressRatings.forAttempt(correct: true, timeTakenMillis: 120_001, hintsUsed: 0) == .hard)
        #expect(ProgressRatings.forAttempt(correct: true, timeTakenMillis: 10_000, hintsUsed: 2) == .hard)
        #expect(ProgressRatings.forLabStep(hintsShown: 0, solutionShown: false) == .good)
        #expect(ProgressRatings.forLabStep(hintsShown: 3, solutionShown: false) == .hard)
        #expect(ProgressRatings.forLabStep(hintsShown: 0, solutionShown: true) == .again)
    }

    @Test func aLabStepsRatingOnlyCountsHintsSinceItsLastPass() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let store = try openStore(progressHome(), clock)
        try store.recordLabEvent(learner: "default", lab: "l1", step: "s1", event: .solution)
        #expect(try store.recordLabEvent(learner: "default", lab: "l1", step: "s1", event: .checkPassed).review?.rating == .again)
        clock.advance(days: 1)
        #expect(try store.recordLabEvent(learner: "default", lab: "l1", step: "s1", event: .checkPassed).review?.rating == .good)
        #expect(try store.card(learner: "default", cardId: "lab:l1/s1")?.topic == "l1", "topic defaults to the lab")
        #expect(throws: WorkbenchError.self) { try store.recordLabEvent(learner: "default", lab: "l1", step: nil, event: .checkPassed) }
        #expect(throws: WorkbenchError.self) { try store.recordAttempt(learner: "no spaces", question: crawlerQ1, answer: "", correct: true, timeTakenMillis: 1) }
    }

    @Test func dueCountsUseTheLearnersDay() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let store = try openStore(progressHome(), clock)
        try store.recordAttempt(learner: "default", question: bookmarksQ1, answer: "B", correct: true, timeTakenMillis: 60_000) // Good: due in 10 min
        try store.recordAttempt(learner: "default", question: crawlerQ1, answer: "C", correct: true, timeTakenMillis: 60_000, rating: .easy) // 8 days
        var s = try store.summary(learner: "default")
        #expect(s.reviews.dueNow == 0 && s.reviews.dueToday == 1 && s.reviews.dueThisWeek == 1)
        #expect(try store.dueCards(learner: "default").isEmpty)
        clock.advance(days: 0.01)
        #expect(try store.dueCards(learner: "default").map(\.id) == ["question:bm-1"])
        clock.now = Int64(iso: "2024-03-03T09:00:00Z")
        // Easy on a new card: S = 8.2956, due in 8 days: 2024-03-09, the 7th day from the 3rd.
        s = try store.summary(learner: "default")
        #expect(s.reviews.dueNow == 1 && s.reviews.dueToday == 1 && s.reviews.dueThisWeek == 2)
        let w = try store.welcome(learner: "default")
        #expect(w == WelcomeInfo(learner: "default", reviewsDue: 1, streak: 0, studiedToday: false, nextLab: nil, hasHistory: true))
        #expect(w.text == "Welcome back, default: 1 review due.")
    }
}

@Suite struct ProgressWelcomeTests {
    @Test func thePromptGetsTheDefaultLearnersWelcome() throws {
        let home = progressHome()
        let clock = TestClock("2024-03-01T09:00:00Z")
        let first = ProgressStore.welcomeAtStart(home: home, clock: clock.progressClock())
        #expect(first.notice == nil && first.info?.hasHistory == false)
        #expect(first.info?.text == "Welcome, default: your progress will show here as you do labs and answer questions.")
        let store = try openStore(home, clock)
        try store.recordAttempt(learner: "default", question: bookmarksQ1, answer: "B", correct: true, timeTakenMillis: 60_000)
        clock.advance(days: 1)
        let next = ProgressStore.welcomeAtStart(home: home, clock: clock.progressClock())
        // The repository's labs are found from the test binary, as from gluelab's: the first lab is suggested.
        #expect(next.info?.text == "Welcome back, default: 1 review due, 1-day streak (study today to keep it), next lab: hourly-reprocessing.")
        try Data(repeating: 1, count: 5000).write(to: home.appendingPathComponent("progress.sqlite"))
        let damaged = ProgressStore.welcomeAtStart(home: home, clock: clock.progressClock())
        #expect(damaged.notice?.contains("progress.damaged-20240302T090000Z.sqlite") == true && damaged.info?.hasHistory == false)
    }
}

@Suite struct LabSuggestionTests {
    @Test func theNextLabIsTheOneInProgressElseTheFirstNotCompletedInOrder() throws {
        let home = progressHome()
        let store = try openStore(home, TestClock("2024-03-01T09:00:00Z"))
        let loader = LabLoader(root: fixtureLabs)
        #expect(loader.loadAll().labs.map(\.id) == ["ops-lab", "stream-lab"], "no order: by id")
        #expect(try loader.next(for: "ada", in: store) == "ops-lab")
        let stream = try loader.load("stream-lab")
        try store.recordLabEvent(learner: "ada", lab: "stream-lab", step: stream.steps[0].id, event: .started, detail: "lab-start")
        #expect(try loader.next(for: "ada", in: store) == "stream-lab (step 1/\(stream.steps.count))")
        try store.recordLabEvent(learner: "ada", lab: "stream-lab", step: nil, event: .completed)
        #expect(try loader.next(for: "ada", in: store) == "ops-lab", "a completed lab is not suggested")
    }
}
