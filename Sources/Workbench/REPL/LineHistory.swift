#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GlueEngine

/// The REPL's command history, kept in the workspace (`$GLUELAB_HOME/history`).
///
/// One entry a line; a backslash and a newline inside an entry are written `\\` and `\n`.
/// Entries are appended (`O_APPEND`) as they are entered, so two REPLs open at once both keep
/// their lines; when the file grows past `capacity` plus a quarter, it is rewritten to the newest
/// `capacity` entries through a temporary file renamed into place. Appends and rewrites hold an
/// exclusive `flock` on `history.lock`, so they never interleave. An entry equal to the one
/// before it is not added.
struct LineHistory {
    let url: URL
    let capacity: Int
    private(set) var entries: [String] = []

    /// Opens the history at `url` (a missing file is an empty history).
    init(url: URL, capacity: Int = 1000) {
        self.url = url
        self.capacity = capacity
        entries = Self.read(url).suffix(capacity).map { $0 }
    }

    /// The history file of the workspace.
    static func workspaceURL() -> URL {
        Sandbox.defaultHome().appendingPathComponent("history")
    }

    /// Adds `line` (trimmed; blank lines and a repeat of the last entry are not added) and
    /// saves it. Saving failures are ignored: history is a convenience, never a reason to fail.
    mutating func add(_ line: String) {
        let entry = line.trimmingCharacters(in: .whitespaces)
        guard !entry.isEmpty, entry != entries.last else { return }
        entries.append(entry)
        if entries.count > capacity { entries.removeFirst(entries.count - capacity) }
        save(entry)
    }

    private func save(_ entry: String) {
        let folder = url.deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lock = open(folder.appendingPathComponent("history.lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else { return }
        defer { close(lock) }
        _ = flock(lock, LOCK_EX)
        defer { _ = flock(lock, LOCK_UN) }
        let fd = open(url.path, O_CREAT | O_WRONLY | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return }
        Self.writeAll(fd, Array((Self.escape(entry) + "\n").utf8))
        close(fd)
        let all = Self.read(url)
        guard all.count > capacity + capacity / 4 else { return }
        let tmp = folder.appendingPathComponent(".history.\(getpid()).tmp")
        let text = all.suffix(capacity).map { Self.escape($0) + "\n" }.joined()
        guard (try? Data(text.utf8).write(to: tmp)) != nil else { return }
        if rename(tmp.path, url.path) != 0 { unlink(tmp.path) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            offset += n
        }
    }

    /// The entries in the file at `url`.
    static func read(_ url: URL) -> [String] {
        guard let data = try? Data(contentsOf: url) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map { unescape(String($0)) }
    }

    static func escape(_ entry: String) -> String {
        entry.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
    }

    static func unescape(_ line: String) -> String {
        var out = ""
        var escaped = false
        for c in line {
            if escaped {
                out.append(c == "n" ? "\n" : c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        if escaped { out.append("\\") }
        return out
    }
}
