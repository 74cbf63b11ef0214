import Testing
@testable import Workbench

@Suite struct ExamScoreTests {
    @Test func scoresByDomainAndScalesTo1000() {
        let qs = [studyChoice("a", domain: 1), studyChoice("b", domain: 1), studyChoice("c", domain: 2), studyChoice("d", domain: 3), studyChoice("e", domain: 3)]
        var s = ExamSession(questions: qs, start: examStart, durationMicros: 10 * oneMinute)
        for keys in [["B"], ["A"], ["B"], ["B"]] { _ = s.apply(.answer(keys), at: examStart) }
        _ = s.apply(.submit, at: examStart)
        _ = s.apply(.confirm, at: examStart)
        let score = ExamScore(s)
        #expect(score.correct == 3 && score.total == 5 && score.unanswered == 1)
        #expect(score.domains.map(\.total) == [2, 1, 2, 0])
        #expect(score.domains.map(\.correct) == [1, 1, 1, 0])
        #expect(score.domains.map(\.meetsCompetencies) == [false, true, false, false])
        #expect(score.scaled == 640 && !score.passed)
    }

    @Test func scaledScoreAndPassMark() {
        #expect(ExamScore.scaled(0) == 100 && ExamScore.scaled(1) == 1000)
        #expect(ExamScore.scaled(0.7) == 730)
        #expect(ExamScore.scaled(31.0 / 45) == 720)  // 68.9% right reaches 720
        #expect(ExamScore.scaled(30.0 / 45) < 720)
    }

    @Test func blueprintFollowsTheDomainWeights() {
        var bank: [Question] = []
        for d in 1...4 { for i in 0..<30 { bank.append(studyChoice("d\(d)-\(i)", domain: d)) } }
        let full = ExamBlueprint(bank: bank)
        #expect(full.questionCount == 65 && full.minutes == 130 && !full.scaledDown)
        // 65 × 34/26/22/18 % = 22.1, 16.9, 14.3, 11.7 → 22, 17, 14, 12 by largest remainder.
        #expect(full.perDomain == [.ingestionAndTransformation: 22, .dataStoreManagement: 17, .operationsAndSupport: 14, .securityAndGovernance: 12])
        let ten = ExamBlueprint(bank: bank, questions: 10)
        #expect(ten.minutes == 20 && ten.perDomain.values.reduce(0, +) == 10)
        #expect(ExamBlueprint(bank: bank, questions: 10, minutes: 5).minutes == 5)
    }

    @Test func aSmallBankScalesTheExamDownAndShortDomainsGiveTheirShareAway() {
        var bank = (0..<3).map { studyChoice("one-\($0)", domain: 1) } + (0..<8).map { studyChoice("two-\($0)", domain: 2) }
        bank.append(studyReflection("refl"))
        let plan = ExamBlueprint(bank: bank)
        #expect(plan.questionCount == 11 && plan.scaledDown && plan.minutes == 22)
        #expect(plan.perDomain[.ingestionAndTransformation] == 3 && plan.perDomain[.dataStoreManagement] == 8)
        var rng = FSRSSeededRandom(seed: 7)
        let drawn = plan.draw(from: bank, using: &rng)
        #expect(drawn.count == 11 && !drawn.contains { $0.type == .reflection })
        #expect(Set(drawn.map(\.id)).count == 11)
        let six = ExamBlueprint(bank: bank, questions: 6)
        #expect(six.perDomain == [.ingestionAndTransformation: 3, .dataStoreManagement: 3])
    }

    @Test func theDrawIsReproducibleWithASeed() {
        let bank = (0..<40).map { studyChoice("q\($0)", domain: $0 % 4 + 1) }
        let plan = ExamBlueprint(bank: bank, questions: 12)
        var r1 = FSRSSeededRandom(seed: 42), r2 = FSRSSeededRandom(seed: 42)
        #expect(plan.draw(from: bank, using: &r1).map(\.id) == plan.draw(from: bank, using: &r2).map(\.id))
        var r3 = FSRSSeededRandom(seed: 1)
        let drawn = plan.draw(from: bank, using: &r3)
        for d in ExamDomain.allCases { #expect(drawn.filter { $0.domain == d.rawValue }.count == plan.perDomain[d]) }
    }
}
