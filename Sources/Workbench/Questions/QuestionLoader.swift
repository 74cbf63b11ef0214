import Foundation

/// A problem found in the bank: where (`file:line`) and what (`field: message`).
public struct QuestionProblem: Sendable, Equatable, CustomStringConvertible {
    public var location: String
    public var message: String

    public init(location: String, message: String) {
        self.location = location
        self.message = message
    }

    /// From a thrown error (`WorkbenchError.file` keeps its path as the location).
    public init(_ error: Error) {
        if case .file(let path, let reason) = error as? WorkbenchError { self.init(location: path, message: reason) } else { self.init(location: "", message: "\(error)") }
    }

    public var description: String { location.isEmpty ? message : "\(location): \(message)" }
}

/// One question file as loaded: its path, text (for line numbers) and questions.
public struct QuestionSourceFile: Sendable {
    /// The file's path.
    public let path: String
    public let text: String
    public let questions: [Question]

    var yaml: YAMLSource { YAMLSource(path: path, text: text) }
}

/// The loaded bank: every question of `questions/*.yaml`, in file order (files sorted by name).
public struct QuestionBank: Sendable {
    /// The questions folder (scenario files are relative to it).
    public let root: URL
    public let files: [QuestionSourceFile]
    /// The coverage file, when there is one.
    public let coverage: QuestionCoverage?
    /// The coverage file's text (for line numbers).
    let coverageText: String?

    /// A bank of already loaded files.
    public init(root: URL, files: [QuestionSourceFile], coverage: QuestionCoverage? = nil, coverageText: String? = nil) {
        self.root = root
        self.files = files
        self.coverage = coverage
        self.coverageText = coverageText
    }

    /// The coverage file's path.
    public var coveragePath: String { root.appendingPathComponent(QuestionLoader.coverageFile).path }

    /// Every question, file by file.
    public var questions: [Question] { files.flatMap(\.questions) }

    /// The question with `id`.
    public func question(_ id: String) -> Question? {
        for f in files { if let q = f.questions.first(where: { $0.id == id }) { return q } }
        return nil
    }

    /// Ids close to `id` (shared words, prefix or small edit distance), best first, at most `limit`.
    public func closeIds(to id: String, limit: Int = 3) -> [String] {
        let wanted = id.lowercased()
        let words = Set(wanted.split(separator: "-").map(String.init))
        let scored = questions.map { q -> (String, Int) in
            let other = q.id.lowercased()
            var score = QuestionBank.distance(wanted, other)
            if other.hasPrefix(wanted) || other.contains(wanted) { score -= 100 }
            score -= 10 * Set(other.split(separator: "-").map(String.init)).intersection(words).count
            return (q.id, score)
        }
        let limitDistance = max(3, wanted.count / 3)
        let near = scored.filter { $0.1 <= limitDistance }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best = near.first?.1 else { return [] }
        return near.filter { $0.1 <= best + 2 }.prefix(limit).map(\.0)
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.utf8), b = Array(b.utf8)
        if a.isEmpty { return b.count }
        var row = Array(0...b.count)
        for i in 1...a.count {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let old = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = old
            }
        }
        return row[b.count]
    }
}

/// Finds and loads the question bank. It lives in `questions/*.yaml` at the repository root
/// (`coverage.yaml` there is the coverage file, not questions); the folder is
/// `$GLUELAB_QUESTIONS` when set, else the first `questions/` found walking up from the running
/// executable and then from the working directory (as `LabLoader` finds `labs/`).
public struct QuestionLoader: Sendable {
    /// The questions folder.
    public let root: URL

    public init(root: URL) { self.root = root }

    /// The name of the coverage file in the questions folder.
    public static let coverageFile = "coverage.yaml"

    /// The questions folder for this process. - Throws: `WorkbenchError.file` when none is found.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> QuestionLoader {
        if let dir = environment["GLUELAB_QUESTIONS"], !dir.isEmpty { return QuestionLoader(root: URL(fileURLWithPath: dir)) }
        if let found = LabLoader.findFolder(named: "questions") { return QuestionLoader(root: found) }
        throw WorkbenchError.file(path: "questions", reason: "no questions folder found (set GLUELAB_QUESTIONS to the repository's questions/ folder)")
    }

    /// The question files (`*.yaml` but the coverage file), sorted by name.
    public func fileURLs() -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && $0 != Self.coverageFile }.sorted()
            .map { root.appendingPathComponent($0) }
    }

    /// Decodes every question file and the coverage file; a file that does not decode is a
    /// problem (`file:line: field: message`) and is left out.
    public func loadFiles() -> (bank: QuestionBank, problems: [QuestionProblem]) {
        var files: [QuestionSourceFile] = []
        var problems: [QuestionProblem] = []
        for url in fileURLs() {
            do { files.append(try Self.decode(url)) } catch { problems.append(QuestionProblem(error)) }
        }
        var coverage: (QuestionCoverage, String)?
        let coverageURL = root.appendingPathComponent(Self.coverageFile)
        if FileManager.default.fileExists(atPath: coverageURL.path) {
            do { coverage = try QuestionCoverage.load(coverageURL) } catch { problems.append(QuestionProblem(error)) }
        }
        return (QuestionBank(root: root, files: files, coverage: coverage?.0, coverageText: coverage?.1), problems)
    }

    /// Loads and validates the whole bank; `lab` names are checked only against `labs` when
    /// given (the self-check does; answering does not need the labs, which may be elsewhere).
    /// The coverage file is not checked here (`QuestionValidator.coverageProblems`).
    /// - Throws: `WorkbenchError.file` naming the file, line and field of the first problem.
    public func load(labs: LabLoader? = nil) throws -> QuestionBank {
        let (bank, problems) = loadFiles()
        let all = problems + QuestionValidator(bank: bank, labIds: labs.map { Set($0.ids()) }).problems()
        if let first = all.first {
            let more = all.count > 1 ? " (and \(all.count - 1) more: gluelab dev check-questions lists them)" : ""
            throw WorkbenchError.file(path: first.location, reason: first.message + more)
        }
        return bank
    }

    /// Decodes one question file.
    static func decode(_ url: URL) throws -> QuestionSourceFile {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw WorkbenchError.file(path: url.path, reason: "cannot be read")
        }
        let text = String(decoding: data, as: UTF8.self)
        let file = try YAMLSource(path: url.path, text: text).decode(QuestionFile.self, what: "questions")
        return QuestionSourceFile(path: url.path, text: text, questions: file.questions)
    }
}
