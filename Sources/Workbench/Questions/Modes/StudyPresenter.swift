import Foundation

/// How the study modes show a question, the feedback on an answer, and scenario options played
/// on the engine. The modes only decide what to show when; the text comes from here (in the
/// commands: `QuestionFeedback` and `ScenarioPlayer`, as `gluelab ask` shows them). Texts end
/// with a newline.
protocol StudyPresenter {
    /// The question as asked, with `position` (`Quiz 3/10`) in its header.
    func question(_ q: Question, position: String) -> String
    /// Right or wrong, the right answer, and why each option is right or wrong (a reflection:
    /// the rubric and the model answer).
    func feedback(_ a: QuestionAnswer) -> String
    /// The feedback on a question left unanswered in an exam.
    func unanswered(_ q: Question) -> String
    /// Plays `keys` of a scenario question, each on a fresh sandbox, and shows the outcomes.
    func play(_ q: Question, keys: [String], chosen: [String]) -> String
}

/// The presenter of the commands: the question engine's texts.
struct FeedbackStudyPresenter: StudyPresenter {
    let feedback: QuestionFeedback
    let player: ScenarioPlayer
    /// In an exam nothing runs until the review: a scenario question asks only for a choice.
    var exam = false

    func question(_ q: Question, position: String) -> String {
        let text = feedback.question(q, position: position)
        guard exam, q.type == .scenario else { return text }
        let choose = (q.choose ?? 1) == 1 ? "Choose one." : "Choose \(q.choose!)."
        return text.replacingOccurrences(of: feedback.instruction(q), with: choose + " (A scenario: 'gluelab ask \(q.id) --run' plays it after the exam.)")
    }

    func feedback(_ a: QuestionAnswer) -> String { feedback.feedback(a) }

    func unanswered(_ q: Question) -> String {
        let text = feedback.feedback(QuestionAnswer(unanswered: q))
        guard let newline = text.firstIndex(of: "\n") else { return text }
        let answer = (q.answer ?? []).joined(separator: ", ")
        return Style.red.apply("Unanswered: the answer is \(answer).", enabled: feedback.color) + text[newline...]
    }

    func play(_ q: Question, keys: [String], chosen: [String]) -> String {
        feedback.outcomes(q, keys.map { player.play(q, key: $0) }, chosen: chosen)
    }
}

extension QuestionAnswer {
    /// No answer to `q` (an exam question left unanswered): wrong, nothing chosen.
    init(unanswered q: Question) {
        question = q
        chosen = []
        text = nil
        grade = nil
        correct = false
    }
}
