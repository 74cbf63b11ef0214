import Foundation
import Testing

/// A small bank: five exam questions over domains 1, 2 and 4, and one reflection question.
let studyBankFixture: [String: String] = [
    "bookmarks.yaml": """
        questions:
          - id: bookmarks-ctx
            topic: bookmarks
            domain: 1
            difficulty: 1
            type: single
            stem: What keys a job bookmark's state for one source?
            options:
              - {key: A, text: The partition key, explanation: "Partitions are not how bookmarks track state."}
              - {key: B, text: The transformation_ctx, explanation: "The bookmark state is kept per transformation_ctx."}
              - {key: C, text: The crawler name, explanation: "Crawlers build catalog tables; bookmarks are separate."}
            answer: [B]
            references: [{seed: "bookmarks"}]
          - id: bookmarks-options
            topic: bookmarks
            domain: 1
            difficulty: 2
            type: multiple
            choose: 2
            stem: Which two are values of --job-bookmark-option?
            options:
              - {key: A, text: job-bookmark-enable, explanation: "Enables bookmarks."}
              - {key: B, text: job-bookmark-pause, explanation: "Reads from the bookmark without moving it."}
              - {key: C, text: job-bookmark-reset, explanation: "Resetting is an API call (ResetJobBookmark), not an option value."}
            answer: [A, B]
            references: [{seed: "bookmarks"}]
        """,
    "crawlers.yaml": """
        questions:
          - id: crawlers-output
            topic: crawlers
            domain: 2
            difficulty: 1
            type: single
            stem: What does a crawler write?
            options:
              - {key: A, text: Tables in the Data Catalog, explanation: "A crawler creates and updates catalog tables."}
              - {key: B, text: Parquet files, explanation: "Crawlers never write data."}
            answer: [A]
            references: [{url: "https://docs.aws.amazon.com/glue/latest/dg/add-crawler.html"}]
          - id: crawlers-why
            topic: crawlers
            domain: 2
            difficulty: 2
            type: reflection
            stem: Why run a crawler?
            rubric: [{idea: "it infers the schema", any: [schema]}]
            modelAnswer: It infers the schema and the partitions into the catalog.
            references: [{url: "https://docs.aws.amazon.com/glue/latest/dg/add-crawler.html"}]
        """,
    "security.yaml": """
        questions:
          - id: security-config
            topic: security
            domain: 4
            difficulty: 1
            type: single
            stem: What encrypts a job's bookmarks?
            options:
              - {key: A, text: A security configuration, explanation: "Security configurations set S3, CloudWatch and bookmark encryption."}
              - {key: B, text: The crawler, explanation: "Crawlers do not encrypt bookmarks."}
            answer: [A]
            references: [{url: "https://docs.aws.amazon.com/glue/latest/dg/encryption-security-configuration.html"}]
          - id: security-lf
            topic: security
            domain: 4
            difficulty: 2
            type: single
            stem: What grants column-level access to catalog tables?
            options:
              - {key: A, text: Lake Formation permissions, explanation: "Lake Formation grants table and column permissions."}
              - {key: B, text: A bookmark, explanation: "Bookmarks track processed data."}
            answer: [A]
            references: [{url: "https://docs.aws.amazon.com/lake-formation/latest/dg/lf-permissions-reference.html"}]
        """,
]

extension GluelabProcess {
    /// The fixture bank in the working folder; its path.
    func studyBank() throws -> String {
        for (name, text) in studyBankFixture { try file("questions/\(name)", text) }
        return workDir.appendingPathComponent("questions").path
    }

