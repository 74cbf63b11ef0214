import Foundation

/// `questions/coverage.yaml`: every claim of the seed text and the questions that cover it.
///
/// ```yaml
/// claims:
///   - id: bookmarks-need-ctx
///     claim: A source is bookmarked only when it has a transformation_ctx.
///     seed: "lines 40-52"
///     questions: [bookmarks-ctx-missing, bookmarks-three-things]
/// ```
public struct QuestionCoverage: Codable, Sendable, Equatable {
    public var claims: [CoverageClaim]

    /// Decodes the coverage file. - Throws: `WorkbenchError.file` naming file, line and field.
    /// - Returns: the coverage and the file's text (for line numbers).
    static func load(_ url: URL) throws -> (QuestionCoverage, String) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WorkbenchError.file(path: url.path, reason: "cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        return (try YAMLSource(path: url.path, text: text).decode(QuestionCoverage.self, what: "coverage"), text)
    }
}

/// One claim of the seed text (`/work/shared/reference/seed-glue-etl.txt`, `reference/seed-glue-etl.txt`).
public struct CoverageClaim: Codable, Sendable, Equatable {
    /// Unique, kebab-case.
    public var id: String
    /// The claim, in a sentence.
    public var claim: String
    /// Where the seed makes it: a line range (`lines 40-52`) or a section title.
    public var seed: String
    /// The ids of the questions that test it: at least two.
    public var questions: [String]
}

extension QuestionCoverage {
    /// Problems with the coverage file: claim ids unique and kebab-case, a claim and a seed
    /// place given, at least two questions per claim, every question id in the bank.
    func problems(path: String, text: String, questionIds: Set<String>) -> [QuestionProblem] {
        let yaml = YAMLSource(path: path, text: text)
        var out: [QuestionProblem] = []
        func add(_ at: [Any], _ message: String) { out.append(QuestionProblem(yaml.error(at, message))) }
        if claims.isEmpty { add(["claims"], "the coverage file lists no claims") }
        var seen: [String: Int] = [:]
        for (i, c) in claims.enumerated() {
            if let first = seen[c.id] { add(["claims", i, "id"], "claim id '\(c.id)' is used twice (also at \(yaml.location(["claims", first, "id"])))") } else { seen[c.id] = i }
            if !QuestionValidator.isKebab(c.id) { add(["claims", i, "id"], "'\(c.id)' is not a kebab-case id (lower-case words joined by '-')") }
            if c.claim.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(["claims", i, "claim"], "the claim is empty") }
            if c.seed.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(["claims", i, "seed"], "name the seed's lines or section") }
            let ids = Set(c.questions)
            if ids.count < 2 { add(["claims", i, "questions"], "claim '\(c.id)' needs at least two questions, not \(ids.count)") }
            for (q, id) in c.questions.enumerated() where !questionIds.contains(id) {
                add(["claims", i, "questions", q], "no question '\(id)' in the bank")
            }
        }
        return out
    }
}
