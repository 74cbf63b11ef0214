import Foundation
import Testing
@testable import Workbench

@Suite struct ProgressTransferTests {
    func history(_ store: ProgressStore, _ clock: TestClock, learner: String = "default") throws {
        try store.recordAttempt(learner: learner, question: bookmarksQ1, answer: "B", correct: true, timeTakenMillis: 20_000)
        try store.recordAttempt(learner: learner, question: crawlerQ1, answer: "A", correct: false, timeTakenMillis: 80_000)
        try store.recordLabEvent(learner: learner, lab: "bm-101", step: "s1", event: .hint)
        try store.recordLabEvent(learner: learner, lab: "bm-101", step: "s1", event: .checkPassed, topic: "bookmarks", domain: .ingestionAndTransformation)
        try store.recordLabEvent(learner: learner, lab: "bm-101", step: nil, event: .completed, detail: "all steps")
        clock.advance(days: 1.2)
        try store.review(learner: learner, cardId: "question:cr-1", rating: .good)
    }

    @Test func exportThenImportIntoAFreshHomeGivesTheSameSummary() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let a = try openStore(progressHome(), clock)
        try history(a, clock)
        try history(a, clock, learner: "ana")
        let data = try a.exportJSON()
        let export = try ProgressExport.decode(data, path: "p.json")
        #expect(export.learners.map(\.name) == ["ana", "default"])
        let b = try openStore(progressHome(), clock)
        let report = try b.importProgress(export)
        #expect(report.learnersAdded == 2 && report.cardsAdded == 6 && report.reviewLogsAdded == 8 && report.attemptsAdded == 4)
        #expect(report.labEventsAdded == 6 && report.studyDaysAdded == 4)
        clock.advance(days: 3)
        for learner in ["default", "ana"] {
            #expect(try b.summary(learner: learner) == (try a.summary(learner: learner)))
        }
        #expect(try b.exportJSON().count == data.count, "a second export has the same content")
        #expect(try b.dueCards(learner: "ana").map(\.card) == (try a.dueCards(learner: "ana").map(\.card)))
    }

    @Test func importingTwiceChangesNothing() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let a = try openStore(progressHome(), clock)
        try history(a, clock)
        let export = try a.export()
        let b = try openStore(progressHome(), clock)
        #expect(try !b.importProgress(export).changedNothing)
        let first = try b.export()
        #expect(try b.importProgress(export).changedNothing)
        #expect(try a.importProgress(export).changedNothing, "importing into the machine it came from changes nothing either")
        var second = try b.export()
        second.exportedAt = first.exportedAt
        #expect(second == first)
    }

    @Test func twoMachinesHistoriesMerge() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let laptop = try openStore(progressHome(), clock)
        let desktop = try openStore(progressHome(), clock)
        try laptop.recordAttempt(learner: "default", question: bookmarksQ1, answer: "B", correct: true, timeTakenMillis: 60_000)
        clock.advance(days: 1)
        try desktop.recordAttempt(learner: "default", question: bookmarksQ1, answer: "A", correct: false, timeTakenMillis: 60_000)
        try desktop.recordAttempt(learner: "default", question: crawlerQ1, answer: "C", correct: true, timeTakenMillis: 60_000)
        clock.advance(days: 1)
        try laptop.recordLabEvent(learner: "default", lab: "l1", step: "s1", event: .checkPassed)

        try laptop.importProgress(try desktop.export())
        try desktop.importProgress(try laptop.export())
        let l = try laptop.summary(learner: "default")
        let d = try desktop.summary(learner: "default")
        #expect(l == d)
        #expect(l.questions == QuestionsSummary(attempts: 3, correct: 2, distinct: 2))
        #expect(l.reviews.cards == 3 && l.reviews.reviewsDone == 4 && l.labs.stepsPassed == 1)
        #expect(l.streak.studyDays == 3 && l.streak.current == 3)
        // bm-1 keeps the state of its latest review (the desktop's Again).
        #expect(try laptop.card(learner: "default", cardId: "question:bm-1")?.card.state == .learning)
        #expect(try laptop.card(learner: "default", cardId: "question:bm-1")?.card.lastReview == Int64(iso: "2024-03-02T09:00:00Z"))
    }

    @Test func aMalformedFileIsOneLineNamingTheProblemAndImportsNothing() throws {
        let clock = TestClock("2024-03-01T09:00:00Z")
        let a = try openStore(progressHome(), clock)
        try history(a, clock)
        let good = String(decoding: try a.exportJSON(), as: UTF8.self)
        func refused(_ text: String) -> String? {
            do {
                _ = try ProgressExport.decode(Data(text.utf8), path: "p.json")
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(refused("{nope") == "p.json: not valid JSON")
        #expect(refused(#"{"format": "anki", "version": 1}"#) == #"p.json: not a gluelab progress export (expected "format": "gluelab-progress")"#)
        #expect(refused(#"{"format": "gluelab-progress", "version": 7, "learners": []}"#)?.contains("newer gluelab") == true)
        #expect(refused(good.replacingOccurrences(of: #""rating" : "Good""#, with: #""rating" : "Great""#))
                == #"p.json: learners[0].reviewLogs[3].rating: "Great" is not Again, Hard, Good or Easy"#)
        let peek = try #require(refused(good.replacingOccurrences(of: #""event" : "hint""#, with: #""event" : "peek""#)))
        #expect(peek.hasPrefix("p.json: learners[0].labEvents[") && peek.hasSuffix(#"].event: "peek" is not one of started, check-failed, check-passed, hint, solution, completed"#))
        #expect(refused(good.replacingOccurrences(of: #""correct" : true"#, with: #""correct" : "yes""#))?.hasSuffix("].correct: expected true or false") == true)
        #expect(refused(good.replacingOccurrences(of: #""questionId""#, with: #""question""#))?.hasSuffix(#": missing "questionId""#) == true)
        #expect(refused(good.replacingOccurrences(of: "2024-03-01T09:00:00Z", with: "yesterday"))?.contains("is not an ISO 8601 time") == true)
    }
}
