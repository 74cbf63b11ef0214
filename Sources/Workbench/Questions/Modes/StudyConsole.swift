import Foundation

/// Where a study session writes: text and prompts. A prompt stays on the line the learner types
/// on (`inlinePrompts`), or is a line of its own (tests). With no terminal, `EchoedLines` writes
/// each line read after its prompt, so the transcript of piped answers reads as a session.
struct StudyConsole {
    /// Writes text as it is and makes it visible (flushes).
    var write: (String) -> Void
    /// Whether prompts wait on their line (a terminal).
    var inlinePrompts: Bool

    /// The console of standard output.
    static func standard(terminal: Bool) -> StudyConsole {
        StudyConsole(write: { Output.write($0); Output.flush() }, inlinePrompts: true)
    }

    func line(_ text: String = "") { write(text + "\n") }

    func prompt(_ text: String) { write(inlinePrompts ? text + " " : text + "\n") }

    /// `1:05:09` or `4:07` (minutes and seconds), from microseconds, rounded up to the second.
    static func clockText(_ micros: Int64) -> String {
        let s = (max(0, micros) + 999_999) / 1_000_000
        let h = s / 3600, m = (s % 3600) / 60, sec = s % 60
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, sec) : String(format: "%d:%02d", m, sec)
    }

    /// `2 minutes`, `1 minute`, `0.5 minutes`.
    static func minutesText(_ minutes: Double) -> String {
        if minutes == minutes.rounded() { return Int(minutes) == 1 ? "1 minute" : "\(Int(minutes)) minutes" }
        return String(format: "%g minutes", minutes)
    }
}

/// A line source that writes every line it reads to the console (after the prompt), for input
/// that the terminal does not echo (a pipe).
struct EchoedLines<Source: StudyLineSource>: StudyLineSource {
    var source: Source
    let console: StudyConsole
    /// False on a terminal (it echoes what is typed).
    let echo: Bool

    var hasTimer: Bool { source.hasTimer }

    mutating func next(timeoutMicros: Int64?) -> StudyLine {
        let line = source.next(timeoutMicros: timeoutMicros)
        guard echo else { return line }
        switch line {
        case .line(let text): console.line(text)
        case .end: console.line()
        case .timedOut: break
        }
        return line
    }
}
