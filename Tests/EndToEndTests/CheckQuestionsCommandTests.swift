import Foundation
import Testing

/// `gluelab dev check-questions` through the built binary.
@Suite struct CheckQuestionsCommandTests {
    /// A copy of the fixture bank in a temporary folder, `bookmarks.yaml` edited by `edit`.
    func copiedBank(_ edit: (String) -> String) throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("bank-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: fixtureQuestionsPath), to: dir)
        let file = dir.appendingPathComponent("bookmarks.yaml")
        try Data(edit(try String(contentsOf: file, encoding: .utf8)).utf8).write(to: file)
        return dir.path
    }

    @Test func theFixtureBankPasses() throws {
        let g = try GluelabProcess()
        let out = try g.ask(["dev", "check-questions"])
        #expect(out.contains("ok   fixture-bookmark-ctx\n"))
        #expect(out.contains("ok   fixture-bookmark-option/B: hourly-events last run status = SUCCEEDED; hourly-events last run objects read = 2\n"))
        #expect(out.contains("4 question(s), 1 scenario(s), 2 option(s) played, 0 problem(s) in "))
    }

    @Test func anOptionThatCannotBeToldApartFailsTheCheck() throws {
        let g = try GluelabProcess()
        let bank = try copiedBank {
            $0.replacingOccurrences(of: "job-bookmark-option: job-bookmark-disable}}", with: "job-bookmark-option: job-bookmark-enable}}")
              .replacingOccurrences(of: "objectsRead: 2}", with: "objectsRead: 1}")
        }
        let r = try g.runBank(["dev", "check-questions"], environment: ["GLUELAB_QUESTIONS": bank])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL question fixture-bookmark-option: option B observes the same as the answer A\n"))
        #expect(r.stdout.contains(", 1 problem(s) in "))
    }

    @Test func fileProblemsNameFileAndLine() throws {
        let g = try GluelabProcess()
        let bank = try copiedBank { $0.replacingOccurrences(of: "    answer: [A, C]\n", with: "    answer: [A, E]\n") }
        let r = try g.runBank(["dev", "check-questions"], environment: ["GLUELAB_QUESTIONS": bank])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL \(bank)/bookmarks.yaml:47: questions[1].answer[1]: 'E' is not an option key (A, B, C, D)\n"))
        #expect(r.stderr == "error: check-questions \"1\": problem(s) in the question bank\n")
    }
}
