import Foundation
import Testing
@testable import Workbench

@Suite struct LineEditorCompletionTests {
    let completer = CommandCompleter(tree: CommandTree.gluelab,
                                     home: FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-none-\(UUID().uuidString)"))

    private func texts(_ line: String) -> [String] {
        completer.complete(line, cursor: line.count).candidates.map(\.text)
    }

    @Test func commandsSubcommandsAndOptions() {
        #expect(texts("cl") == ["clock"])
        #expect(Set(texts("")).isSuperset(of: ["s3", "clock", "frame", "job", "help", "exit"]))
        #expect(texts("s3 ") == ["put", "ls", "cat", "rm", "cp"])
        #expect(texts("gluelab s3 c") == ["cat", "cp"], "a leading gluelab is ignored")
        #expect(texts("clock show --") == ["--sandbox", "--json", "--help"])
        #expect(texts("help cr") == ["crawler"])
        #expect(texts("help s3 l") == ["ls"])
        #expect(completer.complete("s3 l", cursor: 4).start == 3)
    }

    @Test func valuesFromRulesAndSources() {
        var c = completer
        c.valueSources["job"] = { ctx in ctx.sandbox == "dev" ? ["nightly", "hourly"] : ["daily"] }
        #expect(c.complete("job run ", cursor: 8).candidates.map(\.text) == ["daily"])
        #expect(c.complete("job run --sandbox dev n", cursor: 23).candidates.map(\.text) == ["nightly"], "--sandbox on the line is respected")
        #expect(c.complete("runs --job d", cursor: 12).candidates.map(\.text) == ["daily"])
    }

    @Test func labIdsQuestionIdsAndQuizTopicsComplete() {
        var c = completer
        c.valueSources["lab"] = { _ in ["hourly-reprocessing", "schema-drift"] }
        c.valueSources["question"] = { _ in ["bookmarks-ctx", "crawlers-policy"] }
        c.valueSources["question-topic"] = { _ in ["bookmarks", "crawlers"] }
        #expect(c.complete("lab start h", cursor: 11).candidates.map(\.text) == ["hourly-reprocessing"])
        #expect(c.complete("ask cr", cursor: 6).candidates.map(\.text) == ["crawlers-policy"])
        #expect(c.complete("quiz --topic b", cursor: 14).candidates.map(\.text) == ["bookmarks"])
    }

    @Test func wordsWithQuotesAndEscapes() {
        #expect(CompletionWords.split("s3 put 'my file.csv' s3://b/").map(\.text) == ["s3", "put", "my file.csv", "s3://b/"])
        #expect(CompletionWords.split("a\\ b c").map(\.text) == ["a b", "c"])
        #expect(CompletionWords.escape("my file.csv") == "my\\ file.csv")
        #expect(CommandCompleter.sandbox(in: ["s3", "ls", "--sandbox=dev"]) == "dev")
    }
}
