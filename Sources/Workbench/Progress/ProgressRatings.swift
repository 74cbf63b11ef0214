/// How answers and lab steps become FSRS ratings (the learner can always override with an
/// explicit rating).
///
/// Questions (`forAttempt`), against a time budget of 2 minutes per question (the exam's pace:
/// 130 minutes for 65 questions):
/// - wrong → **Again**;
/// - right with a hint, or slower than the budget → **Hard**;
/// - right without hints in at most a third of the budget (40 s) → **Easy**;
/// - otherwise right → **Good**.
///
/// Lab steps (`forLabStep`), when the step's check passes, from what happened since the step's
/// previous pass: the solution was shown → **Again** (the learner did not do it); a hint was
/// shown → **Hard**; otherwise → **Good** (failed checks on the way are normal trial and error
/// and do not lower the rating; a lab step is never Easy).
public enum ProgressRatings {
    /// The time budget of one question, in milliseconds.
    public static let questionBudgetMillis: Int64 = 120_000

    /// The rating of a question attempt.
    public static func forAttempt(correct: Bool, timeTakenMillis: Int64, hintsUsed: Int,
                                  budgetMillis: Int64 = questionBudgetMillis) -> FSRSRating {
        guard correct else { return .again }
        if hintsUsed > 0 || timeTakenMillis > budgetMillis { return .hard }
        if timeTakenMillis * 3 <= budgetMillis { return .easy }
        return .good
    }

    /// The rating of a lab step whose check passed.
    public static func forLabStep(hintsShown: Int, solutionShown: Bool) -> FSRSRating {
        if solutionShown { return .again }
        return hintsShown > 0 ? .hard : .good
    }
}