    /// Runs gluelab with the fixture bank, `GLUELAB_NOW` pinned and `stdin` piped in.
    func study(_ args: [String], stdin: String = "", now: String = "2024-03-01T09:00:00Z", questions: String? = nil) throws -> Result {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = workDir
        var env = ProcessInfo.processInfo.environment
        env["GLUELAB_HOME"] = home.path
        env["GLUELAB_QUESTIONS"] = try questions ?? studyBank()
        env["GLUELAB_NOW"] = now
        env["TZ"] = "UTC"
        env["NO_COLOR"] = "1"
        p.environment = env
        let input = workDir.appendingPathComponent("in-\(UUID().uuidString)")
        let out = workDir.appendingPathComponent("out-\(UUID().uuidString)")
        let err = workDir.appendingPathComponent("err-\(UUID().uuidString)")
        try Data(stdin.utf8).write(to: input)
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardInput = try FileHandle(forReadingFrom: input)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        try p.run()
        p.waitUntilExit()
        return Result(status: p.terminationStatus, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }

    /// `progress --json`'s questions and reviews objects.
    func studyProgress(now: String = "2024-03-01T09:00:00Z") throws -> (questions: [String: Any], reviews: [String: Any]) {
        let r = try study(["progress", "--json"], now: now)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (try #require(json["questions"] as? [String: Any]), try #require(json["reviews"] as? [String: Any]))
    }
}

@Suite struct StudyModesTests {
    @Test func quizTakesPipedAnswersExplainsEveryOptionAndRecordsThem() throws {
        let g = try GluelabProcess()
        // Seed 1 asks the two-answer question first: "B" alone is refused.
        let r = try g.study(["quiz", "--topic", "bookmarks", "--count", "2", "--seed", "1"], stdin: "B\nA,B\nB\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Quiz: 2 questions on bookmarks."))
        #expect(r.stdout.contains("The bookmark state is kept per transformation_ctx."))
        #expect(r.stdout.contains("Resetting is an API call (ResetJobBookmark), not an option value."))
        #expect(r.stdout.contains("answer, s to skip, q to quit > B\nchoose 2 options, not 1\n"))
        #expect(r.stdout.contains("Quiz done: 2 answered, 2 right (100%)."))
        let p = try g.studyProgress()
        #expect(p.questions["attempts"] as? Int == 2 && p.questions["distinct"] as? Int == 2)
        #expect(p.reviews["cards"] as? Int == 2)
    }

    @Test func quizRefusesATopicWithNoQuestions() throws {
        let g = try GluelabProcess()
        let r = try g.study(["quiz", "--topic", "streaming"])
        #expect(r.status == 1)
        #expect(r.stderr == "error: --topic \"streaming\": no questions on this topic (topics: bookmarks, crawlers, security)\n")
    }

    @Test func examScoresByDomainAndRecordsAnswersAtSubmit() throws {
        let g = try GluelabProcess()
        // Seed 5's order: bookmarks-options, bookmarks-ctx, crawlers-output, security-lf, security-config.
        // Flag and answer 1 (right), 2 wrong, 3 wrong, skip 4, 5 right, list, back to 4 (right), submit.
        let r = try g.study(["exam", "--seed", "5", "--no-review"], stdin: "f\nA,B\nA\nB\ns\nA\nlist\np\nA\nsubmit\ny\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("Exam: 5 questions in 10 minutes.\n  DEA-C01 has 65 questions in 130 minutes; the bank has 5 exam questions, so the exam is scaled down."))
        #expect(r.stdout.contains("By domain weight (34/26/22/18%): domain 1: 2, domain 2: 1, domain 4: 2."))
        #expect(r.stdout.contains("[1/5 · 10:00 left · 5 unanswered] > f\n"))
        #expect(r.stdout.contains("Question 1 flagged."))
        #expect(r.stdout.contains("  4  —       skipped\n  5  A       current\n"))
        #expect(r.stdout.contains("Submit with 1 flagged? 'y' to submit, anything else to go on."))
        #expect(r.stdout.contains("Score: 640/1000 — FAIL (pass mark 720)"))
        #expect(r.stdout.contains("gluelab's approximation"))
        #expect(r.stdout.contains("Right: 3 of 5 (60%)"))
        #expect(r.stdout.contains("  1. Data Ingestion and Transformation   1/2   50%  Needs improvement"))
        #expect(r.stdout.contains("  2. Data Store Management               0/1    0%  Needs improvement"))
        #expect(r.stdout.contains("  3. Data Operations and Support          —   no questions"))
        #expect(r.stdout.contains("  4. Data Security and Governance        2/2  100%  Meets competencies"))
        #expect(r.stdout.contains("Recorded 5 answers for default."))
        #expect(!r.stdout.contains("Review:"))
        let p = try g.studyProgress()
        #expect(p.questions["attempts"] as? Int == 5 && p.questions["correct"] as? Int == 3)
    }

    @Test func examReviewWalksWrongAndFlaggedQuestionsWithExplanations() throws {
        let g = try GluelabProcess()
        let r = try g.study(["exam", "--questions", "2", "--seed", "5"], stdin: "C\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Exam: 2 questions in 4 minutes."))
        #expect(r.stdout.contains("The input ended: the exam was submitted with the answers given."))
        #expect(r.stdout.contains("Right: 0 of 2 (0%), 1 unanswered (counted wrong)"))
        #expect(r.stdout.contains("Recorded 2 answers for default."))
        #expect(r.stdout.contains("Review: 2 questions wrong, unanswered or flagged."))
        #expect(r.stdout.contains("· unanswered ·") && r.stdout.contains("· wrong ·"))
        #expect(r.stdout.contains("End of the review."))
    }

    @Test func aWrongAnswerComesBackInReviewWhenDue() throws {
        let g = try GluelabProcess()
        // Both security questions' answer is A: one is answered wrong.
        _ = try g.study(["quiz", "--topic", "security", "--count", "2"], stdin: "B\nA\n")
        let now = try g.study(["review"])
        #expect(now.status == 0)
        #expect(now.stdout.hasPrefix("No questions due now. Next due: 2024-03-01T09:01:00"), "\(now.stdout)")
        let later = try g.study(["review"], stdin: "A\n", now: "2024-03-01T09:10:00Z")
        #expect(later.status == 0, "\(later.stderr)")
        #expect(later.stdout.hasPrefix("Review: 1 question due, most overdue first."), "\(later.stdout)")
        #expect(later.stdout.contains("Review 1/1 · security-") && later.stdout.contains(" · security · domain 4 · difficulty "))
        #expect(later.stdout.contains("Review done: 1 answered, 1 right (100%)."))
        let p = try g.studyProgress(now: "2024-03-01T09:10:00Z")
        #expect(p.questions["attempts"] as? Int == 3 && p.reviews["dueNow"] as? Int == 0)
    }

    @Test func drillExplainsItsOrderWeakestTopicsFirst() throws {
        let g = try GluelabProcess()
        let fresh = try g.study(["drill", "--count", "4"], stdin: "q\n")
        #expect(fresh.stdout.hasPrefix("""
            Drill: 4 questions, weakest topics first:
              bookmarks  2 questions  not studied yet (domain 1, 34% of the exam)
              crawlers   2 questions  not studied yet (domain 2, 26% of the exam)
            """), "\(fresh.stdout)")
        // Two days after a wrong crawlers answer and a right security one, crawlers is weakest.
        _ = try g.study(["quiz", "--topic", "crawlers", "--count", "1", "--seed", "2"], stdin: "B\n")
        _ = try g.study(["quiz", "--topic", "security", "--count", "1", "--seed", "2"], stdin: "A\n")
        let later = try g.study(["drill", "--count", "6"], stdin: "q\n", now: "2024-03-03T09:00:00Z")
        let lines = later.stdout.split(separator: "\n").prefix(4).map(String.init)
        #expect(lines.count == 4 && lines[1].hasPrefix("  crawlers") && lines[2].hasPrefix("  security") && lines[3].hasPrefix("  bookmarks  2 questions  not studied yet"),
                "\(later.stdout)")
        #expect(later.stdout.contains("Order: topics you have met by mastery"))
    }

    @Test func onATerminalTheExamSubmitsItselfAtTheDeadline() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-pty-\(UUID().uuidString)")
        let g = try GluelabProcess()
        let t = try PseudoTerminalSession(home: home, columns: 120, environment: ["GLUELAB_QUESTIONS": try g.studyBank()])
        #expect(t.waitForLine(""), "\(t.screen.transcript)")
        t.type("exam --questions 2 --minutes 0.05 --no-review\r")
        #expect(t.wait { $0.text.contains("[1/2 · 0:0") }, "\(t.screen.text)")
        // Nobody types: the timer submits the exam after 3 seconds.
        #expect(t.wait(timeout: 15) { $0.text.contains("Time is up: the exam was submitted with the answers given.") }, "\(t.screen.text)")
        #expect(t.wait { $0.text.contains("Recorded 1 answer for default (questions never shown are not recorded).") }, "\(t.screen.text)")
        #expect(t.waitForLine(""), "back at the prompt: \(t.screen.text)")
        t.type("\u{04}")
        #expect(t.waitForExit() == 0)
    }

    @Test func afterAScenarioQuestionRunPlaysTheChosenOptionAndTheAnswer() throws {
        let g = try GluelabProcess()
        // Seed 13 picks fixture-bookmark-option, the fixture bank's scenario question (answer A).
        let r = try g.study(["quiz", "--topic", "bookmarks", "--count", "1", "--seed", "13"], stdin: "B\nrun\nrun C\n\n",
                            questions: fixtureQuestionsPath)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Incorrect: you chose B; the answer is A."))
        #expect(r.stdout.contains("observed                              B (your choice)   A (the answer)"), "\(r.stdout)")
        #expect(r.stdout.contains("* hourly-events last run objects read   2                 1"))
        #expect(r.stdout.contains("no runnable option C: A, B"))
        #expect(r.stdout.contains("Quiz done: 1 answered, 0 right (0%)."))
    }

    @Test func reviewPointsDueLabStepsToTheirLab() throws {
        let g = try GluelabProcess()
        let export = """
            {"format": "gluelab-progress", "version": 1, "exportedAt": "2024-03-01T10:00:00Z", "learners": [
              {"name": "default", "createdAt": "2024-03-01T09:00:00Z",
               "cards": [{"id": "lab:hourly-reprocessing/next-hour", "topic": "bookmarks", "domain": 1, "state": "Review", "step": null,
                          "stability": 2.3, "difficulty": 5.0, "due": "2024-03-03T09:00:00Z", "lastReview": "2024-03-01T09:00:00Z",
                          "createdAt": "2024-03-01T09:00:00Z"}],
               "reviewLogs": [], "attempts": [], "labEvents": [], "studyDays": ["2024-03-01"]}]}
            """
        let path = try g.file("progress.json", export)
        #expect(try g.study(["progress", "import", path]).status == 0)
        let early = try g.study(["review"], now: "2024-03-02T09:00:00Z")
        #expect(early.stdout == "No questions due now. Next due: 2024-03-03T09:00:00Z.\n", "\(early.stdout)")
        let due = try g.study(["review"], now: "2024-03-04T09:00:00Z")
        #expect(due.status == 0, "\(due.stderr)")
        #expect(due.stdout.hasPrefix("""
            Lab steps due (redo them in their lab; the step's card is reviewed when its check passes):
              hourly-reprocessing: step 2, 
            """), "\(due.stdout)")
        #expect(due.stdout.contains(" → gluelab lab start hourly-reprocessing\nNo questions due now."))
    }

    @Test func onATerminalCtrlCAsksToQuitTheExamAndASecondOneLeavesIt() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-pty-\(UUID().uuidString)")
        let g = try GluelabProcess()
        let t = try PseudoTerminalSession(home: home, columns: 120, environment: ["GLUELAB_QUESTIONS": try g.studyBank()])
        #expect(t.waitForLine(""), "\(t.screen.transcript)")
        t.type("exam --questions 2\r")
        #expect(t.wait { $0.text.contains("[1/2 · 4:00 left · 2 unanswered] >") || $0.text.contains("[1/2 · 3:59 left") }, "\(t.screen.text)")
        // The test's terminal is not the process's controlling terminal, so Ctrl-C is sent as the
        // signal it becomes.
        kill(t.process.processIdentifier, SIGINT)
        #expect(t.wait { $0.text.contains("Quit without a score? Nothing is recorded.") }, "\(t.screen.text)")
        kill(t.process.processIdentifier, SIGINT)
        #expect(t.wait { $0.text.contains("Exam abandoned: nothing was recorded.") }, "\(t.screen.text)")
        #expect(t.waitForLine(""), "the REPL goes on: \(t.screen.text)")
        t.type("progress\r")
        #expect(t.wait { $0.text.contains("nothing yet") }, "\(t.screen.text)")
        // Ctrl-D typed before the prompt is back reaches a terminal still in cooked mode, where
        // it is the end-of-file key, not a byte the line editor can read: wait for the prompt.
        #expect(t.waitForLine(""), "\(t.screen.text)")
        t.type("\u{04}")
        #expect(t.waitForExit() == 0)
    }
}
