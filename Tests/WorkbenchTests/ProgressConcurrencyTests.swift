import Foundation
import Testing
@testable import Workbench

@Suite struct ProgressConcurrencyTests {
    @Test func twoConnectionsWritingAtOnceLoseNothing() async throws {
        let home = progressHome()
        let clock = TestClock("2024-03-01T09:00:00Z")
        _ = try openStore(home, clock)
        let perWriter = 60
        try await withThrowingTaskGroup(of: Void.self) { group in
            for w in 0..<2 {
                group.addTask {
                    let store = try openStore(home, clock) // its own connection
                    for i in 0..<perWriter {
                        // Both writers also review one shared card: read-modify-write must not lose a review.
                        try store.recordAttempt(learner: "default", question: QuestionRef(id: "w\(w)-\(i)", topic: "t", domain: nil),
                                                answer: "A", correct: true, timeTakenMillis: 60_000)
                        try store.recordAttempt(learner: "default", question: crawlerQ1, answer: "A", correct: true, timeTakenMillis: 60_000)
                    }
                }
            }
            try await group.waitForAll()
        }
        let store = try openStore(home, clock)
        let s = try store.summary(learner: "default")
        #expect(s.questions.attempts == 4 * perWriter)
        #expect(s.reviews.cards == 2 * perWriter + 1 && s.reviews.reviewsDone == 4 * perWriter)
        #expect(try store.learners().count == 1, "both writers found one default learner")
    }
}
