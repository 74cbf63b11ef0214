import Foundation
import GRDB

/// An object written to the staging folder and not visible yet; ``ObjectStore/publish(_:lastModified:)``
/// makes a set of them visible at once, ``ObjectStore/discard(_:)`` throws them away.
public struct StagedObject: Sendable, Hashable {
    /// Where the object will appear.
    public let uri: S3URI
    /// Its size in bytes.
    public let size: Int64
    /// Its hex MD5.
    public let etag: String
    /// The staging file.
    let path: String
}

/// Multi-object publish: the output committer of a job's sink.
///
/// **Model** (Spark's output committer, made atomic with the sandbox database):
/// 1. every file of a write is staged (`.staging/<uuid>`, fsynced) — nothing is visible;
/// 2. a journal `<sandbox>/.publish/<pid>-<uuid>.journal` listing the targets is written and
///    fsynced;
/// 3. in **one** SQLite write transaction the metadata rows are inserted and the files renamed
///    into place; the transaction commits — from that instant every file is visible, before it
///    none is (the `objects` table is the truth: a file without a row is not an object);
/// 4. the journal is removed.
///
/// A process killed during 3 leaves renamed files whose rows never committed: invisible, and
/// removed the next time the sandbox is opened (``recoverPublishes()`` replays the journals of
/// processes that no longer exist). Killed during 1 or 2, it leaves only staging files, removed
/// at the next open (they are named after the writer's process, which no longer exists). Publishing creates **new** objects only (a key that exists
/// is refused): a sink's part files have fresh names, and an overwrite could not be undone.
extension ObjectStore {
    /// Stages `bytes` for `uri` (checked as a put would be). Nothing is visible until published.
    public func stage(_ uri: S3URI, bytes: some Collection<UInt8>) throws(EngineError) -> StagedObject {
        try preflight(uri)
        let data = bytes as? Data ?? Data(bytes)
        let staged = try stage(for: uri) { handle, md5 in
            data.withUnsafeBytes { md5.update($0) }
            try handle.write(contentsOf: data)
        }
        return StagedObject(uri: uri, size: staged.size, etag: staged.etag, path: staged.path)
    }

    /// Stages what `body` writes to the handle it is given (do not close it) for `uri`.
    /// If `body` throws, its error is rethrown and nothing is left behind.
    public func stage(_ uri: S3URI, body: (FileHandle) throws -> Void) throws -> StagedObject {
        try preflight(uri)
        let staged = try digest(try stage { handle, _ in try body(handle) })
        return StagedObject(uri: uri, size: staged.size, etag: staged.etag, path: staged.path)
    }

    /// Removes staged objects that will not be published.
    public func discard(_ objects: [StagedObject]) {
        for o in objects { unlink(o.path) }
    }

    /// Makes every staged object visible at once (one transaction), stamped `lastModified` or
    /// the sandbox clock's now. On failure none is visible and the staging files are removed.
    /// - Throws: `EngineError.invalidPath` when a target exists or clashes with an object.
    @discardableResult
    public func publish(_ objects: [StagedObject], lastModified: Int64? = nil) throws(EngineError) -> [ObjectInfo] {
        try publish(objects, lastModified: lastModified) { _ in }
    }

