import Foundation
import GRDB

/// A sandbox's S3-like object store: objects are files under `s3/<bucket>/<key>`, and their
/// metadata (size, ETag, last-modified) is a row of the sandbox database's `objects` table.
/// The table is the truth: an object exists when it has a row, whatever the file system holds,
/// and last-modified times come from the sandbox clock, never from file times.
///
/// - Writes are atomic: bytes go to `.staging/<uuid>`, are fsynced, and are renamed into place
///   inside the database write transaction that upserts the metadata. A failed write removes its
///   staging file and leaves the old object, if any, untouched; a reader never sees half a file.
/// - Keys where one is a folder of the other (`a` and `a/b`) can both exist in S3 but not on a
///   file system: the second put is refused with `EngineError.invalidPath`.
/// - Paths are confined: a symbolic link that leads out of `s3/` is refused, never followed.
/// - On a case-insensitive file system, a key that differs from an existing one only in ASCII
///   case is refused (the two would share a file).
/// - Buckets exist while they hold objects; the first put into a bucket creates it.
public final class ObjectStore: Sendable {
    /// `<sandbox>/s3`.
    public let root: URL
    let staging: URL
    let database: DatabaseQueue
    let databasePath: String
    let clock: SandboxClock
    /// `root` with its symbolic links resolved, for confinement checks.
    let realRoot: String
    /// Whether the file system folds case (macOS's default APFS does): keys that differ only in
    /// ASCII case would then share one file, so such a put is refused.
    let foldsCase: Bool

    /// Chunk size for streaming copies and digests.
    static let chunkSize = 1 << 20

    init(root: URL, staging: URL, database: DatabaseQueue, databasePath: String, clock: SandboxClock) throws(EngineError) {
        self.root = root
        self.staging = staging
        self.database = database
        self.databasePath = databasePath
        self.clock = clock
        guard let real = Self.realPath(root.path) else {
            throw .io(path: root.path, reason: "cannot resolve the object store folder")
        }
        realRoot = real
        foldsCase = Self.foldsCase(in: staging.path)
    }

