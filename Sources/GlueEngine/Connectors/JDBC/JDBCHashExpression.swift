/// A `hashexpression`: on AWS, SQL text Glue pastes into each partition's `WHERE` clause. Pasting
/// user text into SQL is how injection happens, so gluelab accepts a **restricted expression
/// grammar** and writes the SQL itself:
///
/// ```
/// expr    := term (('+' | '-' | '*' | '/' | '%') term)*
/// term    := '-'? (integer | column | function '(' expr (',' expr)* ')' | '(' expr ')')
/// column  := [A-Za-z_][A-Za-z0-9_]* | "quoted name"
/// function:= abs | length | coalesce | ifnull | unicode | round | gluelab_hash
/// ```
///
/// Columns are checked against the table when reading and always emitted quoted; nothing else
/// (strings, keywords, `;`, comments, subqueries) parses. That covers what `hashexpression` is
/// for — a whole number per row, e.g. `id`, `id % 10`, `abs(customer_id) + 1`.
public struct JDBCHashExpression: Sendable, Hashable {
    /// The expression as given.
    public let text: String
    let root: Node

    indirect enum Node: Sendable, Hashable {
        case integer(Int64)
        case column(String)
        case negate(Node)
        case binary(Node, Character, Node)
        case call(String, [Node])
    }

    static let functions: Set<String> = ["abs", "length", "coalesce", "ifnull", "unicode", "round", "gluelab_hash"]

    /// Parses `text`; anything outside the grammar is `EngineError.invalidOption` on `hashexpression`.
    public init(parsing text: String) throws(EngineError) {
        self.text = text
        var p = Parser(chars: Array(text), text: text)
        root = try p.expression(depth: 0)
        p.skipSpace()
        if p.i < p.chars.count { throw p.fail("unexpected \(EngineError.quote(String(p.chars[p.i...])))") }
    }

    /// The column names the expression uses.
    public var columns: [String] {
        var out: [String] = []
        func walk(_ n: Node) {
            switch n {
            case .integer: break
            case .column(let c): out.append(c)
            case .negate(let a): walk(a)
            case .binary(let a, _, let b): walk(a); walk(b)
            case .call(_, let args): args.forEach(walk)
            }
        }
        walk(root)
        return out
    }

    /// The SQL text, with every column replaced through `resolve` (the table's spelling) and quoted.
    func sql(resolve: (String) -> String) -> String {
        func emit(_ n: Node) -> String {
            switch n {
            case .integer(let v): String(v)
            case .column(let c): JDBCBookmark.quote(resolve(c))
            case .negate(let a): "(-\(emit(a)))"
            case .binary(let a, let op, let b): "(\(emit(a)) \(op) \(emit(b)))"
            case .call(let f, let args): "\(f)(\(args.map(emit).joined(separator: ", ")))"
            }
        }
        return emit(root)
    }

    private struct Parser {
        let chars: [Character]
        let text: String
        var i = 0

        func fail(_ reason: String) -> EngineError {
            .invalidOption(name: "hashexpression", value: text,
                           reason: "\(reason); expected column names, whole numbers, + - * / %, parentheses and abs/length/coalesce/ifnull/unicode/round")
        }

        mutating func skipSpace() {
            while i < chars.count, chars[i].isWhitespace { i += 1 }
        }

        mutating func expression(depth: Int) throws(EngineError) -> Node {
            guard depth < 32 else { throw fail("nested too deeply") }
            var left = try term(depth: depth)
            while true {
                skipSpace()
                guard i < chars.count, "+-*/%".contains(chars[i]) else { return left }
                let op = chars[i]
                i += 1
                left = .binary(left, op, try term(depth: depth))
            }
        }

        mutating func term(depth: Int) throws(EngineError) -> Node {
            skipSpace()
            guard i < chars.count else { throw fail("the expression ends too early") }
            let c = chars[i]
            if c == "-" {
                i += 1
                return .negate(try term(depth: depth + 1))
            }
            if c == "(" {
                i += 1
                let inner = try expression(depth: depth + 1)
                try expect(")")
                return inner
            }
            if c.isASCII, c.isNumber {
                let start = i
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { i += 1 }
                guard let v = Int64(String(chars[start..<i])) else { throw fail("number too large") }
                return .integer(v)
            }
            if c == "\"" {
                i += 1
                var name = ""
                while true {
                    guard i < chars.count else { throw fail("unterminated quoted name") }
                    if chars[i] == "\"" {
                        if i + 1 < chars.count, chars[i + 1] == "\"" { name.append("\""); i += 2; continue }
                        i += 1
                        break
                    }
                    name.append(chars[i])
                    i += 1
                }
                guard !name.isEmpty else { throw fail("empty quoted name") }
                return .column(name)
            }
            if c == "_" || (c.isASCII && c.isLetter) {
                let start = i
                while i < chars.count, chars[i] == "_" || (chars[i].isASCII && (chars[i].isLetter || chars[i].isNumber)) { i += 1 }
                let word = String(chars[start..<i])
                skipSpace()
                guard i < chars.count, chars[i] == "(" else { return .column(word) }
                let f = word.lowercased()
                guard Self.isFunction(f) else { throw fail("function \(EngineError.quote(word)) is not allowed") }
                i += 1
                var args = [try expression(depth: depth + 1)]
                skipSpace()
                while i < chars.count, chars[i] == "," {
                    i += 1
                    args.append(try expression(depth: depth + 1))
                    skipSpace()
                }
                try expect(")")
                return .call(f, args)
            }
            throw fail("unexpected \(EngineError.quote(String(chars[i...])))")
        }

        static func isFunction(_ f: String) -> Bool { JDBCHashExpression.functions.contains(f) }

        mutating func expect(_ c: Character) throws(EngineError) {
            skipSpace()
            guard i < chars.count, chars[i] == c else { throw fail("expected \(c)") }
            i += 1
        }
    }
}
