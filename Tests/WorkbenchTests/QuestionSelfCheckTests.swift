import Foundation
import Testing
@testable import Workbench

@Suite struct QuestionSelfCheckTests {
    @Test func theFixtureBankPassesAndEveryScenarioOptionIsPlayed() throws {
        var lines: [String] = []
        let report = QuestionSelfCheck(loader: QuestionLoader(root: try fixtureQuestions()), labs: LabLoader(root: repoLabs)).run { lines.append($0) }
        #expect(report.problems == [])
        #expect(report.questions == 4)
        #expect(report.scenarios == 1)
        #expect(report.optionsPlayed == 2)
        #expect(lines.contains("ok   fixture-bookmark-option/A: hourly-events last run status = SUCCEEDED; hourly-events last run objects read = 1"))
        #expect(lines.contains("ok   fixture-bookmark-option/B: hourly-events last run status = SUCCEEDED; hourly-events last run objects read = 2"))
    }

    @Test func aWrongOptionObservingTheSameAsTheAnswerIsReported() throws {
        let root = try fixtureQuestions()
        let bank = try QuestionLoader(root: root).load(labs: nil)
        var q = try #require(bank.question("fixture-bookmark-option"))
        // Option B now does what A does: its checks pass, but nothing tells it apart.
        q.options![1].run = q.options![0].run
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("q-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        var report = QuestionSelfCheck.Report()
        let problems = QuestionSelfCheck(loader: QuestionLoader(root: root), labs: nil).playScenario(q, root: root, report: &report) { _ in }
        #expect(problems == ["question fixture-bookmark-option: option B observes the same as the answer A"])
    }

    @Test func anOptionWhoseChecksFailIsReportedWithExpectedAndObserved() throws {
        let root = try fixtureQuestions()
        let bank = try QuestionLoader(root: root).load(labs: nil)
        var q = try #require(bank.question("fixture-bookmark-option"))
        q.options![1].run!.expect[0].lastRun!.objectsRead = 7
        var report = QuestionSelfCheck.Report()
        let problems = QuestionSelfCheck(loader: QuestionLoader(root: root), labs: nil).playScenario(q, root: root, report: &report) { _ in }
        #expect(problems == ["question fixture-bookmark-option: option B: hourly-events last run objects read: expected 7, observed 2"])
    }

    @Test func scenarioSandboxesAreNamedAfterTheQuestionAndOption() throws {
        let root = try fixtureQuestions()
        let bank = try QuestionLoader(root: root).load(labs: nil)
        let q = try #require(bank.question("fixture-bookmark-option"))
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("q-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let outcome = ScenarioPlayer(root: root, home: home).play(q, key: "B")
        #expect(outcome.sandboxName == "q-fixture-bookmark-option-b")
        #expect(outcome.passed)
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("sandboxes/q-fixture-bookmark-option-b").path))
    }
}
