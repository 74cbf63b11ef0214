/// The four answer buttons of FSRS (py-fsrs `Rating`): one failure grade and three recall grades.
public enum FSRSRating: Int, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// Forgot (a lapse).
    case again = 1
    /// Recalled with serious difficulty.
    case hard = 2
    /// Recalled after some hesitation.
    case good = 3
    /// Recalled at once.
    case easy = 4

    /// `Again`, `Hard`, `Good` or `Easy`.
    public var description: String {
        switch self {
        case .again: "Again"
        case .hard: "Hard"
        case .good: "Good"
        case .easy: "Easy"
        }
    }

    /// Reads a rating by name (any case: `good`, `Good`) or by grade (`1`…`4`).
    public init?(name: String) {
        switch name.lowercased() {
        case "again", "1": self = .again
        case "hard", "2": self = .hard
        case "good", "3": self = .good
        case "easy", "4": self = .easy
        default: return nil
        }
    }
}

/// Where a card is in its life (py-fsrs `State`; the raw values are py-fsrs's).
public enum FSRSState: Int, Codable, Sendable, CaseIterable, CustomStringConvertible {
    /// New or in its first learning steps.
    case learning = 1
    /// Graduated: scheduled in whole days.
    case review = 2
    /// Lapsed from review, going through the relearning steps.
    case relearning = 3

    /// `Learning`, `Review` or `Relearning`.
    public var description: String {
        switch self {
        case .learning: "Learning"
        case .review: "Review"
        case .relearning: "Relearning"
        }
    }
}
