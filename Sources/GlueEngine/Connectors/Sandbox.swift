import Foundation
import GRDB

/// One sandbox of the workspace: its S3-like object store, its simulated clock and its SQLite
/// database (object metadata, clock, and the tables later features add).
///
/// On disk, `<home>/sandboxes/<name>/` holds `s3/<bucket>/<key>` (one file per object),
/// `.staging/` (where writes land before an atomic rename) and `sandbox.sqlite` (WAL mode).
/// Several `Sandbox` values, even in several processes, may open the same sandbox: every change
/// of object metadata and object files is made inside one SQLite write transaction, which
/// serialises them.
public final class Sandbox: Sendable {
    /// The sandbox's name (`[a-z0-9][a-z0-9_-]{0,62}`).
    public let name: String
    /// `<home>/sandboxes/<name>`.
    public let root: URL
    /// The simulated clock (persisted in the sandbox database).
    public let clock: SandboxClock
    /// The S3-like object store.
    public let store: ObjectStore
    /// The sandbox database, for the engine's other modules (bookmarks, runs, catalog).
    package let database: DatabaseQueue

    /// Staging files older than this are left-overs of a crashed writer and are removed at open
    /// (those of a writer known to be dead are removed at once).
    static let stagingLeftoverAge: TimeInterval = 3600

    private init(name: String, root: URL, database: DatabaseQueue, clock: SandboxClock, store: ObjectStore) {
        self.name = name
        self.root = root
        self.database = database
        self.clock = clock
        self.store = store
    }

    /// Opens the sandbox `name` under `home`, creating it (folders, database) when missing and
    /// migrating its database to the current schema.
    /// - Throws: `EngineError.invalidPath` for a bad name; `EngineError.io` when a folder or the
    ///   database cannot be created or opened, or was written by a newer gluelab.
    public static func open(home: URL, name: String) throws(EngineError) -> Sandbox {
        try open(home: home, name: name, realTime: SandboxClock.systemMicros)
    }

    /// `open(home:name:)` with the real-time source injected (tests).
    static func open(home: URL, name: String, realTime: @escaping @Sendable () -> Int64) throws(EngineError) -> Sandbox {
        guard isValidName(name) else {
            throw .invalidPath(path: name, reason: "a sandbox name is 1 to 63 of a-z, 0-9, '_', '-', starting with a letter or digit")
        }
        let root = home.appendingPathComponent("sandboxes", isDirectory: true).appendingPathComponent(name, isDirectory: true)
        let s3 = root.appendingPathComponent("s3", isDirectory: true)
        let staging = root.appendingPathComponent(".staging", isDirectory: true)
        for dir in [s3, staging] {
            try withEngineErrors(path: dir.path) {
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            }
        }
        removeStagingLeftovers(in: staging)
        let dbPath = root.appendingPathComponent("sandbox.sqlite").path
        let database: DatabaseQueue = try withEngineErrors(path: dbPath) {
            var config = Configuration()
            config.journalMode = .wal
            config.busyMode = .timeout(10)
            config.label = "sandbox \(name)"
            let queue = try DatabaseQueue(path: dbPath, configuration: config)
            let migrator = SandboxSchema.migrator
            if try queue.read({ try migrator.hasBeenSuperseded($0) }) {
                throw EngineError.io(path: dbPath, reason: "this sandbox was written by a newer gluelab; upgrade gluelab to open it")
            }
            try migrator.migrate(queue)
            return queue
        }
        let clock = SandboxClock(database: database, databasePath: dbPath, realTime: realTime)
        let store = try ObjectStore(root: s3, staging: staging, database: database, databasePath: dbPath, clock: clock)
        store.recoverPublishes()
        return Sandbox(name: name, root: root, database: database, clock: clock, store: store)
    }

    /// Whether `name` is an acceptable sandbox name: `[a-z0-9][a-z0-9_-]{0,62}`.
    public static func isValidName(_ name: String) -> Bool {
        let b = Array(name.utf8)
        guard (1...63).contains(b.count) else { return false }
        for (i, c) in b.enumerated() {
            let alnum = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
            if !(alnum || (i > 0 && (c == UInt8(ascii: "_") || c == UInt8(ascii: "-")))) { return false }
        }
        return true
    }

    /// The workspace: `$GLUELAB_HOME` when set and not empty, else `~/.gluelab`.
    public static func defaultHome(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let home = environment["GLUELAB_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true)
        }
        let user = environment["HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
            ?? FileManager.default.homeDirectoryForCurrentUser
        return user.appendingPathComponent(".gluelab", isDirectory: true)
    }

    /// Removes staging files a crashed writer left behind: those of a process that no longer
    /// exists (the process id is in the name) at once, any other once it is an hour old. A
    /// live process's recent files are kept: it may be writing them right now.
    private static func removeStagingLeftovers(in staging: URL) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: staging.path) else { return }
        let cutoff = Date().addingTimeInterval(-stagingLeftoverAge)
        for name in names {
            let path = staging.appendingPathComponent(name).path
            let orphaned = ObjectStore.stagingOwner(name).map { $0 != getpid() && !ObjectStore.processExists($0) } ?? false
            if orphaned {
                try? fm.removeItem(atPath: path)
            } else if let modified = (try? fm.attributesOfItem(atPath: path))?[.modificationDate] as? Date, modified < cutoff {
                try? fm.removeItem(atPath: path)
            }
        }
    }
}
