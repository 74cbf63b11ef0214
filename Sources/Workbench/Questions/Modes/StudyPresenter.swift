import Foundation

/// How the study modes show a question, the feedback on an answer, and a scenario option played
/// on the engine. The modes only decide what to show when; the text comes from here.
protocol StudyPresenter {
    /// The question: stem and options, under `header` (`Question 3/10 · bookmarks`).
    func question(_ q: Question, header: String) -> String
    /// Right or wrong, the right answer, and why each option is right or wrong.
    func feedback(_ q: Question, keys: [String]) -> String
    /// A reflection answer against the rubric, then the model answer.
    func feedback(_ q: Question, text: String) -> (text: String, correct: Bool)
    /// Plays option `key` of a scenario question on a fresh sandbox and tells what was observed.
    func play(_ q: Question, option key: String) throws -> String
}

/// The plain text presenter used until the question engine's renderer is wired in.
struct PlainStudyPresenter: StudyPresenter {
    func question(_ q: Question, header: String) -> String {
        var lines = [header, q.stem.trimmingCharacters(in: .whitespacesAndNewlines)]
        if let choose = q.choose, choose > 1 { lines.append("(choose \(choose))") }
        for o in q.options ?? [] { lines.append("  \(o.key). \(o.text)") }
        return lines.joined(separator: "\n")
    }

    func feedback(_ q: Question, keys: [String]) -> String {
        let right = q.answer ?? []
        var lines = [q.isCorrect(keys: keys) ? "Right: \(right.joined(separator: ","))." :
            "Wrong: you chose \(keys.isEmpty ? "nothing" : keys.joined(separator: ",")); the answer is \(right.joined(separator: ","))."]
        for o in q.options ?? [] {
            let mark = right.contains(o.key) ? "✓" : keys.contains(o.key) ? "✗" : " "
            lines.append("  \(mark) \(o.key). \(o.explanation.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        if let m = q.misconception { lines.append("Misconception: " + m.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let lab = q.lab { lines.append("Practise it: gluelab lab start \(lab)") }
        return lines.joined(separator: "\n")
    }

    func feedback(_ q: Question, text: String) -> (text: String, correct: Bool) {
        let grade = q.grade(text: text)
        var lines = [grade.correct ? "Right: your answer has the ideas that matter." : "Not yet: some ideas are missing."]
        for i in grade.matched { lines.append("  ✓ \(i.idea)") }
        for i in grade.missing { lines.append("  ✗ \(i.idea)") }
        if let m = q.modelAnswer { lines.append("Model answer: " + m.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return (lines.joined(separator: "\n"), grade.correct)
    }

    func play(_ q: Question, option key: String) throws -> String {
        throw WorkbenchError.badValue(option: "run", value: key, reason: "scenario options cannot be played yet in this build")
    }
}
