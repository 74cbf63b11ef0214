import Foundation
import Testing
@testable import Workbench

/// The repository's labs folder, from this file's place.
let repoLabs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("labs")

@Suite struct LabLoaderTests {
    /// A temporary labs folder holding one lab `id` with `yaml` (and the given files).
    func labs(_ id: String, _ yaml: String, files: [String] = []) throws -> LabLoader {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labs-\(UUID().uuidString)")
        let dir = root.appendingPathComponent(id)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("lab.yaml"))
        for f in files {
            let url = dir.appendingPathComponent(f)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x\n".utf8).write(to: url)
        }
        return LabLoader(root: root)
    }

    static let minimal = """
        id: tiny
        title: Tiny
        topic: bookmarks
        domain: 1
        minutes: 5
        story: A story.
        start:
          clock: 2024-03-01T09:00:00Z
        steps:
          - id: one
            title: One
            instructions: Do it.
            checks:
              - runs: {job: j, count: 1}
            hints: [a]
            explanation: Done.
            solution:
              - advanceClock: 1h
        """

    @Test func loadsTheRepositorysSampleLab() throws {
        let loader = LabLoader(root: repoLabs)
        #expect(loader.ids().contains("hourly-reprocessing"))
        let lab = try loader.load("hourly-reprocessing")
        #expect(lab.steps.map(\.id) == ["enable-bookmarks", "next-hour", "rebuild-output", "cheaper-run"])
        #expect(lab.start.runs?.count == 3)
        #expect(lab.steps[0].checks.first?.lastRun?.bookmarkOption == "job-bookmark-enable")
    }

    @Test func locatesTheLabsFromTheEnvironment() throws {
        #expect(try LabLoader.locate(environment: ["GLUELAB_LABS": "/some/where"]).root.path == "/some/where")
    }

    @Test func aMissingFieldNamesFileLineAndField() throws {
        let yaml = Self.minimal.replacingOccurrences(of: "    explanation: Done.\n", with: "")
        let loader = try labs("tiny", yaml)
        let error = #expect(throws: WorkbenchError.self) { try loader.load("tiny") }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("lab.yaml:10"), "\(text)")
        #expect(text.contains("steps[0]"), "\(text)")
        #expect(text.contains("explanation"), "\(text)")
    }

    @Test func validationErrorsNameTheLine() throws {
        let four = Self.minimal.replacingOccurrences(of: "hints: [a]", with: "hints: [a, b, c, d]")
        let e1 = #expect(throws: WorkbenchError.self) { try labs("tiny", four).load("tiny") }
        #expect(e1.map { "\($0)" }?.contains("lab.yaml:15: steps[0].hints: at most three hints, not 4") == true, "\(String(describing: e1))")

        let twoKinds = Self.minimal.replacingOccurrences(of: "- runs: {job: j, count: 1}", with: "- {runs: {job: j, count: 1}, objects: {prefix: \"s3://b/\", count: 1}}")
        let e2 = #expect(throws: WorkbenchError.self) { try labs("tiny", twoKinds).load("tiny") }
        #expect(e2.map { "\($0)" }?.contains("steps[0].checks[0]: a check has exactly one kind") == true, "\(String(describing: e2))")

        let wrongId = Self.minimal.replacingOccurrences(of: "id: tiny", with: "id: other")
        let e3 = #expect(throws: WorkbenchError.self) { try labs("tiny", wrongId).load("tiny") }
        #expect(e3.map { "\($0)" }?.contains("lab.yaml:1: id: the id 'other' must be the folder's name 'tiny'") == true, "\(String(describing: e3))")

        let badTime = Self.minimal.replacingOccurrences(of: "clock: 2024-03-01T09:00:00Z", with: "clock: yesterday")
        let e4 = #expect(throws: WorkbenchError.self) { try labs("tiny", badTime).load("tiny") }
        #expect(e4.map { "\($0)" }?.contains("lab.yaml:8: start.clock: 'yesterday' is not an ISO-8601 time") == true, "\(String(describing: e4))")
    }

    @Test func aMissingDataFileIsNamed() throws {
        let yaml = Self.minimal.replacingOccurrences(of: "  clock: 2024-03-01T09:00:00Z", with: """
              clock: 2024-03-01T09:00:00Z
              objects:
                - {uri: "s3://raw/a.csv", file: data/a.csv, lastModified: "2024-03-01T08:00:00Z"}
            """)
        let e = #expect(throws: WorkbenchError.self) { try labs("tiny", yaml).load("tiny") }
        #expect(e.map { "\($0)" }?.contains("start.objects[0].file: no file 'data/a.csv' beside the lab") == true, "\(String(describing: e))")
        #expect(throws: Never.self) { try labs("tiny", yaml, files: ["data/a.csv"]).load("tiny") }
    }
}
