import Foundation
import Testing
@testable import Workbench

/// Unknown keys in labs and questions are refused with the file, line and field.
@Suite struct YAMLSourceTests {
    let question = """
        questions:
          - id: bookmarks-ctx
            topic: bookmarks
            domain: 1
            difficulty: 1
            type: single
            stem: Which one?
            options:
              - {key: A, text: a, explanation: why a}
              - {key: B, text: b, explanation: why b}
            answer: [A]
            references: [{seed: "line 4"}]
            misconception:
        """

    @Test func aKnownFileDecodesAndAnEmptyOptionalIsNotUnknown() throws {
        let file = try YAMLSource(path: "q.yaml", text: question).decode(QuestionFile.self, what: "file")
        #expect(file.questions.map(\.id) == ["bookmarks-ctx"])
    }

    @Test func aMisspeltFieldIsNamedWithItsLine() throws {
        let typo = question.replacingOccurrences(of: "    misconception:", with: "    misconseption: the seed says so")
        #expect(throws: WorkbenchError.file(path: "q.yaml:13", reason: "questions[0].misconseption: unknown field 'misconseption' (a misspelling? see the format's README)")) {
            try YAMLSource(path: "q.yaml", text: typo).decode(QuestionFile.self, what: "file")
        }
        let nested = question.replacingOccurrences(of: "{key: B, text: b, explanation: why b}", with: "{key: B, text: b, explanation: why b, explain: x}")
        #expect(throws: WorkbenchError.file(path: "q.yaml:10", reason: "questions[0].options[1].explain: unknown field 'explain' (a misspelling? see the format's README)")) {
            try YAMLSource(path: "q.yaml", text: nested).decode(QuestionFile.self, what: "file")
        }
    }
}
