import Foundation
import Testing

/// Plays the sample lab `hourly-reprocessing` through the built binary, as a learner would:
/// the binary finds the repository's labs/ from its own place (.build/debug/gluelab).
@Suite struct LabCommandTests {
    @Test func playsTheHourlyReprocessingLab() throws {
        let g = try GluelabProcess()
        let box = ["--sandbox", "lab-hourly-reprocessing"]
        let list = try g.ok(["lab", "list"]).split(separator: "\n").map(String.init)
        #expect(list.first?.hasPrefix("LAB ") == true && list.first?.hasSuffix("STATUS") == true)
        let hourly = list.first { $0.hasPrefix("hourly-reprocessing ") }?.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
        #expect(hourly == "hourly-reprocessing The hourly job that rereads everything 1 ~25 not started")
        let start = try g.ok(["lab", "start", "hourly-reprocessing"])
        #expect(start.contains("Sandbox: lab-hourly-reprocessing"))
        let script = g.home.appendingPathComponent("labs/hourly-reprocessing/hourly_events.py").path
        #expect(start.contains("Script to edit: \(script)"))
        #expect(start.contains("Step 1/4: Make the job remember what it has read"))
        let labFiles = try #require(start.split(separator: "\n").first { $0.hasPrefix("Lab files: ") }).dropFirst("Lab files: ".count)

        // The history shows every run rereading everything.
        let runs = try g.ok(["runs"] + box)
        #expect(runs.split(separator: "\n").count == 4)

        // Checking now fails and says why; a hint is recorded.
        let failed = try g.run(["lab", "check"])
        #expect(failed.status != 0)
        #expect(failed.stdout.contains("FAIL hourly-events bookmark entry 'events': expected present, actual absent"))
        #expect(failed.stderr.contains("2 of 3 checks failed"))
        #expect(try g.ok(["lab", "hint"]).hasPrefix("Hint 1/3: "))
        // The solution comes after the last hint, and (without a terminal) --yes.
        let early = try g.run(["lab", "solution"])
        #expect(early.status != 0)
        #expect(early.stderr.contains("2 hints left — gluelab lab hint first"))
        #expect(try g.ok(["lab", "hint"]).hasPrefix("Hint 2/3: "))
        #expect(try g.ok(["lab", "hint"]).hasPrefix("Hint 3/3: "))
        #expect(try g.run(["lab", "solution"]).stderr.contains("add --yes to show the solution"))
        #expect(try g.ok(["lab", "solution", "--yes"]).contains("gluelab job run hourly-events --job-bookmark-option job-bookmark-enable --sandbox lab-hourly-reprocessing"))

        // Step 1: the learner adds the transformation_ctx and runs with bookmarks.
        let source = try String(contentsOfFile: script, encoding: .utf8)
        let fixed = source.replacingOccurrences(of: "    format_options={\"withHeader\": True},\n",
                                                with: "    format_options={\"withHeader\": True},\n    transformation_ctx=\"events\",\n")
        #expect(fixed != source)
        try Data(fixed.utf8).write(to: URL(fileURLWithPath: script))
        _ = try g.ok(["job", "run", "hourly-events", "--job-bookmark-option", "job-bookmark-enable"] + box)
        let step1 = try g.ok(["lab", "check"])
        #expect(step1.contains("Step 1 passed."))
        #expect(step1.contains("Step 2/4: Prove the next hour reads only the new file"))
        #expect(step1.contains("gluelab s3 cp \(labFiles)/data/hour09.csv"))
        #expect(try g.ok(["lab", "status"]).contains("Step 2/4"))

        // Step 2: the next hour reads only the new file.
        _ = try g.ok(["clock", "advance", "35m"] + box)
        _ = try g.ok(["s3", "cp", "\(labFiles)/data/hour09.csv", "s3://raw/events/hour=09/part-0.csv"] + box)
        _ = try g.ok(["job", "run", "hourly-events", "--job-bookmark-option", "job-bookmark-enable"] + box)
        let step2 = try g.ok(["lab", "check"])
        #expect(step2.contains("ok   hourly-events last run objects read: expected 1, actual 1"))
        #expect(step2.contains("Step 3/4: Clean up the output the reprocessing runs duplicated"))

        // Step 3: the output held every event several times; rebuild it once.
        _ = try g.ok(["s3", "rm", "s3://curated/events/", "--recursive"] + box)
        _ = try g.ok(["bookmark", "reset", "hourly-events"] + box)
        _ = try g.ok(["job", "run", "hourly-events", "--job-bookmark-option", "job-bookmark-enable"] + box)
        let step3 = try g.ok(["lab", "check"])
        #expect(step3.contains("ok   distinct values of event_id under s3://curated/events/: expected 12, actual 12"))
        #expect(step3.contains("Step 4/4: Prove the incremental run is cheaper"))

        // Step 4: the next hour's run reads less than the rebuild, and bills the same minimum.
        _ = try g.ok(["clock", "advance", "1h"] + box)
        _ = try g.ok(["s3", "cp", "\(labFiles)/data/hour10.csv", "s3://raw/events/hour=10/part-0.csv"] + box)
        _ = try g.ok(["job", "run", "hourly-events", "--job-bookmark-option", "job-bookmark-enable"] + box)
        let step4 = try g.ok(["lab", "check"])
        #expect(step4.contains("ok   hourly-events last run bytesRead: expected less than 264 (hourly-events run -2 bytesRead), actual 66"))
        #expect(step4.contains("Lab hourly-reprocessing completed."))
        #expect(try g.ok(["lab", "list"]).contains("completed"))
        #expect(try g.ok(["progress"]).contains("1 completed (hourly-reprocessing) of 1 started; 4 steps passed"))

        // Reset puts the sandbox and the script back.
        #expect(try g.ok(["lab", "reset"]).contains("reset to the start state"))
        #expect(try String(contentsOfFile: script, encoding: .utf8) == source)
        #expect(try g.ok(["lab", "status"]).contains("Step 1/4"))
    }

