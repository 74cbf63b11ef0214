import Foundation
import GlueEngine

/// How a finished run prints: a few lines for people, or `run-info`'s JSON (which holds
/// `runId`, `status`, `sources` with `transformationContext` / `objectsRead` / `recordsRead` /
/// `bytesRead`, `sinks` with `recordsWritten`, `errorsCount` and `cost`).
enum RunReport {
    static func json(_ r: RunRecord) -> DynamicRecord {
        JobRender.run(r)
    }

    /// ```
    /// run jr_3f2a… of job nightly: SUCCEEDED (bookmark: job-bookmark-enable)
    ///   read   orders  s3 incremental  3 objects, 1204 records, 58.1 KB
    ///   wrote  sink    s3://lake/orders/  2 objects, 1200 records
    ///   errors 0
    ///   bookmark  version 1 → 2, run 1 → 2
    ///   AWS Glue: 10 DPU × 60 s billed = 0.1667 DPU-hours → $0.07 (STANDARD at $0.44/DPU-hour); Flex $0.05
    /// ```
    static func lines(_ r: RunRecord) -> [String] {
        var out = ["run \(r.runId) of job \(r.jobName): \(r.status.rawValue) (\(r.bookmarkOption.rawValue))"]
        if let message = r.errorMessage { out.append("  error  \(message)") }
        var rows: [[String]] = []
        for s in r.sources {
            var what = "\(count(s.objectsRead, "object")), \(count(s.recordsRead, "record")), \(Render.size(s.bytesRead))"
            if s.connectionType == "kafka" {
                what = "\(count(s.objectsRead, "micro-batch", "micro-batches")), \(count(s.recordsRead, "record"))"
            } else if s.connectionType != "s3" {
                what = count(s.recordsRead, "record")
            }
            if s.objectsLeft > 0 { what += " (\(s.objectsLeft) left for later runs)" }
            if let matched = s.partitionsMatched, let total = s.partitionsTotal {
                what += " from \(matched) of \(count(total, "partition"))"
            }
            let source = s.catalogTable.map { "catalog \($0)" } ?? "\(s.connectionType) \(s.paths.joined(separator: ","))"
            rows.append(["  read", s.transformationContext ?? "(no transformation_ctx)", "\(source) \(s.bookmarkPlan)", what])
        }
        for s in r.sinks {
            if let note = s.catalogNote { out.append("  note   \(note)") }
            var what = s.connectionType == "s3" ? "\(count(s.objectsWritten, "object")), \(count(s.recordsWritten, "record"))"
                                                : count(s.recordsWritten, "record")
            if let table = s.catalogTable {
                what += "; catalog \(table): +\(count(s.partitionsAdded ?? 0, "partition"))"
                if let v = s.catalogTableVersion { what += ", table version \(v)" }
            }
            rows.append(["  wrote", s.transformationContext ?? "(no transformation_ctx)", "\(s.connectionType) \(s.path)", what])
        }
        out += JobRender.table(rows)
        out.append("  errors \(r.errorsCount)")
        if r.bookmarkOption != .enable, r.jobInitialized {
            out.append("  bookmark not updated (\(r.bookmarkOption.rawValue))")
        } else if let before = r.bookmarkBefore, let after = r.bookmarkAfter {
            if before.version == after.version {
                out.append("  bookmark unchanged (version \(after.version), run \(after.run))" + (r.committed ? "" : ": job.commit() was not reached"))
            } else {
                out.append("  bookmark version \(before.version) → \(after.version), run \(before.run) → \(after.run)")
            }
        } else if !r.jobInitialized {
            out.append("  bookmark not used: the script never called job.init()")
        }
        if let cost = r.cost {
            var line = "  AWS Glue: \(cost.description)"
            if let flex = cost.flexUSD, cost.executionClass != .flex { line += "; Flex \(Pricing.usd(flex))" }
            out.append(line)
        }
        return out
    }

    /// `1 record`, `3 records`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) \(n == 1 ? singular : plural ?? singular + "s")"
    }
}
