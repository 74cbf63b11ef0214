#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// A progress bar for long work (a big conversion, a crawl, a run), drawn on standard error
/// and only when standard error is a terminal: `converting data.csv [#####·····]  48%  51.2 MB / 107 MB`.
/// Redraws at most ten times a second; `finish()` erases it, so the command's own output
/// follows on a clean line. Safe to update from any thread.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let total: Int64?
    private let enabled: Bool
    private let unit: (Int64) -> String
    private let lock = NSLock()
    private var lastDraw: UInt64 = 0
    private var drawn = false

    /// A bar for work of `total` units (nil: unknown, shows the count only); `unit` prints an
    /// amount (bytes by default: `51.2 MB`).
    init(label: String, total: Int64?, enabled: Bool = Terminal.isTerminal(STDERR_FILENO),
         unit: @escaping (Int64) -> String = Render.size) {
        self.label = label
        self.total = total
        self.enabled = enabled
        self.unit = unit
    }

    /// Reports `done` bytes of work done.
    func update(_ done: Int64) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = DispatchTime.now().uptimeNanoseconds
        guard !drawn || now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        drawn = true
        let width = Terminal.columns(of: STDERR_FILENO) ?? 80
        write(Self.line(label: label, done: done, total: total, width: width, unit: unit))
    }

    /// Erases the bar.
    func finish() {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        if drawn { write("\r\u{1B}[0K") }
        drawn = false
    }

    /// The bar's text for `width` columns (starting with a carriage return, ending with erase-line).
    static func line(label: String, done: Int64, total: Int64?, width: Int, unit: (Int64) -> String = Render.size) -> String {
        var counts = unit(done)
        var bar = ""
        if let total, total > 0 {
            let fraction = min(1, max(0, Double(done) / Double(total)))
            counts = String(format: "%3d%%  ", Int(fraction * 100)) + counts + " / " + unit(total)
            let room = width - 1 - DisplayWidth.of(label) - DisplayWidth.of(counts) - 4
            if room >= 10 {
                let cells = min(room, 30)
                let filled = Int(fraction * Double(cells))
                bar = " [" + String(repeating: "#", count: filled) + String(repeating: "·", count: cells - filled) + "]"
            }
        }
        let text = DisplayWidth.truncate(label + bar + "  " + counts, to: max(1, width - 1))
        return "\r" + text + "\u{1B}[0K"
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
