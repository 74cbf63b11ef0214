/// The saved bookmark of one `transformation_ctx`: an S3 or a JDBC state.
///
/// JSON shape (inside `JobBookmarkEntry.JobBookmark`): `{"type":"s3","s3":{…}}` or
/// `{"type":"jdbc","jdbc":{…}}`.
public enum BookmarkEntryState: Sendable, Hashable, Codable {
    case s3(S3BookmarkState)
    case jdbc(JDBCBookmarkState)

    /// The S3 state, if this is one.
    public var s3: S3BookmarkState? {
        if case .s3(let s) = self { return s }
        return nil
    }

    /// The JDBC state, if this is one.
    public var jdbc: JDBCBookmarkState? {
        if case .jdbc(let s) = self { return s }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case type, s3, jdbc }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let type = try c.decode(String.self, forKey: .type)
        switch type {
        case "s3": self = .s3(try c.decode(S3BookmarkState.self, forKey: .s3))
        case "jdbc": self = .jdbc(try c.decode(JDBCBookmarkState.self, forKey: .jdbc))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: c, debugDescription: "unknown bookmark entry type \(type)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .s3(let s):
            try c.encode("s3", forKey: .type)
            try c.encode(s, forKey: .s3)
        case .jdbc(let s):
            try c.encode("jdbc", forKey: .type)
            try c.encode(s, forKey: .jdbc)
        }
    }
}

/// How one source reads under the run's bookmark settings (from ``JobBookmark/plan(ctx:settings:history:)``).
public enum BookmarkReadPlan: Sendable, Hashable {
    /// No `transformation_ctx`: bookmarks do not apply; read everything, save nothing.
    case untracked
    /// `job-bookmark-disable`: read everything, save nothing.
    case full
    /// Read what is new relative to `state` (nil: everything). `saves` is true under `enable`
    /// (the new state goes into `job.commit()`), false under `pause` (state never updated).
    case incremental(state: BookmarkEntryState?, saves: Bool)
    /// `pause` with `--job-bookmark-from/-to`: read what the runs after `from` up to `to` read
    /// (``S3Bookmark/selectRange(objects:from:to:pathSignature:maxBand:)``,
    /// ``JDBCBookmark/rangeWhere(keys:sortOrder:from:to:)``). Saves nothing.
    case range(from: BookmarkEntryState?, to: BookmarkEntryState?)

    /// Whether the run's new state for this source is saved on commit.
    public var saves: Bool {
        if case .incremental(_, let saves) = self { return saves }
        return false
    }
}
