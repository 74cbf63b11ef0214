import Foundation

/// A conjunction of simple comparisons on top-level fields — `price > 100 and country = 'US'` —
/// used to filter rows on read. On Parquet it is pushed down first: row groups whose
/// statistics show that no row can match are not read at all (what "predicate pushdown" saves);
/// the rows of the groups that are read are then filtered exactly.
///
/// Syntax: `field op literal` joined by `and` (case-insensitive); `op` is one of `=`, `==`,
/// `!=`, `<`, `<=`, `>`, `>=`; a literal is a number, `true`/`false`, or a string in single or
/// double quotes; a field name with spaces or symbols goes in backticks. Comparisons follow
/// `split_rows`: numbers by value, strings by code point, and a null never matches.
public struct RowFilter: Sendable {
    public enum Op: String, Sendable, CaseIterable {
        case eq = "=", ne = "!=", lt = "<", le = "<=", gt = ">", ge = ">="
    }

    public let comparisons: [(field: String, op: Op, value: Value)]

    public init(_ comparisons: [(field: String, op: Op, value: Value)]) {
        self.comparisons = comparisons
    }

    /// Parses the textual form (see the type's documentation).
    public init(parsing text: String) throws(EngineError) {
        var parts: [(field: String, op: Op, value: Value)] = []
        var rest = Substring(text)
        func fail(_ reason: String) -> EngineError { .invalidOption(name: "where", value: text, reason: reason) }
        func skipSpaces() { rest = rest.drop { $0 == " " || $0 == "\t" } }
        while true {
            skipSpaces()
            var field = ""
            if rest.first == "`" {
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: "`") else { throw fail("unterminated backtick") }
                field = String(rest[..<close])
                rest = rest[rest.index(after: close)...]
            } else {
                let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }
                field = String(name)
                rest = rest.dropFirst(name.count)
            }
            guard !field.isEmpty else { throw fail("expected a field name") }
            skipSpaces()
            let symbol = rest.prefix { "=!<>".contains($0) }
            rest = rest.dropFirst(symbol.count)
            guard let op = symbol == "==" ? .eq : Op(rawValue: String(symbol)) else {
                throw fail("expected one of = != < <= > >= after \(field)")
            }
            skipSpaces()
            let value: Value
            if let quote = rest.first, quote == "'" || quote == "\"" {
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: quote) else { throw fail("unterminated string") }
                value = .string(String(rest[..<close]))
                rest = rest[rest.index(after: close)...]
            } else {
                let token = String(rest.prefix { !$0.isWhitespace })
                rest = rest.dropFirst(token.count)
                if let i = Int64(token) {
                    value = .long(i)
                } else if let d = Double(token), token.first?.isLetter == false {
                    value = .double(d)
                } else if token.lowercased() == "true" || token.lowercased() == "false" {
                    value = .boolean(token.lowercased() == "true")
                } else {
                    throw fail("expected a number, true/false or a quoted string after \(field) \(op.rawValue)")
                }
            }
            parts.append((field, op, value))
            skipSpaces()
            if rest.isEmpty { break }
            guard rest.prefix(3).lowercased() == "and", rest.dropFirst(3).first?.isWhitespace == true else {
                throw fail("expected 'and' before \(String(rest.prefix(20)))")
            }
            rest = rest.dropFirst(3)
        }
        comparisons = parts
    }

    /// The fields the filter reads.
    public var fields: [String] { comparisons.map(\.field) }

    /// The same comparisons as a Parquet row-group predicate.
    public var parquetPredicate: ParquetPredicate {
        ParquetPredicate(comparisons.map { c in
            let op: ParquetPredicate.Op = switch c.op {
            case .eq: .eq
            case .ne: .ne
            case .lt: .lt
            case .le: .le
            case .gt: .gt
            case .ge: .ge
            }
            return (column: c.field, op: op, value: c.value)
        })
    }

    /// The rows of `frame` that satisfy every comparison. `split_rows` takes one constant per
    /// field and operator, so comparisons that repeat a pair (`x > 1 and x > 5`) go in a later round.
    public func apply(to frame: DynamicFrame) throws(EngineError) -> DynamicFrame {
        var rounds: [[String: [String: Value]]] = []
        for c in comparisons {
            let path = "`" + c.field.replacingOccurrences(of: "`", with: "``") + "`"
            if let i = rounds.firstIndex(where: { $0[path]?[c.op.rawValue] == nil }) {
                rounds[i][path, default: [:]][c.op.rawValue] = c.value
            } else {
                rounds.append([path: [c.op.rawValue: c.value]])
            }
        }
        var kept = frame
        for round in rounds {
            kept = try kept.splitRows(round, name1: "match", name2: "rest")["match"] ?? DynamicFrame(batches: [])
        }
        kept.name = frame.name
        return kept
    }
}
