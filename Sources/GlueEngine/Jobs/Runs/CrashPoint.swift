import Foundation

/// Test hook: points in a job run where the engine kills its own process with `SIGKILL` when
/// the environment variable `GLUELAB_CRASH_AT` names them, so tests can check what a crash at
/// that instant leaves behind.
///
/// `GLUELAB_CRASH_AT=<point>` kills at the first time the point is reached;
/// `GLUELAB_CRASH_AT=<point>:<n>` at the n-th time (e.g. `sink-published:2`, after the second
/// write of the run). What each point leaves (the crash-safety contract):
///
/// | point | where | what is left |
/// |---|---|---|
/// | `run-started` | after the RUNNING row is saved | a RUNNING row, marked FAILED at the next start or listing |
/// | `sink-staged` | a write's files are staged, none published | nothing of that write visible; the staging files removed at the next open |
/// | `sink-renamed` | inside the publish transaction, files renamed, rows not committed | nothing of that write visible; the renamed files removed at the next open |
/// | `sink-published` | after the publish transaction committed | that write fully visible (as on AWS, a run failing later keeps its outputs); bookmark unchanged |
/// | `commit-before` | `job.commit()` before its transaction | bookmark and snapshots unchanged |
/// | `commit-in-transaction` | inside the commit transaction, after every row is written | bookmark and snapshots unchanged (the transaction never commits) |
/// | `commit-done` | after the commit transaction | new bookmark and its snapshot saved; the run row stays RUNNING, later marked FAILED |
/// | `finish-before` | `finish` before its transaction | as `commit-done`, or the bookmark as it was if the run did not commit |
public enum CrashPoint: String, CaseIterable, Sendable {
    case runStarted = "run-started"
    case sinkStaged = "sink-staged"
    case sinkRenamed = "sink-renamed"
    case sinkPublished = "sink-published"
    case commitBefore = "commit-before"
    case commitInTransaction = "commit-in-transaction"
    case commitDone = "commit-done"
    case finishBefore = "finish-before"

    /// The environment variable that arms a point.
    public static let environmentVariable = "GLUELAB_CRASH_AT"

    /// The armed point and the hit that kills (1 = the first), parsed once per process.
    static let armed: (point: CrashPoint, hit: Int)? = parse(ProcessInfo.processInfo.environment[environmentVariable])

    private static let counter = HitCounter()

    /// Parses `point` or `point:n`; nil (no crash) for anything else.
    static func parse(_ text: String?) -> (point: CrashPoint, hit: Int)? {
        guard let text, !text.isEmpty else { return nil }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard let point = CrashPoint(rawValue: parts[0]) else { return nil }
        guard parts.count == 2 else { return (point, 1) }
        guard let n = Int(parts[1]), n >= 1 else { return nil }
        return (point, n)
    }

    /// Kills the process here if this point is armed and this is the armed hit.
    func reached() {
        guard let armed = Self.armed, armed.point == self else { return }
        if Self.counter.next() == armed.hit {
            kill(getpid(), SIGKILL)
        }
    }
}

/// Counts the hits of the armed point (thread-safe).
private final class HitCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var hits = 0

    func next() -> Int {
        lock.withLock {
            hits += 1
            return hits
        }
    }
}
