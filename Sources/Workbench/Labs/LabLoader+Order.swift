import Foundation

extension LabLoader {
    /// Every lab, each loaded (and validated) once: those that load in the suggested order —
    /// by `order`, then by id, labs without an `order` last — and those that do not, with why.
    public func loadAll() -> (labs: [LabDefinition], failures: [(id: String, error: any Error)]) {
        var labs: [LabDefinition] = []
        var failures: [(id: String, error: any Error)] = []
        for id in ids() {
            do { labs.append(try load(id)) } catch { failures.append((id, error)) }
        }
        labs.sort {
            switch ($0.order, $1.order) {
            case let (a?, b?) where a != b: a < b
            case (_?, nil): true
            case (nil, _?): false
            default: $0.id < $1.id
            }
        }
        return (labs, failures)
    }

    /// What the prompt suggests next: the lab started last while it is not completed
    /// (`hourly-reprocessing (step 2/4)`), else the first lab in the suggested order not
    /// completed yet; nil when every lab is completed.
    public func next(for learner: String, in store: ProgressStore) throws -> String? {
        let labs = loadAll().labs
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
