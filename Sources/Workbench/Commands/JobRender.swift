import Foundation
import GlueEngine

/// How jobs, runs and bookmarks print: JSON with AWS's field names where AWS has the object
/// (`GetJob`'s `Job`, `JobBookmarkEntry`), gluelab's camelCase names for run history.
enum JobRender {
    /// A job as `GetJob` returns its `Job` (times as ISO text).
    static func job(_ j: JobDefinition) -> DynamicRecord {
        var command = DynamicRecord([("Name", .string(j.command.name.rawValue)), ("ScriptLocation", .string(j.command.scriptLocation))])
        if let v = j.command.pythonVersion { command["PythonVersion"] = .string(v) }
        var r = DynamicRecord([("Name", .string(j.name))])
        if let d = j.description { r["Description"] = .string(d) }
        if let role = j.role { r["Role"] = .string(role) }
        r["CreatedOn"] = .string(Timestamps.format(j.createdOn))
        r["LastModifiedOn"] = .string(Timestamps.format(j.lastModifiedOn))
        r["ExecutionProperty"] = .structure(DynamicRecord([("MaxConcurrentRuns", .long(Int64(j.maxConcurrentRuns)))]))
        r["Command"] = .structure(command)
        r["DefaultArguments"] = .structure(strings(j.defaultArguments))
        r["Timeout"] = .long(Int64(j.timeout))
        if let w = j.workerType { r["WorkerType"] = .string(w.rawValue) }
        if let n = j.numberOfWorkers { r["NumberOfWorkers"] = .long(Int64(n)) }
        if let m = j.maxCapacity { r["MaxCapacity"] = .double(m) }
        r["GlueVersion"] = .string(j.glueVersion.rawValue)
        r["ExecutionClass"] = .string(j.executionClass.rawValue)
        return r
    }

    /// `GetJobBookmark`'s `JobBookmarkEntry`.
    static func entry(_ e: JobBookmarkEntry) -> DynamicRecord {
        var r = DynamicRecord([("JobName", .string(e.jobName)), ("Version", .long(Int64(e.version))),
                               ("Run", .long(Int64(e.run))), ("Attempt", .long(Int64(e.attempt)))])
        r["PreviousRunId"] = e.previousRunId.map { .string($0) } ?? .null
        r["RunId"] = e.runId.map { .string($0) } ?? .null
        r["JobBookmark"] = .string(e.jobBookmark)
        return r
    }

    /// The entry as text lines.
    static func entryLines(_ e: JobBookmarkEntry) -> [String] {
        ["JobName: \(e.jobName)", "Version: \(e.version)", "Run: \(e.run)", "Attempt: \(e.attempt)",
         "RunId: \(e.runId ?? "-")", "PreviousRunId: \(e.previousRunId ?? "-")", "JobBookmark: \(e.jobBookmark)"]
    }

    /// One `gluelab runs --json` line.
    static func runSummary(_ r: RunRecord) -> DynamicRecord {
        DynamicRecord([
            ("runId", .string(r.runId)), ("jobName", .string(r.jobName)), ("status", .string(r.status.rawValue)),
            ("startedOn", .string(Timestamps.format(r.startedOn))), ("executionTime", .long(Int64(r.executionTime))),
            ("attempt", .long(Int64(r.attempt))), ("objectsRead", .long(Int64(r.objectsRead))),
            ("recordsRead", .long(Int64(r.recordsRead))), ("recordsWritten", .long(Int64(r.recordsWritten))),
            ("errorsCount", .long(Int64(r.errorsCount))),
            ("costUSD", r.cost.map { .double(CostCommand.cents($0.chargedUSD)) } ?? .null),
        ])
    }

    /// `gluelab run-info --json`: everything in the record.
    static func run(_ r: RunRecord) -> DynamicRecord {
        var out = runSummary(r)
        out["completedOn"] = r.completedOn.map { .string(Timestamps.format($0)) } ?? .null
        out["errorMessage"] = r.errorMessage.map { .string($0) } ?? .null
        out["arguments"] = .structure(strings(r.arguments))
        out["bookmarkOption"] = .string(r.bookmarkOption.rawValue)
        out["bookmarkRange"] = r.bookmarkRange.map {
            .structure(DynamicRecord([("from", .string($0.fromRunId)), ("to", .string($0.toRunId))]))
        } ?? .null
        out["jobInitialized"] = .boolean(r.jobInitialized)
        out["committed"] = .boolean(r.committed)
        out["sources"] = .array(r.sources.map { .structure(source($0)) })
        out["sinks"] = .array(r.sinks.map { .structure(sink($0)) })
        out["bookmarkBefore"] = r.bookmarkBefore.map { .structure(entry($0)) } ?? .null
        out["bookmarkAfter"] = r.bookmarkAfter.map { .structure(entry($0)) } ?? .null
        out["capacity"] = .structure(capacity(r.capacity))
        out["cost"] = r.cost.map { .structure(cost($0)) } ?? .null
        out["pid"] = .long(Int64(r.pid))
        return out
    }

