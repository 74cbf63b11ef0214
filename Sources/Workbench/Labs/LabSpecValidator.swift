import Foundation
import GlueEngine
import Yams

/// Validates start states, checks and actions wherever they are written (a lab's `lab.yaml`, a
/// question file's scenarios): exactly one kind per check and action, enum values, times,
/// durations, files beside the \(owner). `at` is the key/index path of the node in the YAML
/// document; errors read `path:line: field.path: message`.
struct LabSpecValidator {
    /// The folder files are relative to.
    let folder: URL
    /// The YAML file (for messages) and its text (for line numbers).
    let path: String
    let text: String
    /// What files sit beside, in messages ("no file 'x' beside the lab").
    var owner = "lab"

    func validate(_ start: LabStart, _ at: [Any], scriptNames: Set<String>) throws {
        try time(start.clock, at + ["clock"])
        for (i, o) in (start.objects ?? []).enumerated() { try object(o, at + ["objects", i]) }
        for (i, j) in (start.jobs ?? []).enumerated() {
            guard let script = j.script else { try fail(at + ["jobs", i], "a job needs a script") }
            if !scriptNames.contains(script) { try fail(at + ["jobs", i, "script"], "'\(script)' is not one of the scripts") }
            try job(j, at + ["jobs", i])
        }
        for (i, r) in (start.runs ?? []).enumerated() { try run(r, at + ["runs", i]) }
        for (i, t) in (start.catalogTables ?? []).enumerated() {
            if !["csv", "json", "parquet"].contains(t.format) { try fail(at + ["catalogTables", i, "format"], "'\(t.format)' is not csv, json or parquet") }
            if !t.location.hasPrefix("s3://") { try fail(at + ["catalogTables", i, "location"], "'\(t.location)' is not an s3:// URI") }
            do { _ = try CatalogTableOptions.parse(LabEngine.tableTokens(t)).newTable() } catch {
                try fail(at + ["catalogTables", i], LabSpecValidator.reason(error))
            }
        }
        let topics = Set((start.topics ?? []).map(\.name))
        for (i, m) in (start.messages ?? []).enumerated() {
            guard let topic = m.topic else { try fail(at + ["messages", i], "a start-state message needs a topic") }
            if !topics.contains(topic) { try fail(at + ["messages", i, "topic"], "'\(topic)' is not one of the start state's topics") }
            if let t = m.timestamp { try time(t, at + ["messages", i, "timestamp"]) }
        }
        for (i, c) in (start.crawlers ?? []).enumerated() {
            if !c.path.hasPrefix("s3://") { try fail(at + ["crawlers", i, "path"], "'\(c.path)' is not an s3:// URI") }
            try oneOf(c.updateBehavior, CrawlerDefinition.UpdateBehavior.allCases.map(\.rawValue), at + ["crawlers", i, "updateBehavior"])
            try oneOf(c.deleteBehavior, CrawlerDefinition.DeleteBehavior.allCases.map(\.rawValue), at + ["crawlers", i, "deleteBehavior"])
        }
    }

    func validate(_ check: LabCheckSpec, _ at: [Any]) throws {
        if check.kindCount != 1 {
            try fail(at, "a check has exactly one kind (\(LabCheckSpec.kinds.joined(separator: ", "))), not \(check.kindCount)")
        }
        if let r = check.rows {
            if r.count == nil && r.distinctCount == nil && r.nullCount == nil { try fail(at + ["rows"], "a rows check needs a count, distinctCount or nullCount") }
            if (r.distinct == nil) != (r.distinctCount == nil) { try fail(at + ["rows"], "distinct and distinctCount go together") }
            if (r.nulls == nil) != (r.nullCount == nil) { try fail(at + ["rows"], "nulls and nullCount go together") }
        }
        if let r = check.schema, r.field == nil || r.type == nil { try fail(at + ["schema"], "a schema check needs a field and a type") }
        if let b = check.bookmark, (b.contexts ?? []).isEmpty && (b.absent ?? []).isEmpty {
            try fail(at + ["bookmark"], "a bookmark check needs contexts or absent")
        }
        if let r = check.lastRun {
            try oneOf(r.status, RunStatus.allCases.map(\.rawValue), at + ["lastRun", "status"])
            try oneOf(r.executionClass, ["STANDARD", "FLEX"], at + ["lastRun", "executionClass"])
        }
        if let c = check.checkpoint, c.batches == nil && c.offsets == nil { try fail(at + ["checkpoint"], "a checkpoint check needs batches or offsets") }
        if let c = check.compare {
            try oneOf(c.op, LabCheckSpec.Compare.ops, at + ["compare", "op"])
            for (side, s) in [("left", c.left), ("right", c.right)] {
                try oneOf(s.metric, LabCheckSpec.Compare.metrics, at + ["compare", side, "metric"])
                if let r = s.run, r >= 0 { try fail(at + ["compare", side, "run"], "a run index counts from the end: -1 is the last, not \(r)") }
            }
        }
        if let j = check.job {
            try oneOf(j.type, JobType.allCases.map(\.rawValue), at + ["job", "type"])
            try oneOf(j.executionClass, ["STANDARD", "FLEX"], at + ["job", "executionClass"])
        }
    }

