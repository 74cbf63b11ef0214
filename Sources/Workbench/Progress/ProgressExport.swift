import Foundation
import GlueEngine

/// The JSON file of `gluelab progress export` / `import`: every learner's history, by names and
/// ids, so it can move between machines and merge.
///
/// ```json
/// {"format": "gluelab-progress", "version": 1, "exportedAt": "2024-03-01T09:00:00Z",
///  "learners": [{"name": "default", "createdAt": "...", "cards": [...], "reviewLogs": [...],
///                "attempts": [...], "labEvents": [...], "studyDays": ["2024-03-01"]}]}
/// ```
/// Times are ISO 8601 UTC instants with microseconds when needed (exact round trip); days are
/// local days `YYYY-MM-DD`; ratings and states are names (`Good`, `Review`); a domain is 1…4.
public struct ProgressExport: Codable, Equatable, Sendable {
    /// The format's name, always `gluelab-progress`.
    public var format: String
    /// The format's version (this gluelab writes and reads 1).
    public var version: Int
    /// When the file was written.
    public var exportedAt: String
    /// The learners.
    public var learners: [Learner]

    /// The version this gluelab writes.
    public static let currentVersion = 1
    /// The `format` value.
    public static let formatName = "gluelab-progress"

    /// One learner's history.
    public struct Learner: Codable, Equatable, Sendable {
        /// The learner's name (learners are matched by name on import).
        public var name: String
        /// When the profile was created.
        public var createdAt: String
        /// The learner's cards.
        public var cards: [Card]
        /// Every review, by id.
        public var reviewLogs: [ReviewLog]
        /// Every answer to a question, by id.
        public var attempts: [Attempt]
        /// Every lab event, by id.
        public var labEvents: [LabEvent]
        /// Local study days, `YYYY-MM-DD`.
        public var studyDays: [String]
    }

    /// A card and its scheduler state (the fields of `StoredCard` and `FSRSCard`).
    public struct Card: Codable, Equatable, Sendable {
        public var id: String
        public var topic: String
        public var domain: Int?
        public var state: String
        public var step: Int?
        public var stability: Double?
        public var difficulty: Double?
        public var due: String
        public var lastReview: String?
        public var createdAt: String
    }

    /// One review (the fields of `FSRSReviewLog`, with its id, card and local day).
    public struct ReviewLog: Codable, Equatable, Sendable {
        public var id: String
        public var cardId: String
        public var rating: String
        public var reviewedAt: String
        public var retrievability: Double
        public var elapsedDays: Int64?
        public var scheduledDays: Int64
        /// Microseconds until the card was due again.
        public var interval: Int64
        public var durationMillis: Int64?
        public var day: String
    }

    /// One answer to a question (a row of `question_attempts`).
    public struct Attempt: Codable, Equatable, Sendable {
        public var id: String
        public var questionId: String
        public var answer: String
        public var correct: Bool
        public var timeTakenMillis: Int64
        public var hintsUsed: Int
        public var at: String
        public var day: String
    }

    /// One lab event (`event` is a `LabEventKind` raw value; `step` is absent for `completed`).
    public struct LabEvent: Codable, Equatable, Sendable {
        public var id: String
        public var lab: String
        public var step: String?
        public var event: String
        public var detail: String?
        public var at: String
        public var day: String
    }
}

/// What an import added.
public struct ImportReport: Equatable, Sendable {
    /// Learners that were new.
    public var learnersAdded = 0
    /// Cards that were new.
    public var cardsAdded = 0
    /// Cards that took the imported state (its last review was later).
    public var cardsUpdated = 0
    /// Review logs with a new id.
    public var reviewLogsAdded = 0
    /// Attempts with a new id.
    public var attemptsAdded = 0
    /// Lab events with a new id.
    public var labEventsAdded = 0
    /// Study days that were new.
    public var studyDaysAdded = 0

    /// Whether the import changed nothing (the file had been imported before).
    public var changedNothing: Bool {
        learnersAdded + cardsAdded + cardsUpdated + reviewLogsAdded + attemptsAdded + labEventsAdded + studyDaysAdded == 0
    }
}

extension ProgressExport {
    /// Reads an export file, checking everything before anything is imported.
    /// - Throws: `WorkbenchError.file` naming the file and what is wrong.
    public static func read(path: String) throws -> ProgressExport {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw WorkbenchError.file(path: path, reason: "cannot read: \(error.localizedDescription)")
        }
        return try decode(data, path: path)
    }

    /// Decodes and checks an export.
    public static func decode(_ data: Data, path: String) throws -> ProgressExport {
        if let head = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            guard head["format"] as? String == formatName else {
                throw WorkbenchError.file(path: path, reason: "not a gluelab progress export (expected \"format\": \"\(formatName)\")")
            }
            if let v = head["version"] as? Int, v > currentVersion {
                throw WorkbenchError.file(path: path, reason: "version \(v) was written by a newer gluelab; this one reads version \(currentVersion)")
            }
        } else if (try? JSONSerialization.jsonObject(with: data)) == nil {
            throw WorkbenchError.file(path: path, reason: "not valid JSON")
        } else {
            throw WorkbenchError.file(path: path, reason: "not a gluelab progress export (expected a JSON object)")
        }
        let export: ProgressExport
        do {
            export = try JSONDecoder().decode(ProgressExport.self, from: data)
        } catch let error as DecodingError {
            throw WorkbenchError.file(path: path, reason: Self.describe(error))
        }
        guard export.version == currentVersion else {
            throw WorkbenchError.file(path: path, reason: "version \(export.version) is not one this gluelab reads (\(currentVersion))")
        }
        do {
            _ = try export.checked()
        } catch let problem as ExportProblem {
            throw WorkbenchError.file(path: path, reason: "\(problem.where): \(problem.reason)")
        }
        return export
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let p = path(ctx.codingPath)
            return (p.isEmpty ? "" : p + ": ") + "missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let ctx), .valueNotFound(let type, let ctx):
            return "\(path(ctx.codingPath)): expected \(type == String.self ? "a string" : type == Bool.self ? "true or false" : "a \(type)")"
        case .dataCorrupted(let ctx):
            return (ctx.codingPath.isEmpty ? "" : path(ctx.codingPath) + ": ") + ctx.debugDescription
        @unknown default:
            return "\(error)"
        }
    }
}

/// A value of an export that is not acceptable, with where it is.
struct ExportProblem: Error {
    let `where`: String
    let reason: String
}
