import Foundation
import Testing
@testable import Workbench

/// The fixture question bank (Tests/WorkbenchTests/Fixtures/questions).
func fixtureQuestions() throws -> URL {
    try #require(Bundle.module.url(forResource: "Fixtures/questions", withExtension: nil))
}

/// A temporary questions folder holding `files` (name → YAML) and an empty coverage file when none is given.
func questionFolder(_ files: [String: String]) throws -> QuestionLoader {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("questions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    for (name, text) in files { try Data(text.utf8).write(to: root.appendingPathComponent(name)) }
    return QuestionLoader(root: root)
}

@Suite struct QuestionLoaderTests {
    static let single = """
        questions:
          - id: tiny-one
            topic: bookmarks
            domain: 1
            difficulty: 1
            type: single
            stem: Which?
            options:
              - {key: A, text: This, explanation: Because.}
              - {key: B, text: That, explanation: Not so.}
            answer: [A]
            references:
              - {url: "https://docs.aws.amazon.com/glue/"}
        """

    func problems(_ files: [String: String]) throws -> [String] {
        let loader = try questionFolder(files)
        let (bank, problems) = loader.loadFiles()
        return (problems + QuestionValidator(bank: bank, labIds: ["hourly-reprocessing"]).problems()).map(\.description)
    }

    @Test func loadsTheFixtureBankButNotTheCoverageFile() throws {
        let bank = try QuestionLoader(root: fixtureQuestions()).load(labs: LabLoader(root: repoLabs))
        #expect(bank.questions.map(\.id) == ["fixture-bookmark-ctx", "fixture-bookmark-needs", "fixture-bookmark-reflect", "fixture-bookmark-option"])
        #expect(bank.question("fixture-bookmark-option")?.scenario?.start.runs?.count == 1)
        #expect(bank.coverage?.claims.count == 2)
        #expect(QuestionValidator(bank: bank, labIds: nil).coverageProblems().isEmpty)
    }

    @Test func locatesTheQuestionsFromTheEnvironment() throws {
        #expect(try QuestionLoader.locate(environment: ["GLUELAB_QUESTIONS": "/some/where"]).root.path == "/some/where")
    }

    @Test func aMissingFieldNamesFileLineAndField() throws {
        let yaml = Self.single.replacingOccurrences(of: "    difficulty: 1\n", with: "")
        let found = try problems(["a.yaml": yaml])
        #expect(found.count == 1)
        #expect(found[0].contains("a.yaml:2: questions[0]: missing field 'difficulty'"))
    }

    @Test func aYAMLSyntaxErrorNamesItsLine() throws {
        let yaml = Self.single.replacingOccurrences(of: "stem: Which?", with: "stem: Which: this or that?")
        let found = try problems(["a.yaml": yaml])
        #expect(found.count == 1)
        #expect(found[0].contains("a.yaml:7: not valid YAML: "))
    }

    @Test func aDuplicateIdNamesBothPlaces() throws {
        let found = try problems(["a.yaml": Self.single, "b.yaml": Self.single])
        #expect(found.count == 1)
        #expect(found[0].contains("b.yaml:2: id: 'tiny-one' is used twice (also at "))
        #expect(found[0].contains("a.yaml:2)"))
    }

    @Test func optionsAnswersAndRangesAreChecked() throws {
        let yaml = Self.single
            .replacingOccurrences(of: "id: tiny-one", with: "id: Tiny_One")
            .replacingOccurrences(of: "domain: 1", with: "domain: 5")
            .replacingOccurrences(of: "{key: B, text: That, explanation: Not so.}", with: "{key: C, text: That, explanation: \"\"}")
            .replacingOccurrences(of: "answer: [A]", with: "answer: [A, D]")
        let found = try problems(["a.yaml": yaml])
        #expect(found.contains { $0.hasSuffix("a.yaml:2: questions[0].id: 'Tiny_One' is not a kebab-case id (lower-case words joined by '-')") })
        #expect(found.contains { $0.contains("a.yaml:4: questions[0].domain: an exam domain is 1 to 4, not 5") })
        #expect(found.contains { $0.contains("a.yaml:10: questions[0].options[1].key: option 2 is keyed 'B', not 'C'") })
        #expect(found.contains { $0.contains("questions[0].options[1].explanation: option C has no explanation") })
        #expect(found.contains { $0.contains("questions[0].answer[1]: 'D' is not an option key (A, B)") })
        #expect(found.contains { $0.contains("questions[0].answer: a single question has one answer unless choose is set, not 2") })
    }

    @Test func multipleNeedsChooseEqualToTheAnswerCount() throws {
        let yaml = Self.single.replacingOccurrences(of: "type: single", with: "type: multiple")
        let found = try problems(["a.yaml": yaml])
        #expect(found.contains { $0.contains("questions[0].answer: a multiple question has at least two answers") })
        #expect(found.contains { $0.contains("questions[0].choose: choose must be the answer count 1, not absent") })
    }

    @Test func reflectionNeedsARubricAndAModelAnswer() throws {
        let yaml = """
            questions:
              - id: tiny-reflect
                topic: bookmarks
                domain: 1
                difficulty: 2
                type: reflection
                stem: Why?
                rubric:
                  - {idea: One, any: []}
                pass: 2
                answer: [A]
                references: [{seed: "lines 1-3"}]
            """
        let found = try problems(["a.yaml": yaml])
        #expect(found.contains { $0.contains("a.yaml:9: questions[0].rubric[0].any: an idea needs at least one phrase") })
        #expect(found.contains { $0.contains("questions[0].modelAnswer: a reflection question needs a model answer") })
        #expect(found.contains { $0.contains("questions[0].pass: pass is 1 to the idea count 1, not 2") })
        #expect(found.contains { $0.contains("questions[0].answer: a reflection question has no answer keys") })
    }

    @Test func scenarioOptionsNeedRunsAndFilesMustExist() throws {
        let yaml = Self.single.replacingOccurrences(of: "type: single", with: "type: scenario") + """

                scenario:
                  scripts: [scenarios/none.py]
                  start:
                    clock: yesterday
                lab: no-such-lab
            """
        let found = try problems(["a.yaml": yaml])
        #expect(found.contains { $0.contains("questions[0].scenario.scripts[0]: no file 'scenarios/none.py'") })
        #expect(found.contains { $0.contains("questions[0].scenario.start.clock: 'yesterday' is not an ISO-8601 time") })
        #expect(found.contains { $0.contains("questions[0].options[0]: every option of a scenario question needs a run") })
        #expect(found.contains { $0.contains("questions[0].lab: no lab 'no-such-lab' (labs: hourly-reprocessing)") })
    }

    @Test func coverageNeedsTwoExistingQuestionsPerClaim() throws {
        let coverage = """
            claims:
              - id: one-claim
                claim: Something.
                seed: "lines 1-2"
                questions: [tiny-one, no-such]
              - id: one-claim
                claim: Else.
                seed: "section 2"
                questions: [tiny-one]
            """
        let loader = try questionFolder(["a.yaml": Self.single, "coverage.yaml": coverage])
        let (bank, loadProblems) = loader.loadFiles()
        #expect(loadProblems.isEmpty)
        let found = QuestionValidator(bank: bank, labIds: nil).coverageProblems().map(\.description)
        #expect(found.contains { $0.hasSuffix("coverage.yaml:5: claims[0].questions[1]: no question 'no-such' in the bank") })
        #expect(found.contains { $0.contains("coverage.yaml:6: claims[1].id: claim id 'one-claim' is used twice (also at ") })
        #expect(found.contains { $0.contains("claims[1].questions: claim 'one-claim' needs at least two questions, not 1") })
        let missing = try questionFolder(["a.yaml": Self.single]).loadFiles().bank
        #expect(QuestionValidator(bank: missing, labIds: nil).coverageProblems().first?.message.hasPrefix("no coverage file") == true)
    }

    @Test func closeIdsSuggestNeighbours() throws {
        let bank = try QuestionLoader(root: fixtureQuestions()).load(labs: nil)
        #expect(bank.closeIds(to: "fixture-bookmark-opton").first == "fixture-bookmark-option")
        #expect(bank.closeIds(to: "zzz").isEmpty)
    }
}
