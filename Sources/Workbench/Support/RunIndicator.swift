import Foundation
import GlueEngine

/// What a running job shows on a terminal while its script works: after a second, a line on
/// standard error with the time so far and what the run has read and written
/// (`running hourly.py  4 s · 3 objects, 1204 records read · 1200 written`), redrawn a few times
/// a second and erased before each line the script prints and at the end. Nothing on a pipe.
final class RunIndicator: @unchecked Sendable {
    private let bar: ProgressBar
    private let timer: DispatchSourceTimer
    private let started = DispatchTime.now().uptimeNanoseconds

    init(run: JobRun, file: String, enabled: Bool = Terminal.isTerminal(STDERR_FILENO)) {
        let start = started
        bar = ProgressBar(label: "running \(file)", total: nil, enabled: enabled, unit: { _ in
            let r = run.currentRecord
            let seconds = (DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
            return "\(seconds) s · \(r.objectsRead) objects, \(r.recordsRead) records read · \(r.recordsWritten) written"
        })
        timer = DispatchSource.makeTimerSource(queue: .global())
        guard enabled else { return }
        timer.schedule(deadline: .now() + 1, repeating: .milliseconds(250))
        timer.setEventHandler { [bar] in bar.update(0) }
        timer.resume()
    }

    /// Erases the line (before the script prints); the timer draws it again later.
    func clear() {
        bar.finish()
    }

    /// Stops and erases the indicator.
    func stop() {
        timer.cancel()
        bar.finish()
    }
}
