import Testing
@testable import Workbench

@Suite struct LineEditorBufferTests {
    @Test func editsWholeGraphemeClusters() {
        var b = LineBuffer("cafe")
        b.insert("\u{301}")  // combining acute joins the e
        #expect(b.text == "café" && b.chars.count == 4 && b.cursor == 4)
        b.moveLeft()
        #expect(b.cursor == 3)
        b.backspace()
        #expect(b.text == "caé")
        b.set("🇫🇷x")
        b.moveLeft()
        b.backspace()
        #expect(b.text == "x", "a flag is one character")
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("ｘ") == 2, "fullwidth forms")
        #expect(DisplayWidth.truncate("abcdef", to: 4) == "abc…")
        #expect(DisplayWidth.truncate("日本語", to: 4) == "日…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
        var b = LineBuffer("日本x")
        b.moveLeft()
        #expect(b.cursorColumn == 4 && b.width == 5)
    }

    @Test func killKeysAndWords() {
        var b = LineBuffer("s3 ls s3://bucket/key")
        #expect(b.killWordBack() == "s3://bucket/key")
        #expect(b.text == "s3 ls ")
        b.moveWordLeft()
        #expect(b.cursor == 3)
        #expect(b.killToEnd() == "ls ")
        #expect(b.text == "s3 ")
        b.moveHome()
        #expect(b.killWordForward() == "s3")
        b.set("abc")
        b.moveLeft()
        #expect(b.killToStart() == "ab" && b.text == "c" && b.cursor == 0)
        b.insert("x\u{1B}[A\ty")
        #expect(b.text == "x[A yc", "control characters are dropped, a tab is a space")
    }
}
