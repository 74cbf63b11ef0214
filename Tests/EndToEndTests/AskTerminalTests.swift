import Foundation
import Testing

/// `ask` inside the REPL on a pseudo-terminal: question ids complete, the answer line is read
/// in the middle of a REPL session, and the REPL goes on afterwards.
@Suite struct AskTerminalTests {
    @Test func askCompletesIdsAndTakesAnAnswerInTheREPL() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-pty-\(UUID().uuidString)")
        let t = try PseudoTerminalSession(home: home, environment: ["GLUELAB_QUESTIONS": fixtureQuestionsPath])
        #expect(t.waitForLine(""))
        t.type("ask fixture-bookmark-o\t")
        #expect(t.waitForLine("ask fixture-bookmark-option "), "\(t.screen.text)")
        t.type("\r")
        #expect(t.wait { $0.text.contains("Your answer (A-B):") }, "\(t.screen.text)")
        t.type("B\r")
        #expect(t.wait { $0.text.contains("Incorrect: you chose B; the answer is A.") }, "\(t.screen.text)")
        #expect(t.wait { $0.text.contains("Run it? Plays your option and the right one on the engine [y/N]:") }, "\(t.screen.text)")
        t.type("n\r")
        #expect(t.waitForLine(""), "back at the prompt: \(t.screen.text)")
        t.type("\u{04}")
        #expect(t.waitForExit() == 0)
    }
}