    /// `publish(_:lastModified:)` with `inTransaction` run inside the publishing transaction,
    /// after the renames and before the commit (to record the write elsewhere in the database,
    /// or to stop there in a crash test). If it throws, nothing is published.
    func publish(_ objects: [StagedObject], lastModified: Int64?,
                 inTransaction: (Database) throws -> Void) throws(EngineError) -> [ObjectInfo] {
        defer { discard(objects) }  // no-ops for the files renamed into place
        guard !objects.isEmpty else { return [] }
        if let lm = lastModified, lm < 0 {
            throw .invalidOption(name: "lastModified", value: Timestamps.format(lm), reason: "an object cannot be modified before 1970")
        }
        var unique = Set<S3URI>()
        for o in objects where !unique.insert(o.uri).inserted {
            throw .invalidPath(path: o.uri.description, reason: "published twice in one write")
        }
        let journal = try writeJournal(objects)
        defer { unlink(journal) }
        var renamed: [(path: String, uri: S3URI)] = []
        do {
            return try withEngineErrors(path: databasePath) {
                try database.write { db in
                    let now = try lastModified ?? clock.now(db)
                    var infos: [ObjectInfo] = []
                    for o in objects {
                        try checkConflicts(db, o.uri)
                        if try fetch(db, o.uri) != nil {
                            throw EngineError.invalidPath(path: o.uri.description, reason: "the object exists; a job's sink only adds new objects")
                        }
                        let info = ObjectInfo(bucket: o.uri.bucket, key: o.uri.key, size: o.size, etag: o.etag, lastModified: now)
                        try db.execute(sql: "INSERT INTO objects (bucket, key, size, etag, last_modified) VALUES (?, ?, ?, ?, ?)",
                                       arguments: [info.bucket, info.key, info.size, info.etag, info.lastModified])
                        infos.append(info)
                    }
                    var parents = Set<String>()
                    for o in objects {
                        let target = try confined(o.uri)
                        let parent = (target as NSString).deletingLastPathComponent
                        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                        guard rename(o.path, target) == 0 else {
                            throw EngineError.io(path: o.uri.description, reason: "cannot move the staged object into place: \(Self.errnoText())")
                        }
                        renamed.append((target, o.uri))
                        parents.insert(parent)
                    }
                    for p in parents { Self.syncDirectory(p) }
                    try inTransaction(db)
                    return infos
                }
            }
        } catch {
            // The transaction rolled back: the renamed files are not objects; take them away.
            for r in renamed { try? removeFile(r.path, of: r.uri) }
            throw error
        }
    }

    /// `<sandbox>/.publish`, where publish journals live.
    var journalFolder: URL {
        staging.deletingLastPathComponent().appendingPathComponent(".publish", isDirectory: true)
    }

    private struct JournalEntry: Codable {
        var bucket: String
        var key: String
        var etag: String
    }

    /// Writes and fsyncs the journal of a publish; returns its path.
    func writeJournal(_ objects: [StagedObject], pid: Int32 = getpid()) throws(EngineError) -> String {
        let folder = journalFolder
        let path = folder.path + "/\(pid)-\(UUID().uuidString.lowercased()).journal"
        try withEngineErrors(path: path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let entries = objects.map { JournalEntry(bucket: $0.uri.bucket, key: $0.uri.key, etag: $0.etag) }
            let data = try JSONEncoder().encode(entries)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard fd >= 0 else { throw EngineError.io(path: path, reason: Self.errnoText()) }
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            Self.syncDirectory(folder.path)
        }
        return path
    }

    /// Replays the journals of publishes whose process no longer exists: a target file without
    /// a metadata row was renamed into place by a transaction that never committed, and is
    /// removed. Runs under the database's write lock, so no live publish is in its middle.
    /// Called when the sandbox opens; errors are left for the next open.
    func recoverPublishes() {
        let folder = journalFolder.path
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasSuffix(".journal") {
            guard let pid = Int32(name.prefix { $0 != "-" }), pid != getpid(), !Self.processExists(pid) else { continue }
            let path = folder + "/" + name
            let entries = (try? Data(contentsOf: URL(fileURLWithPath: path)))
                .flatMap { try? JSONDecoder().decode([JournalEntry].self, from: $0) }
            // An unreadable journal was cut short while being written: nothing was renamed yet.
            if let entries {
                let done: Bool? = try? database.write { db in
                    for e in entries {
                        guard let uri = try? S3URI(bucket: e.bucket, key: e.key) else { continue }
                        if try self.fetch(db, uri) == nil, let target = try? self.confined(uri) {
                            try? self.removeFile(target, of: uri)
                        }
                    }
                    return true
                }
                guard done == true else { continue }
            }
            unlink(path)
        }
    }

    /// Whether a process with this id exists (EPERM: it exists, owned by someone else).
    static func processExists(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
