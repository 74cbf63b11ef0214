/// Draws the edited line on one terminal row and returns the bytes to write.
///
/// Long lines scroll horizontally (as linenoise and zsh's single-line mode do) rather than
/// wrap: the row never changes, so a redraw is always `CR`, the text, erase-to-end-of-line
/// and a cursor move, which stays correct after the terminal is resized. The last column is
/// never written, so the terminal never wraps on its own.
///
/// Redraws are minimal: typing at the end of the line writes just the new text, moving the
/// cursor over unchanged text writes one cursor-move sequence, anything else rewrites the row.
struct LineRenderer {
    /// What is on the row now.
    struct Frame: Equatable {
        var prefix: String
        var visible: String
        var visibleWidth: Int
        var cursorColumn: Int
    }

    var columns: Int
    /// The first character of the line that is on screen.
    private(set) var scroll = 0
    private(set) var last: Frame?

    init(columns: Int) {
        self.columns = columns
    }

    /// Forgets what is on screen (after a resize, a clear or a list): the next render rewrites the row.
    mutating func invalidate() { last = nil }

    /// The bytes that show `line` after `prefix` with the cursor before character `cursor`.
    /// `styledPrefix` is the prefix with colour codes, written in its place (same width).
    mutating func render(prefix: String, styledPrefix: String? = nil, line: [Character], cursor: Int) -> String {
        let prefixWidth = DisplayWidth.of(prefix)
        let room = max(1, columns - 1 - prefixWidth)
        let widths = line.map(DisplayWidth.of)
        let total = widths.reduce(0, +)
        if total <= room {
            scroll = 0
        } else {
            if cursor < scroll { scroll = cursor }
            while scroll < cursor, widths[scroll..<cursor].reduce(0, +) > room { scroll += 1 }
            while scroll > 0, widths[(scroll - 1)...].reduce(0, +) <= room { scroll -= 1 }
        }
        var visible = ""
        var used = 0
        var i = scroll
        while i < line.count, used + widths[i] <= room {
            visible.append(line[i])
            used += widths[i]
            i += 1
        }
        let cursorColumn = prefixWidth + widths[scroll..<max(scroll, min(cursor, line.count))].reduce(0, +)
        let frame = Frame(prefix: prefix, visible: visible, visibleWidth: used, cursorColumn: cursorColumn)
        defer { last = frame }
        if let old = last, old.prefix == prefix {
            if old.visible == visible {
                return Self.move(from: old.cursorColumn, to: cursorColumn)
            }
            let oldEnd = prefixWidth + old.visibleWidth
            if old.cursorColumn == oldEnd, cursorColumn == prefixWidth + used, visible.hasPrefix(old.visible) {
                return String(visible.dropFirst(old.visible.count))
            }
        }
        return "\r" + (styledPrefix ?? prefix) + visible + "\u{1B}[0K" + Self.move(from: prefixWidth + used, to: cursorColumn)
    }

    /// The sequence that moves the cursor along the row.
    static func move(from: Int, to: Int) -> String {
        if to == from { return "" }
        if to == 0 { return "\r" }
        return to > from ? "\u{1B}[\(to - from)C" : "\u{1B}[\(from - to)D"
    }
}
