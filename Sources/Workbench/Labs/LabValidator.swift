import Foundation
import GlueEngine
import Yams

/// Checks what decoding cannot in a lab: ids, counts, steps, hints; the start state, checks and
/// actions through ``LabSpecValidator``. Errors name the file, the line and the field.
struct LabValidator {
    let lab: LabDefinition
    let folder: URL
    let path: String
    let text: String

    var spec: LabSpecValidator { LabSpecValidator(folder: folder, path: path, text: text) }

    func validate(id: String) throws {
        let spec = self.spec
        if lab.id != id { try spec.fail(["id"], "the id '\(lab.id)' must be the folder's name '\(id)'") }
        if !(1...4).contains(lab.domain) { try spec.fail(["domain"], "an exam domain is 1 to 4, not \(lab.domain)") }
        if lab.steps.isEmpty { try spec.fail(["steps"], "a lab needs at least one step") }
        for script in lab.scripts ?? [] { try spec.file(script, ["scripts"]) }
        let scriptNames = Set((lab.scripts ?? []).map { ($0 as NSString).lastPathComponent })
        try spec.validate(lab.start, ["start"], scriptNames: scriptNames)
        var seen = Set<String>()
        for (s, step) in lab.steps.enumerated() {
            if !seen.insert(step.id).inserted { try spec.fail(["steps", s, "id"], "step id '\(step.id)' is used twice") }
            if step.hints.count > 3 { try spec.fail(["steps", s, "hints"], "at most three hints, not \(step.hints.count)") }
            if step.checks.isEmpty { try spec.fail(["steps", s, "checks"], "a step needs at least one check") }
            for (c, check) in step.checks.enumerated() {
                try spec.validate(check, ["steps", s, "checks", c])
                if check.actionError != nil {
                    try spec.fail(["steps", s, "checks", c, "actionError"],
                                  "a lab step cannot check actionError (a learner's typed command leaves no such state); question scenarios can")
                }
            }
            if step.solution.isEmpty { try spec.fail(["steps", s, "solution"], "a step needs a reference solution") }
            for (a, action) in step.solution.enumerated() { try spec.validate(action, ["steps", s, "solution", a], scriptNames: scriptNames) }
        }
    }

    /// The 1-based line of the node at a key/index path (the deepest one found).
    static func line(of keys: [String], _ indexes: [Int?], in text: String) -> Int? {
        YAMLSource.line(of: keys, indexes, in: text)
    }
}
