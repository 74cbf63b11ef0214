import Foundation

/// `jobBookmarkKeysSortOrder`: whether the bookmark keys grow (`asc`) or shrink (`desc`).
public enum JDBCSortOrder: String, Codable, Sendable, Hashable {
    case asc
    case desc

    /// Parses `asc` / `desc` (any case); anything else is `EngineError.invalidOption`.
    public init(parsing value: String) throws {
        guard let order = JDBCSortOrder(rawValue: value.lowercased()) else {
            throw EngineError.invalidOption(name: "jobBookmarkKeysSortOrder", value: value, reason: "expected asc or desc")
        }
        self = order
    }
}

/// The saved JDBC bookmark of one `transformation_ctx`: the key columns, their sort order, the
/// source (table or query) and the key of the last row read (nil before any row was read).
/// A state saved for other keys, order or source is ignored: the source starts fresh.
public struct JDBCBookmarkState: Codable, Sendable, Hashable {
    public var source: String
    public var keys: [String]
    public var sortOrder: JDBCSortOrder
    public var last: [BookmarkKeyValue]?

    public init(source: String, keys: [String], sortOrder: JDBCSortOrder, last: [BookmarkKeyValue]? = nil) {
        self.source = source
        self.keys = keys
        self.sortOrder = sortOrder
        self.last = last
    }
}

/// A SQL condition with `?` placeholders and the values to bind to them, in order. The values
/// are never spliced into the text.
public struct SQLFragment: Sendable, Hashable {
    /// The condition, e.g. `("id" > ?)`; empty when there is nothing to filter.
    public var sql: String
    /// The parameters, in placeholder order.
    public var parameters: [Value]

    public init(sql: String, parameters: [Value]) {
        self.sql = sql
        self.parameters = parameters
    }

    /// True when the fragment filters nothing (first run).
    public var isEmpty: Bool { sql.isEmpty }
}

/// The pure JDBC job-bookmark logic.
///
/// The bookmark keys form **one compound key**, compared lexicographically: with keys `(a, b)`
/// ascending, a row is new when `(a, b) > (last_a, last_b)`, expanded portably (no row values)
/// as `("a" > ?) OR ("a" = ? AND "b" > ?)`; descending uses `<`. Only rows beyond the saved key
/// are read, so — as in Glue — **an updated row is missed** (its key already exists) and **a row
/// back-filled with a key below the saved one is missed** (the `>` comparison never sees it; AWS
/// does not say so in words, it follows from the mechanism). Keys must be strictly monotonic.
public enum JDBCBookmark {
    /// The state to use for a run: `previous` when it was saved for the same source, keys and
    /// order, otherwise a fresh state (renaming keys or changing the table starts fresh).
    public static func state(
        source: String, keys: [String], sortOrder: JDBCSortOrder, previous: JDBCBookmarkState?
    ) throws -> JDBCBookmarkState {
        guard !keys.isEmpty else {
            throw EngineError.invalidOption(name: "jobBookmarkKeys", value: "[]", reason: "at least one key column is required")
        }
        if let previous, previous.source == source, previous.keys == keys, previous.sortOrder == sortOrder {
            return previous
        }
        return JDBCBookmarkState(source: source, keys: keys, sortOrder: sortOrder)
    }

    /// The condition selecting rows beyond the saved key (empty when nothing was read yet, or
    /// when `state` was saved for other keys or another order).
    public static func `where`(keys: [String], sortOrder: JDBCSortOrder, state: JDBCBookmarkState?) -> SQLFragment {
        guard let state, state.keys == keys, state.sortOrder == sortOrder, let last = state.last else {
            return SQLFragment(sql: "", parameters: [])
        }
        return beyond(keys: keys, values: last, strict: sortOrder == .asc ? ">" : "<", inclusive: false)
    }

    /// The condition for a paused run with a range: beyond `from`'s key (everything when nil)
    /// and not beyond `to`'s key. With no `to` key, nothing is selected (`0 = 1`).
    public static func rangeWhere(
        keys: [String], sortOrder: JDBCSortOrder, from: JDBCBookmarkState?, to: JDBCBookmarkState?
    ) -> SQLFragment {
        guard let to, to.keys == keys, to.sortOrder == sortOrder, let upper = to.last else {
            return SQLFragment(sql: "0 = 1", parameters: [])
        }
        let low = `where`(keys: keys, sortOrder: sortOrder, state: from)
        // Not beyond `to`: (k) <= (to) for asc, (k) >= (to) for desc.
        let high = beyond(keys: keys, values: upper, strict: sortOrder == .asc ? "<" : ">", inclusive: true)
        if low.isEmpty { return high }
        return SQLFragment(sql: "\(low.sql) AND \(high.sql)", parameters: low.parameters + high.parameters)
    }

    /// `ORDER BY` text for the keys in bookmark order, so the last row read is the new bookmark.
    public static func orderBy(keys: [String], sortOrder: JDBCSortOrder) -> String {
        keys.map { "\(quote($0)) \(sortOrder == .asc ? "ASC" : "DESC")" }.joined(separator: ", ")
    }

    /// The state after a run whose last row (in bookmark order) had these key values. The saved
    /// key never moves backwards: a `lastRow` not beyond the saved key leaves it unchanged.
    public static func advance(_ state: JDBCBookmarkState, lastRow: [Value]) throws -> JDBCBookmarkState {
        guard lastRow.count == state.keys.count else {
            throw EngineError.invalidOption(
                name: "jobBookmarkKeys", value: state.keys.joined(separator: ","),
                reason: "expected \(state.keys.count) key values, got \(lastRow.count)")
        }
        let values = try zip(lastRow, state.keys).map { try BookmarkKeyValue($0, column: $1) }
        var next = state
        if let current = state.last {
            let forward = state.sortOrder == .asc
                ? current.lexicographicallyPrecedes(values) : values.lexicographicallyPrecedes(current)
            if forward { next.last = values }
        } else {
            next.last = values
        }
        return next
    }

    /// `(k1, k2, …) op (v1, v2, …)` expanded: `(k1 op ?) OR (k1 = ? AND k2 op ?) OR …`,
    /// plus `OR (k1 = ? AND … AND kn = ?)` when `inclusive`.
    static func beyond(keys: [String], values: [BookmarkKeyValue], strict op: String, inclusive: Bool) -> SQLFragment {
        var terms: [String] = []
        var parameters: [Value] = []
        for i in keys.indices {
            var parts: [String] = []
            for j in 0..<i {
                parts.append("\(quote(keys[j])) = ?")
                parameters.append(values[j].value)
            }
            parts.append("\(quote(keys[i])) \(op) ?")
            parameters.append(values[i].value)
            terms.append("(\(parts.joined(separator: " AND ")))")
        }
        if inclusive {
            terms.append("(\(keys.map { "\(quote($0)) = ?" }.joined(separator: " AND ")))")
            parameters += values.map(\.value)
        }
        return SQLFragment(sql: "(\(terms.joined(separator: " OR ")))", parameters: parameters)
    }

    /// A SQL identifier in double quotes, inner quotes doubled.
    static func quote(_ name: String) -> String {
        "\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\""
    }
}
