import Synchronization

/// A stop request for a running script: set from another thread or a signal handler (Ctrl-C
/// during `gluelab run`), seen by the interpreter at the next loop iteration or call, which
/// then raises `KeyboardInterrupt` where the script is. The run ends STOPPED.
public final class ScriptInterruption: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Asks the script to stop.
    public func request() {
        flag.store(true, ordering: .relaxed)
    }

    /// Clears a request (before the next run).
    public func reset() {
        flag.store(false, ordering: .relaxed)
    }

    /// Whether a stop was asked for.
    public var isRequested: Bool {
        flag.load(ordering: .relaxed)
    }
}
