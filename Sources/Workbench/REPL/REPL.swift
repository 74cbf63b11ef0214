#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GlueEngine

/// The gluelab prompt: reads command lines and runs them with the same command tree as the CLI.
///
/// On a terminal (standard input and output both terminals) it greets the learner, shows the
/// prompt `gluelab[playground]> ` and edits lines with `TerminalLineEditor` (history in
/// `$GLUELAB_HOME/history`, Tab completion from the command tree). Otherwise it reads lines
/// with no prompt and no escape codes, so sessions can be scripted; the exit status is then 1
/// when any command failed. `exit`, `quit`, Ctrl-D or end of input leave; Ctrl-C drops the line;
/// lines starting with `#` are comments; a leading `gluelab` on a line is accepted and ignored.
/// `help` and `help COMMAND...` show help (as `COMMAND --help` does); `use NAME` makes NAME the
/// sandbox of commands without `--sandbox` (the prompt shows it; `lab start ID` moves to
/// `lab-ID`). An error prints one line and the REPL goes on.
public struct REPL {
    private let welcome: () -> (info: WelcomeInfo?, notice: String?)

    /// A REPL whose welcome line comes from `welcome` (called once, at start): by default the
    /// learner's progress (``ProgressStore/welcomeAtStart(home:clock:)``), whose notice (a
    /// damaged progress file moved aside) is shown under it.
    public init(welcome: @escaping () -> (info: WelcomeInfo?, notice: String?) = { ProgressStore.welcomeAtStart() }) {
        self.welcome = welcome
    }

    /// Runs until end of input and returns the exit status.
    public func run() -> Int32 {
        let interactive = Terminal.isTerminal(STDIN_FILENO) && Terminal.isTerminal(STDOUT_FILENO)
        if interactive {
            let completer = CommandCompleter(tree: CommandTree.gluelab)
            var reader = TerminalLineEditor(history: LineHistory(url: LineHistory.workspaceURL()),
                                            completer: { completer.complete($0, cursor: $1) },
                                            color: Terminal.colorEnabled(for: STDOUT_FILENO))
            return loop(&reader, interactive: true)
        }
        var reader = PlainLineReader()
        return loop(&reader, interactive: false)
    }

    /// The welcome line: `gluelab — learn AWS Glue ETL by doing · learner ada · 3 reviews due ·
    /// next lab hourly-reprocessing · streak 4 days` (parts that are not known are left out).
    static func greeting(_ info: WelcomeInfo?) -> String {
        let title = Style.bold.out("gluelab") + " — learn AWS Glue ETL by doing"
        guard let info else { return title }
        var parts = ["learner \(info.learner)"]
        parts.append(info.reviewsDue == 0 ? "no reviews due" : info.reviewsDue == 1 ? "1 review due" : "\(info.reviewsDue) reviews due")
        if let lab = info.nextLab { parts.append("next lab \(lab)") }
        if info.streak > 0 {
            parts.append((info.streak == 1 ? "streak 1 day" : "streak \(info.streak) days") + (info.studiedToday ? "" : " (study today to keep it)"))
        }
        return title + " · " + parts.joined(separator: " · ")
    }

    static let hint = "Type 'help' for commands, Tab to complete, 'exit' or Ctrl-D to leave."

    private func loop(_ reader: inout some LineReader, interactive: Bool) -> Int32 {
        if interactive {
            let (info, notice) = welcome()
            Output.line(Self.greeting(info))
            if let notice { Output.note(notice) }
            Output.line(Style.dim.out(Self.hint))
        }
        var failures = 0
        while true {
            let line: String
            switch reader.readLine(prompt: "gluelab[\(SandboxOptions.defaultName)]> ") {
            case .endOfInput:
                Output.flush()
                return !interactive && failures > 0 ? 1 : 0
            case .interrupted(let wasEmpty):
                if wasEmpty { Output.line(Style.dim.out("(to leave, type 'exit' or press Ctrl-D)")) }
                continue
            case .line(let l):
                line = l
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            reader.remember(text)
            if text == "exit" || text == "quit" { break }
            if run(text) != 0 { failures += 1 }
        }
        Output.flush()
        return !interactive && failures > 0 ? 1 : 0
    }

    /// Runs one command line; returns its exit status.
    func run(_ text: String) -> Int32 {
        var args: [String]
        do {
            args = try ArgumentSplitter.split(text)
        } catch {
            Output.error("\(error)")
            return 1
        }
        if args.first == "gluelab" { args.removeFirst() }
        if args.isEmpty { return 0 }
        if args.first == "use" { return Self.use(Array(args.dropFirst())) }
        if args.first == "help" {
            if args.count == 1 {
                let status = CLI.execute(["--help"])
                Output.line()
                for l in Self.keysHelp { Output.line(l) }
                Output.flush()
                return status
            }
            args = Array(args.dropFirst()) + ["--help"]
        }
        let status = CLI.execute(args)
        // A lab started (or reset) here: its commands work in its sandbox, so move there.
        if status == 0, args.count >= 3, args[0] == "lab", ["start", "reset"].contains(args[1]), !args[2].hasPrefix("-") {
            let name = "lab-\(args[2])"
            if SandboxOptions.defaultName != name {
                _ = Self.use([name])
            }
        }
        return status
    }

    /// `use [NAME]`: the sandbox commands work in when the line has no `--sandbox` (shown in
    /// the prompt; kept in `$GLUELAB_SANDBOX` for the commands this process runs). Without a
    /// name, prints the current one.
    static func use(_ args: [String]) -> Int32 {
        guard let name = args.first else {
            Output.line("sandbox \(SandboxOptions.defaultName)")
            return 0
        }
        guard args.count == 1, Sandbox.isValidName(name) else {
            Output.error("use: '\(args.joined(separator: " "))' is not a sandbox name (1 to 63 of a-z, 0-9, '_', '-')")
            return 1
        }
        setenv("GLUELAB_SANDBOX", name, 1)
        Output.line(Style.dim.out("(now in sandbox \(name): commands without --sandbox work in it; 'use playground' goes back)"))
        return 0
    }

    /// What `help` adds about the prompt itself.
    static let keysHelp = [
        "AT THE PROMPT:",
        "  help COMMAND           Help on a command (as COMMAND --help).",
        "  use [SANDBOX]          Work in SANDBOX without typing --sandbox (lab start moves to the lab's).",
        "  Tab, Tab Tab           Complete a word; list the choices.",
        "  Up/Down, Ctrl-R        Recall earlier commands; search them (history in $GLUELAB_HOME/history).",
        "  Ctrl-A/E, Home/End     Start/end of line.  Ctrl-K/U/W  Delete to end/start, word before.",
        "  Ctrl-L                 Clear the screen.   Ctrl-C  Drop the line.   Ctrl-D, exit  Leave.",
    ]
}
