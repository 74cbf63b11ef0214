import Foundation
import GlueEngine

/// A declarative check on engine state (exactly one kind set). Each kind's fields and its
/// evaluation are in `LabCheck+Runs.swift` (runs, compare), `LabCheck+Stores.swift` (objects,
/// bookmarks, JDBC, topics, checkpoints, action errors), `LabCheck+Catalog.swift` (tables,
/// crawlers, jobs) and `LabDataCheck.swift` (rows, schema).
public struct LabCheckSpec: Codable, Sendable, Equatable {
    /// The job's newest run: `status`, `bookmarkOption`, counts, `error`, capacity.
    public var lastRun: LastRun?
    /// The job's bookmark: `contexts` that must have an entry, `absent` ones that must not.
    public var bookmark: Bookmark?
    /// Objects under a prefix: `count`.
    public var objects: Objects?
    /// The job's run count.
    public var runs: Runs?
    /// A Data Catalog table: its `version` and the types of named `columns`.
    public var table: Table?
    /// Records under a path: `{path, format, count?, distinct?, distinctCount?, nulls?, nullCount?}`.
    public var rows: LabDataCheck?
    /// A field's type under a path: `{path, format, field, type}`.
    public var schema: LabDataCheck?
    /// A query on a JDBC database: its rows as `a|b` lines.
    public var jdbc: JDBC?
    /// A topic's message count.
    public var topic: Topic?
    /// A streaming query's checkpoint: committed batches, committed end offsets.
    public var checkpoint: Checkpoint?
    /// A job's definition.
    public var job: Job?
    /// Two runs' metrics compared.
    public var compare: Compare?
    /// A substring of the error of the last action that carried `expectError`.
    public var actionError: String?
    /// A crawler's last crawl.
    public var crawlerRun: CrawlerRun?

    public init(lastRun: LastRun? = nil, bookmark: Bookmark? = nil, objects: Objects? = nil, runs: Runs? = nil, table: Table? = nil,
                rows: LabDataCheck? = nil, schema: LabDataCheck? = nil, jdbc: JDBC? = nil, topic: Topic? = nil,
                checkpoint: Checkpoint? = nil, job: Job? = nil, compare: Compare? = nil, actionError: String? = nil,
                crawlerRun: CrawlerRun? = nil) {
        self.lastRun = lastRun
        self.bookmark = bookmark
        self.objects = objects
        self.runs = runs
        self.table = table
        self.rows = rows
        self.schema = schema
        self.jdbc = jdbc
        self.topic = topic
        self.checkpoint = checkpoint
        self.job = job
        self.compare = compare
        self.actionError = actionError
        self.crawlerRun = crawlerRun
    }

    /// The YAML names of the kinds.
    static let kinds = ["lastRun", "bookmark", "objects", "runs", "table", "rows", "schema", "jdbc", "topic", "checkpoint",
                        "job", "compare", "actionError", "crawlerRun"]
    var kindCount: Int {
        [lastRun != nil, bookmark != nil, objects != nil, runs != nil, table != nil, rows != nil, schema != nil, jdbc != nil,
         topic != nil, checkpoint != nil, job != nil, compare != nil, actionError != nil, crawlerRun != nil].filter { $0 }.count
    }
}

/// What a check may need beyond the sandbox: the error of the last `expectError` action.
public struct LabCheckContext: Sendable, Equatable {
    public var lastActionError: String?
    public init(lastActionError: String? = nil) { self.lastActionError = lastActionError }
}

/// One compared value: what the check expected and what the sandbox holds, and whether it passed
/// (equal text, unless the check says otherwise: `compare`, `error` substrings).
public struct LabCheckResult: Sendable, Equatable {
    public var what: String
    public var expected: String
    public var actual: String
    public var passed: Bool

    public init(what: String, expected: String, actual: String) {
        self.init(what: what, expected: expected, actual: actual, passed: expected == actual)
    }

    public init(what: String, expected: String, actual: String, passed: Bool) {
        self.what = what
        self.expected = expected
        self.actual = actual
        self.passed = passed
    }
}

extension LabCheckSpec {
    /// Evaluates the check against `sandbox`.
    public func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
        try evaluate(in: sandbox, context: LabCheckContext())
    }

    /// Evaluates the check against `sandbox`; `actionError` reads `context`.
    public func evaluate(in sandbox: Sandbox, context: LabCheckContext) throws -> [LabCheckResult] {
        if let c = lastRun { return try c.evaluate(in: sandbox) }
        if let c = runs { return try c.evaluate(in: sandbox) }
        if let c = compare { return try c.evaluate(in: sandbox) }
        if let c = bookmark { return try c.evaluate(in: sandbox) }
        if let c = objects { return try c.evaluate(in: sandbox) }
        if let c = jdbc { return try c.evaluate(in: sandbox) }
        if let c = topic { return try c.evaluate(in: sandbox) }
        if let c = checkpoint { return try c.evaluate(in: sandbox) }
        if let c = rows ?? schema { return try c.evaluate(in: sandbox) }
        if let c = table { return try c.evaluate(in: sandbox) }
        if let c = job { return try c.evaluate(in: sandbox) }
        if let c = crawlerRun { return try c.evaluate(in: sandbox) }
        if let c = actionError {
            let actual = context.lastActionError ?? "(no action failed as expected)"
            return [LabCheckResult(what: "error of the last action expected to fail", expected: "contains \"\(c)\"", actual: actual,
                                   passed: context.lastActionError?.contains(c) ?? false)]
        }
        return []
    }

    /// `1204` as `1,204`; other doubles with up to four decimals.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            let f = NumberFormatter()
            f.numberStyle = .decimal
            f.groupingSeparator = ","
            f.usesGroupingSeparator = true
            return f.string(from: NSNumber(value: Int64(value))) ?? String(Int64(value))
        }
        var text = String(format: "%.4f", value)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}
