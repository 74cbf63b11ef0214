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
/// submits itself at its deadline even when nobody types, and Ctrl-C is read as `q` (quit: an
/// exam asks to confirm, so a second Ctrl-C leaves it without a score; practice stops, its
/// answers already recorded) instead of ending gluelab (and the REPL it runs in). With no
/// terminal (a pipe, a file) the lines are read as they come, with no timer: the deadline is
/// checked at each line, and the end of the input submits what was answered. Lines are read
/// through the C library's buffered input (`readLine`), as the REPL reads its own, so a study
/// mode started from a piped REPL session reads the lines that follow it.
struct StandardInputLines: StudyLineSource {
    let hasTimer: Bool

    init(terminal: Bool = Terminal.isTerminal(STDIN_FILENO)) { hasTimer = terminal }

    mutating func next(timeoutMicros: Int64?) -> StudyLine {
        if hasTimer {
            let ms = timeoutMicros.map { Int32(clamping: max(0, ($0 + 999) / 1000)) } ?? -1
            switch StudyInterrupt.wait(fd: STDIN_FILENO, milliseconds: ms) {
            case .interrupted:
                Output.line()  // after the terminal's "^C"
                Output.flush()
                return .line("q")
            case .timedOut: return .timedOut
            case .ready: break
            }
        }
        guard let line = Swift.readLine(strippingNewline: true) else { return .end }
        return .line(line.hasSuffix("\r") ? String(line.dropLast()) : line)
    }
}

/// Ctrl-C while a study mode waits for a line on a terminal: noted rather than ending the
/// process. The signal may be delivered to any thread, so the handler writes a byte to a pipe
/// that the wait polls beside standard input (the self-pipe trick).
enum StudyInterrupt {
    enum Wait { case ready, timedOut, interrupted }

    nonisolated(unsafe) private static var pipeFDs: [Int32] = {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        }
        return fds
    }()
    nonisolated(unsafe) private static var writeFD: Int32 = -1

    /// Waits up to `milliseconds` (-1: no limit) for `fd` to be readable, with SIGINT turned into
    /// `.interrupted`. Another signal ends the wait as `.timedOut` (the caller checks its
    /// deadline and waits again).
    static func wait(fd: Int32, milliseconds: Int32) -> Wait {
        let fds = pipeFDs
        guard fds[0] >= 0 else { return .ready }
        writeFD = fds[1]
        var action = sigaction()
        #if canImport(Glibc)
        action.__sigaction_handler.sa_handler = { _ in var b: UInt8 = 1; _ = Glibc.write(StudyInterrupt.writeFD, &b, 1) }
        #else
        action.__sigaction_u.__sa_handler = { _ in var b: UInt8 = 1; _ = Darwin.write(StudyInterrupt.writeFD, &b, 1) }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        defer { sigaction(SIGINT, &previous, nil) }
        // A parent may have started gluelab with SIGINT blocked (Foundation's Process does):
        // this thread takes it while it waits.
        var only = sigset_t(), mask = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &only, &mask)
        defer { pthread_sigmask(SIG_SETMASK, &mask, nil) }
        var polls = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0), pollfd(fd: fds[0], events: Int16(POLLIN), revents: 0)]
        let n = poll(&polls, 2, milliseconds)
        if polls[1].revents & Int16(POLLIN) != 0 || (n < 0 && drain(fds[0])) {
            _ = drain(fds[0])
            return .interrupted
        }
        if n > 0 { return .ready }
        return .timedOut
    }

    /// Empties the pipe; true when it held anything.
    private static func drain(_ fd: Int32) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64)
        var any = false
        while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 { any = true }
        return any
    }
}
