import Foundation
import Testing

/// `lab watch`, `lab edit` and the solution's confirmation, through the built binary.
@Suite struct LabWatchEditTests {
    static let box = ["--sandbox", "lab-hourly-reprocessing"]

    /// A background `gluelab` whose standard output is collected as it comes.
    final class Background: @unchecked Sendable {
        let process = Process()
        private let lock = NSLock()
        private var data = Data()

        init(_ g: GluelabProcess, _ args: [String]) throws {
            process.executableURL = GluelabProcess.binary
            process.arguments = args
            var env = ProcessInfo.processInfo.environment
            env["GLUELAB_HOME"] = g.home.path
            env["NO_COLOR"] = "1"
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            process.standardInput = FileHandle.nullDevice
            out.fileHandleForReading.readabilityHandler = { [weak self] h in
                let chunk = h.availableData
                guard let self, !chunk.isEmpty else { return }
                self.lock.withLock { self.data.append(chunk) }
            }
            try process.run()
        }

        var output: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

        /// Waits (at most `timeout` seconds) until the output contains `text`.
        func wait(for text: String, timeout: Double = 30) -> Bool {
            let end = Date().addingTimeInterval(timeout)
            while Date() < end {
                if output.contains(text) { return true }
                Thread.sleep(forTimeInterval: 0.05)
            }
            return false
        }

        func waitForExit(timeout: Double = 30) -> Int32? {
            let end = Date().addingTimeInterval(timeout)
            while process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
            if process.isRunning { process.terminate(); return nil }
            return process.terminationStatus
        }
    }

    func fixScript(_ g: GluelabProcess) throws -> String {
        let script = g.home.appendingPathComponent("labs/hourly-reprocessing/hourly_events.py").path
        let source = try String(contentsOfFile: script, encoding: .utf8)
        let fixed = source.replacingOccurrences(of: "    format_options={\"withHeader\": True},\n",
                                                with: "    format_options={\"withHeader\": True},\n    transformation_ctx=\"events\",\n")
        try Data(fixed.utf8).write(to: URL(fileURLWithPath: script))
        return script
    }

    @Test func watchRechecksOnEveryScriptChangeAndRunUntilTheLabIsCompleted() throws {
        let g = try GluelabProcess()
        _ = try g.ok(["lab", "start", "hourly-reprocessing"])
        let watch = try Background(g, ["lab", "watch", "--interval", "0.2"])
        #expect(watch.wait(for: "Watching "), "\(watch.output)")
        // Editing the script re-checks: the job has not run with bookmarks yet.
        _ = try fixScript(g)
        #expect(watch.wait(for: "a script changed; checking"), "\(watch.output)")
        #expect(watch.wait(for: "FAIL hourly-events bookmark entry 'events'"), "\(watch.output)")
        // A job run that ends re-checks too.
        _ = try g.ok(["job", "run", "hourly-events", "--job-bookmark-option", "job-bookmark-enable"] + Self.box)
        #expect(watch.wait(for: "a job run ended; checking"), "\(watch.output)")
        #expect(watch.wait(for: "Step 1 passed."), "\(watch.output)")
        #expect(watch.output.contains("Step 2/4"))
        let data = LabPlayTests.repoLabs.appendingPathComponent("hourly-reprocessing/data")
        _ = try g.ok(["clock", "advance", "35m"] + Self.box)
        _ = try g.ok(["s3", "put", data.appendingPathComponent("hour09.csv").path, "s3://raw/events/hour=09/part-0.csv"] + Self.box)
        _ = try g.ok(["job", "run", "hourly-events", "--job-bookmark-option", "job-bookmark-enable"] + Self.box)
        #expect(watch.wait(for: "Step 2 passed."), "\(watch.output)")
        // Step 3: the output rebuilt once from every input.
        _ = try g.ok(["s3", "rm", "--recursive", "s3://curated/events/"] + Self.box)
        _ = try g.ok(["bookmark", "reset", "hourly-events"] + Self.box)
        _ = try g.ok(["job", "run", "hourly-events", "--job-bookmark-option", "job-bookmark-enable"] + Self.box)
        #expect(watch.wait(for: "Step 3 passed."), "\(watch.output)")
        // Step 4: the next hour reads one file.
        _ = try g.ok(["clock", "advance", "1h"] + Self.box)
        _ = try g.ok(["s3", "put", data.appendingPathComponent("hour10.csv").path, "s3://raw/events/hour=10/part-0.csv"] + Self.box)
        _ = try g.ok(["job", "run", "hourly-events", "--job-bookmark-option", "job-bookmark-enable"] + Self.box)
        #expect(watch.wait(for: "Lab hourly-reprocessing completed."), "\(watch.output)")
        #expect(watch.waitForExit() == 0, "watch stops by itself when the lab is completed")
        #expect(!watch.output.contains("Stopped watching"))
    }

    @Test func watchStopsOnCtrlC() throws {
        let g = try GluelabProcess()
        _ = try g.ok(["lab", "start", "hourly-reprocessing"])
        let watch = try Background(g, ["lab", "watch", "--interval", "0.2"])
        #expect(watch.wait(for: "Watching "), "\(watch.output)")
        watch.process.interrupt()
        #expect(watch.waitForExit() == 0)
        #expect(watch.output.contains("Stopped watching."))
    }

    @Test func editPrintsThePathWithoutATerminal() throws {
        let g = try GluelabProcess()
        _ = try g.ok(["lab", "start", "hourly-reprocessing"])
        #expect(try g.ok(["lab", "edit"]) == g.home.appendingPathComponent("labs/hourly-reprocessing/hourly_events.py").path + "\n")
        let other = try g.run(["lab", "edit", "nope.py"])
        #expect(other.stderr.contains("not a script of hourly-reprocessing (scripts: hourly_events.py)"))
    }

    @Test func onATerminalEditRunsTheEditorAndTheSolutionAsks() throws {
        let g = try GluelabProcess()
        _ = try g.ok(["lab", "start", "hourly-reprocessing"])
        let editor = try g.file("editor.sh", "#!/bin/sh\necho '# edited' >> \"$1\"\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let t = try PseudoTerminalSession(home: g.home, environment: ["EDITOR": editor, "VISUAL": ""])
        #expect(t.waitForLine(""))
        t.type("lab edit\r")
        #expect(t.wait { $0.text.contains("saved? Run the job, then: gluelab lab check") }, "\(t.screen.text)")
        let script = g.home.appendingPathComponent("labs/hourly-reprocessing/hourly_events.py").path
        #expect(try String(contentsOfFile: script, encoding: .utf8).hasSuffix("# edited\n"))
        t.type("lab hint\r")
        t.type("lab hint\r")
        t.type("lab hint\r")
        #expect(t.wait { $0.text.contains("Hint 3/3") }, "\(t.screen.text)")
        t.type("lab solution\r")
        #expect(t.wait { $0.text.contains("The step will count as done with help. [y/N]") }, "\(t.screen.text)")
        t.type("y\r")
        #expect(t.wait { $0.text.contains("Solution of step enable-bookmarks:") }, "\(t.screen.text)")
        t.type("\u{04}")
        _ = t.waitForExit()
    }
}
