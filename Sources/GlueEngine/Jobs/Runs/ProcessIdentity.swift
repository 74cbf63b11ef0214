import Foundation

/// Tells a live process from a dead one whose id was reused: a process id plus the process's
/// start time (field 22 of `/proc/<pid>/stat`, in clock ticks since boot, on Linux).
///
/// Runs record both. A RUNNING run whose process id is gone, or now belongs to a process that
/// started at another time, is dead (the kernel recycles ids, up to `pid_max`). Where
/// `/proc` is not available the start time is nil and only the id is checked.
enum ProcessIdentity {
    /// This process's start time.
    static let currentStart: String? = startTime(of: getpid())

    /// The start time of process `pid`, or nil when unknown.
    static func startTime(of pid: Int32) -> String? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name (which may hold spaces): state is field 3, start 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return fields.count > 19 ? String(fields[19]) : nil
    }

    /// Whether the process that recorded (`pid`, `start`) is still running.
    static func isAlive(pid: Int32, start: String?) -> Bool {
        guard ObjectStore.processExists(pid) else { return false }
        guard let start, let now = startTime(of: pid) else { return true }
        return now == start
    }
}
