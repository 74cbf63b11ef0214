#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing

/// Runs the built `gluelab` on a pseudo-terminal, types keys into it and reads its screen.
/// Every wait is bounded: a broken editor fails the test instead of hanging it.
final class PseudoTerminalSession {
    let process = Process()
    private let master: Int32
    private(set) var screen: ScreenModel
    private var closed = false

    /// Starts `gluelab` (no arguments: the REPL) with `home` as GLUELAB_HOME on a terminal of
    /// `columns` × `rows`.
    init(home: URL, columns: Int = 80, rows: Int = 24, environment extra: [String: String] = [:]) throws {
        master = PTY.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, PTY.grantpt(master) == 0, PTY.unlockpt(master) == 0 else { throw POSIXError(.EIO) }
        var name = [CChar](repeating: 0, count: 128)
        guard PTY.ptsname_r(master, &name, name.count) == 0 else { throw POSIXError(.EIO) }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slave = open(path, O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw POSIXError(.EIO) }
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)
        screen = ScreenModel(columns: columns)
        process.executableURL = GluelabProcess.binary
        process.arguments = []
        var env = ProcessInfo.processInfo.environment
        env["GLUELAB_HOME"] = home.path
        env["TERM"] = "xterm"
        env["NO_COLOR"] = nil
        env["COLUMNS"] = nil
        env["GLUELAB_COLOR"] = nil
        for (k, v) in extra { env[k] = v }
        process.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        close(slave)
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Types `keys` (bytes as written: "\u{1B}[A" is Up, "\u{03}" Ctrl-C...).
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// Changes the terminal's size and tells the process (as a terminal emulator does).
    func resize(columns: Int, rows: Int = 24) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        kill(process.processIdentifier, SIGWINCH)
    }

    /// Reads output until `condition` holds on the screen, or `timeout` seconds pass; returns
    /// whether it held.
    @discardableResult
    func wait(timeout: Double = 10, until condition: (ScreenModel) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if condition(screen) { return true }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || closed { return condition(screen) }
            var pfd = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            let ready = poll(&pfd, 1, Int32(min(left, 0.2) * 1000))
            if ready > 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
                if n > 0 { screen.feed(buffer[0..<n]) } else if n == 0 || errno != EINTR { closed = true }
            }
        }
    }

    /// Waits for the prompt on the cursor's line with `text` after it (exactly, but for
    /// trailing blanks, which a screen does not show).
    @discardableResult
    func waitForLine(_ text: String, prompt: String = "gluelab[playground]> ", timeout: Double = 10) -> Bool {
        var expected = prompt + text
        while expected.last == " " { expected.removeLast() }
        return wait(timeout: timeout) { $0.cursorLine == expected }
    }

    /// Waits for the process to end (killing it after `timeout`); returns its status, nil on timeout.
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline {
            wait(timeout: 0.1) { _ in false }
        }
        if process.isRunning {
            process.terminate()
            return nil
        }
        return process.terminationStatus
    }
}

/// The POSIX pseudo-terminal calls. Glibc's module map leaves them out (they need
/// `_XOPEN_SOURCE`), so on Linux they are looked up in the C library at run time.
enum PTY {
    #if os(Linux)
    private typealias FD = @convention(c) (Int32) -> Int32
    private typealias Name = @convention(c) (Int32, UnsafeMutablePointer<CChar>, Int) -> Int32
    private static func symbol(_ name: String) -> UnsafeMutableRawPointer? { dlsym(dlopen(nil, RTLD_NOW), name) }
    static func openpt(_ flags: Int32) -> Int32 { symbol("posix_openpt").map { unsafeBitCast($0, to: FD.self)(flags) } ?? -1 }
    static func grantpt(_ fd: Int32) -> Int32 { symbol("grantpt").map { unsafeBitCast($0, to: FD.self)(fd) } ?? -1 }
    static func unlockpt(_ fd: Int32) -> Int32 { symbol("unlockpt").map { unsafeBitCast($0, to: FD.self)(fd) } ?? -1 }
    static func ptsname_r(_ fd: Int32, _ buf: UnsafeMutablePointer<CChar>, _ len: Int) -> Int32 {
        symbol("ptsname_r").map { unsafeBitCast($0, to: Name.self)(fd, buf, len) } ?? -1
    }
    #else
    static func openpt(_ flags: Int32) -> Int32 { posix_openpt(flags) }
    static func grantpt(_ fd: Int32) -> Int32 { Darwin.grantpt(fd) }
    static func unlockpt(_ fd: Int32) -> Int32 { Darwin.unlockpt(fd) }
    static func ptsname_r(_ fd: Int32, _ buf: UnsafeMutablePointer<CChar>, _ len: Int) -> Int32 { Darwin.ptsname_r(fd, buf, len) }
    #endif
}

/// Just enough of a VT100 to know what is on screen: printable text, CR, LF, BS, erase in
/// line (`CSI K`), cursor moves (`CSI n C/D`, `CSI H`), erase display (`CSI 2 J`); colours
/// and other sequences are skipped. One cell per Unicode scalar (tests type ASCII).
struct ScreenModel {
    let columns: Int
    private(set) var rows: [[Unicode.Scalar]] = [[]]
    private(set) var row = 0
    private(set) var column = 0
    /// Everything received, as text.
    private(set) var transcript = ""
    private var pending: [UInt8] = []

    init(columns: Int) { self.columns = columns }

    /// The line the cursor is on, without trailing blanks.
    var cursorLine: String { line(row) }
    /// All lines, joined by newlines.
    var text: String { rows.indices.map(line).joined(separator: "\n") }

    func line(_ i: Int) -> String {
        var s = String(String.UnicodeScalarView(rows[i]))
        while s.last == " " { s.removeLast() }
        return s
    }

    mutating func feed(_ bytes: ArraySlice<UInt8>) {
        pending += bytes
        // Keep an unfinished UTF-8 sequence for the next read.
        var end = pending.count
        var back = 0
        while back < 3, end - back - 1 >= 0, pending[end - back - 1] & 0xC0 == 0x80 { back += 1 }
        if end - back - 1 >= 0, pending[end - back - 1] >= 0xC0 {
            let lead = pending[end - back - 1]
            let need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
            if back + 1 < need { end = end - back - 1 }
        }
        let text = String(decoding: pending[..<end], as: UTF8.self)
        pending.removeFirst(end)
        transcript += text
        var it = text.unicodeScalars.makeIterator()
        while let s = it.next() {
            switch s {
            case "\r": column = 0
            case "\n":
                row += 1
                if row == rows.count { rows.append([]) }
            case "\u{08}": column = max(0, column - 1)
            case "\u{07}": break
            case "\u{1B}":
                guard let next = it.next() else { return }
                guard next == "[" else { continue }
                var params = ""
                while let p = it.next() {
                    if p.value >= 0x40 && p.value <= 0x7E {
                        csi(params, final: p)
                        break
                    }
                    params.unicodeScalars.append(p)
                }
            default:
                guard s.value >= 0x20 else { continue }
                while rows[row].count < column { rows[row].append(" ") }
                if column < rows[row].count { rows[row][column] = s } else { rows[row].append(s) }
                column += 1
            }
        }
    }

    private mutating func csi(_ params: String, final: Unicode.Scalar) {
        let n = Int(params) ?? 1
        switch final {
        case "K": if column < rows[row].count { rows[row].removeSubrange(column...) }
        case "C": column += n
        case "D": column = max(0, column - n)
        case "H":
            row = 0
            column = 0
        case "J":
            if params == "2" {
                rows = [[]]
                row = 0
                column = 0
            }
        default: break
        }
    }
}
