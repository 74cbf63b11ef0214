import Foundation
import GlueEngine

/// How `srs simulate` shows a replay: an aligned table, or one JSON record per review.
enum SRSRender {
    /// One review as JSON: review, rating, reviewedAt, elapsedDays, retrievability (before), then
    /// the card after: state, step, stability, difficulty, due, interval, scheduledDays.
    static func record(_ step: FSRSSimulation.Step, sequence: Value?) -> DynamicRecord {
        var r = DynamicRecord()
        if let sequence { r["sequence"] = sequence }
        r["review"] = .long(Int64(step.review))
        r["rating"] = .string(step.log.rating.description)
        r["reviewedAt"] = .string(Timestamps.format(step.log.reviewedAt))
        r["elapsedDays"] = step.log.elapsedDays.map { .long($0) } ?? .null
        r["retrievability"] = .double(step.log.retrievability)
        r["state"] = .string(step.card.state.description)
        r["step"] = step.card.step.map { .long(Int64($0)) } ?? .null
        r["stability"] = step.card.stability.map { .double($0) } ?? .null
        r["difficulty"] = step.card.difficulty.map { .double($0) } ?? .null
        r["due"] = .string(Timestamps.format(step.card.due))
        r["interval"] = .string(Timestamps.formatDuration(step.log.interval))
        r["scheduledDays"] = .long(step.log.scheduledDays)
        return r
    }

    /// The replay as an aligned table, one row per review.
    static func table(_ steps: [FSRSSimulation.Step]) -> String {
        let header = ["#", "rating", "reviewed at", "elapsed", "R before", "state", "step", "stability", "difficulty", "due", "interval"]
        let rows: [[String]] = steps.map { s in
            [String(s.review), s.log.rating.description, Timestamps.format(s.log.reviewedAt),
             s.log.elapsedDays.map { "\($0)d" } ?? "-", String(format: "%.4f", s.log.retrievability),
             s.card.state.description, s.card.step.map(String.init) ?? "-",
             s.card.stability.map { String(format: "%.6f", $0) } ?? "-",
             s.card.difficulty.map { String(format: "%.6f", $0) } ?? "-",
             Timestamps.format(s.card.due), Timestamps.formatDuration(s.log.interval)]
        }
        let all = [header] + rows
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        let numeric: Set<Int> = [0, 3, 4, 6, 7, 8, 10]
        return all.map { row in
            row.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - row[c].count)
                return numeric.contains(c) ? pad + row[c] : row[c] + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }
}
