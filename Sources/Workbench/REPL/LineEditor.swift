/// The line editor without a terminal: a buffer, history browsing, Ctrl-R search, the kill
/// buffer and Tab completion, driven one `Key` at a time. `TerminalLineEditor` feeds it keys and
/// draws what `display(prompt:)` returns; tests drive it directly.
struct LineEditor {
    /// What the terminal should do after a key.
    enum Outcome: Equatable {
        /// Redraw the line.
        case redraw
        /// The line is entered.
        case submit(String)
        /// Ctrl-C: the line is dropped.
        case cancel
        /// Ctrl-D on an empty line.
        case endOfInput
        /// Ctrl-L: clear the screen, then redraw.
        case clearScreen
        /// A second Tab: show these candidates below the line, then redraw.
        case list([String])
        /// Nothing to do for this key (ring the bell).
        case bell
        /// Nothing changed.
        case none
    }

    /// Ctrl-R in progress.
    struct Search: Equatable {
        var query = ""
        /// The history index of the entry found.
        var match: Int?
        var failed = false
        /// The line before the search began (restored by Ctrl-G / Escape).
        var original: String
    }

    private(set) var buffer = LineBuffer()
    private(set) var search: Search?
    private let history: [String]
    private var historyIndex: Int
    /// The new line, kept while the learner browses history.
    private var draft = ""
    private var killed = ""
    private var lastWasTab = false
    private let completer: LineCompleter?

    init(history: [String], completer: LineCompleter? = nil) {
        self.history = history
        self.historyIndex = history.count
        self.completer = completer
    }

    /// What to draw: the text before the editable line (the prompt, or the search prompt),
    /// the line, and the cursor as a character index into the line.
    func display(prompt: String) -> (prefix: String, line: [Character], cursor: Int) {
        guard let s = search else { return (prompt, buffer.chars, buffer.cursor) }
        let prefix = "(\(s.failed ? "failed " : "")reverse-i-search)`\(s.query)': "
        guard let m = s.match else { return (prefix, Array(s.original), s.original.count) }
        let entry = history[m]
        let at = entry.range(of: s.query).map { entry.distance(from: entry.startIndex, to: $0.lowerBound) } ?? entry.count
        return (prefix, Array(entry), at)
    }

    /// Applies one key.
    mutating func handle(_ key: Key) -> Outcome {
        if search != nil, let outcome = handleSearch(key) { return outcome }
        defer { if key != .tab { lastWasTab = false } }
        switch key {
        case .text(let t):
            buffer.insert(t)
            return .redraw
        case .enter: return .submit(buffer.text)
        case .tab: return complete()
        case .backspace: return buffer.backspace() ? .redraw : .bell
        case .delete: return buffer.deleteForward() ? .redraw : .bell
        case .endOfInput:
            if buffer.isEmpty { return .endOfInput }
            return buffer.deleteForward() ? .redraw : .bell
        case .interrupt: return .cancel
        case .left: return buffer.moveLeft() ? .redraw : .bell
        case .right: return buffer.moveRight() ? .redraw : .bell
        case .home: buffer.moveHome(); return .redraw
        case .end: buffer.moveEnd(); return .redraw
        case .wordLeft: buffer.moveWordLeft(); return .redraw
        case .wordRight: buffer.moveWordRight(); return .redraw
        case .up: return older()
        case .down: return newer()
        case .killToEnd: return kill(buffer.killToEnd())
        case .killToStart: return kill(buffer.killToStart())
        case .killWordBack: return kill(buffer.killWordBack())
        case .killWordForward: return kill(buffer.killWordForward())
        case .yank:
            guard !killed.isEmpty else { return .bell }
            buffer.insert(killed)
            return .redraw
        case .clearScreen: return .clearScreen
        case .reverseSearch:
            search = Search(original: buffer.text)
            return .redraw
        case .abort: return .none
        case .unknown: return .none
        }
    }

    private mutating func kill(_ text: String) -> Outcome {
        guard !text.isEmpty else { return .bell }
        killed = text
        return .redraw
    }

    private mutating func older() -> Outcome {
        guard historyIndex > 0 else { return .bell }
        if historyIndex == history.count { draft = buffer.text }
        historyIndex -= 1
        buffer.set(history[historyIndex])
        return .redraw
    }

    private mutating func newer() -> Outcome {
        guard historyIndex < history.count else { return .bell }
        historyIndex += 1
        buffer.set(historyIndex == history.count ? draft : history[historyIndex])
        return .redraw
    }

    // MARK: Ctrl-R

    /// Handles a key during a search; nil when the key ends the search and is then applied
    /// to the line (cursor keys, Ctrl-A/E...).
    private mutating func handleSearch(_ key: Key) -> Outcome? {
        guard var s = search else { return nil }
        switch key {
        case .text(let t):
            s.query += t
            find(&s, from: s.match ?? history.count - 1)
        case .backspace:
            guard !s.query.isEmpty else { return .bell }
            s.query.removeLast()
            s.failed = false
            s.match = nil
            if !s.query.isEmpty { find(&s, from: history.count - 1) }
        case .reverseSearch:
            guard !s.query.isEmpty else { return .bell }
            find(&s, from: (s.match ?? history.count) - 1)
        case .abort:
            search = nil
            buffer.set(s.original)
            return .redraw
        case .interrupt:
            search = nil
            return .cancel
        case .enter:
            accept(s)
            return .submit(buffer.text)
        default:
            accept(s)
            if key == .tab || key == .clearScreen { return key == .clearScreen ? .clearScreen : .redraw }
            return nil
        }
        search = s
        return .redraw
    }

    /// Finds the newest entry at or before `from` that contains the query.
    private func find(_ s: inout Search, from: Int) {
        guard !s.query.isEmpty else { return }
        var i = min(from, history.count - 1)
        while i >= 0 {
            if history[i].contains(s.query) {
                s.match = i
                s.failed = false
                return
            }
            i -= 1
        }
        s.failed = true
    }

    private mutating func accept(_ s: Search) {
        search = nil
        if let m = s.match {
            buffer.set(history[m])
            historyIndex = m
            draft = s.original
        } else {
            buffer.set(s.original)
        }
    }

    // MARK: Tab

    private mutating func complete() -> Outcome {
        guard let completer else { return .bell }
        let result = completer(buffer.text, buffer.cursor)
        let start = min(result.start, buffer.cursor)
        let word = String(buffer.chars[start..<buffer.cursor])
        switch result.candidates.count {
        case 0:
            return .bell
        case 1:
            let c = result.candidates[0]
            buffer.replace(start..<buffer.cursor, with: c.text + (c.isFinal ? " " : ""))
            return .redraw
        default:
            let prefix = result.commonPrefix
            if prefix.count > word.count, prefix.hasPrefix(word) {
                buffer.replace(start..<buffer.cursor, with: prefix)
                lastWasTab = true
                return .redraw
            }
            if lastWasTab { return .list(result.candidates.map { $0.display ?? $0.text }) }
            lastWasTab = true
            return .bell
        }
    }
}
