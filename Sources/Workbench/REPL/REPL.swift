import Foundation

/// The gluelab prompt: reads command lines and runs them with the same command tree as the CLI.
///
/// On a terminal it prints a welcome line and a prompt. With standard input not a terminal
/// (a pipe or a file) it prints no prompt, so sessions can be scripted; the exit status is 1
/// when any command failed. `exit`, `quit` or end of input leave; lines starting with `#` are
/// comments; a leading `gluelab` on a line is accepted and ignored.
public struct REPL {
    public init() {}

    /// Runs until end of input and returns the exit status.
    public func run() -> Int32 {
        let interactive = isatty(STDIN_FILENO) == 1
        if interactive {
            Output.line("gluelab — learn AWS Glue ETL by doing. Type 'help' for commands, 'exit' to leave.")
        }
        var failures = 0
        while true {
            if interactive {
                Output.write("gluelab> ")
                Output.flush()
            }
            guard let line = readLine() else { break }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty || text.hasPrefix("#") { continue }
            if text == "exit" || text == "quit" { break }
            var args: [String]
            do {
                args = try ArgumentSplitter.split(text)
            } catch {
                Output.error("\(error)")
                failures += 1
                continue
            }
            if args.first == "gluelab" { args.removeFirst() }
            if args.isEmpty { continue }
            if args == ["help"] { args = ["--help"] }
            if CLI.execute(args) != 0 { failures += 1 }
        }
        if interactive { Output.line() }
        Output.flush()
        return !interactive && failures > 0 ? 1 : 0
    }
}
