import Foundation
import GRDB
import GlueEngine
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The check at open that never silently throws a learner's history away.
///
/// A progress file is *damaged* when it is not a SQLite database (wrong header, SQLite says
/// "not a database"), when SQLite reports corruption, or when `PRAGMA quick_check` finds
/// problems; it is *unreadable* when it exists but cannot be opened for reading. Either way it is
/// renamed, with its `-wal` and `-shm` files, to `progress.damaged-<UTC time>.sqlite` beside it
/// (never deleted), a new empty database is made, and the learner gets a one-line notice.
///
/// A database written by a newer gluelab (an unknown migration) is not damaged: it is left in
/// place and opening fails with an error asking for a newer gluelab. Errors that are not damage
/// (a full disk, a lock held too long) fail the open and move nothing.
///
/// The check, the move and the migrations run under an exclusive `flock` on
/// `<home>/progress.lock`, so two gluelab processes starting at once never both repair.
enum ProgressRecovery {
    /// Why a file was set aside.
    enum Problem {
        case damaged(String)
        case unreadable(String)
    }

    /// Runs `body` holding the workspace's progress lock.
    static func withOpenLock<T>(home: URL, _ body: () throws -> T) throws -> T {
        let lockPath = home.appendingPathComponent("progress.lock").path
        let fd = openLockFile(lockPath)
        guard fd >= 0 else {
            throw WorkbenchError.file(path: lockPath, reason: "cannot open the progress lock: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw WorkbenchError.file(path: lockPath, reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    private static func openLockFile(_ path: String) -> Int32 {
        open(path, O_RDWR | O_CREAT, 0o644)
    }

    /// Opens, checks and migrates the database at `path`, setting a damaged file aside first.
    static func openChecked(path: String, now: Int64) throws -> (DatabaseQueue, String?) {
        switch try examine(path: path) {
        case .success(let queue):
            return (queue, nil)
        case .failure(let problem):
            let moved = try moveAside(path: path, now: now)
            let queue: DatabaseQueue
            switch try examine(path: path) {
            case .success(let q): queue = q
            case .failure: throw WorkbenchError.file(path: path, reason: "cannot create a new progress database")
            }
            return (queue, notice(problem.problem, path: path, movedTo: moved))
        }
    }

    /// The one line shown to the learner after a file was set aside.
    static func notice(_ problem: Problem, path: String, movedTo moved: String) -> String {
        switch problem {
        case .damaged(let reason):
            return "progress: \(path) was damaged (\(reason)); it was moved to \(moved) (nothing was deleted) and a new, "
                + "empty progress database was started. To get your history back, try 'sqlite3 \(moved) .recover', "
                + "or 'gluelab progress import FILE' with an export."
        case .unreadable(let reason):
            return "progress: \(path) could not be read (\(reason)); it was moved to \(moved) (nothing was deleted) and a new, "
                + "empty progress database was started. To use the old one, fix its permissions and move it back while gluelab is not running."
        }
    }

    /// Opens and checks the file; `.failure` when it is damaged or unreadable.
    private static func examine(path: String) throws -> Result<DatabaseQueue, ProgressProblem> {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            guard fm.isReadableFile(atPath: path) else { return .failure(ProgressProblem(.unreadable("permission denied"))) }
            if let problem = headerProblem(path: path) { return .failure(ProgressProblem(.damaged(problem))) }
        }
        var queue: DatabaseQueue?
        do {
            let q = try ProgressStore.connect(path: path)
            queue = q
            let check = try q.read { try String.fetchAll($0, sql: "PRAGMA quick_check") }
            if check != ["ok"] {
                try? q.close()
                let first = check.first.map { $0.split(separator: "\n").first.map(String.init) ?? $0 } ?? "no answer"
                return .failure(ProgressProblem(.damaged("quick_check: \(first)")))
            }
            let migrator = ProgressSchema.migrator
            if try q.read({ try migrator.hasBeenSuperseded($0) }) {
                try? q.close()
                throw WorkbenchError.file(path: path, reason: "this progress database was written by a newer gluelab; upgrade gluelab to open it (the file is unchanged)")
            }
            try migrator.migrate(q)
            return .success(q)
        } catch let error as DatabaseError {
            try? queue?.close()
            switch error.resultCode.primaryResultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
                return .failure(ProgressProblem(.damaged(error.message ?? "SQLite error \(error.resultCode.rawValue)")))
            case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
                if fm.fileExists(atPath: path) {
                    return .failure(ProgressProblem(.unreadable(error.message ?? "SQLite error \(error.resultCode.rawValue)")))
                }
                throw WorkbenchError.file(path: path, reason: "cannot create the progress database: \(error.message ?? "SQLite error \(error.resultCode.rawValue)")")
            default:
                throw WorkbenchError.file(path: path, reason: "SQLite error \(error.resultCode.rawValue): \(error.message ?? "\(error)")")
            }
        }
    }

    /// Why the file's first bytes show it is not a SQLite database, or `nil`. An empty file is
    /// fine (SQLite makes a database in it; in WAL mode the main file can be empty for a while).
    private static func headerProblem(path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 100)) ?? Data()
        if head.isEmpty { return nil }
        if head.count < 100 { return "the file is \(head.count) bytes, too short for a SQLite database" }
        if !head.starts(with: Array("SQLite format 3\u{0}".utf8)) { return "not a SQLite database: the header is wrong" }
        return nil
    }

    /// Renames the database and its `-wal`/`-shm` files to `progress.damaged-<time>.sqlite...`
    /// and returns the new path of the database.
    static func moveAside(path: String, now: Int64) throws -> String {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        let stamp = stampText(now)
        var target = folder.appendingPathComponent("progress.damaged-\(stamp).sqlite")
        var n = 2
        let fm = FileManager.default
        while fm.fileExists(atPath: target.path) || fm.fileExists(atPath: target.path + "-wal") {
            target = folder.appendingPathComponent("progress.damaged-\(stamp)-\(n).sqlite")
            n += 1
        }
        for suffix in ["", "-wal", "-shm"] where fm.fileExists(atPath: path + suffix) {
            do {
                try fm.moveItem(atPath: path + suffix, toPath: target.path + suffix)
            } catch {
                throw WorkbenchError.file(path: path + suffix, reason: "the progress database is damaged and cannot be moved aside (\(error.localizedDescription)); move it away by hand")
            }
        }
        return target.path
    }

    /// `20240301T090000Z`: the UTC time, safe in a file name.
    static func stampText(_ micros: Int64) -> String {
        let iso = Timestamps.format(micros - ((micros % 1_000_000) + 1_000_000) % 1_000_000)
        return String(iso.filter { $0 != "-" && $0 != ":" })
    }
}

/// A `Problem` as an `Error` (for `Result`).
struct ProgressProblem: Error {
    let problem: ProgressRecovery.Problem
    init(_ problem: ProgressRecovery.Problem) { self.problem = problem }
}
