/// The four domains of the AWS Certified Data Engineer – Associate exam (DEA-C01), with the
/// weights of exam guide v1.0.
public enum ExamDomain: Int, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Domain 1, 34%.
    case ingestionAndTransformation = 1
    /// Domain 2, 26%.
    case dataStoreManagement = 2
    /// Domain 3, 22%.
    case operationsAndSupport = 3
    /// Domain 4, 18%.
    case securityAndGovernance = 4

    /// The domain's title in the exam guide.
    public var title: String {
        switch self {
        case .ingestionAndTransformation: "Data Ingestion and Transformation"
        case .dataStoreManagement: "Data Store Management"
        case .operationsAndSupport: "Data Operations and Support"
        case .securityAndGovernance: "Data Security and Governance"
        }
    }

    /// The domain's share of the scored questions, in percent.
    public var weightPercent: Int {
        switch self {
        case .ingestionAndTransformation: 34
        case .dataStoreManagement: 26
        case .operationsAndSupport: 22
        case .securityAndGovernance: 18
        }
    }

    /// `1. Data Ingestion and Transformation`.
    public var description: String { "\(rawValue). \(title)" }
}

/// What happened in a lab (one row of the lab event log).
public enum LabEventKind: String, Codable, Sendable, CaseIterable {
    /// The learner began a step.
    case started
    /// A step's check ran and failed.
    case checkFailed = "check-failed"
    /// A step's check passed: the step's card is reviewed.
    case checkPassed = "check-passed"
    /// A hint was shown.
    case hint
    /// The solution was shown.
    case solution
    /// The whole lab was finished (no step).
    case completed
}

/// Card ids: every question and every lab step is one FSRS card.
public enum CardID {
    /// `question:<id>`.
    public static func question(_ id: String) -> String { "question:\(id)" }
    /// `lab:<lab>/<step>`.
    public static func labStep(lab: String, step: String) -> String { "lab:\(lab)/\(step)" }
    /// `question` or `lab`, from a card id.
    static func kind(_ id: String) -> String { id.hasPrefix("lab:") ? "lab" : id.hasPrefix("question:") ? "question" : "other" }
}

/// A card as stored for one learner.
public struct StoredCard: Equatable, Sendable {
    /// `question:<id>` or `lab:<lab>/<step>`.
    public var id: String
    /// The topic (`bookmarks`, `crawlers`, ...).
    public var topic: String
    /// The exam domain, when known.
    public var domain: ExamDomain?
    /// The scheduler's state of the card.
    public var card: FSRSCard
    /// When the card was first seen (microseconds since the epoch).
    public var createdAt: Int64
}

/// What one review did: the card after it and the log entry written.
public struct ReviewOutcome: Equatable, Sendable {
    /// The reviewed card's id.
    public var cardId: String
    /// The rating given (derived or explicit).
    public var rating: FSRSRating
    /// The card after the review.
    public var card: FSRSCard
    /// The log entry (as stored, with its id).
    public var log: FSRSReviewLog
    /// The log entry's id (a UUID).
    public var logId: String
}

/// A question the learner answered (the question bank supplies the id, topic and domain).
public struct QuestionRef: Equatable, Sendable {
    /// The question's id in the bank.
    public var id: String
    /// The question's topic.
    public var topic: String
    /// The question's exam domain.
    public var domain: ExamDomain?

    /// A question reference.
    public init(id: String, topic: String, domain: ExamDomain?) {
        self.id = id
        self.topic = topic
        self.domain = domain
    }
}

/// A learner profile.
public struct LearnerInfo: Equatable, Sendable {
    /// The learner's name (unique).
    public var name: String
    /// When the profile was created.
    public var createdAt: Int64
    /// Whether this is the profile used when `--learner` is not given.
    public var isDefault: Bool
}
