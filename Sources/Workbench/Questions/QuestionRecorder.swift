import Foundation

/// Records answers in a learner's progress: one attempt per answer, and a review of the
/// question's FSRS card (`question:<id>`) through `ProgressStore.recordAttempt`.
public struct QuestionRecorder {
    public let store: ProgressStore
    public let learner: String

    public init(store: ProgressStore, learner: String) {
        self.store = store
        self.learner = learner
    }

    /// The rating an answer is recorded with: `explicit` when given; a reflection answer's
    /// derived rating (all ideas Good, enough Hard, else Again); for a choice answer with a
    /// measured time, nil (the store derives it from correctness and time); without one,
    /// Good when right, Again when wrong.
    public static func rating(for answer: QuestionAnswer, timeTakenMillis: Int64?, explicit: FSRSRating?) -> FSRSRating? {
        if let explicit { return explicit }
        if let derived = answer.derivedReflectionRating { return derived }
        if timeTakenMillis != nil { return nil }
        return answer.correct ? .good : .again
    }

    /// Records `answer`. `timeTakenMillis` is nil when unknown (an answer given on the command line).
    @discardableResult
    public func record(_ answer: QuestionAnswer, timeTakenMillis: Int64? = nil, rating: FSRSRating? = nil, at time: Int64? = nil) throws -> AttemptOutcome {
        try store.recordAttempt(learner: learner, question: answer.question.ref, answer: answer.recorded, correct: answer.correct,
                                timeTakenMillis: timeTakenMillis ?? 0,
                                rating: Self.rating(for: answer, timeTakenMillis: timeTakenMillis, explicit: rating), at: time)
    }
}
