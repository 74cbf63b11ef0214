import Foundation
import Testing
@testable import Workbench

@Suite struct LineEditorRenderTests {
    @Test func typingAtTheEndWritesOnlyTheNewText() {
        var r = LineRenderer(columns: 80)
        #expect(r.render(prefix: "> ", line: Array("ab"), cursor: 2) == "\r> ab\u{1B}[0K")
        #expect(r.render(prefix: "> ", line: Array("abc"), cursor: 3) == "c")
        #expect(r.render(prefix: "> ", line: Array("abc"), cursor: 1) == "\u{1B}[2D", "moving the cursor is one sequence")
        #expect(r.render(prefix: "> ", line: Array("aXbc"), cursor: 2) == "\r> aXbc\u{1B}[0K\u{1B}[2D")
        r.invalidate()
        #expect(r.render(prefix: "> ", line: Array("aXbc"), cursor: 0).hasPrefix("\r> aXbc"))
    }

    @Test func longLinesScrollSideways() {
        var r = LineRenderer(columns: 12)
        let line = Array("abcdefghijklmnop")
        // Room: 12 - 1 - 2 = 9 columns after the prompt; the cursor may sit in the last column.
        #expect(r.render(prefix: "> ", line: line, cursor: line.count) == "\r> hijklmnop\u{1B}[0K")
        #expect(r.render(prefix: "> ", line: line, cursor: 0).hasPrefix("\r> abcdefghi\u{1B}[0K"))
        #expect(r.scroll == 0)
    }

    @Test func wideCharactersCountTwoColumns() {
        var r = LineRenderer(columns: 80)
        #expect(r.render(prefix: "> ", line: Array("日本"), cursor: 1) == "\r> 日本\u{1B}[0K\u{1B}[2D")
    }

    @Test func candidatesInColumns() {
        #expect(ColumnLayout.lines(["put", "ls", "cat", "rm", "cp"], width: 80) == ["put  ls   cat  rm   cp"])
        #expect(ColumnLayout.lines(["alpha", "beta", "gamma", "delta"], width: 14) == ["alpha  gamma", "beta   delta"])
    }

    @Test func tablesFitTheWidth() {
        let rows = [["NAME", "SCRIPT"], ["daily", "s3://scripts/a/very/long/path/to/the/script.py"]]
        let fitted = JobRender.table(rows, width: 30)
        #expect(fitted.allSatisfy { DisplayWidth.of($0) <= 30 }, "\(fitted)")
        #expect(fitted[1].hasSuffix("…"))
        #expect(JobRender.table(rows, width: nil)[1] == "daily  s3://scripts/a/very/long/path/to/the/script.py")
    }

    @Test func progressBarLine() {
        let line = ProgressBar.line(label: "converting big.csv", done: 50_000_000, total: 100_000_000, width: 80)
        #expect(line.hasPrefix("\rconverting big.csv ["))
        #expect(line.contains(" 50%  50.0 MB / 100.0 MB"))
        #expect(DisplayWidth.of(line.dropFirst().dropLast(4)) < 80)
    }

    @Test func colourOnlyOnATerminalAndNeverWithNO_COLOR() {
        #expect(Terminal.colorEnabled(for: -1, environment: [:]) == false, "not a terminal")
        #expect(Terminal.colorEnabled(for: -1, environment: ["GLUELAB_COLOR": "always"]))
        #expect(Terminal.colorEnabled(for: -1, environment: ["NO_COLOR": "1", "GLUELAB_COLOR": "never"]) == false)
        #expect(Style.red.apply("error:", enabled: true) == "\u{1B}[31merror:\u{1B}[0m")
        #expect(Style.red.apply("error:", enabled: false) == "error:")
    }

    @Test func historyFileKeepsEntriesEscapedCappedAndWithoutRepeats() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-history-\(UUID().uuidString)")
        let url = dir.appendingPathComponent("history")
        var h = LineHistory(url: url, capacity: 4)
        for line in ["a", "a", "b\\c", "line\nbreak", "  ", "d", "e", "f", "g"] { h.add(line) }
        #expect(h.entries == ["d", "e", "f", "g"])
        let reopened = LineHistory(url: url, capacity: 4)
        #expect(reopened.entries == ["d", "e", "f", "g"])
        let all = LineHistory(url: url, capacity: 100)
        #expect(all.entries.count <= 5, "the file is rewritten once it passes the cap plus a quarter: \(all.entries)")
        var other = LineHistory(url: url, capacity: 100)
        other.add("b\\c")
        other.add("line\nbreak")
        #expect(LineHistory(url: url, capacity: 100).entries.suffix(2) == ["b\\c", "line\nbreak"], "escaped and read back")
    }
}
