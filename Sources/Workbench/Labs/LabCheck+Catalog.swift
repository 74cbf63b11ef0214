import Foundation
import GlueEngine

extension LabCheckSpec {
    /// `table`: a Data Catalog table's version and column types (present, when neither is given).
    public struct Table: Codable, Sendable, Equatable {
        public var database: String
        public var name: String
        public var version: Int?
        public var columns: [String: String]?

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let t = try DataCatalog(sandbox: sandbox).findTable(database: database, name: name)
            let label = "table \(database).\(name)"
            var out: [LabCheckResult] = []
            if let v = version { out.append(LabCheckResult(what: "\(label) version", expected: String(v), actual: t.map { String($0.versionId) } ?? "(no table)")) }
            let all = (t?.storageDescriptor.columns ?? []) + (t?.partitionKeys ?? [])
            for (col, type) in (columns ?? [:]).sorted(by: { $0.key < $1.key }) {
                let actual = t == nil ? "(no table)" : all.first { $0.name == col }?.type ?? "(no column)"
                out.append(LabCheckResult(what: "\(label) column \(col)", expected: type, actual: actual))
            }
            if out.isEmpty { out.append(LabCheckResult(what: label, expected: "present", actual: t == nil ? "absent" : "present")) }
            return out
        }
    }

    /// `crawlerRun`: the counts of a crawler's last crawl (its status when none is given).
    public struct CrawlerRun: Codable, Sendable, Equatable {
        public var name: String
        public var tablesCreated: Int?
        public var tablesUpdated: Int?
        public var partitionsAdded: Int?

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let crawl = try CrawlerStore(sandbox: sandbox).list().first { $0.name == name }?.lastCrawl
            func r(_ label: String, _ expected: Int?, _ actual: (CrawlerDefinition.LastCrawl) -> Int) -> LabCheckResult? {
                expected.map { LabCheckResult(what: "crawler \(name) last crawl \(label)", expected: String($0), actual: crawl.map { String(actual($0)) } ?? "(no crawl)") }
            }
            let out = [r("tables created", tablesCreated) { $0.tablesCreated }, r("tables updated", tablesUpdated) { $0.tablesUpdated },
                       r("partitions added", partitionsAdded) { $0.partitionsAdded }].compactMap { $0 }
            if !out.isEmpty { return out }
            return [LabCheckResult(what: "crawler \(name) last crawl", expected: "SUCCEEDED", actual: crawl?.status ?? "(no crawl)")]
        }
    }

    /// `job`: fields of a job's definition (present, when none is given). `arguments` are
    /// DefaultArguments, names without `--`.
    public struct Job: Codable, Sendable, Equatable {
        public var name: String
        public var type: String?
        public var glueVersion: String?
        public var workerType: String?
        public var numberOfWorkers: Int?
        public var executionClass: String?
        public var maxConcurrentRuns: Int?
        public var arguments: [String: String]?

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let job = try JobStore(sandbox: sandbox).find(name)
            func r(_ label: String, _ expected: String?, _ actual: (JobDefinition) -> String) -> LabCheckResult? {
                expected.map { LabCheckResult(what: "job \(name) \(label)", expected: $0, actual: job.map(actual) ?? "(no job)") }
            }
            var out = [r("type", type) { $0.command.name.rawValue }, r("Glue version", glueVersion) { $0.glueVersion.rawValue },
                       r("worker type", workerType) { $0.workerType?.rawValue ?? "(none)" },
                       r("number of workers", numberOfWorkers.map(String.init)) { $0.numberOfWorkers.map(String.init) ?? "(none)" },
                       r("execution class", executionClass) { $0.executionClass.rawValue },
                       r("MaxConcurrentRuns", maxConcurrentRuns.map(String.init)) { String($0.maxConcurrentRuns) }].compactMap { $0 }
            for (k, v) in (arguments ?? [:]).sorted(by: { $0.key < $1.key }) {
                out.append(r("argument --\(k)", v) { $0.defaultArguments["--\(k)"] ?? "(not set)" }!)
            }
            if out.isEmpty { out.append(LabCheckResult(what: "job \(name)", expected: "present", actual: job == nil ? "absent" : "present")) }
            return out
        }
    }
}
