import Foundation
import GlueEngine

/// Checks what decoding cannot: unique kebab-case ids, ranges, options and answers, rubrics,
/// scenarios (start state, one run per option, files beside the bank), references, labs.
/// Every problem names the file, the line and the field.
public struct QuestionValidator {
    public let bank: QuestionBank
    /// The ids of the labs, when the labs folder was found (`lab` must name one).
    public let labIds: Set<String>?

    public init(bank: QuestionBank, labIds: Set<String>?) {
        self.bank = bank
        self.labIds = labIds
    }

    /// Every problem of the question files (not the coverage file: see `coverageProblems`).
    public func problems() -> [QuestionProblem] {
        var out: [QuestionProblem] = []
        var firstPlace: [String: String] = [:]
        for file in bank.files {
            for (i, q) in file.questions.enumerated() {
                let at: [Any] = ["questions", i]
                let place = file.yaml.location(at + ["id"])
                if let other = firstPlace[q.id] {
                    out.append(QuestionProblem(location: place, message: "id: '\(q.id)' is used twice (also at \(other))"))
                } else {
                    firstPlace[q.id] = place
                }
                out += QuestionCheck(question: q, yaml: file.yaml, at: at, root: bank.root, labIds: labIds).problems()
            }
        }
        return out
    }

    /// Problems of the coverage file: missing (when there are questions), or a claim with fewer
    /// than two existing questions.
    public func coverageProblems() -> [QuestionProblem] {
        if bank.coverage == nil && bank.coverageText == nil && bank.questions.isEmpty { return [] }
        guard let coverage = bank.coverage, let text = bank.coverageText else {
            return [QuestionProblem(location: bank.coveragePath, message: "no coverage file (claims of the seed text and the questions covering each)")]
        }
        return coverage.problems(path: bank.coveragePath, text: text, questionIds: Set(bank.questions.map(\.id)))
    }

    /// Lower-case letters and digits in words joined by single `-`.
    static func isKebab(_ id: String) -> Bool {
        let words = id.split(separator: "-", omittingEmptySubsequences: false)
        return !id.isEmpty && words.allSatisfy { w in !w.isEmpty && w.allSatisfy { ($0.isLowercase || $0.isNumber) && $0.isASCII } }
    }
}

/// The checks of one question.
struct QuestionCheck {
    let question: Question
    let yaml: YAMLSource
    let at: [Any]
    let root: URL
    let labIds: Set<String>?

