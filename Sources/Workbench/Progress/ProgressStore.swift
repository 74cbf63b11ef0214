import Foundation
import GRDB

/// The learner's progress: a SQLite database in the workspace, `<home>/progress.sqlite`.
///
/// WAL mode, a busy timeout (a second gluelab process waits for the first rather than
/// failing), versioned migrations (`ProgressSchema`), and every write in one IMMEDIATE
/// transaction, so read-modify-write changes (a review) from two processes are serialised and
/// none is lost. At open the file is checked (`PRAGMA quick_check`); a damaged or unreadable
/// file is moved aside, never deleted (see `ProgressRecovery`), and `notice` tells the learner
/// where it went.
public final class ProgressStore: Sendable {
    /// The database's file name in the workspace.
    public static let fileName = "progress.sqlite"
    /// The learner used when none is named and none was made the default.
    public static let defaultLearnerName = "default"

    /// The database file.
    public let path: String
    /// Where "now" and the learner's day come from.
    public let clock: ProgressClock
    /// The scheduler used for reviews.
    public let scheduler: FSRSScheduler
    /// Set when the database had to be moved aside at open: one line for the learner saying
    /// what was wrong, where the old file went and what to do. `nil` when all was well.
    public let notice: String?
    let database: DatabaseQueue

    private init(path: String, clock: ProgressClock, scheduler: FSRSScheduler, notice: String?, database: DatabaseQueue) {
        self.path = path
        self.clock = clock
        self.scheduler = scheduler
        self.notice = notice
        self.database = database
    }

    /// The scheduler of real study: FSRS-6 defaults with fuzzing on (seeded per card and review
    /// time, so a review replayed gives the same interval).
    public static var studyScheduler: FSRSScheduler {
        var p = FSRSParameters()
        p.enableFuzzing = true
        return FSRSScheduler(parameters: p)
    }

    /// Opens (creating on first use) the progress database in `home`.
    /// - Throws: `WorkbenchError.file` when the workspace or database cannot be created, when
    ///   the database was written by a newer gluelab (it is left untouched), or on an error that
    ///   is not damage (a full disk, a lock held too long).
    public static func open(home: URL, clock: ProgressClock = .system(), scheduler: FSRSScheduler = studyScheduler) throws -> ProgressStore {
        let path = home.appendingPathComponent(fileName).path
        do {
            try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        } catch {
            throw WorkbenchError.file(path: home.path, reason: "cannot create the workspace: \(error.localizedDescription)")
        }
        let (queue, notice) = try ProgressRecovery.withOpenLock(home: home) {
            try ProgressRecovery.openChecked(path: path, now: clock.now())
        }
        return ProgressStore(path: path, clock: clock, scheduler: scheduler, notice: notice, database: queue)
    }

    /// Opens the database at `path` with gluelab's settings and migrates it (no checks).
    static func connect(path: String) throws -> DatabaseQueue {
        var config = Configuration()
        config.journalMode = .wal
        config.busyMode = .timeout(30)
        config.foreignKeysEnabled = true
        config.label = "progress"
        return try DatabaseQueue(path: path, configuration: config)
    }

    /// Runs `body` in one write transaction (IMMEDIATE: concurrent writers queue on the busy
    /// timeout), turning database errors into one-line errors naming the file.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try mapErrors { try database.write(body) }
    }

    /// Runs `body` in a read transaction (one consistent snapshot).
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try mapErrors { try database.read(body) }
    }

    private func mapErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError {
            throw WorkbenchError.file(path: path, reason: "SQLite error \(error.resultCode.rawValue): \(error.message ?? "\(error)")")
        }
    }

    /// A new record id (a UUID, lower case).
    static func newId() -> String { UUID().uuidString.lowercased() }
}
