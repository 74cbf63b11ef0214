import Foundation
import GlueEngine

extension LabCheckSpec {
    /// `bookmark`: contexts that must have an entry in the job's bookmark, and ones that must not.
    public struct Bookmark: Codable, Sendable, Equatable {
        public var job: String
        public var contexts: [String]?
        public var absent: [String]?

        public init(job: String, contexts: [String]? = nil, absent: [String]? = nil) {
            self.job = job
            self.contexts = contexts
            self.absent = absent
        }

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let entries = try BookmarkStore(sandbox: sandbox).current(jobName: job).entries
            func r(_ ctx: String, _ expected: String) -> LabCheckResult {
                LabCheckResult(what: "\(job) bookmark entry '\(ctx)'", expected: expected, actual: entries[ctx] == nil ? "absent" : "present")
            }
            return (contexts ?? []).map { r($0, "present") } + (absent ?? []).map { r($0, "absent") }
        }
    }

    /// `objects`: how many objects are under a prefix.
    public struct Objects: Codable, Sendable, Equatable {
        public var prefix: String
        public var count: Int

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let n = try sandbox.store.list(try S3URI(parsing: prefix)).count
            return [LabCheckResult(what: "objects under \(prefix)", expected: String(count), actual: String(n))]
        }
    }

    /// `jdbc`: a query's rows, one per line, values joined by `|` (NULL as `NULL`), compared as
    /// text (surrounding white space ignored).
    public struct JDBC: Codable, Sendable, Equatable {
        public var database: String
        public var query: String
        public var equals: String

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            var lines: [String] = []
            for result in try JDBCDatabases(sandbox: sandbox).run(sql: query, database: database) {
                if case .rows(_, let rows) = result { lines += rows.map { $0.map(SQLTable.text).joined(separator: "|") } }
            }
            let trim = { (s: String) in s.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "\n") }
            return [LabCheckResult(what: "\(database): \(query)", expected: trim(equals), actual: lines.isEmpty ? "(no rows)" : trim(lines.joined(separator: "\n")))]
        }
    }

    /// `topic`: how many messages a topic holds.
    public struct Topic: Codable, Sendable, Equatable {
        public var name: String
        public var messages: Int

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let info = try sandbox.topics.list().first { $0.name == name }
            return [LabCheckResult(what: "messages in topic \(name)", expected: String(messages), actual: info.map { String($0.messages) } ?? "(no topic)")]
        }
    }

    /// `checkpoint`: a streaming query's checkpoint (Spark's layout): how many batches are
    /// committed, and the end offsets of the last committed batch as `partition:offset,...`
    /// (`topic-partition:offset` when it reads several topics).
    public struct Checkpoint: Codable, Sendable, Equatable {
        public var location: String
        public var batches: Int?
        public var offsets: String?

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let base = location.hasSuffix("/") ? location : location + "/"
            func ids(_ folder: String) throws -> [Int] {
                let prefix = try S3URI(parsing: base + folder)
                return try sandbox.store.list(prefix, recurse: false).compactMap { Int($0.key.dropFirst(prefix.key.count)) }.sorted()
            }
            let commits = try ids("commits/")
            var out: [LabCheckResult] = []
            if let batches {
                out.append(LabCheckResult(what: "committed batches in \(base)", expected: String(batches), actual: String(commits.count)))
            }
            if let offsets {
                var actual = "(no committed batch)"
                if let last = commits.last, let data = try? sandbox.store.get(try S3URI(parsing: base + "offsets/\(last)")) {
                    actual = Self.offsetsText(data) ?? "(unreadable offsets log)"
                }
                out.append(LabCheckResult(what: "committed offsets in \(base)", expected: offsets, actual: actual))
            }
            return out
        }

        /// The last line of a `v1` offsets log, `{"topic":{"0":5}}`, as `0:5`.
        static func offsetsText(_ data: Data) -> String? {
            guard let last = String(decoding: data, as: UTF8.self).split(separator: "\n").last,
                  let object = try? JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any] else { return nil }
            var items: [(String, Int, Int64)] = []
            for (topic, parts) in object {
                for (p, o) in (parts as? [String: Any]) ?? [:] {
                    if let p = Int(p), let o = (o as? NSNumber)?.int64Value { items.append((topic, p, o)) }
                }
            }
            let several = Set(items.map(\.0)).count > 1
            return items.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { several ? "\($0.0)-\($0.1):\($0.2)" : "\($0.1):\($0.2)" }.joined(separator: ",")
        }
    }
}
