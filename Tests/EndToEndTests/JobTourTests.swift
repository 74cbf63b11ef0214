import Foundation
import Testing

/// The README's "Glue jobs and bookmarks" tour, run as written: the job script and the data are
/// taken from README.md itself, so the README cannot drift from what gluelab does.
@Suite struct JobTourTests {
    /// README.md at the repository root.
    static func readme() throws -> String {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The fenced block of `language` that follows `marker` in the README.
    static func block(after marker: String, language: String, in text: String) throws -> String {
        let start = try #require(text.range(of: marker)).upperBound
        let open = try #require(text.range(of: "```\(language)\n", range: start..<text.endIndex))
        let close = try #require(text.range(of: "```", range: open.upperBound..<text.endIndex))
        return String(text[open.upperBound..<close.lowerBound])
    }

    @Test func hourlyJobReadsOnlyTheNewObjectOnItsSecondRun() throws {
        let readme = try Self.readme()
        let g = try GluelabProcess()
        _ = try g.file("hourly.py", try Self.block(after: "Save a Glue Studio-style job as `hourly.py`:", language: "python", in: readme))
        var report = ""
        for line in try Self.block(after: "Run it every \"hour\"", language: "sh", in: readme).split(separator: "\n") {
            if line.hasPrefix("printf ") {
                // printf 'text' > file: the tour's data files.
                let text = line.components(separatedBy: "'")[1].replacingOccurrences(of: "\\n", with: "\n")
                _ = try g.file(try #require(line.components(separatedBy: "> ").last), text)
                continue
            }
            let args = line.replacingOccurrences(of: "swift run gluelab ", with: "").split(separator: " ").map { word in
                !word.hasPrefix("s3:") && (word.hasSuffix(".csv") || word.hasSuffix(".py")) ? g.workDir.appendingPathComponent(String(word)).path : String(word)
            }
            report = try g.ok(args)
        }
        // The README shows the second run's report with its run id shortened.
        let expected = try Self.block(after: "swift run gluelab run hourly.py --job-bookmark-option job-bookmark-enable\n```\n",
                                      language: "", in: readme)
        let masked = report.replacingOccurrences(of: #"jr_([0-9a-f]{4})[0-9a-f]{60}"#, with: "jr_$1…", options: .regularExpression)
        let shown = expected.replacingOccurrences(of: #"jr_[0-9a-f]{4}…"#, with: "jr_ID", options: .regularExpression)
        #expect(masked.replacingOccurrences(of: #"jr_[0-9a-f]{4}…"#, with: "jr_ID", options: .regularExpression) == shown)
    }
}
