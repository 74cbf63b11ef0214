import Foundation
import GlueEngine

/// A declarative check on engine state (exactly one kind set).
public struct LabCheckSpec: Codable, Sendable, Equatable {
    /// The job's newest run: any of `status`, `bookmarkOption`, `objectsRead`, `recordsRead`, `recordsWritten`.
    public var lastRun: LastRun?
    /// The job's bookmark: `contexts` that must have an entry.
    public var bookmark: Bookmark?
    /// Objects under a prefix: `count`.
    public var objects: Objects?
    /// The job's run count.
    public var runs: Runs?
    /// A Data Catalog table: its `version` and the types of named `columns`.
    public var table: Table?
    /// Records under a path: `{path, format, count}`.
    public var rows: LabDataCheck?
    /// A field's type under a path: `{path, format, field, type}`.
    public var schema: LabDataCheck?

    public struct LastRun: Codable, Sendable, Equatable {
        public var job: String
        public var status: String?
        public var bookmarkOption: String?
        public var objectsRead: Int?
        public var recordsRead: Int?
        public var recordsWritten: Int?
    }
    public struct Bookmark: Codable, Sendable, Equatable { public var job: String; public var contexts: [String] }
    public struct Objects: Codable, Sendable, Equatable { public var prefix: String; public var count: Int }
    public struct Runs: Codable, Sendable, Equatable { public var job: String; public var count: Int }
    public struct Table: Codable, Sendable, Equatable {
        public var database: String
        public var name: String
        public var version: Int?
        public var columns: [String: String]?
    }

    static let kinds = ["lastRun", "bookmark", "objects", "runs", "table", "rows", "schema"]
    var kindCount: Int { [lastRun != nil, bookmark != nil, objects != nil, runs != nil, table != nil, rows != nil, schema != nil].filter { $0 }.count }
}

/// One compared value: what the check expected and what the sandbox holds.
public struct LabCheckResult: Sendable, Equatable {
    public var what: String
    public var expected: String
    public var actual: String
    public var passed: Bool { expected == actual }
}

extension LabCheckSpec {
    /// Evaluates the check against `sandbox`.
    public func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
        if let c = lastRun {
            let run = try RunStore(sandbox: sandbox).list(jobName: c.job).first
            func r(_ name: String, _ expected: String?, _ actual: (RunRecord) -> String) -> LabCheckResult? {
                expected.map { LabCheckResult(what: "\(c.job) last run \(name)", expected: $0, actual: run.map(actual) ?? "(no run)") }
            }
            return [r("status", c.status) { $0.status.rawValue },
                    r("bookmark option", c.bookmarkOption) { $0.bookmarkOption.rawValue },
                    r("objects read", c.objectsRead.map(String.init)) { String($0.objectsRead) },
                    r("records read", c.recordsRead.map(String.init)) { String($0.recordsRead) },
                    r("records written", c.recordsWritten.map(String.init)) { String($0.recordsWritten) }].compactMap { $0 }
        }
        if let c = bookmark {
            let entries = try BookmarkStore(sandbox: sandbox).current(jobName: c.job).entries
            return c.contexts.map { LabCheckResult(what: "\(c.job) bookmark entry '\($0)'", expected: "present", actual: entries[$0] == nil ? "absent" : "present") }
        }
        if let c = objects {
            let n = try sandbox.store.list(try S3URI(parsing: c.prefix)).count
            return [LabCheckResult(what: "objects under \(c.prefix)", expected: String(c.count), actual: String(n))]
        }
        if let c = runs {
            let n = try RunStore(sandbox: sandbox).list(jobName: c.job).count
            return [LabCheckResult(what: "runs of \(c.job)", expected: String(c.count), actual: String(n))]
        }
        if let c = rows ?? schema { return try c.evaluate(in: sandbox) }
        if let c = table {
            let t = try DataCatalog(sandbox: sandbox).findTable(database: c.database, name: c.name)
            let name = "table \(c.database).\(c.name)"
            var out: [LabCheckResult] = []
            if let v = c.version { out.append(LabCheckResult(what: "\(name) version", expected: String(v), actual: t.map { String($0.versionId) } ?? "(no table)")) }
            let columns = (t?.storageDescriptor.columns ?? []) + (t?.partitionKeys ?? [])
            for (col, type) in (c.columns ?? [:]).sorted(by: { $0.key < $1.key }) {
                let actual = t == nil ? "(no table)" : columns.first { $0.name == col }?.type ?? "(no column)"
                out.append(LabCheckResult(what: "\(name) column \(col)", expected: type, actual: actual))
            }
            if out.isEmpty { out.append(LabCheckResult(what: name, expected: "present", actual: t == nil ? "absent" : "present")) }
            return out
        }
        return []
    }
}