    func validate(_ action: LabAction, _ at: [Any], scriptNames: Set<String>) throws {
        if action.kindCount != 1 { try fail(at, "an action has exactly one of \(LabAction.kinds.joined(separator: ", ")), not \(action.kindCount)") }
        let lenient = action.expectError == true  // an action meant to fail may carry a bad value on purpose
        if let e = action.editScript {
            try file(e.from, at + ["editScript", "from"])
            if !scriptNames.contains(e.script) { try fail(at + ["editScript", "script"], "'\(e.script)' is not one of the scripts") }
        }
        if let p = action.putObject { try object(p, at + ["putObject"]) }
        if let d = action.advanceClock, Timestamps.parseDuration(d) == nil { try fail(at + ["advanceClock"], "'\(d)' is not a duration (1h, 30m)") }
        if let t = action.setClock { try time(t, at + ["setClock"]) }
        if let d = action.deleteObjects, !d.prefix.hasPrefix("s3://") { try fail(at + ["deleteObjects", "prefix"], "'\(d.prefix)' is not an s3:// URI") }
        if let r = action.run { try run(r, at + ["run"]) }
        if let p = action.produce {
            if p.messages.isEmpty { try fail(at + ["produce", "messages"], "produce needs at least one message") }
            for (i, m) in p.messages.enumerated() { if let t = m.timestamp { try time(t, at + ["produce", "messages", i, "timestamp"]) } }
        }
        for (key, j) in [("createJob", action.createJob), ("updateJob", action.updateJob)] {
            guard let j else { continue }
            if key == "createJob", j.script == nil, !lenient { try fail(at + [key], "createJob needs a script") }
            if let s = j.script, !scriptNames.contains(s) { try fail(at + [key, "script"], "'\(s)' is not one of the scripts") }
            if !lenient { try job(j, at + [key]) }
        }
    }

    /// The job's settings parse as `gluelab job create` parses them (enum names; not Glue's
    /// combination rules, which a `createJob` with `expectError` may break on purpose).
    func job(_ j: LabJob, _ at: [Any]) throws {
        do {
            var d = JobDefinition(name: j.name, command: JobCommand(scriptLocation: "x.py"))
            try JobSettingsOptions.parse(LabEngine.jobTokens(j, scriptPath: nil)).apply(to: &d)
        } catch {
            try fail(at, LabSpecValidator.reason(error))
        }
    }

    func run(_ r: LabRun, _ at: [Any]) throws {
        if let t = r.at { try time(t, at + ["at"]) }
        if let n = r.interruptAfterBatches, n < 1 { try fail(at + ["interruptAfterBatches"], "at least 1 micro-batch, not \(n)") }
    }

    func object(_ o: LabObject, _ at: [Any]) throws {
        if !o.uri.hasPrefix("s3://") { try fail(at + ["uri"], "'\(o.uri)' is not an s3:// URI") }
        try file(o.file, at + ["file"])
        try time(o.lastModified, at + ["lastModified"])
    }

    func oneOf(_ value: String?, _ allowed: [String], _ at: [Any]) throws {
        if let value, !allowed.contains(value) { try fail(at, "'\(value)' is not one of \(allowed.joined(separator: ", "))") }
    }

    func file(_ relative: String, _ at: [Any]) throws {
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path) {
            try fail(at, "no file '\(relative)' beside the \(owner)")
        }
    }

    func time(_ text: String, _ at: [Any]) throws {
        if Timestamps.parseISO8601(text) == nil { try fail(at, "'\(text)' is not an ISO-8601 time (2024-03-01T09:30:00Z)") }
    }

    static func reason(_ error: any Error) -> String {
        if error is EngineError || error is WorkbenchError { return "\(error)" }
        return JobSettingsOptions.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
    }

    func fail(_ at: [Any], _ message: String) throws -> Never {
        let keys = at.map { $0 as? String }
        let indexes = at.map { $0 as? Int }
        let field = zip(keys, indexes).map { k, i in i.map { "[\($0)]" } ?? ".\(k ?? "")" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        let line = Self.line(of: keys.map { $0 ?? "" }, indexes, in: text)
        throw WorkbenchError.file(path: line.map { "\(path):\($0)" } ?? path, reason: "\(field): \(message)")
    }

    /// The 1-based line of the node at a key/index path (the deepest one found).
    static func line(of keys: [String], _ indexes: [Int?], in text: String) -> Int? {
        guard var node = try? Yams.compose(yaml: text) else { return nil }
        var line = node.mark?.line
        for (key, index) in zip(keys, indexes) {
            let next: Node? = if let index { node.sequence.flatMap { index < $0.count ? $0[index] : nil } } else { node.mapping?[key] }
            guard let next else { break }
            node = next
            line = node.mark?.line ?? line
        }
        return line
    }
}
