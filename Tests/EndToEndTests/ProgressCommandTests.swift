import Foundation
import Testing

/// A small history: two questions (domains 1 and 2), a completed lab, study on 1 and 2 March 2024.
let progressFixture = """
    {"format": "gluelab-progress", "version": 1, "exportedAt": "2024-03-02T10:00:00Z", "learners": [
      {"name": "default", "createdAt": "2024-03-01T09:00:00Z",
       "cards": [
         {"id": "question:bm-1", "topic": "bookmarks", "domain": 1, "state": "Review", "step": null, "stability": 8.2956,
          "difficulty": 1.0, "due": "2024-03-09T09:00:00Z", "lastReview": "2024-03-01T09:00:00Z", "createdAt": "2024-03-01T09:00:00Z"},
         {"id": "question:cr-1", "topic": "crawlers", "domain": 2, "state": "Learning", "step": 0, "stability": 0.212,
          "difficulty": 6.4133, "due": "2024-03-02T09:01:00Z", "lastReview": "2024-03-02T09:00:00Z", "createdAt": "2024-03-02T09:00:00Z"}],
       "reviewLogs": [
         {"id": "log-1", "cardId": "question:bm-1", "rating": "Easy", "reviewedAt": "2024-03-01T09:00:00Z", "retrievability": 0,
          "elapsedDays": null, "scheduledDays": 8, "interval": 691200000000, "durationMillis": 20000, "day": "2024-03-01"},
         {"id": "log-2", "cardId": "question:cr-1", "rating": "Again", "reviewedAt": "2024-03-02T09:00:00Z", "retrievability": 0,
          "elapsedDays": null, "scheduledDays": 0, "interval": 60000000, "durationMillis": 80000, "day": "2024-03-02"}],
       "attempts": [
         {"id": "att-1", "questionId": "bm-1", "answer": "B", "correct": true, "timeTakenMillis": 20000, "hintsUsed": 0,
          "at": "2024-03-01T09:00:00Z", "day": "2024-03-01"},
         {"id": "att-2", "questionId": "cr-1", "answer": "A", "correct": false, "timeTakenMillis": 80000, "hintsUsed": 0,
          "at": "2024-03-02T09:00:00Z", "day": "2024-03-02"}],
       "labEvents": [
         {"id": "ev-1", "lab": "bm-101", "step": "s1", "event": "started", "at": "2024-03-01T10:00:00Z", "day": "2024-03-01"},
         {"id": "ev-2", "lab": "bm-101", "event": "completed", "detail": "all steps", "at": "2024-03-01T11:00:00Z", "day": "2024-03-01"}],
       "studyDays": ["2024-03-01", "2024-03-02"]}]}
    """

extension GluelabProcess {
    /// Runs `gluelab args...` with extra environment (a pinned GLUELAB_NOW, TZ=UTC); output goes
    /// through files, so several can run at once.
    func start(_ args: [String], home: URL? = nil, now: String = "2024-03-03T12:00:00Z") throws -> (Process, URL, URL) {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = args
        p.currentDirectoryURL = workDir
        var env = ProcessInfo.processInfo.environment
        env["GLUELAB_HOME"] = (home ?? self.home).path
        env["GLUELAB_NOW"] = now
        env["TZ"] = "UTC"
        env["NO_COLOR"] = "1"
        p.environment = env
        let out = workDir.appendingPathComponent("out-\(UUID().uuidString)")
        let err = workDir.appendingPathComponent("err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: out)
        p.standardError = try FileHandle(forWritingTo: err)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, out, err)
    }

    func finish(_ started: (Process, URL, URL)) throws -> Result {
        started.0.waitUntilExit()
        return Result(status: started.0.terminationStatus, stdout: try String(contentsOf: started.1, encoding: .utf8),
                      stderr: try String(contentsOf: started.2, encoding: .utf8))
    }

    func progress(_ args: [String], home: URL? = nil, now: String = "2024-03-03T12:00:00Z") throws -> Result {
        try finish(try start(["progress"] + args, home: home, now: now))
    }

