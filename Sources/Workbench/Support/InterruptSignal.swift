import Foundation
import GlueScript
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C while a job script runs: the first one asks the script to stop (it ends with
/// `KeyboardInterrupt` at its next loop iteration or call, and the run is recorded STOPPED,
/// its bookmark untouched); a second one ends the process as usual.
enum InterruptSignal {
    /// The request the signal handler sets (created before any handler is installed).
    static let shared = ScriptInterruption()

    /// Runs `body` with SIGINT turned into a stop request, then restores the previous handler.
    static func whileRunning<T>(_ body: (ScriptInterruption) throws -> T) rethrows -> T {
        let interruption = shared
        interruption.reset()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            InterruptSignal.shared.request()
            signal(SIGINT, SIG_DFL)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        var previous = sigaction()
        sigaction(SIGINT, &action, &previous)
        defer { sigaction(SIGINT, &previous, nil) }
        return try body(interruption)
    }
}
