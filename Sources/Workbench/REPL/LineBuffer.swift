/// The text being edited: grapheme clusters and a cursor between them (0 = before the first).
/// Editing is by whole grapheme clusters, so a cursor never lands inside `é` (e + combining
/// acute) or a flag; widths come from `DisplayWidth`.
struct LineBuffer: Equatable {
    private(set) var chars: [Character] = []
    /// Characters before the cursor.
    private(set) var cursor = 0

    init(_ text: String = "") {
        chars = Array(text)
        cursor = chars.count
    }

    var text: String { String(chars) }
    var isEmpty: Bool { chars.isEmpty }
    /// The text before the cursor.
    var beforeCursor: String { String(chars[..<cursor]) }

    /// Inserts `text` at the cursor (control characters are dropped; a tab becomes a space).
    /// Characters that join the text around them (a combining mark) merge with it.
    mutating func insert(_ text: String) {
        let clean = String(text.unicodeScalars.compactMap { s -> Character? in
            if s == "\t" { return " " }
            if s.value < 0x20 || s.value == 0x7F || (s.value >= 0x80 && s.value < 0xA0) { return nil }
            return Character(s)
        })
        guard !clean.isEmpty else { return }
        let before = String(chars[..<cursor]) + clean
        let all = before + String(chars[cursor...])
        chars = Array(all)
        cursor = min(before.count, chars.count)
    }

    /// Replaces the whole text and puts the cursor at the end.
    mutating func set(_ text: String) {
        chars = Array(text)
        cursor = chars.count
    }

    /// Replaces characters `range` with `text`, the cursor after it.
    mutating func replace(_ range: Range<Int>, with text: String) {
        let before = String(chars[..<range.lowerBound]) + text
        chars = Array(before + String(chars[range.upperBound...]))
        cursor = min(before.count, chars.count)
    }

    @discardableResult
    mutating func moveLeft() -> Bool {
        guard cursor > 0 else { return false }
        cursor -= 1
        return true
    }

    @discardableResult
    mutating func moveRight() -> Bool {
        guard cursor < chars.count else { return false }
        cursor += 1
        return true
    }

    mutating func moveHome() { cursor = 0 }
    mutating func moveEnd() { cursor = chars.count }

    /// Moves to the start of the word before the cursor (words are runs of non-spaces).
    mutating func moveWordLeft() { cursor = wordStart(before: cursor) }

    /// Moves past the end of the word after the cursor.
    mutating func moveWordRight() {
        var i = cursor
        while i < chars.count, chars[i] == " " { i += 1 }
        while i < chars.count, chars[i] != " " { i += 1 }
        cursor = i
    }

    /// Deletes the character before the cursor.
    @discardableResult
    mutating func backspace() -> Bool {
        guard cursor > 0 else { return false }
        chars.remove(at: cursor - 1)
        cursor -= 1
        return true
    }

    /// Deletes the character under the cursor.
    @discardableResult
    mutating func deleteForward() -> Bool {
        guard cursor < chars.count else { return false }
        chars.remove(at: cursor)
        return true
    }

    /// Ctrl-K: deletes from the cursor to the end; returns what was deleted.
    mutating func killToEnd() -> String {
        let killed = String(chars[cursor...])
        chars.removeSubrange(cursor...)
        return killed
    }

    /// Ctrl-U: deletes from the start to the cursor; returns what was deleted.
    mutating func killToStart() -> String {
        let killed = String(chars[..<cursor])
        chars.removeSubrange(..<cursor)
        cursor = 0
        return killed
    }

    /// Ctrl-W: deletes the word before the cursor (and the spaces after it); returns it.
    mutating func killWordBack() -> String {
        let start = wordStart(before: cursor)
        let killed = String(chars[start..<cursor])
        chars.removeSubrange(start..<cursor)
        cursor = start
        return killed
    }

    /// Alt-D: deletes the word after the cursor; returns it.
    mutating func killWordForward() -> String {
        var end = cursor
        while end < chars.count, chars[end] == " " { end += 1 }
        while end < chars.count, chars[end] != " " { end += 1 }
        let killed = String(chars[cursor..<end])
        chars.removeSubrange(cursor..<end)
        return killed
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, chars[i - 1] == " " { i -= 1 }
        while i > 0, chars[i - 1] != " " { i -= 1 }
        return i
    }

    /// Columns the text before the cursor takes.
    var cursorColumn: Int { DisplayWidth.of(chars[..<cursor]) }
    /// Columns the whole text takes.
    var width: Int { DisplayWidth.of(chars[...]) }
}
