import Foundation

/// A question file: `questions/<topic>.yaml` holds `questions:`, a list of questions.
public struct QuestionFile: Codable, Sendable, Equatable {
    public var questions: [Question]
}

/// The kind of a question.
public enum QuestionType: String, Codable, Sendable, CaseIterable {
    /// One right option.
    case single
    /// `choose` right options.
    case multiple
    /// One right option (or `choose`), and a runnable scenario: each option can be played on the engine.
    case scenario
    /// A free-text answer matched against a rubric of accepted ideas, then a model answer.
    case reflection
}

/// One question of the bank (see `questions/README.md` for the format).
public struct Question: Codable, Sendable, Equatable {
    /// Unique over the bank: kebab-case, `<topic>-<what>`.
    public var id: String
    /// The topic (`bookmarks`, `crawlers`, ...): cards and drills group by it.
    public var topic: String
    /// The exam domain number (1–4, DEA-C01).
    public var domain: Int
    /// The exam task statement, e.g. `1.2`.
    public var task: String?
    /// 1 (easy), 2 (medium) or 3 (hard).
    public var difficulty: Int
    public var type: QuestionType
    /// `multiple` (and a multi-answer scenario): how many options to choose.
    public var choose: Int?
    public var stem: String
    /// Options A, B, C, ... in order (none for a reflection question).
    public var options: [QuestionOption]?
    /// The right option keys (none for a reflection question).
    public var answer: [String]?
    /// Where the facts come from: the seed text and documentation pages.
    public var references: [QuestionReference]
    /// The lab that practises this (a `labs/` id).
    public var lab: String?
    /// Where exam-prep material and AWS documentation disagree, what the learner should know.
    public var misconception: String?
    /// Reflection: the accepted ideas.
    public var rubric: [RubricIdea]?
    /// Reflection: how many rubric ideas make the answer right (default: all of them).
    public var pass: Int?
    /// Reflection: the model answer shown after answering.
    public var modelAnswer: String?
    /// Scenario: the sandbox the options are played in.
    public var scenario: QuestionScenario?

    /// The reference used by the progress store.
    public var ref: QuestionRef { QuestionRef(id: id, topic: topic, domain: ExamDomain(rawValue: domain)) }
}

/// One answer option.
public struct QuestionOption: Codable, Sendable, Equatable {
    /// `A`, `B`, ...
    public var key: String
    public var text: String
    /// Why this option is right or wrong.
    public var explanation: String
    /// Scenario questions: what choosing this option does, and what is then observed.
    public var run: OptionRun?
}

/// A scenario option played on the engine: actions applied after the start state, then
/// checks whose expected values are what this option produces (the self-check proves them).
public struct OptionRun: Codable, Sendable, Equatable {
    /// Applied in order to a fresh sandbox in the scenario's start state.
    public var actions: [LabAction]
    /// What is observed afterwards, with the values this option leads to.
    public var expect: [LabCheckSpec]
}

/// A scenario's sandbox: the same start state as a lab's; files are relative to `questions/`.
public struct QuestionScenario: Codable, Sendable, Equatable {
    /// Scripts (relative to `questions/`) copied to the scenario's workspace; jobs name them by file name.
    public var scripts: [String]?
    public var start: LabStart
    /// One line telling the learner what to look at in the outcomes.
    public var observe: String?
}

/// A source of a question's facts: a seed section, a documentation URL, or both.
public struct QuestionReference: Codable, Sendable, Equatable {
    /// The seed text's section or lines (`reference/seed-glue-etl.txt`).
    public var seed: String?
    /// A documentation URL from the fact sheet.
    public var url: String?
}

/// One accepted idea of a reflection rubric.
public struct RubricIdea: Codable, Sendable, Equatable {
    /// The idea, as shown to the learner afterwards.
    public var idea: String
    /// The idea counts when the answer contains any of these (case-insensitive, at the start of
    /// a word, punctuation ignored: `bookmark` matches "bookmarks", `transformation_ctx` matches
    /// itself, a phrase matches its words in order).
    public var any: [String]
}
