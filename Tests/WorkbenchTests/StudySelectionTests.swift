import Foundation
import Testing
@testable import Workbench

@Suite struct StudySelectionTests {
    let bank = [studyChoice("bm-1", topic: "bookmarks"), studyChoice("bm-2", topic: "bookmarks"), studyChoice("bm-3", topic: "bookmarks"), studyChoice("bm-4", topic: "bookmarks"),
                studyChoice("cr-1", topic: "crawlers", domain: 2), studyChoice("cr-2", topic: "crawlers", domain: 2),
                studyChoice("sec-1", topic: "security", domain: 4), studyChoice("st-1", topic: "streaming", domain: 1), studyReflection("bm-why")]

    @Test func quizFiltersByTopicAndCounts() throws {
        var rng = FSRSSeededRandom(seed: 3)
        let picked = try StudySelection.quiz(bank, topic: "Crawlers", count: 5, using: &rng)
        #expect(Set(picked.map(\.id)) == ["cr-1", "cr-2"])
        let three = try StudySelection.quiz(bank, topic: nil, count: 3, using: &rng)
        #expect(three.count == 3 && Set(three.map(\.id)).count == 3)
        #expect(throws: WorkbenchError.badValue(option: "--topic", value: "glue", reason: "no questions on this topic (topics: bookmarks, crawlers, security, streaming)")) {
            try StudySelection.quiz(bank, topic: "glue", count: 3, using: &rng)
        }
    }

    @Test func drillTakesWeakestTopicsFirstThenUnseenByDomainWeight() {
        let snapshot = StudySnapshot(
            at: examStart,
            topics: [TopicMastery(topic: "crawlers", cards: 2, mastery: 0.95, due: 0),
                     TopicMastery(topic: "bookmarks", cards: 3, mastery: 0.40, due: 1),
                     TopicMastery(topic: "hourly-reprocessing", cards: 1, mastery: 0.1, due: 0)],  // a lab's topic, no questions
            cards: ["question:bm-2": .init(due: examStart + 10 * oneMinute, retrievability: 0.2),
                    "question:bm-3": .init(due: examStart - oneMinute, retrievability: 0.5),
                    "question:bm-1": .init(due: examStart + 3 * oneMinute, retrievability: 0.9)])
        let plan = StudySelection.drill(bank, snapshot: snapshot, count: 7, perTopic: 3)
        #expect(plan.topics.map(\.topic) == ["bookmarks", "crawlers", "streaming", "security"])
        #expect(plan.topics[0].reason == "mastery 40% (3 cards, 1 due)")
        #expect(plan.topics[2].reason == "not studied yet (domain 1, 34% of the exam)")
        // In a topic: due (bm-3), never answered (bm-4, bm-why), then least remembered (bm-2 before bm-1).
        #expect(plan.topics[0].questions.map(\.id) == ["bm-3", "bm-4", "bm-why"])
        #expect(plan.questions.count == 7)
        let more = StudySelection.drill(bank, snapshot: snapshot, count: 20, perTopic: 3)
        #expect(more.topics[0].questions.map(\.id) == ["bm-3", "bm-4", "bm-why", "bm-2", "bm-1"])
        #expect(more.questions.count == bank.count)
        let two = StudySelection.drill(bank, snapshot: snapshot, count: 2, perTopic: 3)
        #expect(two.questions.map(\.id) == ["bm-3", "bm-4"] && two.topics.count == 1)
    }

    @Test func aNewLearnerDrillsTopicsOfTheLargestDomainsFirst() {
        let plan = StudySelection.drill(bank, snapshot: .empty(at: examStart), count: 4, perTopic: 1)
        #expect(plan.topics.map(\.topic) == ["bookmarks", "streaming", "crawlers", "security"])
    }

    @Test func reviewTakesOnlyDueCardsAndPointsLabStepsToTheirLab() {
        func card(_ id: String, due: Int64) -> StoredCard {
            StoredCard(id: id, topic: "bookmarks", domain: .ingestionAndTransformation, card: FSRSCard(due: due), createdAt: examStart)
        }
        let snapshot = StudySnapshot(at: examStart, topics: [], cards: [:],
                                     due: [card("question:cr-2", due: examStart - 2 * oneMinute), card("lab:hourly-reprocessing/rerun", due: examStart - oneMinute),
                                           card("question:gone", due: examStart - oneMinute), card("question:bm-1", due: examStart)])
        let plan = StudySelection.review(bank, snapshot: snapshot)
        #expect(plan.questions.map(\.id) == ["cr-2", "bm-1"])
        #expect(plan.labSteps.map { "\($0.lab) \($0.step)" } == ["hourly-reprocessing rerun"])
        #expect(plan.missing == ["gone"])
        #expect(StudySelection.review(bank, snapshot: snapshot, limit: 1).questions.map(\.id) == ["cr-2"])
    }

    @Test func aDueLabStepBringsBackItsLabsQuestionsNotRecalledWell() {
        func linked(_ id: String) -> Question { var q = studyChoice(id); q.lab = "hourly-reprocessing"; return q }
        let bank = [linked("hr-known"), linked("hr-new"), linked("hr-fading"), linked("hr-due"), studyChoice("other")]
        let step = StoredCard(id: "lab:hourly-reprocessing/rerun", topic: "bookmarks", domain: .ingestionAndTransformation,
                              card: FSRSCard(due: examStart - oneMinute), createdAt: examStart)
        let due = StoredCard(id: "question:hr-due", topic: "bookmarks", domain: .ingestionAndTransformation,
                             card: FSRSCard(due: examStart - oneMinute), createdAt: examStart)
        let cards: [String: StudySnapshot.CardState] = [
            "question:hr-known": .init(due: examStart + 5 * 86_400_000_000, retrievability: 0.97),
            "question:hr-fading": .init(due: examStart + 86_400_000_000, retrievability: 0.8),
            "question:hr-due": .init(due: examStart - oneMinute, retrievability: 0.85),
        ]
        let plan = StudySelection.review(bank, snapshot: StudySnapshot(at: examStart, topics: [], cards: cards, due: [step, due]))
        #expect(plan.questions.map(\.id) == ["hr-due"])
        // Never answered first, then the least recalled; one recalled at 97% stays away; two per lab.
        #expect(plan.labQuestions.map(\.id) == ["hr-new", "hr-fading"])
        let noStep = StudySelection.review(bank, snapshot: StudySnapshot(at: examStart, topics: [], cards: cards, due: [due]))
        #expect(noStep.labQuestions.isEmpty, "no lab step due, no lab questions")
    }

    @Test func theSnapshotOfAStoreHoldsOnlyDueCardsAsDue() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("qmodes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let store = try ProgressStore.open(home: home, clock: .fixed(examStart))
        try store.recordAttempt(learner: "ana", question: studyChoice("bm-1").ref, answer: "A", correct: false, timeTakenMillis: 5000, at: examStart)
        try store.recordAttempt(learner: "ana", question: studyChoice("cr-1", topic: "crawlers").ref, answer: "B", correct: true, timeTakenMillis: 5000, at: examStart)
        let later = try store.studySnapshot(learner: "ana", at: examStart + 10 * oneMinute)
        #expect(later.due.map(\.id) == ["question:bm-1"])
        #expect(later.cards.count == 2 && later.topics.map(\.topic) == ["bookmarks", "crawlers"])
        let plan = StudySelection.review(bank, snapshot: later)
        #expect(plan.questions.map(\.id) == ["bm-1"])
        #expect(try store.studySnapshot(learner: "nobody", at: examStart).cards.isEmpty)
    }
}
