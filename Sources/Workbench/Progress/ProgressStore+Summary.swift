import Foundation
import GRDB
import GlueEngine

extension ProgressStore {
    /// The learner's progress at `time` (default now). An unknown learner has an empty summary.
    public func summary(learner: String, at time: Int64? = nil) throws -> ProgressSummary {
        try Self.checkName(learner)
        let t = time ?? clock.now()
        return try read { db in
            let lid = try Self.learnerId(db, learner, create: false, at: t)
            let cards = try lid.map { try Row.fetchAll(db, sql: "SELECT * FROM cards WHERE learner_id = ?", arguments: [$0]).map(Self.storedCard) } ?? []
            let today = clock.day(of: t)
            let endToday = clock.start(ofDay: today + 1)
            let endWeek = clock.start(ofDay: today + 7)
            let reviews = ReviewsSummary(
                cards: cards.count, dueNow: cards.filter { $0.card.due <= t }.count,
                dueToday: cards.filter { $0.card.due < endToday }.count, dueThisWeek: cards.filter { $0.card.due < endWeek }.count,
                reviewsDone: try lid.map { try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM review_logs WHERE learner_id = ?", arguments: [$0]) ?? 0 } ?? 0)
            let (domains, topics) = mastery(cards, at: t)
            return ProgressSummary(learner: learner, at: t, domains: domains, topics: topics,
                                   labs: try lid.map { try Self.labs(db, learnerId: $0) } ?? LabsSummary(started: 0, completed: [], stepsPassed: 0, hints: 0),
                                   questions: try lid.map { try Self.questions(db, learnerId: $0) } ?? QuestionsSummary(attempts: 0, correct: 0, distinct: 0),
                                   reviews: reviews,
                                   streak: Self.streak(days: try lid.map { try Int64.fetchAll(db, sql: "SELECT day FROM study_days WHERE learner_id = ? ORDER BY day", arguments: [$0]) } ?? [], today: today))
        }
    }

    /// The learner's cards due at `time` (default now), most overdue first.
    public func dueCards(learner: String, at time: Int64? = nil, limit: Int? = nil) throws -> [StoredCard] {
        try Self.checkName(learner)
        let t = time ?? clock.now()
        return try read { db in
            guard let lid = try Self.learnerId(db, learner, create: false, at: t) else { return [] }
            return try Row.fetchAll(db, sql: "SELECT * FROM cards WHERE learner_id = ? AND due <= ? ORDER BY due, card_id LIMIT ?",
                                    arguments: [lid, t, limit ?? -1]).map(Self.storedCard)
        }
    }

    /// What the prompt shows on opening: reviews due now and the streak (the next lab is filled
    /// in by `welcomeAtStart`, which knows where the labs are).
    public func welcome(learner: String, at time: Int64? = nil) throws -> WelcomeInfo {
        let s = try summary(learner: learner, at: time)
        return WelcomeInfo(learner: learner, reviewsDue: s.reviews.dueNow, streak: s.streak.current,
                           studiedToday: s.streak.studiedToday, nextLab: nil, hasHistory: !s.isEmpty)
    }

    func mastery(_ cards: [StoredCard], at t: Int64) -> ([DomainMastery], [TopicMastery]) {
        var byDomain: [Int: (n: Int, sum: Double)] = [:]
        var byTopic: [String: (n: Int, sum: Double, due: Int)] = [:]
        for c in cards {
            let r = scheduler.retrievability(of: c.card, at: t)
            let key = c.domain?.rawValue ?? 0
            byDomain[key, default: (0, 0)].n += 1
            byDomain[key, default: (0, 0)].sum += r
            byTopic[c.topic, default: (0, 0, 0)].n += 1
            byTopic[c.topic, default: (0, 0, 0)].sum += r
            if c.card.due <= t { byTopic[c.topic, default: (0, 0, 0)].due += 1 }
        }
        var domains = ExamDomain.allCases.map { d in
            DomainMastery(domain: d, cards: byDomain[d.rawValue]?.n ?? 0, mastery: byDomain[d.rawValue].map { $0.sum / Double($0.n) })
        }
        if let none = byDomain[0] { domains.append(DomainMastery(domain: nil, cards: none.n, mastery: none.sum / Double(none.n))) }
        let topics = byTopic.keys.sorted().map { k in
            let v = byTopic[k]!
            return TopicMastery(topic: k, cards: v.n, mastery: v.sum / Double(v.n), due: v.due)
        }
        return (domains, topics)
    }

    static func labs(_ db: Database, learnerId lid: Int64) throws -> LabsSummary {
        LabsSummary(
            started: try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT lab_id) FROM lab_events WHERE learner_id = ?", arguments: [lid]) ?? 0,
            completed: try String.fetchAll(db, sql: "SELECT DISTINCT lab_id FROM lab_events WHERE learner_id = ? AND event = 'completed' ORDER BY lab_id", arguments: [lid]),
            stepsPassed: try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM (SELECT DISTINCT lab_id, step_id FROM lab_events WHERE learner_id = ? AND event = 'check-passed')
                """, arguments: [lid]) ?? 0,
            hints: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lab_events WHERE learner_id = ? AND event = 'hint'", arguments: [lid]) ?? 0)
    }

    static func questions(_ db: Database, learnerId lid: Int64) throws -> QuestionsSummary {
        let row = try Row.fetchOne(db, sql: """
            SELECT COUNT(*) AS n, COALESCE(SUM(correct), 0) AS ok, COUNT(DISTINCT question_id) AS d FROM question_attempts WHERE learner_id = ?
            """, arguments: [lid])
        return QuestionsSummary(attempts: row?["n"] ?? 0, correct: row?["ok"] ?? 0, distinct: row?["d"] ?? 0)
    }

    /// The streak from the sorted study days, with `today` the current local day.
    static func streak(days: [Int64], today: Int64) -> StreakSummary {
        var longest = 0
        var run = 0
        var previous: Int64?
        for d in days {
            run = (previous.map { d == $0 + 1 } ?? false) ? run + 1 : 1
            longest = max(longest, run)
            previous = d
        }
        let set = Set(days)
        var current = 0
        var d = set.contains(today) ? today : today - 1
        while set.contains(d) {
            current += 1
            d -= 1
        }
        return StreakSummary(current: current, longest: longest, studiedToday: set.contains(today), studyDays: days.count,
                             lastStudyDay: days.last.map(ProgressClock.dayText))
    }
}

extension ProgressStore {
    /// For the prompt's first screen: the default learner's `WelcomeInfo` and the notice of a
    /// progress file set aside at open. Never throws: when progress cannot be opened, `info` is
    /// `nil` and `notice` says why (the prompt should still start).
    public static func welcomeAtStart(home: URL = Sandbox.defaultHome(), clock: ProgressClock = .system()) -> (info: WelcomeInfo?, notice: String?) {
        do {
            let store = try open(home: home, clock: clock)
            let learner = try store.defaultLearner()
            var info = try store.welcome(learner: learner)
            info.nextLab = try? LabLoader.locate().next(for: learner, in: store)
            return (info, store.notice)
        } catch {
            return (nil, "progress: \(error)")
        }
    }
}
