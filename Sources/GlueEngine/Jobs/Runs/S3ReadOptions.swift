import Foundation

/// The S3 `connection_options` of a read (fact sheet §3.2), checked.
///
/// - `paths`: a list of `s3://` paths (a single string is accepted too); required.
/// - `recurse`: read sub-folders too (default false, as Glue).
/// - `exclusions`: a string holding a JSON list of globs (a list is accepted too).
/// - `groupFiles` (`inPartition` | `none`) and `groupSize` (bytes, a number or numeric string):
///   grouping is on with `inPartition`, or automatically above 50,000 files unless `none`.
///   Grouping changes how Spark splits tasks, never the data: gluelab validates and records it.
/// - `boundedFiles` / `boundedSize` (only one): the run reads at most that many files / bytes,
///   oldest last-modified first, and leaves the rest for later runs (with bookmarks, the saved
///   state stops before the first file left). `boundedSize` always lets at least one file
///   through, so a file bigger than the bound does not stall the job.
/// - `maxBand` (ms, default 900000) and `maxFilesInBand` (default ``S3Bookmark/defaultMaxFilesInBand``).
/// - `compressionType` and other options are accepted and ignored.
public struct S3ReadOptions: Sendable, Hashable {
    public var paths: [S3URI]
    public var recurse: Bool
    public var exclusions: [String]
    public var groupFiles: String?
    public var groupSize: Int64?
    public var boundedFiles: Int?
    public var boundedSize: Int64?
    public var maxBand: Int64
    public var maxFilesInBand: Int

    /// Above this many files Glue groups them without being asked.
    public static let autoGroupingThreshold = 50_000

    public init(connectionOptions o: [String: Value]) throws(EngineError) {
        switch o["paths"] {
        case .string(let s)?: paths = [try S3URI(parsing: s)]
        case .array(let items)?:
            paths = try items.map { (v: Value) throws(EngineError) in
                guard case .string(let s) = v else {
                    throw .invalidOption(name: "paths", value: v.plainText, reason: "each path is an s3:// string")
                }
                return try S3URI(parsing: s)
            }
        default:
            throw .invalidOption(name: "paths", value: o["paths"]?.plainText ?? "", reason: "an S3 read needs \"paths\": a list of s3:// paths")
        }
        guard !paths.isEmpty else { throw .invalidOption(name: "paths", value: "[]", reason: "at least one path is required") }
        recurse = try Self.bool(o, "recurse") ?? false
        switch o["exclusions"] {
        case nil, .null?: exclusions = []
        case .string(let s)?: exclusions = try ObjectStore.parseExclusions(s)
        case .array(let items)?:
            exclusions = items.compactMap(\.stringValue)
            for g in exclusions { _ = try GlobMatcher(g) }
        case let v?: throw .invalidOption(name: "exclusions", value: v.plainText, reason: "expected a JSON list of globs as a string")
        }
        if let g = try Self.string(o, "groupFiles") {
            guard g == "inPartition" || g == "none" else {
                throw .invalidOption(name: "groupFiles", value: g, reason: "expected inPartition or none")
            }
            groupFiles = g
        }
        groupSize = try Self.integer(o, "groupSize", minimum: 1)
        boundedFiles = try Self.integer(o, "boundedFiles", minimum: 1).map { Int($0) }
        boundedSize = try Self.integer(o, "boundedSize", minimum: 1)
        if boundedFiles != nil, boundedSize != nil {
            throw .invalidOption(name: "boundedSize", value: String(boundedSize ?? 0), reason: "set boundedFiles or boundedSize, not both")
        }
        maxBand = try Self.integer(o, "maxBand", minimum: 0) ?? S3Bookmark.defaultMaxBand
        maxFilesInBand = Int(try Self.integer(o, "maxFilesInBand", minimum: 0) ?? Int64(S3Bookmark.defaultMaxFilesInBand))
    }

    /// The paths as given, for the bookmark's path signature and the run record.
    public var pathStrings: [String] { paths.map(\.description) }

    /// Whether files are grouped for `fileCount` input files.
    public func grouping(fileCount: Int) -> String {
        if let groupFiles { return groupFiles }
        return fileCount > Self.autoGroupingThreshold ? "inPartition" : "none"
    }

    /// `objects` (oldest first) cut to the bound: the ones read and the ones left.
    public func bounded(_ objects: [ObjectInfo]) -> (read: [ObjectInfo], left: [ObjectInfo]) {
        if let n = boundedFiles, objects.count > n {
            return (Array(objects.prefix(n)), Array(objects.dropFirst(n)))
        }
        if let limit = boundedSize {
            var total: Int64 = 0
            var count = 0
            for o in objects {
                if count > 0 && total + o.size > limit { break }
                total += o.size
                count += 1
            }
            return (Array(objects.prefix(count)), Array(objects.dropFirst(count)))
        }
        return (objects, [])
    }

    static func string(_ o: [String: Value], _ name: String) throws(EngineError) -> String? {
        switch o[name] {
        case nil, .null?: return nil
        case .string(let s)?: return s
        case let v?: throw .invalidOption(name: name, value: v.plainText, reason: "expected a string")
        }
    }

    static func bool(_ o: [String: Value], _ name: String) throws(EngineError) -> Bool? {
        switch o[name] {
        case nil, .null?: return nil
        case .boolean(let b)?: return b
        case .string(let s)? where s.lowercased() == "true": return true
        case .string(let s)? where s.lowercased() == "false": return false
        case let v?: throw .invalidOption(name: name, value: v.plainText, reason: "expected true or false")
        }
    }

    static func integer(_ o: [String: Value], _ name: String, minimum: Int64) throws(EngineError) -> Int64? {
        guard let v = o[name], !v.isNull else { return nil }
        let n: Int64? = v.integerValue ?? v.stringValue.flatMap { Int64($0.trimmingCharacters(in: .whitespaces)) }
        guard let n, n >= minimum else {
            throw .invalidOption(name: name, value: v.plainText, reason: "expected a whole number of at least \(minimum) (a number or a numeric string)")
        }
        return n
    }
}
