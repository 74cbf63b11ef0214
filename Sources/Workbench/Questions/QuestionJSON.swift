import Foundation
import GlueEngine

/// The JSON object of an answered question (`gluelab ask ID --answer X --json`), keys in this
/// order: `id`, `type`, `topic`, `domain`, `correct`; a choice or scenario question then has
/// `chosen` and `answer` (key lists) and `explanations` (option key → explanation), a
/// reflection question `text`, `matched` and `missing` (ideas) and `modelAnswer`; then
/// `misconception` (or null), `references` (`{seed, url}`), `lab` (or null), `attemptId`,
/// `rating`, `due` (the card's next due time, ISO-8601) — the last three null when not recorded —
/// and, when the scenario was played, `outcomes` (`{key, sandbox, error, checks: [{what,
/// expected, observed}]}`).
public enum QuestionJSON {
    public static func record(_ a: QuestionAnswer, attempt: AttemptOutcome?, outcomes: [ScenarioOutcome]? = nil) -> DynamicRecord {
        let q = a.question
        func text(_ s: String?) -> Value { s.map(Value.string) ?? .null }
        var fields: [(String, Value)] = [("id", .string(q.id)), ("type", .string(q.type.rawValue)), ("topic", .string(q.topic)),
                                         ("domain", .long(Int64(q.domain))), ("correct", .boolean(a.correct))]
        if let grade = a.grade {
            fields += [("text", text(a.text)),
                       ("matched", .array(grade.matched.map { .string($0.idea) })),
                       ("missing", .array(grade.missing.map { .string($0.idea) })),
                       ("modelAnswer", text(q.modelAnswer))]
        } else {
            fields += [("chosen", .array(a.chosen.map(Value.string))),
                       ("answer", .array((q.answer ?? []).map(Value.string))),
                       ("explanations", .structure(DynamicRecord((q.options ?? []).map { ($0.key, .string($0.explanation)) })))]
        }
        fields += [("misconception", text(q.misconception)),
                   ("references", .array(q.references.map { .structure(DynamicRecord([("seed", text($0.seed)), ("url", text($0.url))])) })),
                   ("lab", text(q.lab)),
                   ("attemptId", text(attempt?.attemptId)),
                   ("rating", text(attempt.map { $0.review.rating.description.lowercased() })),
                   ("due", text(attempt.map { Timestamps.format($0.review.card.due) }))]
        if let outcomes {
            fields.append(("outcomes", .array(outcomes.map { o in
                .structure(DynamicRecord([("key", .string(o.key)), ("sandbox", .string(o.sandboxName)), ("error", text(o.error)),
                                          ("checks", .array(o.results.map { r in
                                              .structure(DynamicRecord([("what", .string(r.what)), ("expected", .string(r.expected)),
                                                                        ("observed", .string(r.actual))]))
                                          }))]))
            })))
        }
        return DynamicRecord(fields)
    }
}
