/// A learner's progress at one moment: what `gluelab progress` shows.
public struct ProgressSummary: Equatable, Sendable {
    /// The learner.
    public var learner: String
    /// The moment the summary is for (microseconds since the epoch).
    public var at: Int64
    /// Mastery per exam domain: the four domains in order (cards with no domain last, when any).
    public var domains: [DomainMastery]
    /// Mastery per topic, by topic name.
    public var topics: [TopicMastery]
    /// Labs.
    public var labs: LabsSummary
    /// Questions.
    public var questions: QuestionsSummary
    /// Reviews due.
    public var reviews: ReviewsSummary
    /// Study days and streak.
    public var streak: StreakSummary

    /// Whether the learner has done nothing yet.
    public var isEmpty: Bool {
        reviews.cards == 0 && questions.attempts == 0 && labs.started == 0 && streak.studyDays == 0
    }
}

/// Mastery of one exam domain: the mean retrievability (now) of its cards.
public struct DomainMastery: Equatable, Sendable {
    /// The domain; `nil` for cards with no domain.
    public var domain: ExamDomain?
    /// Cards in the domain.
    public var cards: Int
    /// Mean retrievability of the cards, 0…1; `nil` with no cards.
    public var mastery: Double?
}

/// Mastery of one topic.
public struct TopicMastery: Equatable, Sendable {
    /// The topic.
    public var topic: String
    /// Cards in the topic.
    public var cards: Int
    /// Mean retrievability of the cards, 0…1.
    public var mastery: Double
    /// Cards of the topic due now.
    public var due: Int
}

/// Labs done.
public struct LabsSummary: Equatable, Sendable {
    /// Labs with any event.
    public var started: Int
    /// Labs with a `completed` event, by id.
    public var completed: [String]
    /// Distinct lab steps whose check passed.
    public var stepsPassed: Int
    /// Hints shown in labs.
    public var hints: Int
}

/// Questions answered.
public struct QuestionsSummary: Equatable, Sendable {
    /// Answers given.
    public var attempts: Int
    /// Right answers.
    public var correct: Int
    /// Distinct questions answered.
    public var distinct: Int
    /// `correct / attempts`; `nil` with no attempts.
    public var accuracy: Double? { attempts == 0 ? nil : Double(correct) / Double(attempts) }
}

/// Cards and what is due.
///
/// "Today" and "this week" are in the learner's time zone: due before the end of today, and
/// before the end of the sixth day after today (seven days including today); both include
/// overdue cards.
public struct ReviewsSummary: Equatable, Sendable {
    /// Cards (questions and lab steps seen so far).
    public var cards: Int
    /// Due now.
    public var dueNow: Int
    /// Due by the end of today.
    public var dueToday: Int
    /// Due by the end of the seventh day, today included.
    public var dueThisWeek: Int
    /// Reviews done so far (log entries).
    public var reviewsDone: Int
}

/// Study days and the streak.
///
/// A study day is a local day with any recorded activity. The current streak counts consecutive
/// study days ending today, or ending yesterday when nothing has been done yet today (the streak
/// is not lost until a whole day passes without study).
public struct StreakSummary: Equatable, Sendable {
    /// The current streak, in days.
    public var current: Int
    /// The longest streak ever, in days.
    public var longest: Int
    /// Whether today is a study day already.
    public var studiedToday: Bool
    /// Study days in all.
    public var studyDays: Int
    /// The last study day (`2024-03-01`), if any.
    public var lastStudyDay: String?
}

/// What the prompt shows when it opens.
public struct WelcomeInfo: Equatable, Sendable {
    /// The learner.
    public var learner: String
    /// Reviews due now.
    public var reviewsDue: Int
    /// The current streak, in days.
    public var streak: Int
    /// Whether the learner studied today already.
    public var studiedToday: Bool
    /// The next lab to do; `nil` until labs exist.
    public var nextLab: String?
    /// Whether the learner has any history.
    public var hasHistory: Bool

    /// One line for the prompt: `Welcome back, ana: 3 reviews due, 4-day streak.`
    public var text: String {
        guard hasHistory else { return "Welcome, \(learner): your progress will show here as you do labs and answer questions." }
        var parts = [reviewsDue == 0 ? "no reviews due" : reviewsDue == 1 ? "1 review due" : "\(reviewsDue) reviews due"]
        if streak > 0 { parts.append("\(streak)-day streak" + (studiedToday ? "" : " (study today to keep it)")) }
        if let nextLab { parts.append("next lab: \(nextLab)") }
        return "Welcome back, \(learner): " + parts.joined(separator: ", ") + "."
    }
}
