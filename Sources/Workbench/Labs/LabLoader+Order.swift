import Foundation

extension LabLoader {
    /// The labs that load, in the suggested order: by `order`, then by id (labs without an
    /// `order` last). Labs that do not load are left out (`lab list` and `dev check-labs` name them).
    public func suggested() -> [LabDefinition] {
        ids().compactMap { try? load($0) }.sorted {
            switch ($0.order, $1.order) {
            case let (a?, b?) where a != b: a < b
            case (_?, nil): true
            case (nil, _?): false
            default: $0.id < $1.id
            }
        }
    }

    /// What the prompt suggests next: the lab started last while it is not completed
    /// (`hourly-reprocessing (step 2/4)`), else the first lab in the suggested order not
    /// completed yet; nil when every lab is completed.
    public func next(for learner: String, in store: ProgressStore) throws -> String? {
        let labs = suggested()
        if let current = try store.currentLab(learner: learner), let lab = labs.first(where: { $0.id == current }),
           let session = try store.labSession(learner: learner, lab: current), !session.completed {
            return "\(current) (step \(min(session.passed.count + 1, lab.steps.count))/\(lab.steps.count))"
        }
        for lab in labs where try store.labSession(learner: learner, lab: lab.id)?.completed != true {
            return lab.id
        }
        return nil
    }
}
