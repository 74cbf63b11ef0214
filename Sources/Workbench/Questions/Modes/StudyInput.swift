#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What waiting for one line of input gave.
public enum StudyLine: Sendable, Equatable {
    case line(String)
    /// The wait's time limit passed with no line.
    case timedOut
    /// The input ended.
    case end
}

/// Where the study modes read the learner's lines from.
public protocol StudyLineSource {
    /// Waits for a line, at most `timeoutMicros` when given (a source with no timer ignores it).
    mutating func next(timeoutMicros: Int64?) -> StudyLine
    /// Whether `next` honours its time limit (a terminal: the exam submits itself at the deadline).
    var hasTimer: Bool { get }
}

/// Standard input, line by line.
///
/// On a terminal the wait has a timer (`poll` on standard input before each line), so an exam
/// submits itself at its deadline even when nobody types. With no terminal (a pipe, a file) the
/// lines are read as they come, with no timer: the deadline is checked at each line, and the end
/// of the input submits what was answered. Lines are read through the C library's buffered
/// input (`readLine`), as the REPL reads its own, so a study mode started from a piped REPL
/// session reads the lines that follow it.
struct StandardInputLines: StudyLineSource {
    let hasTimer: Bool

    init(terminal: Bool = Terminal.isTerminal(STDIN_FILENO)) { hasTimer = terminal }

    mutating func next(timeoutMicros: Int64?) -> StudyLine {
        if hasTimer, let timeoutMicros {
            var fds = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ms = Int32(clamping: max(0, (timeoutMicros + 999) / 1000))
            // A signal (EINTR) ends the wait early: the caller checks its deadline and waits again.
            let n = poll(&fds, 1, ms)
            if n == 0 || (n < 0 && errno == EINTR) { return .timedOut }
        }
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }
}
