import Foundation
import Testing

/// `gluelab ask` through the built binary, on the fixture bank (GLUELAB_QUESTIONS).
@Suite struct AskCommandTests {
    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test func rightAndWrongAnswersAreRecordedInProgress() throws {
        let g = try GluelabProcess()
        let wrong = try g.ask(["ask", "fixture-bookmark-ctx", "--answer", "b"])
        #expect(wrong.hasPrefix("Incorrect: you chose B; the answer is A.\n"))
        #expect(wrong.contains("  B. A larger worker type.  [wrong, your choice]\n     Capacity changes speed and cost, never what a run reads.\n"))
        #expect(wrong.contains("Recorded (rating Again); next review "))
        let right = try g.ask(["ask", "fixture-bookmark-needs", "--answer", "C,A", "--learner", "ana"])
        #expect(right.hasPrefix("Correct: A, C.\n"))
        #expect(right.contains("Recorded (rating Good); next review "))

        let progress = try json(try g.ok(["progress", "--json"]))
        let questions = try #require(progress["questions"] as? [String: Any])
        #expect(questions["attempts"] as? Int == 1)
        #expect(questions["correct"] as? Int == 0)
        let ana = try json(try g.ok(["progress", "--json", "--learner", "ana"]))
        let anaQuestions = try #require(ana["questions"] as? [String: Any])
        #expect(anaQuestions["attempts"] as? Int == 1)
        #expect(anaQuestions["correct"] as? Int == 1)
    }

    @Test func jsonHasAStableShape() throws {
        let g = try GluelabProcess()
        let out = try g.ask(["ask", "fixture-bookmark-ctx", "--answer", "A", "--json"], environment: ["GLUELAB_NOW": "2026-01-05T10:00:00Z"])
        let o = try json(out)
        #expect(out.hasPrefix("{\"id\":\"fixture-bookmark-ctx\",\"type\":\"single\",\"topic\":\"bookmarks\",\"domain\":1,\"correct\":true,\"chosen\":[\"A\"],\"answer\":[\"A\"],\"explanations\":{\"A\":"))
        let explanations = try #require(o["explanations"] as? [String: String])
        #expect(explanations.keys.sorted() == ["A", "B", "C"])
        #expect(explanations["B"] == "Capacity changes speed and cost, never what a run reads.")
        #expect((o["misconception"] as? String)?.hasPrefix("Prep material says") == true)
        let refs = try #require(o["references"] as? [[String: Any]])
        #expect(refs.first?["seed"] as? String == "line 4")
        #expect(o["lab"] as? String == "hourly-reprocessing")
        #expect((o["attemptId"] as? String)?.count == 36)
        #expect(o["rating"] as? String == "good")
        #expect(o["due"] as? String == "2026-01-05T10:10:00Z")
    }

    @Test func reflectionAnswersAreGradedByTheRubric() throws {
        let g = try GluelabProcess()
        let all = try json(try g.ask(["ask", "fixture-bookmark-reflect", "--answer", "It re-reads all files, and the cost grows.", "--json"]))
        #expect(all["correct"] as? Bool == true)
        #expect((all["matched"] as? [String])?.count == 2)
        #expect(all["missing"] as? [String] == [])
        #expect(all["rating"] as? String == "good")
        #expect((all["modelAnswer"] as? String)?.hasPrefix("Without a bookmark") == true)
        let half = try json(try g.ask(["ask", "fixture-bookmark-reflect", "--answer", "the data grows", "--json"]))
        #expect(half["correct"] as? Bool == true)
        #expect(half["missing"] as? [String] == ["It reads every object ever written, not just the new ones."])
        #expect(half["rating"] as? String == "hard")
        let none = try json(try g.ask(["ask", "fixture-bookmark-reflect", "--answer", "no idea", "--json", "--rating", "easy"]))
        #expect(none["correct"] as? Bool == false)
        #expect(none["rating"] as? String == "easy")
        let text = try g.ask(["ask", "fixture-bookmark-reflect", "--answer", "nothing"])
        #expect(text.hasPrefix("Your answer has 0 of 2 idea(s) (1 needed): not yet.\n"))
        #expect(text.contains("Model answer:\n  Without a bookmark"))
        #expect(text.contains("Recorded (rating Again)"))
    }

    @Test func aScenarioRunPlaysTheChosenAndTheRightOptionInSandboxes() throws {
        let g = try GluelabProcess()
        let out = try g.ask(["ask", "fixture-bookmark-option", "--answer", "B", "--run"])
        #expect(out.contains("  observed                              B (your choice)   A (the answer)\n"))
        #expect(out.contains("  hourly-events last run status         SUCCEEDED         SUCCEEDED\n"))
        #expect(out.contains("* hourly-events last run objects read   2                 1\n  (* where the options differ)\n"))
        #expect(out.contains("  gluelab runs --sandbox q-fixture-bookmark-option-b\n"))
        // The learner can inspect the sandboxes afterwards.
        let runs = try g.ok(["runs", "--sandbox", "q-fixture-bookmark-option-a", "--json"])
        #expect(runs.split(separator: "\n").count == 2)
        let o = try json(try g.ask(["ask", "fixture-bookmark-option", "--answer", "A", "--run", "--json"]))
        let outcomes = try #require(o["outcomes"] as? [[String: Any]])
        #expect(outcomes.map { $0["key"] as? String } == ["A"])
        let checks = try #require(outcomes.first?["checks"] as? [[String: String]])
        #expect(checks.last == ["what": "hourly-events last run objects read", "expected": "1", "observed": "1"])
    }

    @Test func interactiveAnswersAreAskedAgainUntilValid() throws {
        let g = try GluelabProcess()
        let out = try g.ask(["ask", "fixture-bookmark-option"], stdin: "Z\nA\ny\n")
        #expect(out.hasPrefix("fixture-bookmark-option · bookmarks · domain 1 · difficulty 2 · scenario\n"))
        #expect(out.contains("Your answer (A-B): no option Z (options A-B)\nYour answer (A-B): \nCorrect: A."))
        #expect(out.contains("Run it? Plays your option and the right one on the engine [y/N]: \nPlayed on the engine"))
        let reflect = try g.ask(["ask", "fixture-bookmark-reflect"], stdin: "it reads every file\nhard\n")
        #expect(reflect.contains("How well did you recall it? again, hard, good, easy [hard]: \nRecorded (rating Hard)"))
    }

    @Test func anUnknownIdNamesCloseIds() throws {
        let g = try GluelabProcess()
        let r = try g.runBank(["ask", "fixture-bookmark-opton", "--answer", "A"])
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("error: question \"fixture-bookmark-opton\": no such question (did you mean fixture-bookmark-option"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        let bad = try g.runBank(["ask", "fixture-bookmark-needs", "--answer", "A"])
        #expect(bad.stderr == "error: --answer \"A\": choose 2 options, not 1\n")
    }

    @Test func theFeedbackMatchesItsGoldenFile() throws {
        let g = try GluelabProcess()
        let out = try g.ask(["ask", "fixture-bookmark-ctx", "--answer", "C"], environment: ["GLUELAB_NOW": "2026-01-05T10:00:00Z"])
        #expect(out == (try GluelabProcess.golden("ask-fixture-bookmark-ctx-C.txt")))
    }
}
