/// Glue's `--job-bookmark-option`: whether a run uses and updates the job's bookmark.
///
/// - `enable`: each run reads what is new since the last committed state; `job.commit()`
///   saves the new state.
/// - `disable` (the default): every run reads the whole input; the state is neither used nor
///   updated.
/// - `pause`: each run reads what is new since the last committed state (or, with a
///   ``BookmarkRunRange``, what the runs between two earlier runs read) and never updates the
///   state, so every paused run sees the same delta.
public enum BookmarkOption: String, Codable, Sendable, Hashable, CaseIterable {
    case enable = "job-bookmark-enable"
    case disable = "job-bookmark-disable"
    case pause = "job-bookmark-pause"

    /// The argument name Glue uses for this option.
    public static let argumentName = "job-bookmark-option"

    /// Parses Glue's value (`job-bookmark-enable|disable|pause`); anything else is an error.
    public init(parsing value: String) throws {
        guard let option = BookmarkOption(rawValue: value) else {
            throw EngineError.invalidOption(
                name: Self.argumentName, value: value,
                reason: "expected job-bookmark-enable, job-bookmark-disable or job-bookmark-pause")
        }
        self = option
    }

    /// Whether a run with this option reads incrementally from saved state.
    public var usesState: Bool { self != .disable }

    /// Whether `job.commit()` saves new state under this option (only `enable`).
    public var updatesState: Bool { self == .enable }
}

/// The `--job-bookmark-from R --job-bookmark-to R` range of a paused run.
///
/// Model (the from/to wording is in a table the stored AWS docs leave out; this is the common
/// reading): `from` is a run whose input counts as already processed, `to` is the last run whose
/// input is included. A paused run with a range reads what the runs after `from` up to and
/// including `to` read: the delta between the state saved by `from` and the state saved by `to`.
public struct BookmarkRunRange: Codable, Sendable, Hashable {
    /// The run whose saved state is the lower bound (its input is excluded).
    public var fromRunId: String
    /// The run whose saved state is the upper bound (its input is included).
    public var toRunId: String

    public init(fromRunId: String, toRunId: String) {
        self.fromRunId = fromRunId
        self.toRunId = toRunId
    }
}

/// The bookmark arguments of one run: the option and, for `pause`, an optional run range.
public struct BookmarkSettings: Codable, Sendable, Hashable {
    public var option: BookmarkOption
    public var range: BookmarkRunRange?

    /// The legacy name of `job-bookmark-option`.
    public static let continuationArgumentName = "continuation-option"
    /// The legacy values, as the bookmark options they stand for.
    static let continuationValues: [String: BookmarkOption] = [
        "continuation-enabled": .enable, "continuation-readonly": .pause, "continuation-ignore": .disable,
    ]

    /// `disable` with no range: Glue's default.
    public init(option: BookmarkOption = .disable, range: BookmarkRunRange? = nil) {
        self.option = option
        self.range = range
    }

    /// Reads `job-bookmark-option`, `job-bookmark-from` and `job-bookmark-to` from a job's
    /// arguments (names without the leading `--`). Without `job-bookmark-option`, the legacy
    /// `continuation-option` is translated as awsglue's `getResolvedOptions` does
    /// (`continuation-enabled` → enable, `continuation-readonly` → pause,
    /// `continuation-ignore` → disable); with neither, the option is `disable`.
    ///
    /// Errors (`EngineError.invalidOption`): an unknown option value; only one of from/to
    /// (Glue requires both or neither); from/to with an option other than `pause` (they are
    /// sub-options of pause; gluelab refuses them elsewhere rather than silently ignore them);
    /// an empty run id.
    public init(arguments: [String: String]) throws {
        let option: BookmarkOption
        if let value = arguments[BookmarkOption.argumentName] {
            option = try BookmarkOption(parsing: value)
        } else if let legacy = arguments[Self.continuationArgumentName] {
            guard let translated = Self.continuationValues[legacy] else {
                throw EngineError.invalidOption(
                    name: Self.continuationArgumentName, value: legacy,
                    reason: "expected continuation-enabled, continuation-readonly or continuation-ignore")
            }
            option = translated
        } else {
            option = .disable
        }
        let from = arguments["job-bookmark-from"]
        let to = arguments["job-bookmark-to"]
        switch (from, to) {
        case (nil, nil):
            self.init(option: option)
        case (let f?, let t?):
            guard option == .pause else {
                throw EngineError.invalidOption(
                    name: "job-bookmark-from", value: f,
                    reason: "--job-bookmark-from/--job-bookmark-to apply only with job-bookmark-pause, not \(option.rawValue)")
            }
            for (name, value) in [("job-bookmark-from", f), ("job-bookmark-to", t)] where value.isEmpty {
                throw EngineError.invalidOption(name: name, value: value, reason: "a run id is required")
            }
            self.init(option: option, range: BookmarkRunRange(fromRunId: f, toRunId: t))
        case (let f?, nil):
            throw EngineError.invalidOption(
                name: "job-bookmark-from", value: f, reason: "--job-bookmark-to must be given too (both or neither)")
        case (nil, let t?):
            throw EngineError.invalidOption(
                name: "job-bookmark-to", value: t, reason: "--job-bookmark-from must be given too (both or neither)")
        }
    }
}
