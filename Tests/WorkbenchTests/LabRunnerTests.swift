import Foundation
import GlueEngine
import Testing
@testable import Workbench

@Suite struct LabRunnerTests {
    func home() -> URL { FileManager.default.temporaryDirectory.appendingPathComponent("lab-home-\(UUID().uuidString)") }

    @Test func theStartStateHasTheStorysHistory() throws {
        let loader = LabLoader(root: repoLabs)
        let lab = try loader.load("hourly-reprocessing")
        let state = LabStartState(lab: lab, folder: loader.folder(lab.id), home: home())
        let scripts = try state.apply()
        #expect(scripts == [state.scriptPath("hourly_events.py").path])
        let box = try state.open()
        #expect(box.name == "lab-hourly-reprocessing")
        #expect(try box.clock.now() == Timestamps.parseISO8601("2024-03-01T09:30:00Z"))
        #expect(try box.clock.state().frozen)
        // Every hourly run reread every object so far: 1, 2, then 3 objects.
        let runs = try RunStore(sandbox: box).list(jobName: "hourly-events")
        #expect(runs.map(\.objectsRead) == [3, 2, 1])
        #expect(runs.map { Timestamps.format($0.startedOn) } == ["2024-03-01T09:05:00Z", "2024-03-01T08:05:00Z", "2024-03-01T07:05:00Z"])
        #expect(try box.store.list(S3URI(parsing: "s3://raw/events/")).count == 3)
    }

    @Test func checksReportExpectedAgainstActual() throws {
        let loader = LabLoader(root: repoLabs)
        let lab = try loader.load("hourly-reprocessing")
        let state = LabStartState(lab: lab, folder: loader.folder(lab.id), home: home())
        try state.apply()
        let box = try state.open()
        let results = try lab.steps[1].checks.flatMap { try $0.evaluate(in: box) }
        #expect(results.map { "\($0.what): \($0.expected) / \($0.actual)" } == [
            "objects under s3://raw/events/: 4 / 3",
            "hourly-events last run status: SUCCEEDED / SUCCEEDED",
            "hourly-events last run objects read: 1 / 3",
            "hourly-events last run records read: 3 / 9",
        ])
        let bookmark = try lab.steps[0].checks[1].evaluate(in: box)
        #expect(bookmark == [LabCheckResult(what: "hourly-events bookmark entry 'events'", expected: "present", actual: "absent")])
    }

    @Test func theSelfCheckPassesTheSampleLab() throws {
        var lines: [String] = []
        let problem = LabSelfCheck(loader: LabLoader(root: repoLabs)).check("hourly-reprocessing") { lines.append($0) }
        #expect(problem == nil)
        #expect(lines.count == 4)
    }

    @Test func theSessionFollowsTheLabEvents() throws {
        let store = try ProgressStore.open(home: home())
        let lab = try LabLoader(root: repoLabs).load("hourly-reprocessing")
        #expect(try store.currentLab(learner: "ana") == nil)
        try store.recordLabEvent(learner: "ana", lab: lab.id, step: "enable-bookmarks", event: .started, detail: "lab-start")
        try store.recordLabEvent(learner: "ana", lab: lab.id, step: "enable-bookmarks", event: .hint)
        var s = try #require(try store.labSession(learner: "ana", lab: lab.id))
        #expect(s.currentStep(of: lab)?.index == 0)
        #expect(s.hints["enable-bookmarks"] == 1)
        try store.recordLabEvent(learner: "ana", lab: lab.id, step: "enable-bookmarks", event: .checkPassed, topic: lab.topic)
        s = try #require(try store.labSession(learner: "ana", lab: lab.id))
        #expect(s.currentStep(of: lab)?.step.id == "next-hour")
        // A passed step is a card.
        #expect(try store.card(learner: "ana", cardId: CardID.labStep(lab: lab.id, step: "enable-bookmarks"))?.topic == "bookmarks")
        // Restarting the lab starts again at step 1.
        try store.recordLabEvent(learner: "ana", lab: lab.id, step: "enable-bookmarks", event: .started, detail: "lab-start")
        s = try #require(try store.labSession(learner: "ana", lab: lab.id))
        #expect(s.currentStep(of: lab)?.index == 0)
        #expect(try store.currentLab(learner: "ana") == lab.id)
    }
}

@Suite struct LabDataCheckTests {
    @Test func rowsAndSchemaReadTheData() throws {
        let loader = LabLoader(root: repoLabs)
        let lab = try loader.load("hourly-reprocessing")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lab-home-\(UUID().uuidString)")
        let state = LabStartState(lab: lab, folder: loader.folder(lab.id), home: home)
        try state.apply()
        let box = try state.open()
        let rows = LabCheckSpec(rows: LabDataCheck(path: "s3://raw/events/", format: "csv", count: 9))
        #expect(try rows.evaluate(in: box) == [LabCheckResult(what: "records under s3://raw/events/", expected: "9", actual: "9")])
        // The curated Parquet holds every reread: 3 + 6 + 9 records.
        let curated = LabCheckSpec(rows: LabDataCheck(path: "s3://curated/events/", format: "parquet", count: 18))
        #expect(try curated.evaluate(in: box).allSatisfy(\.passed))
        let schema = LabCheckSpec(schema: LabDataCheck(path: "s3://curated/events/", format: "parquet", field: "user", type: "string"))
        #expect(try schema.evaluate(in: box) == [LabCheckResult(what: "type of user under s3://curated/events/", expected: "string", actual: "string")])
        let missing = LabCheckSpec(schema: LabDataCheck(path: "s3://curated/events/", format: "parquet", field: "nope", type: "long"))
        #expect(try missing.evaluate(in: box).first?.actual == "(no field)")
    }
}
