/// One way to complete the word at the cursor.
struct CompletionCandidate: Equatable, Sendable {
    /// The text that replaces the word (already escaped for the command line).
    var text: String
    /// What the candidate list shows (the text when nil).
    var display: String?
    /// True when the word is finished once completed (a space follows a sole candidate);
    /// false for a prefix such as `s3://bucket/folder/`.
    var isFinal: Bool

    init(_ text: String, display: String? = nil, isFinal: Bool = true) {
        self.text = text
        self.display = display
        self.isFinal = isFinal
    }
}

/// The candidates for the word that starts at character `start` of the line and ends at the cursor.
struct CompletionResult: Equatable, Sendable {
    var start: Int
    var candidates: [CompletionCandidate]

    static let none = CompletionResult(start: 0, candidates: [])
}

/// Completes a line: given the text and the cursor (in characters), returns the candidates.
typealias LineCompleter = (_ line: String, _ cursor: Int) -> CompletionResult

extension CompletionResult {
    /// The longest text all candidates start with.
    var commonPrefix: String {
        guard var prefix = candidates.first.map({ Array($0.text) }) else { return "" }
        for c in candidates.dropFirst() {
            let t = Array(c.text)
            var n = 0
            while n < prefix.count, n < t.count, prefix[n] == t[n] { n += 1 }
            prefix.removeSubrange(n...)
        }
        return String(prefix)
    }
}

/// Lays out candidates in columns across the width, filled down then across (as `ls` and bash do).
enum ColumnLayout {
    static func lines(_ items: [String], width: Int) -> [String] {
        guard !items.isEmpty else { return [] }
        let widest = items.map { DisplayWidth.of($0) }.max() ?? 0
        let cell = widest + 2
        let columns = max(1, min(items.count, (max(width, 1) + 2) / cell))
        let rows = (items.count + columns - 1) / columns
        var out: [String] = []
        for r in 0..<rows {
            var line = ""
            for c in 0..<columns {
                let i = c * rows + r
                guard i < items.count else { break }
                let last = c == columns - 1 || (c + 1) * rows + r >= items.count
                line += last ? items[i] : DisplayWidth.pad(items[i], to: cell)
            }
            out.append(line)
        }
        return out
    }
}