    @Test func checkLabsPassesEveryLab() throws {
        let out = try GluelabProcess().ok(["dev", "check-labs"])
        #expect(out.contains("hourly-reprocessing/enable-bookmarks: fails before, passes after its solution"))
        #expect(out.contains("ok   hourly-reprocessing"))
    }

    @Test func anUnknownLabIsNamed() throws {
        let r = try GluelabProcess().run(["lab", "start", "nope"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("no such lab 'nope' (labs: "))
        #expect(r.stderr.contains("hourly-reprocessing"))
    }
}

/// The prompt's current sandbox: `use NAME`, and `lab start` moving to the lab's sandbox.
@Suite struct PromptSandboxTests {
    @Test func labStartAtThePromptMovesToTheLabsSandboxAndUseMovesBack() throws {
        let g = try GluelabProcess()
        let session = """
            lab start hourly-reprocessing
            runs
            use
            use playground
            runs
            use Not-A-Name
            """
        let r = try g.run([], stdin: session + "\n")
        #expect(r.status == 1, "a failed line makes a piped session exit 1")
        #expect(r.stdout.contains("(now in sandbox lab-hourly-reprocessing: commands without --sandbox work in it"))
        // The lab's three earlier runs, listed without --sandbox, then none in the playground.
        #expect(r.stdout.components(separatedBy: "  hourly-events  SUCCEEDED").count == 4, "\(r.stdout)")
        #expect(r.stdout.contains("sandbox lab-hourly-reprocessing\n"))
        #expect(r.stdout.hasSuffix("(now in sandbox playground: commands without --sandbox work in it; 'use playground' goes back)\n"), "\(r.stdout)")
        #expect(r.stderr.contains("no runs yet"), "the playground has no runs: \(r.stderr)")
        #expect(r.stderr.contains("use: 'Not-A-Name' is not a sandbox name"))
    }

    @Test func gluelabSandboxSetsTheDefaultSandboxOfACommand() throws {
        var g = try GluelabProcess()
        _ = try g.ok(["s3", "put", try g.file("k.txt", "x\n"), "s3://bkt/k.txt"])
        g.environment["GLUELAB_SANDBOX"] = "other"
        _ = try g.ok(["s3", "put", try g.file("o.txt", "y\n"), "s3://bkt/o.txt"])
        #expect(try g.ok(["s3", "ls", "s3://bkt/"]).contains("o.txt"))
        #expect(!(try g.ok(["s3", "ls", "s3://bkt/"]).contains("k.txt")), "the playground's object is not in sandbox other")
        #expect(try g.ok(["s3", "ls", "s3://bkt/", "--sandbox", "playground"]).contains("k.txt"))
    }
}
