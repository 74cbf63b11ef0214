import Foundation

/// Text for learners: a question as asked, the feedback on an answer, a reflection's rubric and
/// model answer, and a scenario's outcomes side by side. Every function returns whole lines
/// (ending in a newline); colour only when `color` is set.
public struct QuestionFeedback: Sendable {
    /// Whether to use ANSI colour.
    public var color: Bool

    public init(color: Bool = false) { self.color = color }

    func style(_ s: Style, _ text: String) -> String { s.apply(text, enabled: color) }

    /// The question as asked: a header line, the stem, the options and what to answer.
    public func question(_ q: Question, position: String? = nil) -> String {
        var out = style(.dim, header(q, position: position)) + "\n\n"
        out += q.stem.trimmingCharacters(in: .whitespacesAndNewlines) + "\n"
        if let options = q.options {
            out += "\n"
            for o in options { out += "  \(style(.bold, o.key + ".")) \(indented(o.text, by: 5, first: false))\n" }
        }
        out += "\n" + instruction(q) + "\n"
        return out
    }

    /// `id · topic · domain N (task) · difficulty D · type`.
    public func header(_ q: Question, position: String? = nil) -> String {
        let type = switch q.type {
        case .single: "single choice"
        case .multiple: "multiple choice"
        case .scenario: "scenario"
        case .reflection: "reflection"
        }
        let task = q.task.map { ", task \($0)" } ?? ""
        return [position, q.id, q.topic, "domain \(q.domain)\(task)", "difficulty \(q.difficulty)", type].compactMap { $0 }.joined(separator: " · ")
    }

    /// What the learner is asked to give.
    public func instruction(_ q: Question) -> String {
        switch q.type {
        case .reflection: return "Answer in your own words."
        case .multiple: return "Choose \(q.choose ?? 2)."
        case .single: return "Choose one."
        case .scenario:
            let n = (q.choose ?? 1) == 1 ? "one" : "\(q.choose!)"
            return "Choose \(n). Every option runs: after answering, see what yours and the right one do on the engine."
        }
    }

    /// The verdict, every option with its explanation marked right/wrong/your choice, the
    /// misconception note, the references and the related lab.
    public func feedback(_ a: QuestionAnswer) -> String {
        let q = a.question
        if q.type == .reflection { return reflection(a) }
        let answer = (q.answer ?? []).joined(separator: ", ")
        var out = a.correct ? style(.green, "Correct: \(answer).") + "\n"
            : style(.red, "Incorrect: you chose \(a.chosen.joined(separator: ", ")); the answer is \(answer).") + "\n"
        for o in q.options ?? [] {
            let right = (q.answer ?? []).contains(o.key)
            let chosen = a.chosen.contains(o.key)
            let mark = (right ? style(.green, "right") : style(.red, "wrong")) + (chosen ? ", your choice" : "")
            out += "\n  \(style(.bold, o.key + ".")) \(indented(o.text, by: 5, first: false))  [\(mark)]\n"
            out += indented(o.explanation, by: 5) + "\n"
        }
        return out + notes(q)
    }

    /// A reflection answer: the ideas found and missing, the verdict, the model answer.
    public func reflection(_ a: QuestionAnswer) -> String {
        let q = a.question
        guard let grade = a.grade else { return "" }
        let total = grade.matched.count + grade.missing.count
        let needed = q.pass ?? total
        var out = "Your answer has \(grade.matched.count) of \(total) idea(s) (\(needed) needed): "
        out += (grade.correct ? style(.green, "right.") : style(.red, "not yet.")) + "\n\n"
        for idea in grade.matched { out += "  \(style(.green, "found  "))  \(indented(idea.idea, by: 11, first: false))\n" }
        for idea in grade.missing { out += "  \(style(.red, "missing"))  \(indented(idea.idea, by: 11, first: false))\n" }
        out += "\nModel answer:\n" + indented(q.modelAnswer ?? "", by: 2) + "\n"
        return out + notes(q)
    }

    /// The misconception note, the references and the related lab (each only when present).
    public func notes(_ q: Question) -> String {
        var out = ""
        if let m = q.misconception { out += "\n" + style(.yellow, "Misconception:") + "\n" + indented(m, by: 2) + "\n" }
        if !q.references.isEmpty {
            out += "\nReferences:\n"
            for r in q.references {
                let seed = r.seed.map { "seed (reference/seed-glue-etl.txt) \($0)" }
                out += "  " + [seed, r.url].compactMap { $0 }.joined(separator: " · ") + "\n"
            }
        }
        if let lab = q.lab { out += "\nPractise it: gluelab lab start \(lab)\n" }
        return out
    }

    /// Scenario outcomes side by side: one row per check (its `what`), one column per played
    /// option, then where to inspect each sandbox.
    public func outcomes(_ q: Question, _ outcomes: [ScenarioOutcome], chosen: [String]) -> String {
        let answer = Set(q.answer ?? [])
        func title(_ o: ScenarioOutcome) -> String {
            var roles: [String] = []
            if chosen.contains(o.key) { roles.append("your choice") }
            if answer.contains(o.key) { roles.append("the answer") }
            return roles.isEmpty ? o.key : "\(o.key) (\(roles.joined(separator: ", ")))"
        }
        var out = "Played on the engine, each option in its own sandbox:\n"
        if let observe = q.scenario?.observe { out += indented(observe.trimmingCharacters(in: .whitespacesAndNewlines), by: 2) + "\n" }
        var whats: [String] = []
        for o in outcomes { for r in o.results where !whats.contains(r.what) { whats.append(r.what) } }
        var rows: [[String]] = [["observed"] + outcomes.map(title)]
        var differs: [Bool] = [false]
        for what in whats {
            let values = outcomes.map { $0.observed[what] ?? "-" }
            rows.append([what] + values)
            differs.append(Set(values).count > 1)
        }
        let widths = (0..<rows[0].count).map { c in rows.map { $0[c].count }.max() ?? 0 }
        out += "\n"
        for (i, row) in rows.enumerated() {
            let line = row.enumerated().map { c, cell in c == row.count - 1 ? cell : cell.padding(toLength: widths[c], withPad: " ", startingAt: 0) }
                .joined(separator: "   ")
            out += (differs[i] ? "* " : "  ") + (i == 0 ? style(.bold, line) : differs[i] ? style(.yellow, line) : line) + "\n"
        }
        if outcomes.count > 1 && differs.contains(true) { out += "  (* where the options differ)\n" }
        for o in outcomes where o.error != nil { out += "  " + style(.red, "\(o.key): \(o.error!)") + "\n" }
        out += "\nInspect them:\n"
        for o in outcomes { out += "  gluelab runs --sandbox \(o.sandboxName)\n" }
        return out
    }

    /// `text`'s lines indented by `by` spaces (the first line too unless `first` is false).
    func indented(_ text: String, by: Int, first: Bool = true) -> String {
        let pad = String(repeating: " ", count: by)
        let lines = text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n", omittingEmptySubsequences: false)
        return lines.enumerated().map { i, l in (i == 0 && !first) || l.isEmpty ? String(l) : pad + l }.joined(separator: "\n")
    }
}
