import Foundation

/// A drill: topics in the order chosen, each with why and the questions taken from it.
public struct DrillPlan: Sendable, Equatable {
    /// One topic of the drill.
    public struct Topic: Sendable, Equatable {
        public var topic: String
        /// Mean recall probability of its cards now; nil when the learner has not met the topic.
        public var mastery: Double?
        /// The learner's cards in the topic (questions and lab steps).
        public var cards: Int
        /// Of those, due now.
        public var due: Int
        /// The questions drilled, in order.
        public var questions: [Question]
        /// Why the topic is where it is, in words.
        public var reason: String
    }

    /// Topics in drill order (only those contributing questions).
    public var topics: [Topic]
    /// Every question of the drill, topic after topic.
    public var questions: [Question] { topics.flatMap(\.questions) }
}

/// What `gluelab review` goes through: the question cards due (with their questions), the lab
/// steps due (practised in their lab), and due cards whose question is no longer in the bank.
public struct ReviewPlan: Sendable, Equatable {
    /// A lab step whose card is due.
    public struct LabStepDue: Sendable, Equatable {
        public var lab: String
        public var step: String
        public var card: StoredCard
    }

    /// Questions due, most overdue first.
    public var questions: [Question]
    public var labSteps: [LabStepDue]
    /// Questions practising a lab whose step is due (their `lab` field), not due themselves:
    /// a lab step you needed help with brings its questions back. Asked after the due ones.
    public var labQuestions: [Question] = []
    /// Due question cards with no question in the bank (ids).
    public var missing: [String]
}

/// How quiz, drill and review choose their questions: pure functions of the bank and a progress
/// snapshot.
public enum StudySelection {
    /// Questions per topic in one round of a drill.
    public static let drillPerTopic = 3
    /// Questions brought back per lab whose step is due.
    public static let labQuestionsPerLab = 2
    /// A lab's question comes back with its step while its recall is below this.
    public static let labQuestionRecall = 0.9

    /// A practice quiz: `count` random questions, of `topic` when given.
    /// - Throws: `WorkbenchError.badValue` for a topic with no questions (naming the topics).
    public static func quiz(_ bank: [Question], topic: String?, count: Int, using rng: inout some RandomNumberGenerator) throws -> [Question] {
        var pool = bank
        if let topic {
            pool = bank.filter { $0.topic.lowercased() == topic.lowercased() }
            if pool.isEmpty {
                let topics = Set(bank.map(\.topic)).sorted().joined(separator: ", ")
                throw WorkbenchError.badValue(option: "--topic", value: topic, reason: "no questions on this topic (topics: \(topics))")
            }
        }
        return Array(pool.shuffled(using: &rng).prefix(max(0, count)))
    }

