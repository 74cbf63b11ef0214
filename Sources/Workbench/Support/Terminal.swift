#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// What gluelab knows about the terminal: whether a stream is one, its width, and whether to
/// use colour (only on a terminal, never with `NO_COLOR` set; `GLUELAB_COLOR=always` forces it
/// for tests, `GLUELAB_COLOR=never` turns it off).
enum Terminal {
    /// True when `fd` is a terminal.
    static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The width of the terminal on `fd` (TIOCGWINSZ), else `$COLUMNS`, else nil.
    static func columns(of fd: Int32 = STDOUT_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment) -> Int? {
        var size = winsize()
        if ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let c = environment["COLUMNS"].flatMap(Int.init), c > 0 { return c }
        return nil
    }

    /// The width tables are fitted to: the terminal's on a terminal (or `$COLUMNS`); nil (no
    /// limit) when standard output is a pipe or a file and `COLUMNS` is unset.
    static var outputWidth: Int? {
        let env = ProcessInfo.processInfo.environment
        if isTerminal(STDOUT_FILENO) { return columns(of: STDOUT_FILENO, environment: env) ?? 80 }
        return env["COLUMNS"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
    }

    /// True when text written to `fd` may carry colour.
    static func colorEnabled(for fd: Int32, environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        switch environment["GLUELAB_COLOR"] {
        case "always": return true
        case "never": return false
        default: break
        }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal(fd)
    }
}

/// The few text styles gluelab uses (ANSI SGR codes), applied only where colour is enabled.
enum Style {
    case bold, dim, red, green, yellow, cyan

    var code: String {
        switch self {
        case .bold: "1"
        case .dim: "2"
        case .red: "31"
        case .green: "32"
        case .yellow: "33"
        case .cyan: "36"
        }
    }

    /// `text` in this style when `enabled`, else unchanged.
    func apply(_ text: String, enabled: Bool) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `text` in this style for standard output.
    func out(_ text: String) -> String { apply(text, enabled: Terminal.colorEnabled(for: STDOUT_FILENO)) }

    /// `text` in this style for standard error.
    func err(_ text: String) -> String { apply(text, enabled: Terminal.colorEnabled(for: STDERR_FILENO)) }
}