    static func createTables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE objects (
                bucket TEXT NOT NULL,
                key TEXT NOT NULL,
                size INTEGER NOT NULL,
                etag TEXT NOT NULL,
                last_modified INTEGER NOT NULL,
                PRIMARY KEY (bucket, key)
            ) WITHOUT ROWID;
            """)
    }

    // MARK: Writing

    /// Stores `bytes` at `uri`, replacing any object there.
    /// - Parameter lastModified: microseconds since the epoch; the sandbox clock's now if `nil`.
    @discardableResult
    public func put(_ uri: S3URI, bytes: some Collection<UInt8>, lastModified: Int64? = nil) throws(EngineError) -> ObjectInfo {
        try preflight(uri)
        let data = bytes as? Data ?? Data(bytes)
        let staged = try stage(for: uri) { handle, md5 in
            data.withUnsafeBytes { md5.update($0) }
            try handle.write(contentsOf: data)
        }
        return try install(staged, at: uri, lastModified: lastModified)
    }

    /// Stores the file at `source` (streamed in chunks, never loaded whole) at `uri`.
    @discardableResult
    public func putFile(_ uri: S3URI, from source: URL, lastModified: Int64? = nil) throws(EngineError) -> ObjectInfo {
        try preflight(uri)
        let input: FileHandle = try withEngineErrors(path: source.path) { try FileHandle(forReadingFrom: source) }
        defer { try? input.close() }
        let staged = try stage(for: uri) { handle, md5 in try Self.pump(from: input, to: handle, md5: &md5) }
        return try install(staged, at: uri, lastModified: lastModified)
    }

    /// Stores what `body` writes to the handle it is given (a fresh staging file, positioned
    /// at 0; do not close it). The object appears only once `body` returns; if `body` throws,
    /// its error is rethrown unchanged, the staging file is removed and any old object stays.
    @discardableResult
    public func write(_ uri: S3URI, lastModified: Int64? = nil, body: (FileHandle) throws -> Void) throws -> ObjectInfo {
        try preflight(uri)
        let staged = try stage { handle, _ in try body(handle) }
        let digested = try digest(staged)
        return try install(digested, at: uri, lastModified: lastModified)
    }

    /// Copies the object at `source` to `destination` (which may be the same address). The copy
    /// gets a new last-modified time: the clock's now unless `lastModified` is given.
    @discardableResult
    public func copy(from source: S3URI, to destination: S3URI, lastModified: Int64? = nil) throws(EngineError) -> ObjectInfo {
        _ = try head(source)
        try preflight(destination)
        let path = try confined(source)
        let input: FileHandle = try withEngineErrors(path: source.description) { try FileHandle(forReadingFrom: URL(fileURLWithPath: path)) }
        defer { try? input.close() }
        let staged = try stage(for: destination) { handle, md5 in try Self.pump(from: input, to: handle, md5: &md5) }
        return try install(staged, at: destination, lastModified: lastModified)
    }

    /// Deletes the object at `uri`.
    /// - Throws: `EngineError.notFound` when there is no such object.
    public func delete(_ uri: S3URI) throws(EngineError) {
        let path = try confined(uri)
        try transaction { db throws(EngineError) in
            let deleted: Bool = try withEngineErrors(path: databasePath) {
                try db.execute(sql: "DELETE FROM objects WHERE bucket = ? AND key = ?", arguments: [uri.bucket, uri.key])
                return db.changesCount > 0
            }
            guard deleted else { throw .notFound(what: "object \(uri)") }
            try removeFile(path, of: uri)
        }
    }

    /// Deletes every object that `listPath(prefix)` lists (the object the path names, or the
    /// objects under it taken as a folder) and returns them.
    @discardableResult
    public func deletePrefix(_ prefix: S3URI) throws(EngineError) -> [ObjectInfo] {
        try transaction { db throws(EngineError) in
            let victims = try listPath(db, prefix, recurse: true, exclusions: [])
            for info in victims {
                let path = try confined(info.uri)
                try withEngineErrors(path: databasePath) {
                    try db.execute(sql: "DELETE FROM objects WHERE bucket = ? AND key = ?", arguments: [info.bucket, info.key])
                }
                try removeFile(path, of: info.uri)
            }
            return victims
        }
    }

    // MARK: Reading

    /// The metadata of the object at `uri`.
    /// - Throws: `EngineError.notFound` when there is no such object.
    public func head(_ uri: S3URI) throws(EngineError) -> ObjectInfo {
        let found = try read { db throws(EngineError) in try self.fetch(db, uri) }
        guard let info = found else { throw .notFound(what: "object \(uri)") }
        return info
    }

    /// The bytes of the object at `uri`, memory-mapped (a later overwrite replaces the file by
    /// a rename, so the mapping keeps showing the bytes as they were when read).
    public func get(_ uri: S3URI) throws(EngineError) -> Data {
        let url = try checkedFileURL(for: uri)
        return try withEngineErrors(path: uri.description) {
            let size = try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int ?? 0
            return size == 0 ? Data() : try Data(contentsOf: url, options: .alwaysMapped)
        }
    }

    /// Where the object at `uri` lives on disk (not checked: see `checkedFileURL(for:)`).
    public func fileURL(for uri: S3URI) -> URL {
        URL(fileURLWithPath: root.path + "/" + uri.bucket + "/" + uri.key)
    }

    /// The file of an existing object, checked to exist in the metadata and to stay inside the
    /// sandbox: what a reader that streams a file itself should open.
    public func checkedFileURL(for uri: S3URI) throws(EngineError) -> URL {
        _ = try head(uri)
        let path = try confined(uri)
        guard FileManager.default.fileExists(atPath: path) else {
            throw .io(path: uri.description, reason: "the object's file is missing from the sandbox")
        }
        return URL(fileURLWithPath: path)
    }

    /// The buckets that hold objects, sorted.
    public func listBuckets() throws(EngineError) -> [String] {
        try read { db throws(EngineError) in
            try withEngineErrors(path: databasePath) {
                try String.fetchAll(db, sql: "SELECT DISTINCT bucket FROM objects ORDER BY bucket")
            }
        }
    }

    /// Objects under a key prefix, sorted by key (UTF-8 byte order, as S3 lists).
    ///
    /// - `prefix` is a key prefix as in S3 ListObjects (`s3://b/da` lists `data/x` and
    ///   `date.csv`), except that a prefix naming one object exactly lists that object only.
    /// - `recurse: false` keeps only keys with no `/` after the prefix (the "folder" level).
    /// - `exclusions` are globs (see `GlobMatcher`); an object is left out when a glob matches
    ///   its full `s3://bucket/key` **or** its key, so both `**.pdf`, `s3://b/tmp/**` and
    ///   `tmp/**` work.
    public func list(_ prefix: S3URI, recurse: Bool = true, exclusions: [String] = []) throws(EngineError) -> [ObjectInfo] {
        let globs = try exclusions.map { (g: String) throws(EngineError) in try GlobMatcher(g) }
        return try read { db throws(EngineError) in try self.list(db, prefix, recurse: recurse, globs: globs) }
    }

    /// Objects a Glue reader path denotes, with Hadoop's reading of a path: the object the path
    /// names, if there is one; otherwise the objects under it taken as a folder (`s3://b/in`
    /// lists `in/...`, never `input/...`). Sorted by key; `recurse` and `exclusions` as in
    /// `list(_:recurse:exclusions:)`.
    public func listPath(_ path: S3URI, recurse: Bool = true, exclusions: [String] = []) throws(EngineError) -> [ObjectInfo] {
        let globs = try exclusions.map { (g: String) throws(EngineError) in try GlobMatcher(g) }
        return try read { db throws(EngineError) in try self.listPath(db, path, recurse: recurse, globs: globs) }
    }

    /// Parses Glue's `exclusions` option: a string holding a JSON list of globs, such as
    /// `["**.pdf", "s3://b/tmp/**"]`. An empty string means no exclusions. Each glob is checked.
    public static func parseExclusions(_ json: String) throws(EngineError) -> [String] {
        if json.allSatisfy(\.isWhitespace) { return [] }
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed])
        guard let list = parsed as? [Any], let globs = list as? [String] else {
            throw .invalidOption(name: "exclusions", value: json, reason: "expected a JSON list of glob strings, such as [\"**.pdf\"]")
        }
        for g in globs { _ = try GlobMatcher(g) }
        return globs
    }
}
