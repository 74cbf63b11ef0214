import Foundation

/// The exam's texts: the question list, the score report, and the review after the score.
enum ExamRender {
    /// Every question with its status: `  3  B      flagged`, `  4  —      skipped`.
    static func list(_ s: ExamSession) -> String {
        var lines = ["  #  answer  status"]
        for i in s.questions.indices {
            var status: [String] = []
            if i == s.current { status.append("current") }
            if s.answers[i] == nil { status.append(s.skipped.contains(i) ? "skipped" : s.seen.contains(i) ? "unanswered" : "not seen") }
            if s.flagged.contains(i) { status.append("flagged") }
            let answer = s.answers[i]?.joined(separator: ",") ?? "—"
            let cell = answer.count >= 6 ? answer : answer.padding(toLength: 6, withPad: " ", startingAt: 0)
            var line = String(format: "%3d  ", i + 1) + cell + "  " + status.joined(separator: ", ")
            while line.hasSuffix(" ") { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    /// The score: scaled score and pass/fail, right answers, each domain, the time used.
    static func score(_ score: ExamScore, _ s: ExamSession) -> String {
        var lines = [
            "Score: \(score.scaled)/1000 — \(score.passed ? "PASS" : "FAIL") (pass mark \(ExamScore.passMark))",
            "  Scaled by gluelab's approximation (100 + 900 × share right); AWS equates scores across exam forms, so a real score can differ.",
            "Right: \(score.correct) of \(score.total) (\(percent(Double(score.correct), Double(score.total))))" +
                (score.unanswered > 0 ? ", \(score.unanswered) unanswered (counted wrong)" : ""),
            "By domain (DEA-C01):",
        ]
        let width = ExamDomain.allCases.map { $0.description.count }.max() ?? 0
        for d in score.domains {
            let name = d.domain.description.padding(toLength: width, withPad: " ", startingAt: 0)
            if d.total == 0 {
                lines.append("  \(name)    —   no questions")
            } else {
                lines.append("  \(name)  \(String(format: "%2d/%-2d", d.correct, d.total)) \(percent(Double(d.correct), Double(d.total)).leftPadded(4))  " +
                             (d.meetsCompetencies ? "Meets competencies" : "Needs improvement"))
            }
        }
        let used = (s.end?.at ?? s.deadline) - s.startedAt
        lines.append("Time: \(StudyConsole.clockText(used)) used of \(StudyConsole.clockText(s.deadline - s.startedAt))")
        return lines.joined(separator: "\n")
    }

    /// The questions the review walks: wrong, unanswered or flagged, in exam order.
    static func reviewIndices(_ s: ExamSession) -> [Int] {
        s.questions.indices.filter { i in
            s.flagged.contains(i) || !(s.answers[i].map { s.questions[i].isCorrect(keys: $0) } ?? false)
        }
    }

    /// `Question 3 of 10 · wrong · flagged · 1:12 spent`
    static func reviewHeader(_ s: ExamSession, _ i: Int) -> String {
        var parts = ["Question \(i + 1) of \(s.questions.count)"]
        if let a = s.answers[i] { parts.append(s.questions[i].isCorrect(keys: a) ? "right" : "wrong") } else { parts.append("unanswered") }
        if s.flagged.contains(i) { parts.append("flagged") }
        parts.append(StudyConsole.clockText(s.spent[i]) + " spent")
        return parts.joined(separator: " · ")
    }

    static func percent(_ a: Double, _ b: Double) -> String { b == 0 ? "0%" : "\(Int((100 * a / b).rounded()))%" }
}

extension String {
    func leftPadded(_ n: Int) -> String { count >= n ? self : String(repeating: " ", count: n - count) + self }
}

/// The review after an exam's score: walks the wrong, unanswered and flagged questions (or all
/// of them, after `a`), each with the learner's answer and every option's explanation.
struct ExamReviewWalk {
    let session: ExamSession
    let console: StudyConsole
    let presenter: StudyPresenter

    /// Walks until `q` or past the end of the list (a prompt after every question, the last
    /// included, so `p` and `a` work there too); at the end of the input it shows the rest of
    /// the list without prompts.
    func run(_ input: inout some StudyLineSource) {
        var items = ExamRender.reviewIndices(session)
        if items.isEmpty {
            console.line("Review: every question right and none flagged; 'a' at the review prompt is not needed.")
            return
        }
        console.line("\nReview: \(items.count) question\(items.count == 1 ? "" : "s") wrong, unanswered or flagged. Enter: next · p: previous · a: all questions · q: done")
        var k = 0
        var prompting = true
        while k < items.count {
            let i = items[k]
            console.line()
            let q = session.questions[i]
            console.write(presenter.question(q, position: ExamRender.reviewHeader(session, i)))
            console.line()
            if let keys = session.answers[i], let a = try? QuestionAnswer(q, answer: keys.joined(separator: ",")) {
                console.write(presenter.feedback(a))
            } else {
                console.write(presenter.unanswered(q))
            }
            guard prompting else { k += 1; continue }
            console.prompt("[review \(k + 1)/\(items.count)\(k + 1 == items.count ? " · Enter: done" : "")] >")
            switch input.next(timeoutMicros: nil) {
            case .end: prompting = false; k += 1
            case .timedOut: k += 1
            case .line(let text):
                switch text.trimmingCharacters(in: .whitespaces).lowercased() {
                case "q", "quit", "done": return
                case "p", "prev": k = max(0, k - 1)
                case "a", "all":
                    items = Array(session.questions.indices)
                    k = 0
                default: k += 1
                }
            }
        }
        console.line("\nEnd of the review.")
    }
}
