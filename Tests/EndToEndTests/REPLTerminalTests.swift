import Foundation
import Testing

/// The REPL on a real pseudo-terminal: what a learner sees and types.
@Suite struct REPLTerminalTests {
    static let prompt = "gluelab[playground]> "
    static let up = "\u{1B}[A"
    static let ctrlC = "\u{03}"
    static let ctrlD = "\u{04}"
    static let ctrlR = "\u{12}"
    static let ctrlU = "\u{15}"

    private func home() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-pty-\(UUID().uuidString)")
    }

    @Test func greetsRunsACommandAndLeavesOnCtrlD() throws {
        let t = try PseudoTerminalSession(home: home())
        #expect(t.wait { $0.text.contains("gluelab — learn AWS Glue ETL by doing · learner default") }, "\(t.screen.transcript)")
        #expect(t.waitForLine(""), "the prompt shows the sandbox: \(t.screen.text)")
        t.type("clock set 2024-03-01T12:00:00Z\r")
        #expect(t.wait { $0.text.contains("2024-03-01T12:00:00Z  (stopped)") }, "\(t.screen.text)")
        #expect(t.waitForLine(""))
        t.type("frame schema s3://nobucket/x.csv\r")
        #expect(t.wait { $0.text.contains("error: ") }, "an error prints one line and the REPL goes on")
        #expect(t.waitForLine(""))
        t.type(Self.ctrlD)
        #expect(t.waitForExit() == 0)
        // Colour only on a terminal: the welcome line is bold here.
        #expect(t.screen.transcript.contains("\u{1B}[1mgluelab"))
    }

    @Test func tabCompletesCommandsAndListsSubcommands() throws {
        let t = try PseudoTerminalSession(home: home())
        #expect(t.waitForLine(""))
        t.type("cl\t")
        #expect(t.waitForLine("clock "), "\(t.screen.text)")
        t.type("sh\t")
        #expect(t.waitForLine("clock show "), "subcommands complete too: \(t.screen.text)")
        t.type(Self.ctrlU + "s3 \t\t")
        #expect(t.wait { s in s.text.split(separator: "\n").contains { l in ["put", "ls", "cat", "rm", "cp"].allSatisfy { l.contains($0) } } },
                "a second Tab lists the s3 subcommands: \(t.screen.text)")
        #expect(t.waitForLine("s3 "), "the line is redrawn after the list")
        t.type(Self.ctrlU + "clock show --j\t")
        #expect(t.waitForLine("clock show --json "), "options complete: \(t.screen.text)")
        t.type(Self.ctrlU + "exit\r")
        #expect(t.waitForExit() == 0)
    }

    @Test func completesS3KeysOfTheSandbox() throws {
        let h = home()
        let g = try GluelabProcess(home: h)
        let f = try g.file("a.csv", "a\n1\n")
        _ = try g.ok(["s3", "put", f, "s3://bucket/input/2024/a.csv"])
        let t = try PseudoTerminalSession(home: h)
        #expect(t.waitForLine(""))
        t.type("s3 ls s3://bu\t")
        #expect(t.waitForLine("s3 ls s3://bucket/"), "\(t.screen.text)")
        t.type("\t")
        #expect(t.waitForLine("s3 ls s3://bucket/input/"), "\(t.screen.text)")
        t.type("\t\t")
        #expect(t.waitForLine("s3 ls s3://bucket/input/2024/a.csv "), "\(t.screen.text)")
        t.type(Self.ctrlC + Self.ctrlD)
        #expect(t.waitForExit() == 0)
    }

    @Test func historySurvivesARestartAndCtrlRFindsOldCommands() throws {
        let h = home()
        let first = try PseudoTerminalSession(home: h)
        #expect(first.waitForLine(""))
        first.type("clock show\r")
        #expect(first.wait { $0.text.contains("(running)") })
        #expect(first.waitForLine(""))
        first.type("s3 ls\r")
        #expect(first.waitForLine(""))
        first.type(Self.up)
        #expect(first.waitForLine("s3 ls"), "Up recalls the previous command: \(first.screen.text)")
        first.type(Self.up)
        #expect(first.waitForLine("clock show"))
        first.type("\u{1B}[B")
        #expect(first.waitForLine("s3 ls"))
        first.type("\u{1B}[B")
        #expect(first.waitForLine(""), "Down past the newest entry gives the new line back")
        first.type(Self.ctrlD)
        #expect(first.waitForExit() == 0)

        let second = try PseudoTerminalSession(home: h)
        #expect(second.waitForLine(""))
        second.type(Self.up)
        #expect(second.waitForLine("s3 ls"), "history survives a restart: \(second.screen.text)")
        second.type(Self.ctrlU + Self.ctrlR + "clo")
        #expect(second.wait { $0.cursorLine == "(reverse-i-search)`clo': clock show" }, "\(second.screen.text)")
        second.type("\r")
        #expect(second.wait { $0.text.contains("(running)") }, "Enter runs the command found")
        #expect(second.waitForLine(""))
        second.type("exit\r")
        #expect(second.waitForExit() == 0)
        let history = try String(contentsOf: h.appendingPathComponent("history"), encoding: .utf8)
        #expect(history == "clock show\ns3 ls\nclock show\nexit\n")
    }

    @Test func ctrlCCancelsAHalfTypedLine() throws {
        let h = home()
        let g = try GluelabProcess(home: h)
        let f = try g.file("a.csv", "a\n1\n")
        let t = try PseudoTerminalSession(home: h)
        #expect(t.waitForLine(""))
        t.type("s3 put \(f) s3://bucket/a.csv")
        #expect(t.wait { $0.cursorLine.hasSuffix("s3://bucket/a.csv") })
        t.type(Self.ctrlC)
        #expect(t.wait { $0.text.contains("^C") })
        #expect(t.waitForLine(""), "a fresh prompt after Ctrl-C")
        t.type(Self.ctrlC)
        #expect(t.wait { $0.text.contains("(to leave, type 'exit' or press Ctrl-D)") }, "Ctrl-C at an empty prompt gives a hint, not an exit")
        #expect(t.process.isRunning)
        t.type("\u{1B}[A")
        #expect(t.waitForLine(""), "a cancelled line is not in the history")
        t.type(Self.ctrlD)
        #expect(t.waitForExit() == 0)
        let ls = try g.run(["s3", "ls", "s3://bucket/"])
        #expect(!ls.stdout.contains("a.csv"), "the cancelled command did not run")
    }

    @Test func editingKeysAndWideCharacters() throws {
        let t = try PseudoTerminalSession(home: home(), columns: 40)
        #expect(t.waitForLine(""))
        t.type("clock sow")
        t.type("\u{1B}[D\u{1B}[Dh")
        #expect(t.waitForLine("clock show"), "Left twice and an insertion: \(t.screen.text)")
        t.type("\u{01}X\u{05}Y")
        #expect(t.waitForLine("Xclock showY"), "Ctrl-A and Ctrl-E")
        t.type("\u{17}")
        #expect(t.waitForLine("Xclock "), "Ctrl-W deletes the word before the cursor")
        t.type("\u{01}\u{0B}")
        #expect(t.waitForLine(""), "Ctrl-K from the start deletes the line")
        // A line longer than the terminal scrolls sideways: the end stays visible.
        t.type(String(repeating: "a", count: 50) + "END")
        #expect(t.wait { $0.cursorLine.hasSuffix("aaaEND") && $0.cursorLine.count < 40 }, "\(t.screen.text)")
        t.type("\u{15}" + String(repeating: "b", count: 30))
        #expect(t.waitForLine(String(repeating: "b", count: 18)), "40 columns: 40 - 1 - 21 for the prompt = 18, the cursor in the last")
        t.resize(columns: 30)
        #expect(t.waitForLine(String(repeating: "b", count: 8)), "after a resize the line is redrawn to fit: \(t.screen.text)")
        t.type("\u{15}日本語")
        #expect(t.waitForLine("日本語"))
        t.type("\u{1B}[D\u{7F}")
        #expect(t.waitForLine("日語"), "Backspace removes one whole character")
        t.type(Self.ctrlC + Self.ctrlD)
        #expect(t.waitForExit() == 0)
    }

    @Test func noEscapeCodesWhenStdinIsAPipe() throws {
        let h = home()
        let p = Process()
        p.executableURL = GluelabProcess.binary
        var env = ProcessInfo.processInfo.environment
        env["GLUELAB_HOME"] = h.path
        env["NO_COLOR"] = nil
        env["TERM"] = "xterm"
        p.environment = env
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = output
        try p.run()
        input.fileHandleForWriting.write(Data("clock set 2024-03-01T12:00:00Z\nframe schema s3://none/x.csv\nclock show\n".utf8))
        try input.fileHandleForWriting.close()
        let out = String(decoding: GluelabProcess.drain(output.fileHandleForReading.fileDescriptor), as: UTF8.self)
        p.waitUntilExit()
        #expect(!out.contains("\u{1B}"), "\(out)")
        #expect(!out.contains("gluelab["), "no prompt")
        let lines = out.split(separator: "\n")
        #expect(lines.count == 3 && lines.first == "2024-03-01T12:00:00Z  (stopped)" && lines.last == "2024-03-01T12:00:00Z  (stopped)")
        #expect(lines.count == 3 && lines[1].hasPrefix("error: "), "an error prints one line and the session goes on")
        #expect(p.terminationStatus == 1, "the exit status reflects the failure")
    }
}

extension GluelabProcess {
    /// A runner on an existing (or to-be-made) workspace `home`.
    init(home: URL) throws {
        self.home = home
        workDir = home.deletingLastPathComponent().appendingPathComponent("work-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: workDir, withIntermediateDirectories: true)
    }
}
