/// A glob pattern as Glue's `exclusions` take them (Java `PathMatcher` "glob:" syntax):
///
/// - `**` matches any characters, `/` included;
/// - `*` matches any characters within one segment (no `/`);
/// - `?` matches one character other than `/`;
/// - `[abc]`, `[a-z]`, `[!abc]` (or `[^abc]`) match one character of (or not of) a set;
/// - `{csv,json}` matches one of the comma-separated alternatives;
/// - `\` escapes the next character.
///
/// A pattern must match the whole text. Matching is on Unicode scalars. Outside braces, `,` and
/// `}` are ordinary characters.
public struct GlobMatcher: Sendable, Hashable {
    /// The pattern as written.
    public let pattern: String
    private let alternatives: [[Token]]

    private enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case any          // ?
        case star         // *
        case doubleStar   // **
        case set([ClosedRange<UInt32>], negated: Bool)
    }

    /// At most this many expansions of `{...}` alternatives per pattern.
    static let maxAlternatives = 1024

    /// Compiles `pattern`.
    /// - Throws: `EngineError.invalidOption(name: "exclusions", ...)` for an unclosed `[` or `{`,
    ///   a trailing `\`, or too many alternatives.
    public init(_ pattern: String) throws(EngineError) {
        self.pattern = pattern
        var parser = Parser(scalars: Array(pattern.unicodeScalars), pattern: pattern)
        alternatives = try parser.parseSequence(depth: 0)
    }

    /// Whether the whole of `text` matches the pattern.
    public func matches(_ text: String) -> Bool {
        let s = Array(text.unicodeScalars)
        return alternatives.contains { Self.match($0, s) }
    }

    /// Dynamic programming over (token, position): linear in pattern × text, no backtracking blow-up.
    private static func match(_ tokens: [Token], _ s: [Unicode.Scalar]) -> Bool {
        // reach[j] == true: the tokens consumed so far can match s[0..<j].
        var reach = [Bool](repeating: false, count: s.count + 1)
        reach[0] = true
        for token in tokens {
            var next = [Bool](repeating: false, count: s.count + 1)
            switch token {
            case .doubleStar:
                var on = false
                for j in 0...s.count { on = on || reach[j]; next[j] = on }
            case .star:
                var on = false
                for j in 0...s.count {
                    if reach[j] { on = true }
                    next[j] = on
                    if j < s.count, s[j] == "/" { on = false }
                }
            default:
                for j in 0..<s.count where reach[j] && accepts(token, s[j]) { next[j + 1] = true }
            }
            reach = next
            if !reach.contains(true) { return false }
        }
        return reach[s.count]
    }

    private static func accepts(_ token: Token, _ c: Unicode.Scalar) -> Bool {
        switch token {
        case .literal(let l): return l == c
        case .any: return c != "/"
        case .set(let ranges, let negated):
            if c == "/" { return false }
            return ranges.contains { $0.contains(c.value) } != negated
        case .star, .doubleStar: return false
        }
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        let pattern: String
        var i = 0

        /// Parses until the end, or until `,` / `}` inside braces; returns every expansion.
        mutating func parseSequence(depth: Int) throws(EngineError) -> [[Token]] {
            var out: [[Token]] = [[]]
            func appendAll(_ t: Token) { for k in out.indices { out[k].append(t) } }
            while i < scalars.count {
                let c = scalars[i]
                if depth > 0, c == "," || c == "}" { break }
                i += 1
                switch c {
                case "*":
                    if i < scalars.count, scalars[i] == "*" {
                        i += 1
                        while i < scalars.count, scalars[i] == "*" { i += 1 }
                        appendAll(.doubleStar)
                    } else {
                        appendAll(.star)
                    }
                case "?": appendAll(.any)
                case "\\":
                    guard i < scalars.count else { throw bad("a trailing '\\' escapes nothing") }
                    appendAll(.literal(scalars[i]))
                    i += 1
                case "[": appendAll(try parseSet())
                case "{":
                    var options: [[Token]] = []
                    while true {
                        options += try parseSequence(depth: depth + 1)
                        guard i < scalars.count else { throw bad("'{' is not closed") }
                        i += 1
                        if scalars[i - 1] == "}" { break }
                    }
                    var expanded: [[Token]] = []
                    for prefix in out { for option in options { expanded.append(prefix + option) } }
                    guard expanded.count <= GlobMatcher.maxAlternatives else { throw bad("too many {…} alternatives") }
                    out = expanded
                default: appendAll(.literal(c))
                }
            }
            return out
        }

        mutating func parseSet() throws(EngineError) -> Token {
            var negated = false
            if i < scalars.count, scalars[i] == "!" || scalars[i] == "^" { negated = true; i += 1 }
            var ranges: [ClosedRange<UInt32>] = []
            var first = true
            while true {
                guard i < scalars.count else { throw bad("'[' is not closed") }
                var c = scalars[i]
                if c == "]" && !first { i += 1; break }
                first = false
                i += 1
                if c == "\\" {
                    guard i < scalars.count else { throw bad("'[' is not closed") }
                    c = scalars[i]; i += 1
                }
                if i + 1 < scalars.count, scalars[i] == "-", scalars[i + 1] != "]" {
                    let hi = scalars[i + 1]
                    i += 2
                    guard c.value <= hi.value else { throw bad("range \(c)-\(hi) is reversed") }
                    ranges.append(c.value...hi.value)
                } else {
                    ranges.append(c.value...c.value)
                }
            }
            return .set(ranges, negated: negated)
        }

        func bad(_ reason: String) -> EngineError {
            .invalidOption(name: "exclusions", value: pattern, reason: reason)
        }
    }
}
