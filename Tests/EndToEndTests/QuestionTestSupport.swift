import Foundation
import Testing

/// The fixture question bank beside the Workbench tests (Tests/WorkbenchTests/Fixtures/questions).
let fixtureQuestionsPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("WorkbenchTests/Fixtures/questions").path

extension GluelabProcess {
    /// Runs `gluelab args...` with `environment` added (GLUELAB_QUESTIONS defaults to the
    /// fixture bank).
    func runBank(_ args: [String], environment: [String: String] = [:], stdin: String? = nil) throws -> Result {
        var withBank = self
        withBank.environment.merge(["GLUELAB_QUESTIONS": fixtureQuestionsPath]) { current, _ in current }
        withBank.environment.merge(environment) { $1 }
        return try withBank.run(args, stdin: stdin)
    }

    /// `runBank` with the fixture bank, expecting success; returns standard output.
    func ask(_ args: [String], environment: [String: String] = [:], stdin: String? = nil,
             sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let r = try runBank(args, environment: environment, stdin: stdin)
        #expect(r.status == 0, "gluelab \(args.joined(separator: " ")) failed: \(r.stderr)", sourceLocation: sourceLocation)
        return r.stdout
    }
}