    static func source(_ s: SourceStats) -> DynamicRecord {
        var r = DynamicRecord([
            ("transformationContext", s.transformationContext.map { .string($0) } ?? .null),
            ("connectionType", .string(s.connectionType)), ("paths", .array(s.paths.map { .string($0) })),
            ("format", s.format.map { .string($0) } ?? .null), ("bookmarkPlan", .string(s.bookmarkPlan)),
            ("objectsRead", .long(Int64(s.objectsRead))), ("recordsRead", .long(Int64(s.recordsRead))),
            ("bytesRead", .long(s.bytesRead)), ("errors", .long(Int64(s.errors))),
            ("objectsLeft", .long(Int64(s.objectsLeft))), ("groupFiles", s.groupFiles.map { .string($0) } ?? .null),
            ("groupSize", s.groupSize.map { .long($0) } ?? .null), ("objects", .array(s.objects.map { .string($0) })),
        ])
        if let t = s.catalogTable { r["catalogTable"] = .string(t) }
        if let p = s.pushDownPredicate { r["pushDownPredicate"] = .string(p) }
        if let n = s.partitionsTotal { r["partitionsTotal"] = .long(Int64(n)) }
        if let n = s.partitionsMatched { r["partitionsMatched"] = .long(Int64(n)) }
        return r
    }

    static func sink(_ s: SinkStats) -> DynamicRecord {
        var r = DynamicRecord([
            ("transformationContext", s.transformationContext.map { .string($0) } ?? .null),
            ("connectionType", .string(s.connectionType)), ("path", .string(s.path)), ("format", .string(s.format)),
            ("objectsWritten", .long(Int64(s.objectsWritten))), ("recordsWritten", .long(Int64(s.recordsWritten))),
            ("bytesWritten", .long(s.bytesWritten)), ("objects", .array(s.objects.map { .string($0) })),
        ])
        if let t = s.catalogTable { r["catalogTable"] = .string(t) }
        if let n = s.partitionsAdded { r["partitionsAdded"] = .long(Int64(n)) }
        if let v = s.catalogTableVersion { r["catalogTableVersion"] = .long(Int64(v)) }
        if let note = s.catalogNote { r["catalogNote"] = .string(note) }
        return r
    }

    static func capacity(_ c: ResolvedCapacity) -> DynamicRecord {
        DynamicRecord([
            ("command", .string(c.jobType.rawValue)), ("glueVersion", .string(c.glueVersion.rawValue)),
            ("workerType", c.workerType.map { .string($0.rawValue) } ?? .null),
            ("numberOfWorkers", c.workers.map { .long(Int64($0)) } ?? .null), ("dpu", .double(c.maxDPU)),
            ("executionClass", .string(c.executionClass.rawValue)), ("autoScaling", .boolean(c.autoScaling)),
            ("timeout", .long(Int64(c.settings.timeoutMinutes))),
        ])
    }

    static func cost(_ c: CostEstimate) -> DynamicRecord {
        DynamicRecord([
            ("dpu", .double(c.dpu)), ("runSeconds", .double((c.runSeconds * 10).rounded() / 10)),
            ("billedSeconds", .double(c.billedSeconds)), ("dpuHours", .double(c.dpuHours)),
            ("standardUSD", .double(CostCommand.cents(c.standardUSD))),
            ("flexUSD", c.flexUSD.map { .double(CostCommand.cents($0)) } ?? .null),
            ("executionClass", .string(c.executionClass.rawValue)), ("chargedUSD", .double(CostCommand.cents(c.chargedUSD))),
            ("assumptions", .array(c.assumptions.map { .string($0) })),
        ])
    }

    /// A string map as a record with sorted keys.
    static func strings(_ map: [String: String]) -> DynamicRecord {
        DynamicRecord(map.keys.sorted().map { ($0, .string(map[$0] ?? "")) })
    }

    /// A job's capacity in a few words: `G.1X × 10`, `MaxCapacity 0.0625`.
    /// Defaults applied (a glueetl job naming none gets the console's G.1X × 10).
    static func capacityText(_ j: JobDefinition) -> String {
        guard let c = try? j.capacity(arguments: JobDefinition.strip(j.defaultArguments)).validated() else { return "invalid" }
        if let w = c.workerType { return "\(w.rawValue) × \(c.workers ?? 0)" }
        return "MaxCapacity \(c.maxDPU == c.maxDPU.rounded() ? String(Int(c.maxDPU)) : String(c.maxDPU))"
    }

    /// Lays out rows in columns separated by two spaces (the last column unpadded), fitted to
    /// `width` columns when given (the terminal's, or `$COLUMNS`; no limit on a pipe): while the
    /// table is too wide, the widest column is narrowed and its cells cut with `…`. A first row
    /// of capitals (`NAME`, `STATE`...) is a header, bold where colour is on.
    static func table(_ rows: [[String]], width: Int? = Terminal.outputWidth) -> [String] {
        guard let count = rows.first?.count else { return [] }
        var widths = Array(repeating: 0, count: count)
        for row in rows { for (i, cell) in row.enumerated() where i < count { widths[i] = max(widths[i], DisplayWidth.of(cell)) } }
        if let width {
            let minimum = 4
            while widths.reduce(0, +) + 2 * (count - 1) > width {
                guard let widest = widths.indices.max(by: { widths[$0] < widths[$1] }), widths[widest] > minimum else { break }
                widths[widest] -= 1
            }
        }
        let header = rows.count > 1 && rows[0].allSatisfy { !$0.isEmpty && $0 == $0.uppercased() && $0.contains(where: \.isLetter) }
        let bold = header && Terminal.colorEnabled(for: STDOUT_FILENO)
        return rows.enumerated().map { r, row in
            let line = row.enumerated().map { i, cell in
                let fitted = i < count ? DisplayWidth.truncate(cell, to: widths[i]) : cell
                return i == row.count - 1 ? fitted : DisplayWidth.pad(fitted, to: widths[i])
            }.joined(separator: "  ")
            return r == 0 && bold ? Style.bold.apply(line, enabled: true) : line
        }
    }
}