    func problems() -> [QuestionProblem] {
        var out: [QuestionProblem] = []
        func add(_ field: [Any], _ message: String) { out.append(QuestionProblem(yaml.error(at + field, message))) }
        let q = question
        if !QuestionValidator.isKebab(q.id) { add(["id"], "'\(q.id)' is not a kebab-case id (lower-case words joined by '-')") }
        if q.topic.isEmpty { add(["topic"], "a question needs a topic") }
        if !(1...4).contains(q.domain) { add(["domain"], "an exam domain is 1 to 4, not \(q.domain)") }
        if !(1...3).contains(q.difficulty) { add(["difficulty"], "a difficulty is 1 to 3, not \(q.difficulty)") }
        if q.stem.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(["stem"], "the stem is empty") }
        if q.references.isEmpty { add(["references"], "a question needs at least one reference (seed or url)") }
        for (i, r) in q.references.enumerated() where (r.seed ?? "").isEmpty && (r.url ?? "").isEmpty {
            add(["references", i], "a reference needs a seed place or a url")
        }
        if let lab = q.lab, let labIds, !labIds.contains(lab) {
            add(["lab"], "no lab '\(lab)' (labs: \(labIds.sorted().joined(separator: ", ")))")
        }
        if q.type == .reflection { reflection(add) } else { choice(add) }
        if q.type == .scenario { scenario(add) } else {
            if q.scenario != nil { add(["scenario"], "only a scenario question has a scenario") }
            for (i, o) in (q.options ?? []).enumerated() where o.run != nil { add(["options", i, "run"], "only a scenario question's options have a run") }
        }
        return out
    }

    func choice(_ add: ([Any], String) -> Void) {
        let q = question
        let options = q.options ?? []
        if options.count < 2 { add(["options"], "a \(q.type.rawValue) question needs at least two options, not \(options.count)") }
        let keys = options.indices.map { String(UnicodeScalar(UInt8(65 + min($0, 25)))) }
        for (i, o) in options.enumerated() {
            if o.key != keys[i] { add(["options", i, "key"], "option \(i + 1) is keyed '\(keys[i])', not '\(o.key)' (A, B, C... in order)") }
            if o.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(["options", i, "text"], "option \(o.key) has no text") }
            if o.explanation.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(["options", i, "explanation"], "option \(o.key) has no explanation") }
        }
        guard let answer = q.answer, !answer.isEmpty else { add(["answer"], "a \(q.type.rawValue) question needs an answer"); return }
        for (i, a) in answer.enumerated() where !keys.contains(a) { add(["answer", i], "'\(a)' is not an option key (\(keys.joined(separator: ", ")))") }
        if Set(answer).count != answer.count { add(["answer"], "an answer key is given twice") }
        if q.pass != nil { add(["pass"], "only a reflection question has a pass count") }
        if q.rubric != nil { add(["rubric"], "only a reflection question has a rubric") }
        if q.modelAnswer != nil { add(["modelAnswer"], "only a reflection question has a model answer") }
        switch q.type {
        case .multiple:
            if answer.count < 2 { add(["answer"], "a multiple question has at least two answers (else make it single)") }
            if q.choose != answer.count { add(["choose"], "choose must be the answer count \(answer.count), not \(q.choose.map(String.init) ?? "absent")") }
        default:
            if let n = q.choose {
                if n != answer.count { add(["choose"], "choose must be the answer count \(answer.count), not \(n)") }
            } else if answer.count != 1 {
                add(["answer"], "a \(q.type.rawValue) question has one answer unless choose is set, not \(answer.count)")
            }
        }
    }

    func reflection(_ add: ([Any], String) -> Void) {
        let q = question
        if q.options != nil { add(["options"], "a reflection question has no options") }
        if q.answer != nil { add(["answer"], "a reflection question has no answer keys (its rubric grades the text)") }
        if q.choose != nil { add(["choose"], "a reflection question has no choose") }
        let rubric = q.rubric ?? []
        if rubric.isEmpty { add(["rubric"], "a reflection question needs a rubric of at least one idea") }
        for (i, idea) in rubric.enumerated() {
            if idea.idea.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(["rubric", i, "idea"], "the idea is empty") }
            if idea.any.filter({ !$0.trimmingCharacters(in: .whitespaces).isEmpty }).isEmpty { add(["rubric", i, "any"], "an idea needs at least one phrase") }
        }
        if (q.modelAnswer ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(["modelAnswer"], "a reflection question needs a model answer") }
        if let p = q.pass, p < 1 || p > rubric.count { add(["pass"], "pass is 1 to the idea count \(rubric.count), not \(p)") }
    }

    func scenario(_ add: ([Any], String) -> Void) {
        let q = question
        guard let s = q.scenario else { add(["scenario"], "a scenario question needs a scenario (start state, and a run per option)"); return }
        if q.id.count > 59 { add(["id"], "a scenario question's id is at most 59 characters (its sandboxes are q-<id>-<key>), not \(q.id.count)") }
        for (i, script) in (s.scripts ?? []).enumerated() { file(script, ["scenario", "scripts", i], add) }
        let scriptNames = Set((s.scripts ?? []).map { ($0 as NSString).lastPathComponent })
        time(s.start.clock, ["scenario", "start", "clock"], add)
        for (i, o) in (s.start.objects ?? []).enumerated() { object(o, ["scenario", "start", "objects", i], add) }
        for (i, j) in (s.start.jobs ?? []).enumerated() where !scriptNames.contains(j.script) {
            add(["scenario", "start", "jobs", i, "script"], "'\(j.script)' is not one of the scenario's scripts")
        }
        for (i, r) in (s.start.runs ?? []).enumerated() { if let t = r.at { time(t, ["scenario", "start", "runs", i, "at"], add) } }
        for (i, o) in (q.options ?? []).enumerated() {
            guard let run = o.run else { add(["options", i], "every option of a scenario question needs a run (actions and expect)"); continue }
            if run.expect.isEmpty { add(["options", i, "run", "expect"], "option \(o.key) observes nothing: expect needs at least one check") }
            for (c, check) in run.expect.enumerated() where check.kindCount != 1 {
                add(["options", i, "run", "expect", c], "a check has exactly one kind (\(LabCheckSpec.kinds.joined(separator: ", "))), not \(check.kindCount)")
            }
            for (a, action) in run.actions.enumerated() {
                let where_: [Any] = ["options", i, "run", "actions", a]
                if action.fieldCount != 1 { add(where_, "an action has exactly one kind, not \(action.fieldCount)") }
                if let e = action.editScript {
                    file(e.from, where_ + ["editScript", "from"], add)
                    if !scriptNames.contains(e.script) { add(where_ + ["editScript", "script"], "'\(e.script)' is not one of the scenario's scripts") }
                }
                if let p = action.putObject { object(p, where_ + ["putObject"], add) }
                if let d = action.advanceClock, Timestamps.parseDuration(d) == nil { add(where_ + ["advanceClock"], "'\(d)' is not a duration (1h, 30m)") }
            }
        }
    }

    func object(_ o: LabObject, _ field: [Any], _ add: ([Any], String) -> Void) {
        if !o.uri.hasPrefix("s3://") { add(field + ["uri"], "'\(o.uri)' is not an s3:// URI") }
        file(o.file, field + ["file"], add)
        time(o.lastModified, field + ["lastModified"], add)
    }

    func file(_ relative: String, _ field: [Any], _ add: ([Any], String) -> Void) {
        if !FileManager.default.fileExists(atPath: root.appendingPathComponent(relative).path) {
            add(field, "no file '\(relative)' in \(root.lastPathComponent)/")
        }
    }

    func time(_ text: String, _ field: [Any], _ add: ([Any], String) -> Void) {
        if Timestamps.parseISO8601(text) == nil { add(field, "'\(text)' is not an ISO-8601 time (2024-03-01T09:30:00Z)") }
    }
}
