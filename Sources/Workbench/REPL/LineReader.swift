import Foundation

/// What reading one line gave.
enum LineReadResult: Equatable {
    /// A line was entered.
    case line(String)
    /// Ctrl-C: the line was dropped (`wasEmpty` when nothing had been typed).
    case interrupted(wasEmpty: Bool)
    /// End of input (Ctrl-D on an empty line, or the input closed).
    case endOfInput
}

/// Reads command lines for the REPL.
protocol LineReader {
    /// Shows `prompt` (when the reader shows prompts) and reads a line.
    mutating func readLine(prompt: String) -> LineReadResult
    /// Records an entered line in the history (readers without history ignore it).
    mutating func remember(_ line: String)
    /// Prints `lines` between prompts (readers that own the terminal keep it tidy).
    func show(_ lines: [String])
}

/// Reads lines from standard input when it is not a terminal: no prompt, no escape codes,
/// no history, so sessions can be scripted and their output compared.
struct PlainLineReader: LineReader {
    mutating func readLine(prompt: String) -> LineReadResult {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }

    mutating func remember(_ line: String) {}

    func show(_ lines: [String]) {
        for l in lines { Output.line(l) }
        Output.flush()
    }
}
