import Foundation
import GlueEngine

extension LabCheckSpec {
    /// `lastRun`: fields of the job's newest run; each one given is compared.
    public struct LastRun: Codable, Sendable, Equatable {
        public var job: String
        public var status: String?
        public var bookmarkOption: String?
        public var objectsRead: Int?
        public var recordsRead: Int?
        public var recordsWritten: Int?
        /// Bytes read by all sources.
        public var bytesRead: Int?
        /// Objects written by all sinks.
        public var objectsWritten: Int?
        /// A substring of the run's error message.
        public var error: String?
        /// The bookmark attempt (1, or more after failed attempts since the last commit).
        public var attempt: Int?
        /// `STANDARD` or `FLEX`.
        public var executionClass: String?
        /// `G.1X`, ...; `(none)` for a run sized by MaxCapacity.
        public var workerType: String?

        public init(job: String, status: String? = nil, bookmarkOption: String? = nil, objectsRead: Int? = nil, recordsRead: Int? = nil,
                    recordsWritten: Int? = nil, bytesRead: Int? = nil, objectsWritten: Int? = nil, error: String? = nil,
                    attempt: Int? = nil, executionClass: String? = nil, workerType: String? = nil) {
            self.job = job
            self.status = status
            self.bookmarkOption = bookmarkOption
            self.objectsRead = objectsRead
            self.recordsRead = recordsRead
            self.recordsWritten = recordsWritten
            self.bytesRead = bytesRead
            self.objectsWritten = objectsWritten
            self.error = error
            self.attempt = attempt
            self.executionClass = executionClass
            self.workerType = workerType
        }

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let run = try RunStore(sandbox: sandbox).list(jobName: job).first
            func r(_ name: String, _ expected: String?, _ actual: (RunRecord) -> String) -> LabCheckResult? {
                expected.map { LabCheckResult(what: "\(job) last run \(name)", expected: $0, actual: run.map(actual) ?? "(no run)") }
            }
            var out = [r("status", status) { $0.status.rawValue },
                       r("bookmark option", bookmarkOption) { $0.bookmarkOption.rawValue },
                       r("objects read", objectsRead.map(String.init)) { String($0.objectsRead) },
                       r("records read", recordsRead.map(String.init)) { String($0.recordsRead) },
                       r("records written", recordsWritten.map(String.init)) { String($0.recordsWritten) },
                       r("bytes read", bytesRead.map(String.init)) { String($0.sources.reduce(0) { $0 + $1.bytesRead }) },
                       r("objects written", objectsWritten.map(String.init)) { String($0.sinks.reduce(0) { $0 + $1.objectsWritten }) },
                       r("attempt", attempt.map(String.init)) { String($0.attempt) },
                       r("execution class", executionClass) { $0.capacity.executionClass.rawValue },
                       r("worker type", workerType) { $0.capacity.workerType?.rawValue ?? "(none)" }].compactMap { $0 }
            if let error {
                let message = run.map { $0.errorMessage ?? "(no error)" } ?? "(no run)"
                out.append(LabCheckResult(what: "\(job) last run error", expected: "contains \"\(error)\"", actual: message,
                                          passed: run?.errorMessage?.contains(error) ?? false))
            }
            return out
        }
    }

    /// `runs`: how many runs the job has.
    public struct Runs: Codable, Sendable, Equatable {
        public var job: String
        public var count: Int

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            let n = try RunStore(sandbox: sandbox).list(jobName: job).count
            return [LabCheckResult(what: "runs of \(job)", expected: String(count), actual: String(n))]
        }
    }

    /// `compare`: a metric of one run against a metric of another.
    public struct Compare: Codable, Sendable, Equatable {
        public var left: Side
        /// `less`, `greater` or `equal`.
        public var op: String
        public var right: Side

        public struct Side: Codable, Sendable, Equatable {
            public var job: String
            /// One of ``metrics``.
            public var metric: String
            /// An index from the end of the job's runs: -1 (default) is the last, -2 the one before.
            public var run: Int?

            public init(job: String, metric: String, run: Int? = nil) {
                self.job = job
                self.metric = metric
                self.run = run
            }

            var label: String { "\(job) \(run.map { $0 == -1 ? "last run" : "run \($0)" } ?? "last run") \(metric)" }
        }

        public init(left: Side, op: String, right: Side) {
            self.left = left
            self.op = op
            self.right = right
        }

        /// The metrics: counts from the run record, `runSeconds` (modelled run time),
        /// `dpuSeconds` (DPUs × modelled run time, before the billing minimum) and `costUSD`
        /// (what the run is charged, minimum included).
        static let metrics = ["objectsRead", "recordsRead", "bytesRead", "recordsWritten", "runSeconds", "dpuSeconds", "costUSD"]
        static let ops = ["less", "greater", "equal"]

        static func value(_ metric: String, of r: RunRecord) -> Double? {
            switch metric {
            case "objectsRead": Double(r.objectsRead)
            case "recordsRead": Double(r.recordsRead)
            case "bytesRead": Double(r.sources.reduce(0) { $0 + $1.bytesRead })
            case "recordsWritten": Double(r.recordsWritten)
            case "runSeconds": r.cost?.runSeconds
            case "dpuSeconds": r.cost.map { $0.dpu * $0.runSeconds }
            case "costUSD": r.cost?.chargedUSD
            default: nil
            }
        }

        func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
            func fetch(_ side: Side) throws -> Double? {
                let runs = try RunStore(sandbox: sandbox).list(jobName: side.job)
                let index = -(side.run ?? -1) - 1
                guard index >= 0, index < runs.count else { return nil }
                return Self.value(side.metric, of: runs[index])
            }
            let l = try fetch(left), r = try fetch(right)
            let word = op == "less" ? "less than" : op == "greater" ? "greater than" : "equal to"
            let expected = "\(word) \(r.map(LabCheckSpec.number) ?? "(no run)") (\(right.label))"
            guard let l, let r else {
                return [LabCheckResult(what: left.label, expected: expected, actual: l.map(LabCheckSpec.number) ?? "(no run)", passed: false)]
            }
            let passed = op == "less" ? l < r : op == "greater" ? l > r : abs(l - r) < 1e-9
            return [LabCheckResult(what: left.label, expected: expected, actual: LabCheckSpec.number(l), passed: passed)]
        }
    }
}
