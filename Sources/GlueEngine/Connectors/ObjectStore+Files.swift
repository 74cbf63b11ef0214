import Foundation
import GRDB

/// The object store's machinery: staging and atomic install, path confinement, metadata queries.
extension ObjectStore {
    /// A fully written, fsynced staging file.
    struct Staged {
        var path: String
        var size: Int64
        var etag: String
    }

    // MARK: Staging and install

    /// A staging file's name is this, the writer's process id, `-` and a UUID.
    static let stagingPrefix = "pid"

    /// The process that wrote the staging file `name`, nil for a name without one.
    static func stagingOwner(_ name: String) -> Int32? {
        guard name.hasPrefix(stagingPrefix) else { return nil }
        return Int32(name.dropFirst(stagingPrefix.count).prefix { $0 != "-" })
    }

    /// Checks, before any byte is written, that `uri` can take an object.
    func preflight(_ uri: S3URI) throws(EngineError) {
        guard !uri.isPrefix else {
            throw .invalidPath(path: uri.description, reason: "names a prefix (an empty key or one ending in '/'), not an object")
        }
        _ = try confined(uri)
        try read { db throws(EngineError) in try self.checkConflicts(db, uri) }
    }

    /// Creates `.staging/pid<pid>-<uuid>` (named after this process, so that a later open can
    /// tell the files of a dead writer from those of a live one), lets `fill` write it (feeding `md5` with what it writes, if
    /// it can), then fsyncs and closes it. On any error the file is removed and the error is
    /// rethrown unchanged.
    func stage(_ fill: (FileHandle, inout MD5) throws -> Void) throws -> Staged {
        let path = staging.path + "/" + Self.stagingPrefix + "\(getpid())-" + UUID().uuidString
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw EngineError.io(path: path, reason: Self.errnoText()) }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        var md5 = MD5()
        do {
            try fill(handle, &md5)
            let size = try handle.seekToEnd()
            try handle.synchronize()
            try handle.close()
            return Staged(path: path, size: Int64(size), etag: md5.finalize())
        } catch {
            try? handle.close()
            unlink(path)
            throw error
        }
    }

    /// Stages with `fill`, mapping errors that are not `EngineError` to `.io` at `uri`.
    func stage(for uri: S3URI, _ fill: (FileHandle, inout MD5) throws -> Void) throws(EngineError) -> Staged {
        try withEngineErrors(path: uri.description) { try stage(fill) }
    }

    /// Recomputes the ETag of a staged file by reading it back (for `write(_:body:)`, whose
    /// body writes to the handle directly). Removes the file on failure.
    func digest(_ staged: Staged) throws(EngineError) -> Staged {
        do {
            let input = try FileHandle(forReadingFrom: URL(fileURLWithPath: staged.path))
            defer { try? input.close() }
            var md5 = MD5()
            while let chunk = try input.read(upToCount: Self.chunkSize), !chunk.isEmpty {
                chunk.withUnsafeBytes { md5.update($0) }
            }
            var result = staged
            result.etag = md5.finalize()
            return result
        } catch {
            unlink(staged.path)
            throw .io(path: staged.path, reason: "\(error)")
        }
    }

    /// Copies `input` to `output` in chunks, feeding `md5`.
    static func pump(from input: FileHandle, to output: FileHandle, md5: inout MD5) throws {
        while let chunk = try input.read(upToCount: chunkSize), !chunk.isEmpty {
            chunk.withUnsafeBytes { md5.update($0) }
            try output.write(contentsOf: chunk)
        }
    }

    /// Renames a staged file into place and upserts its metadata, in one write transaction.
    /// The staging file is removed whatever happens.
    func install(_ staged: Staged, at uri: S3URI, lastModified: Int64?) throws(EngineError) -> ObjectInfo {
        defer { unlink(staged.path) }  // a no-op once renamed
        if let lm = lastModified, lm < 0 {
            throw .invalidOption(name: "lastModified", value: Timestamps.format(lm), reason: "an object cannot be modified before 1970")
        }
        return try transaction { db throws(EngineError) in
            try checkConflicts(db, uri)
            var modified = lastModified ?? 0
            if lastModified == nil { modified = try clock.now(db) }
            let info = ObjectInfo(bucket: uri.bucket, key: uri.key, size: staged.size, etag: staged.etag, lastModified: modified)
            try withEngineErrors(path: databasePath) {
                try db.execute(sql: """
                    INSERT INTO objects (bucket, key, size, etag, last_modified) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (bucket, key) DO UPDATE SET
                        size = excluded.size, etag = excluded.etag, last_modified = excluded.last_modified
                    """, arguments: [info.bucket, info.key, info.size, info.etag, info.lastModified])
            }
            let target = try confined(uri)
            let parent = (target as NSString).deletingLastPathComponent
            try withEngineErrors(path: uri.description) {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            var st = stat()
            if lstat(target, &st) == 0, st.st_mode & S_IFMT == S_IFDIR, !Self.removeEmptyTree(target) {
                throw .invalidPath(path: uri.description, reason: "a folder of files not known to the store is in the way")
            }
            guard rename(staged.path, target) == 0 else {
                throw .io(path: uri.description, reason: "cannot move the staged object into place: \(Self.errnoText())")
            }
            Self.syncDirectory(parent)
            return info
        }
    }

    /// Refuses a key that is a folder of an existing object, or has one as its folder.
    func checkConflicts(_ db: Database, _ uri: S3URI) throws(EngineError) {
        var ancestors: [String] = []
        var k = uri.key[...]
        while let slash = k.lastIndex(of: "/") {
            k = k[..<slash]
            ancestors.append(String(k))
        }
        let folder = uri.key + "/"
        let clash: String? = try withEngineErrors(path: databasePath) {
            for a in ancestors where try Bool.fetchOne(db, sql: "SELECT 1 FROM objects WHERE bucket = ? AND key = ?", arguments: [uri.bucket, a]) != nil {
                return a
            }
            return try String.fetchOne(db, sql: """
                SELECT key FROM objects WHERE bucket = ? AND key > ? AND substr(key, 1, length(?)) = ? ORDER BY key LIMIT 1
                """, arguments: [uri.bucket, folder, folder, folder])
        }
        if let other = clash {
            throw .invalidPath(path: uri.description, reason: "object s3://\(uri.bucket)/\(other) exists; a key and a key under it as a folder cannot both exist in a sandbox (they could in S3)")
        }
        guard foldsCase else { return }
        let twin: String? = try withEngineErrors(path: databasePath) {
            try String.fetchOne(db, sql: "SELECT key FROM objects WHERE bucket = ? AND key = ? COLLATE NOCASE AND key != ? LIMIT 1",
                                arguments: [uri.bucket, uri.key, uri.key])
        }
        if let other = twin {
            throw .invalidPath(path: uri.description, reason: "object s3://\(uri.bucket)/\(other) differs only in case, and this file system does not tell them apart")
        }
    }

    /// Probes whether the file system holding `folder` folds case.
    static func foldsCase(in folder: String) -> Bool {
        let probe = folder + "/case-probe-" + UUID().uuidString.lowercased()
        let fd = open(probe, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return false }
        close(fd)
        defer { unlink(probe) }
        var st = stat()
        return lstat(folder + "/CASE-PROBE-" + String(probe.dropFirst(folder.count + 12)).uppercased(), &st) == 0
    }

    /// Unlinks an object's file (already gone is fine) and prunes the folders it leaves empty.
    func removeFile(_ path: String, of uri: S3URI) throws(EngineError) {
        guard unlink(path) == 0 || errno == ENOENT else {
            throw .io(path: uri.description, reason: "cannot remove the object's file: \(Self.errnoText())")
        }
        var dir = (path as NSString).deletingLastPathComponent
        while dir.hasPrefix(realRoot + "/"), rmdir(dir) == 0 {
            dir = (dir as NSString).deletingLastPathComponent
        }
    }

    /// Removes a tree made of folders only; false (and nothing guaranteed removed) if it holds a file.
    static func removeEmptyTree(_ path: String) -> Bool {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: path) else { return false }
        for name in names {
            let child = path + "/" + name
            var st = stat()
            guard lstat(child, &st) == 0, st.st_mode & S_IFMT == S_IFDIR, removeEmptyTree(child) else { return false }
        }
        return rmdir(path) == 0
    }

    // MARK: Confinement

    /// The object's path with every symbolic link resolved, checked to stay inside `s3/`.
    /// The part of the path that does not exist yet is appended as is (it holds no link).
    func confined(_ uri: S3URI) throws(EngineError) -> String {
        var existing = fileURL(for: uri).path
        var missing: [String] = []
        var st = stat()
        while lstat(existing, &st) != 0 {
            guard errno == ENOENT || errno == ENOTDIR, existing.count > root.path.count else {
                throw .io(path: uri.description, reason: Self.errnoText())
            }
            missing.insert((existing as NSString).lastPathComponent, at: 0)
            existing = (existing as NSString).deletingLastPathComponent
        }
        guard let real = Self.realPath(existing) else {
            throw .invalidPath(path: uri.description, reason: "a symbolic link on the path cannot be resolved; the sandbox refuses it")
        }
        guard real.hasPrefix(realRoot + "/") || real == realRoot else {
            throw .invalidPath(path: uri.description, reason: "a symbolic link leads out of the sandbox; the sandbox refuses it")
        }
        return ([real] + missing).joined(separator: "/")
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func syncDirectory(_ path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }

    // MARK: Metadata queries

    func fetch(_ db: Database, _ uri: S3URI) throws(EngineError) -> ObjectInfo? {
        try withEngineErrors(path: databasePath) {
            try Row.fetchOne(db, sql: "SELECT bucket, key, size, etag, last_modified FROM objects WHERE bucket = ? AND key = ?",
                             arguments: [uri.bucket, uri.key]).map(Self.info)
        }
    }

    func list(_ db: Database, _ prefix: S3URI, recurse: Bool, globs: [GlobMatcher]) throws(EngineError) -> [ObjectInfo] {
        if !prefix.isPrefix, let one = try fetch(db, prefix) { return Self.excluding([one], globs) }
        let rows = try withEngineErrors(path: databasePath) {
            try Row.fetchAll(db, sql: """
                SELECT bucket, key, size, etag, last_modified FROM objects
                WHERE bucket = ? AND key >= ? AND substr(key, 1, length(?)) = ? ORDER BY key
                """, arguments: [prefix.bucket, prefix.key, prefix.key, prefix.key])
        }
        let depth = prefix.key.utf8.count
        let found = rows.map(Self.info).filter { info in
            info.key.utf8.starts(with: prefix.key.utf8) && (recurse || !info.key.utf8.dropFirst(depth).contains(UInt8(ascii: "/")))
        }
        return Self.excluding(found, globs)
    }

    func listPath(_ db: Database, _ path: S3URI, recurse: Bool, globs: [GlobMatcher]) throws(EngineError) -> [ObjectInfo] {
        if !path.isPrefix, let one = try fetch(db, path) { return Self.excluding([one], globs) }
        let folder = path.isPrefix ? path : S3URI(trusted: path.bucket, key: path.key + "/")
        return try list(db, folder, recurse: recurse, globs: globs)
    }

    func listPath(_ db: Database, _ path: S3URI, recurse: Bool, exclusions: [String]) throws(EngineError) -> [ObjectInfo] {
        try listPath(db, path, recurse: recurse, globs: exclusions.map { (g: String) throws(EngineError) in try GlobMatcher(g) })
    }

    static func excluding(_ infos: [ObjectInfo], _ globs: [GlobMatcher]) -> [ObjectInfo] {
        guard !globs.isEmpty else { return infos }
        return infos.filter { info in
            let full = info.uri.description
            return !globs.contains { $0.matches(full) || $0.matches(info.key) }
        }
    }

    static func info(_ row: Row) -> ObjectInfo {
        ObjectInfo(bucket: row["bucket"], key: row["key"], size: row["size"], etag: row["etag"], lastModified: row["last_modified"])
    }

    func read<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: databasePath) { try database.read { db in try body(db) } }
    }

    func transaction<T>(_ body: (Database) throws(EngineError) -> T) throws(EngineError) -> T {
        try withEngineErrors(path: databasePath) { try database.write { db in try body(db) } }
    }
}
