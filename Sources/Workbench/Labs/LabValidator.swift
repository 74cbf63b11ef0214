import Foundation
import GlueEngine
import Yams

/// Checks what decoding cannot: ids, counts, files beside the lab, times, one field per
/// check and action. Errors name the file, the line and the field.
struct LabValidator {
    let lab: LabDefinition
    let folder: URL
    let path: String
    let text: String

    func validate(id: String) throws {
        if lab.id != id { try fail(["id"], "the id '\(lab.id)' must be the folder's name '\(id)'") }
        if !(1...4).contains(lab.domain) { try fail(["domain"], "an exam domain is 1 to 4, not \(lab.domain)") }
        if lab.steps.isEmpty { try fail(["steps"], "a lab needs at least one step") }
        try time(lab.start.clock, ["start", "clock"])
        for script in lab.scripts ?? [] { try file(script, ["scripts"]) }
        let scriptNames = Set((lab.scripts ?? []).map { ($0 as NSString).lastPathComponent })
        for (i, o) in (lab.start.objects ?? []).enumerated() { try object(o, ["start", "objects", i]) }
        for (i, j) in (lab.start.jobs ?? []).enumerated() where !scriptNames.contains(j.script) {
            try fail(["start", "jobs", i, "script"], "'\(j.script)' is not one of the lab's scripts")
        }
        for (i, r) in (lab.start.runs ?? []).enumerated() { if let at = r.at { try time(at, ["start", "runs", i, "at"]) } }
        var seen = Set<String>()
        for (s, step) in lab.steps.enumerated() {
            if !seen.insert(step.id).inserted { try fail(["steps", s, "id"], "step id '\(step.id)' is used twice") }
            if step.hints.count > 3 { try fail(["steps", s, "hints"], "at most three hints, not \(step.hints.count)") }
            if step.checks.isEmpty { try fail(["steps", s, "checks"], "a step needs at least one check") }
            for (c, check) in step.checks.enumerated() where check.kindCount != 1 {
                try fail(["steps", s, "checks", c], "a check has exactly one kind (\(LabCheckSpec.kinds.joined(separator: ", "))), not \(check.kindCount)")
            }
            for (c, check) in step.checks.enumerated() {
                if let r = check.rows, r.count == nil { try fail(["steps", s, "checks", c, "rows"], "a rows check needs a count") }
                if let r = check.schema, r.field == nil || r.type == nil { try fail(["steps", s, "checks", c, "schema"], "a schema check needs a field and a type") }
            }
            if step.solution.isEmpty { try fail(["steps", s, "solution"], "a step needs a reference solution") }
            for (a, action) in step.solution.enumerated() {
                let at: [Any] = ["steps", s, "solution", a]
                if action.fieldCount != 1 { try fail(at, "an action has exactly one of editScript, advanceClock, putObject, run") }
                if let e = action.editScript {
                    try file(e.from, at + ["editScript", "from"])
                    if !scriptNames.contains(e.script) { try fail(at + ["editScript", "script"], "'\(e.script)' is not one of the lab's scripts") }
                }
                if let p = action.putObject { try object(p, at + ["putObject"]) }
                if let d = action.advanceClock, Timestamps.parseDuration(d) == nil { try fail(at + ["advanceClock"], "'\(d)' is not a duration (1h, 30m)") }
            }
        }
    }

    func object(_ o: LabObject, _ at: [Any]) throws {
        if !o.uri.hasPrefix("s3://") { try fail(at + ["uri"], "'\(o.uri)' is not an s3:// URI") }
        try file(o.file, at + ["file"])
        try time(o.lastModified, at + ["lastModified"])
    }

    func file(_ relative: String, _ at: [Any]) throws {
        if !FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path) {
            try fail(at, "no file '\(relative)' beside the lab")
        }
    }

    func time(_ text: String, _ at: [Any]) throws {
        if Timestamps.parseISO8601(text) == nil { try fail(at, "'\(text)' is not an ISO-8601 time (2024-03-01T09:30:00Z)") }
    }

    func fail(_ at: [Any], _ message: String) throws -> Never {
        try YAMLSource(path: path, text: text).fail(at, message)
    }

    /// The 1-based line of the node at a key/index path (the deepest one found).
    static func line(of keys: [String], _ indexes: [Int?], in text: String) -> Int? {
        YAMLSource.line(of: keys, indexes, in: text)
    }
}