    func progressJSON(home: URL? = nil) throws -> [String: Any] {
        let r = try progress(["--json"], home: home)
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }
}

@Suite struct ProgressCommandTests {
    @Test func withNothingYetItSaysWhereToStart() throws {
        let g = try GluelabProcess()
        let r = try g.progress([])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("Progress of default, 2024-03-03: nothing yet.") && r.stdout.contains("'gluelab quiz'") && r.stdout.contains("'gluelab lab list'"))
        let json = try g.progressJSON()
        #expect((json["reviews"] as? [String: Any])?["cards"] as? Int == 0 && (json["domains"] as? [Any])?.count == 4)
    }

    @Test func anImportedHistoryShowsInTheDashboardAndJSON() throws {
        let g = try GluelabProcess()
        let file = try g.file("p.json", progressFixture)
        let imported = try g.progress(["import", file])
        #expect(imported.stdout == "imported \(file): 1 learner, 2 new cards, 2 reviews, 2 answers, 2 lab events, 2 study days\n")
        let json = try g.progressJSON()
        let reviews = try #require(json["reviews"] as? [String: Any])
        #expect(reviews["dueNow"] as? Int == 1 && reviews["dueToday"] as? Int == 1 && reviews["dueThisWeek"] as? Int == 2)
        let questions = try #require(json["questions"] as? [String: Any])
        #expect(questions["attempts"] as? Int == 2 && questions["accuracy"] as? Double == 0.5)
        let streak = try #require(json["streak"] as? [String: Any])
        #expect(streak["current"] as? Int == 2 && streak["studiedToday"] as? Bool == false, "up to yesterday")
        let domains = try #require(json["domains"] as? [[String: Any]])
        let m1 = try #require(domains[0]["mastery"] as? Double)
        let m2 = try #require(domains[1]["mastery"] as? Double)
        #expect(m1 > 0.95 && m1 < 1 && m2 < 0.8 && domains[2]["mastery"] is NSNull)
        #expect((json["labs"] as? [String: Any])?["completed"] as? [String] == ["bm-101"])

        let text = try g.progress([]).stdout
        #expect(text.contains("1. Data Ingestion and Transformation (34%)  ██████████   97%  1 card"))
        #expect(text.contains("3. Data Operations and Support (22%)        ··········     —  0 cards"))
        #expect(text.contains("Labs        1 completed (bm-101) of 1 started; 0 steps passed, 0 hints used"))
        #expect(text.contains("Questions   2 answered (2 distinct), 1 right: 50% accuracy"))
        #expect(text.contains("Reviews     1 due now, 1 today, 2 this week (2 cards, 2 reviews done)"))
        #expect(text.contains("Streak      2 days (longest 2 days); study today to keep it"))
    }

    @Test func exportImportMovesHistoryAndASecondImportChangesNothing() throws {
        let g = try GluelabProcess()
        _ = try g.progress(["import", try g.file("p.json", progressFixture)])
        let out = g.workDir.appendingPathComponent("export.json").path
        #expect(try g.progress(["export", out]).stdout == "exported 1 learner to \(out)\n")
        let other = g.workDir.appendingPathComponent("other-home")
        #expect(try g.progress(["import", out], home: other).status == 0)
        #expect(try g.progress(["import", out], home: other).stdout == "imported \(out): nothing new (already imported)\n")
        #expect(NSDictionary(dictionary: try g.progressJSON(home: other)) == NSDictionary(dictionary: try g.progressJSON()))
        #expect(try g.progress(["export", "-"]).stdout.contains(#""format" : "gluelab-progress""#))
    }

    @Test func aMalformedImportIsOneLineAndImportsNothing() throws {
        let g = try GluelabProcess()
        let bad = try g.file("bad.json", progressFixture.replacingOccurrences(of: "\"2024-03-02T09:01:00Z\"", with: "\"soon\""))
        let r = try g.progress(["import", bad])
        #expect(r.status == 1)
        #expect(r.stderr == "error: \(bad): learners[0].cards[1].due: \"soon\" is not an ISO 8601 time\n")
        let missing = try g.progress(["import", "nope.json"])
        #expect(missing.status == 1 && missing.stderr.hasPrefix("error: nope.json: cannot read"))
        #expect(try g.progress([]).stdout.contains("nothing yet"))
        let name = try g.progress(["--learner", "two words"])
        #expect(name.status == 1 && name.stderr.hasPrefix("error: --learner \"two words\": a learner name is"))
    }

    @Test func aDamagedProgressFileIsPreservedAndReported() throws {
        let g = try GluelabProcess()
        _ = try g.progress(["import", try g.file("p.json", progressFixture)])
        let db = g.home.appendingPathComponent("progress.sqlite")
        let garbage = Data(String(repeating: "this is not SQLite. ", count: 300).utf8)
        try garbage.write(to: db)
        let r = try g.progress([])
        #expect(r.status == 0)
        let moved = g.home.appendingPathComponent("progress.damaged-20240303T120000Z.sqlite")
        #expect(r.stderr == "progress: \(db.path) was damaged (not a SQLite database: the header is wrong); it was moved to \(moved.path) "
                + "(nothing was deleted) and a new, empty progress database was started. To get your history back, try "
                + "'sqlite3 \(moved.path) .recover', or 'gluelab progress import FILE' with an export.\n")
        #expect(try Data(contentsOf: moved) == garbage)
        #expect(r.stdout.contains("nothing yet"))
        let again = try g.progress([])
        #expect(again.status == 0 && again.stderr.isEmpty)
    }

    @Test func severalProcessesImportingAtOnceLoseNothing() throws {
        let g = try GluelabProcess()
        let writers = 4
        let perFile = 40
        var files: [String] = []
        for w in 0..<writers {
            let attempts = (0..<perFile).map { i in
                #"{"id": "w\#(w)-\#(i)", "questionId": "q\#(i)", "answer": "A", "correct": true, "timeTakenMillis": 1000, "hintsUsed": 0, "at": "2024-03-0\#(1 + w)T09:00:00Z", "day": "2024-03-0\#(1 + w)"}"#
            }
            files.append(try g.file("w\(w).json", #"{"format": "gluelab-progress", "version": 1, "exportedAt": "2024-03-03T00:00:00Z", "learners": [{"name": "default", "createdAt": "2024-03-01T00:00:00Z", "cards": [], "reviewLogs": [], "attempts": ["# + attempts.joined(separator: ",") + #"], "labEvents": [], "studyDays": []}]}"#))
        }
        let running = try files.map { try g.start(["progress", "import", $0]) }
        for r in running {
            let result = try g.finish(r)
            #expect(result.status == 0, "\(result.stderr)")
        }
        let json = try g.progressJSON()
        #expect((json["questions"] as? [String: Any])?["attempts"] as? Int == writers * perFile)
        #expect((json["streak"] as? [String: Any])?["studyDays"] as? Int == writers)
        let learners = try g.progress(["learners"]).stdout
        #expect(learners == "* default  since 2024-03-01\n")
    }

    @Test func learnersCanBeListedAndTheDefaultChanged() throws {
        let g = try GluelabProcess()
        #expect(try g.progress(["learners"]).stdout.hasPrefix("no learners yet"))
        #expect(try g.progress(["learners", "--set-default", "ana"]).stdout == "* ana  since 2024-03-03\n")
        _ = try g.progress(["import", try g.file("p.json", progressFixture)])
        #expect(try g.progress(["learners"]).stdout == "* ana  since 2024-03-03\n  default  since 2024-03-01\n")
        #expect(try g.progress([]).stdout.hasPrefix("Progress of ana, 2024-03-03: nothing yet."))
        #expect(try g.progress(["--learner", "default"]).stdout.hasPrefix("Progress of default, 2024-03-03\n"))
        let json = try g.progress(["learners", "--json"]).stdout
        #expect(json.hasPrefix(#"{"name":"ana","createdAt":"2024-03-03T12:00:00Z","default":true}"#))
    }
}
