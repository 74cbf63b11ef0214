import Foundation
import GlueEngine

/// How `gluelab progress` shows a summary: a dashboard for people, a stable JSON record.
enum ProgressRender {
    /// The dashboard text (ends with a newline).
    static func dashboard(_ s: ProgressSummary, clock: ProgressClock) -> String {
        let today = ProgressClock.dayText(clock.day(of: s.at))
        guard !s.isEmpty else {
            return """
                Progress of \(s.learner), \(today): nothing yet.
                Answer exam questions with 'gluelab quiz' or work through a lab with 'gluelab lab list' \
                (both coming soon); your mastery, reviews due and streak will show here.

                """
        }
        var out = "Progress of \(s.learner), \(today)\n\nExam domains (DEA-C01)\n"
        let domainNames = s.domains.map { d in d.domain.map { "\($0) (\($0.weightPercent)%)" } ?? "(no domain)" }
        let width = domainNames.map(\.count).max() ?? 0
        for (d, name) in zip(s.domains, domainNames) {
            out += "  " + pad(name, width) + "  " + bar(d.mastery) + "  " + percent(d.mastery) + "  " + cards(d.cards) + "\n"
        }
        if !s.topics.isEmpty {
            out += "\nTopics\n"
            let tw = s.topics.map(\.topic.count).max() ?? 0
            for t in s.topics {
                out += "  " + pad(t.topic, tw) + "  " + bar(t.mastery) + "  " + percent(t.mastery) + "  " + cards(t.cards)
                    + (t.due > 0 ? ", \(t.due) due" : "") + "\n"
            }
        }
        out += "\n"
        let labs = s.labs
        out += "Labs        " + (labs.started == 0 ? "none started" :
            "\(labs.completed.count) completed" + (labs.completed.isEmpty ? "" : " (\(labs.completed.joined(separator: ", ")))")
            + " of \(labs.started) started; \(plural(labs.stepsPassed, "step")) passed, \(plural(labs.hints, "hint")) used") + "\n"
        let q = s.questions
        out += "Questions   " + (q.attempts == 0 ? "none answered" :
            "\(q.attempts) answered (\(q.distinct) distinct), \(q.correct) right: \(percent(q.accuracy).trimmingCharacters(in: .whitespaces)) accuracy") + "\n"
        let r = s.reviews
        out += "Reviews     \(r.dueNow) due now, \(r.dueToday) today, \(r.dueThisWeek) this week (\(plural(r.cards, "card")), \(plural(r.reviewsDone, "review")) done)\n"
        let k = s.streak
        out += "Streak      " + (k.current == 0 ? "none" : plural(k.current, "day")) + " (longest \(plural(k.longest, "day")))"
            + (k.studiedToday ? "; studied today" : k.current > 0 ? "; study today to keep it" : "") + "\n"
        return out
    }

    /// A ten-cell bar for a mastery 0…1; dots when unknown.
    static func bar(_ m: Double?) -> String {
        guard let m else { return String(repeating: "·", count: 10) }
        let full = Int((min(max(m, 0), 1) * 10).rounded())
        return String(repeating: "█", count: full) + String(repeating: "░", count: 10 - full)
    }

    static func percent(_ m: Double?) -> String {
        guard let m else { return "   —" }
        let p = "\(Int((m * 100).rounded()))%"
        return String(repeating: " ", count: max(0, 4 - p.count)) + p
    }

    static func cards(_ n: Int) -> String { plural(n, "card") }

    static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    static func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }

    /// The summary as one JSON record (stable keys).
    static func record(_ s: ProgressSummary) -> DynamicRecord {
        func num(_ d: Double?) -> Value { d.map(Value.double) ?? .null }
        let domains: [Value] = s.domains.map { d in
            .structure(DynamicRecord([("domain", d.domain.map { .long(Int64($0.rawValue)) } ?? .null),
                                      ("title", .string(d.domain?.title ?? "no domain")),
                                      ("weightPercent", d.domain.map { .long(Int64($0.weightPercent)) } ?? .null),
                                      ("cards", .long(Int64(d.cards))), ("mastery", num(d.mastery))]))
        }
        let topics: [Value] = s.topics.map { t in
            .structure(DynamicRecord([("topic", .string(t.topic)), ("cards", .long(Int64(t.cards))), ("mastery", .double(t.mastery)),
                                      ("due", .long(Int64(t.due)))]))
        }
        return DynamicRecord([
            ("learner", .string(s.learner)),
            ("at", .string(Timestamps.format(s.at))),
            ("domains", .array(domains)),
            ("topics", .array(topics)),
            ("labs", .structure(DynamicRecord([("started", .long(Int64(s.labs.started))), ("completed", .array(s.labs.completed.map(Value.string))),
                                               ("stepsPassed", .long(Int64(s.labs.stepsPassed))), ("hints", .long(Int64(s.labs.hints)))]))),
            ("questions", .structure(DynamicRecord([("attempts", .long(Int64(s.questions.attempts))), ("correct", .long(Int64(s.questions.correct))),
                                                    ("distinct", .long(Int64(s.questions.distinct))), ("accuracy", num(s.questions.accuracy))]))),
            ("reviews", .structure(DynamicRecord([("cards", .long(Int64(s.reviews.cards))), ("dueNow", .long(Int64(s.reviews.dueNow))),
                                                  ("dueToday", .long(Int64(s.reviews.dueToday))), ("dueThisWeek", .long(Int64(s.reviews.dueThisWeek))),
                                                  ("reviewsDone", .long(Int64(s.reviews.reviewsDone)))]))),
            ("streak", .structure(DynamicRecord([("current", .long(Int64(s.streak.current))), ("longest", .long(Int64(s.streak.longest))),
                                                 ("studiedToday", .boolean(s.streak.studiedToday)), ("studyDays", .long(Int64(s.streak.studyDays))),
                                                 ("lastStudyDay", s.streak.lastStudyDay.map(Value.string) ?? .null)]))),
        ])
    }

    /// An import's result as one line.
    static func text(_ r: ImportReport, file: String) -> String {
        if r.changedNothing { return "imported \(file): nothing new (already imported)" }
        var parts: [String] = []
        if r.learnersAdded > 0 { parts.append(plural(r.learnersAdded, "learner")) }
        if r.cardsAdded > 0 { parts.append(plural(r.cardsAdded, "new card")) }
        if r.cardsUpdated > 0 { parts.append(plural(r.cardsUpdated, "updated card")) }
        if r.reviewLogsAdded > 0 { parts.append(plural(r.reviewLogsAdded, "review")) }
        if r.attemptsAdded > 0 { parts.append(plural(r.attemptsAdded, "answer")) }
        if r.labEventsAdded > 0 { parts.append(plural(r.labEventsAdded, "lab event")) }
        if r.studyDaysAdded > 0 { parts.append(plural(r.studyDaysAdded, "study day")) }
        return "imported \(file): " + parts.joined(separator: ", ")
    }

    static func record(_ r: ImportReport) -> DynamicRecord {
        DynamicRecord([("learnersAdded", .long(Int64(r.learnersAdded))), ("cardsAdded", .long(Int64(r.cardsAdded))),
                       ("cardsUpdated", .long(Int64(r.cardsUpdated))), ("reviewLogsAdded", .long(Int64(r.reviewLogsAdded))),
                       ("attemptsAdded", .long(Int64(r.attemptsAdded))), ("labEventsAdded", .long(Int64(r.labEventsAdded))),
                       ("studyDaysAdded", .long(Int64(r.studyDaysAdded)))])
    }
}
