import Foundation
import GRDB

/// Where a learner is in the labs, read from the progress database's lab event log: `lab start`
/// records `started` (detail `lab-start`) on the first step; the current step is the first one
/// with no `check-passed` since that start.
public struct LabSession: Sendable, Equatable {
    public var lab: String
    /// Step ids passed since the lab was (re)started.
    public var passed: Set<String>
    /// Hints shown per step since the start.
    public var hints: [String: Int]
    public var completed: Bool

    /// The first step not passed, or nil when all are.
    public func currentStep(of lab: LabDefinition) -> (index: Int, step: LabStep)? {
        lab.steps.enumerated().first { !passed.contains($0.element.id) }.map { ($0.offset, $0.element) }
    }
}

extension ProgressStore {
    /// The lab the learner started most recently, if any.
    public func currentLab(learner: String) throws -> String? {
        try read { db in
            guard let lid = try Self.learnerId(db, learner, create: false, at: 0) else { return nil }
            return try String.fetchOne(db, sql: """
                SELECT lab_id FROM lab_events WHERE learner_id = ? AND event = 'started' AND detail = 'lab-start' ORDER BY rowid DESC LIMIT 1
                """, arguments: [lid])
        }
    }

    /// The learner's session in `lab` (nil when never started).
    public func labSession(learner: String, lab: String) throws -> LabSession? {
        try read { db in
            guard let lid = try Self.learnerId(db, learner, create: false, at: 0) else { return nil }
            guard let start = try Int64.fetchOne(db, sql: """
                SELECT MAX(rowid) FROM lab_events WHERE learner_id = ? AND lab_id = ? AND event = 'started' AND detail = 'lab-start'
                """, arguments: [lid, lab]) else { return nil }
            var session = LabSession(lab: lab, passed: [], hints: [:], completed: false)
            for row in try Row.fetchAll(db, sql: "SELECT step_id, event FROM lab_events WHERE learner_id = ? AND lab_id = ? AND rowid > ? ORDER BY rowid",
                                        arguments: [lid, lab, start]) {
                let step: String? = row["step_id"]
                let event: String = row["event"]
                switch event {
                case LabEventKind.checkPassed.rawValue: if let step { session.passed.insert(step) }
                case LabEventKind.hint.rawValue: if let step { session.hints[step, default: 0] += 1 }
                case LabEventKind.completed.rawValue: session.completed = true
                default: break
                }
            }
            return session
        }
    }
}
