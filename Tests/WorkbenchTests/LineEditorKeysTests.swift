import Testing
@testable import Workbench

@Suite struct LineEditorKeysTests {
    private func keys(_ bytes: [UInt8]) -> [Key] {
        var d = KeyDecoder()
        return d.feed(bytes)
    }

    @Test func decodesCursorKeysInTheirCommonVariants() {
        #expect(keys(Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D".utf8)) == [.up, .down, .right, .left])
        #expect(keys(Array("\u{1B}OA\u{1B}OH\u{1B}OF".utf8)) == [.up, .home, .end])
        #expect(keys(Array("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~\u{1B}[3~".utf8)) == [.home, .end, .home, .end, .home, .end, .delete])
        #expect(keys(Array("\u{1B}[1;5C\u{1B}[1;5D\u{1B}b\u{1B}f".utf8)) == [.wordRight, .wordLeft, .wordLeft, .wordRight])
        #expect(keys([1, 5, 11, 21, 23, 12, 18, 3, 4, 13, 9, 127]) ==
                [.home, .end, .killToEnd, .killToStart, .killWordBack, .clearScreen, .reverseSearch, .interrupt, .endOfInput, .enter, .tab, .backspace])
    }

    @Test func decodesUTF8AndSequencesSplitAcrossReads() {
        var d = KeyDecoder()
        let bytes = Array("ab日\u{1B}[A".utf8)
        var out: [Key] = []
        for b in bytes { out += d.feed([b]) }
        #expect(out == [.text("a"), .text("b"), .text("日"), .up])
        #expect(keys(Array("héllo wörld".utf8)) == [.text("héllo wörld")], "a paste is one run of text")
        var lone = KeyDecoder()
        #expect(lone.feed([0x1B]) == [])
        #expect(lone.hasPending)
        #expect(lone.flush() == [.abort], "Escape on its own")
    }

    @Test func historyUpDownKeepsTheCurrentLine() {
        var e = LineEditor(history: ["clock show", "s3 ls"])
        _ = e.handle(.text("fr"))
        #expect(e.handle(.up) == .redraw && e.buffer.text == "s3 ls")
        #expect(e.handle(.up) == .redraw && e.buffer.text == "clock show")
        #expect(e.handle(.up) == .bell)
        _ = e.handle(.down)
        _ = e.handle(.down)
        #expect(e.buffer.text == "fr")
        #expect(e.handle(.down) == .bell)
        #expect(e.handle(.enter) == .submit("fr"))
    }

    @Test func reverseSearch() {
        var e = LineEditor(history: ["clock show", "s3 ls s3://b/", "clock advance 1h", "frame show x.csv"])
        _ = e.handle(.reverseSearch)
        _ = e.handle(.text("clo"))
        #expect(e.display(prompt: "> ").prefix == "(reverse-i-search)`clo': ")
        #expect(String(e.display(prompt: "> ").line) == "clock advance 1h")
        _ = e.handle(.reverseSearch)
        #expect(String(e.display(prompt: "> ").line) == "clock show", "Ctrl-R again finds an older match")
        _ = e.handle(.text("zz"))
        #expect(e.display(prompt: "> ").prefix.hasPrefix("(failed reverse-i-search)"))
        _ = e.handle(.backspace)
        _ = e.handle(.backspace)
        #expect(String(e.display(prompt: "> ").line) == "clock advance 1h")
        #expect(e.handle(.end) == .redraw && e.search == nil && e.buffer.text == "clock advance 1h", "a cursor key leaves the search with the line")
        var aborted = LineEditor(history: ["clock show"])
        _ = aborted.handle(.text("typed"))
        _ = aborted.handle(.reverseSearch)
        _ = aborted.handle(.text("clock"))
        _ = aborted.handle(.abort)
        #expect(aborted.buffer.text == "typed", "Ctrl-G gives the line back")
    }

    @Test func ctrlCAndCtrlD() {
        var e = LineEditor(history: [])
        #expect(e.handle(.endOfInput) == .endOfInput)
        _ = e.handle(.text("ab"))
        _ = e.handle(.home)
        #expect(e.handle(.endOfInput) == .redraw && e.buffer.text == "b", "Ctrl-D in a line deletes forward")
        #expect(e.handle(.interrupt) == .cancel)
    }

    @Test func killAndYank() {
        var e = LineEditor(history: [])
        _ = e.handle(.text("clock show"))
        _ = e.handle(.killWordBack)
        _ = e.handle(.home)
        _ = e.handle(.yank)
        #expect(e.buffer.text == "showclock ")
    }

    @Test func tabCompletesThenLists() {
        let completer: LineCompleter = { line, cursor in
            let word = String(line.prefix(cursor).split(separator: " ", omittingEmptySubsequences: false).last ?? "")
            let all = ["clock", "catalog", "crawler", "cost"].filter { $0.hasPrefix(word) }
            return CompletionResult(start: cursor - word.count, candidates: all.map { CompletionCandidate($0) })
        }
        var e = LineEditor(history: [], completer: completer)
        _ = e.handle(.text("cl"))
        #expect(e.handle(.tab) == .redraw && e.buffer.text == "clock ")
        var many = LineEditor(history: [], completer: completer)
        _ = many.handle(.text("c"))
        #expect(many.handle(.tab) == .bell)
        var prefix = LineEditor(history: [], completer: completer)
        _ = prefix.handle(.text("cr"))
        #expect(prefix.handle(.tab) == .redraw && prefix.buffer.text == "crawler ")
        var listing = LineEditor(history: [], completer: completer)
        _ = listing.handle(.text("c"))
        _ = listing.handle(.tab)
        #expect(listing.handle(.tab) == .list(["clock", "catalog", "crawler", "cost"]))
    }
}