    /// A drill of `count` questions, weakest topics first.
    ///
    /// Topics the learner has met come first, lowest mastery (mean FSRS retrievability now) first
    /// (ties: more cards due first, then by name); then topics never met, those of the larger
    /// exam domains first (then by name). Questions are taken `perTopic` per topic per round,
    /// in that order, until `count` is reached; inside a topic, questions due come first (most
    /// overdue first), then those never answered (bank order), then the others, least
    /// remembered first.
    public static func drill(_ bank: [Question], snapshot: StudySnapshot, count: Int, perTopic: Int = drillPerTopic) -> DrillPlan {
        let byTopic = Dictionary(grouping: bank, by: \.topic)
        let known = snapshot.topics.filter { byTopic[$0.topic] != nil }
            .sorted { ($0.mastery, -$0.due, $0.topic) < ($1.mastery, -$1.due, $1.topic) }
        let knownNames = Set(known.map(\.topic))
        let weight: (String) -> Int = { t in byTopic[t]!.compactMap { ExamDomain(rawValue: $0.domain)?.weightPercent }.max() ?? 0 }
        let unseen = byTopic.keys.filter { !knownNames.contains($0) }.sorted { (-weight($0), $0) < (-weight($1), $1) }

        var topics: [DrillPlan.Topic] = known.map { m in
            DrillPlan.Topic(topic: m.topic, mastery: m.mastery, cards: m.cards, due: m.due, questions: [],
                            reason: "mastery \(Int((m.mastery * 100).rounded()))% (\(m.cards) card\(m.cards == 1 ? "" : "s")\(m.due > 0 ? ", \(m.due) due" : ""))")
        }
        for t in unseen {
            let domain = byTopic[t]!.compactMap { ExamDomain(rawValue: $0.domain) }.max { $0.weightPercent < $1.weightPercent }
            topics.append(DrillPlan.Topic(topic: t, mastery: nil, cards: 0, due: 0, questions: [],
                                          reason: "not studied yet" + (domain.map { " (domain \($0.rawValue), \($0.weightPercent)% of the exam)" } ?? "")))
        }
        var queues = topics.map { ordered(byTopic[$0.topic]!, snapshot: snapshot) }
        var taken = 0
        while taken < count && queues.contains(where: { !$0.isEmpty }) {
            for i in topics.indices where taken < count {
                let n = min(perTopic, count - taken, queues[i].count)
                topics[i].questions += queues[i].prefix(n)
                queues[i].removeFirst(n)
                taken += n
            }
        }
        return DrillPlan(topics: topics.filter { !$0.questions.isEmpty })
    }

    /// A topic's questions in drill order: due, never answered, then the rest by recall.
    static func ordered(_ questions: [Question], snapshot: StudySnapshot) -> [Question] {
        var due: [(Question, Int64)] = []
        var fresh: [Question] = []
        var rest: [(Question, Double)] = []
        for q in questions {
            guard let c = snapshot.card(question: q.id) else { fresh.append(q); continue }
            if c.due <= snapshot.at { due.append((q, c.due)) } else { rest.append((q, c.retrievability)) }
        }
        return due.sorted { $0.1 < $1.1 }.map(\.0) + fresh + rest.sorted { $0.1 < $1.1 }.map(\.0)
    }

    /// The review of the cards due in `snapshot` (at most `limit` questions).
    public static func review(_ bank: [Question], snapshot: StudySnapshot, limit: Int? = nil) -> ReviewPlan {
        var byId: [String: Question] = [:]
        for q in bank { byId[q.id] = q }
        var plan = ReviewPlan(questions: [], labSteps: [], missing: [])
        for card in snapshot.due {
            if card.id.hasPrefix("question:") {
                let id = String(card.id.dropFirst("question:".count))
                if let q = byId[id] { plan.questions.append(q) } else { plan.missing.append(id) }
            } else if card.id.hasPrefix("lab:") {
                let rest = card.id.dropFirst("lab:".count)
                let parts = rest.split(separator: "/", maxSplits: 1)
                plan.labSteps.append(.init(lab: String(parts[0]), step: parts.count > 1 ? String(parts[1]) : "", card: card))
            }
        }
        // Per lab with a step due: its questions never answered first, then the least
        // remembered, while recall is below 90% (a question just answered well stays away).
        let planned = Set(plan.questions.map(\.id))
        var labsSeen = Set<String>()
        for step in plan.labSteps where labsSeen.insert(step.lab).inserted {
            var linked: [(question: Question, recall: Double)] = []
            for q in bank where q.lab == step.lab && !planned.contains(q.id) {
                let recall = snapshot.cards[CardID.question(q.id)]?.retrievability ?? -1  // never answered: first
                if recall < labQuestionRecall { linked.append((q, recall)) }
            }
            linked.sort { $0.recall != $1.recall ? $0.recall < $1.recall : $0.question.id < $1.question.id }
            plan.labQuestions += linked.prefix(labQuestionsPerLab).map { $0.question }
        }
        if let limit {
            plan.questions = Array(plan.questions.prefix(max(0, limit)))
            plan.labQuestions = Array(plan.labQuestions.prefix(max(0, limit - plan.questions.count)))
        }
        return plan
    }
}
