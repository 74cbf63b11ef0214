/// The recursive-descent parser of ``PartitionPredicate``, over the predicate's UTF-8 bytes.
/// Every error names the option, the predicate and the 1-based character where parsing
/// stopped, with what was expected there.
struct PartitionPredicateParser {
    typealias Node = PartitionPredicate.Node
    typealias Operand = PartitionPredicate.Operand

    let bytes: [UInt8]
    let text: String
    let keys: [String]
    let table: String?
    let option: String
    var at = 0

    init(text: String, keys: [String], table: String?, option: String) {
        self.text = text
        bytes = Array(text.utf8)
        self.keys = keys
        self.table = table
        self.option = option
    }

    mutating func parse() throws(EngineError) -> Node {
        skipSpaces()
        guard at < bytes.count else { throw fail("the predicate is empty: write a condition on partition columns such as year = '2024'") }
        let node = try parseOr()
        skipSpaces()
        guard at == bytes.count else { throw fail("unexpected \(near()): expected and, or, or the end of the predicate") }
        return node
    }

    // MARK: Grammar

    mutating func parseOr() throws(EngineError) -> Node {
        var node = try parseAnd()
        while keyword("or") { node = .or(node, try parseAnd()) }
        return node
    }

    mutating func parseAnd() throws(EngineError) -> Node {
        var node = try parseNot()
        while keyword("and") { node = .and(node, try parseNot()) }
        return node
    }

    mutating func parseNot() throws(EngineError) -> Node {
        if keyword("not") { return .not(try parseNot()) }
        skipSpaces()
        if peek("!"), !peek("!=") {
            at += 1
            return .not(try parseNot())
        }
        return try parsePredicate()
    }

    mutating func parsePredicate() throws(EngineError) -> Node {
        skipSpaces()
        if peek("(") {
            at += 1
            let inner = try parseOr()
            skipSpaces()
            guard peek(")") else { throw fail("expected ')' to close the '(' here, found \(near())") }
            at += 1
            return inner
        }
        let left = try parseOperand()
        skipSpaces()
        for op in ["<=>", "==", "!=", "<>", "<=", ">=", "=", "<", ">"] where peek(op) {
            at += op.utf8.count
            let right = try parseOperand()
            let kind: PartitionPredicate.CompareOp = switch op {
            case "<=>": .nullSafeEq
            case "==", "=": .eq
            case "!=", "<>": .ne
            case "<=": .le
            case ">=": .ge
            case "<": .lt
            default: .gt
            }
            return .compare(left, kind, right)
        }
        if keyword("is") {
            let negated = keyword("not")
            guard keyword("null") else { throw fail("expected null after 'is\(negated ? " not" : "")', found \(near())") }
            return .isNull(left, negated: negated)
        }
        let save = at
        let negated = keyword("not")
        if keyword("in") {
            skipSpaces()
            guard peek("(") else { throw fail("expected '(' after in, found \(near())") }
            at += 1
            var list: [Operand] = [try parseOperand()]
            while true {
                skipSpaces()
                if peek(",") { at += 1; list.append(try parseOperand()); continue }
                guard peek(")") else { throw fail("expected ',' or ')' in the in (...) list, found \(near())") }
                at += 1
                break
            }
            return .among(left, list, negated: negated)
        }
        if keyword("between") {
            let low = try parseOperand()
            guard keyword("and") else { throw fail("expected and in 'between ... and ...', found \(near())") }
            return .between(left, low, try parseOperand(), negated: negated)
        }
        if negated { throw fail("expected in or between after not, found \(near())") }
        at = save
        return .truth(left)
    }

    mutating func parseOperand() throws(EngineError) -> Operand {
        skipSpaces()
        let start = at
        guard at < bytes.count else { throw fail("expected a partition column or a value, found the end of the predicate") }
        let c = bytes[at]
        if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") { return .literal(.text(try quoted(c))) }
        if c == UInt8(ascii: "`") {
            let name = try quoted(c)
            return .column(try column(name, at: start))
        }
        if isDigit(c) || c == UInt8(ascii: ".") || ((c == UInt8(ascii: "-") || c == UInt8(ascii: "+")) && at + 1 < bytes.count
            && (isDigit(bytes[at + 1]) || bytes[at + 1] == UInt8(ascii: "."))) {
            at += 1
            while at < bytes.count, isDigit(bytes[at]) || bytes[at] == UInt8(ascii: ".") || isLetter(bytes[at])
                || ((bytes[at] == UInt8(ascii: "-") || bytes[at] == UInt8(ascii: "+")) && (bytes[at - 1] | 0x20) == UInt8(ascii: "e")) {
                at += 1
            }
            var literal = String(decoding: bytes[start..<at], as: UTF8.self)
            // Spark's type suffixes: 10L, 10S, 10Y, 1.5D, 1.5BD.
            for suffix in ["bd", "l", "s", "y", "d"] where literal.lowercased().hasSuffix(suffix) && literal.count > suffix.count {
                literal = String(literal.dropLast(suffix.count))
                break
            }
            guard let n = Double(literal) else { at = start; throw fail("\(near()) is not a number") }
            return .literal(.number(n))
        }
        guard isLetter(c) || c == UInt8(ascii: "_") else {
            throw fail("expected a partition column or a value, found \(near())")
        }
        while at < bytes.count, isLetter(bytes[at]) || isDigit(bytes[at]) || bytes[at] == UInt8(ascii: "_") { at += 1 }
        let word = String(decoding: bytes[start..<at], as: UTF8.self)
        switch word.lowercased() {
        case "true": return .literal(.boolean(true))
        case "false": return .literal(.boolean(false))
        case "null": return .literal(.null)
        case "and", "or", "not", "in", "between", "is":
            at = start
            throw fail("expected a partition column or a value before '\(word)'")
        default:
            skipSpaces()
            if peek("(") { at = start; throw fail("functions such as \(word)(...) are not supported in a partition predicate here; compare partition columns with values") }
            return .column(try column(word, at: start))
        }
    }

    // MARK: Lexing

    func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 || c >= 0x80 }

    mutating func skipSpaces() {
        while at < bytes.count, bytes[at] == 32 || bytes[at] == 9 || bytes[at] == 10 || bytes[at] == 13 { at += 1 }
    }

    func peek(_ s: String) -> Bool {
        let u = Array(s.utf8)
        return at + u.count <= bytes.count && Array(bytes[at..<(at + u.count)]) == u
    }

    /// Consumes `word` (case-insensitive) when it stands there as a whole word.
    mutating func keyword(_ word: String) -> Bool {
        skipSpaces()
        let u = Array(word.utf8)
        guard at + u.count <= bytes.count else { return false }
        for (i, ch) in u.enumerated() where bytes[at + i] | 0x20 != ch { return false }
        let end = at + u.count
        if end < bytes.count, isLetter(bytes[end]) || isDigit(bytes[end]) || bytes[end] == UInt8(ascii: "_") { return false }
        at = end
        return true
    }

    /// A quoted string or name: backslash escapes (Spark's) and a doubled quote.
    mutating func quoted(_ quote: UInt8) throws(EngineError) -> String {
        let open = at
        at += 1
        var out: [UInt8] = []
        while at < bytes.count {
            let c = bytes[at]
            if c == UInt8(ascii: "\\"), quote != UInt8(ascii: "`"), at + 1 < bytes.count {
                out.append(bytes[at + 1])
                at += 2
                continue
            }
            if c == quote {
                if at + 1 < bytes.count, bytes[at + 1] == quote {
                    out.append(quote)
                    at += 2
                    continue
                }
                at += 1
                return String(decoding: out, as: UTF8.self)
            }
            out.append(c)
            at += 1
        }
        at = open
        throw fail("unterminated \(quote == UInt8(ascii: "`") ? "quoted name" : "string") starting here")
    }

    /// The index of partition key `name` (ignoring case), or an error naming the keys.
    func column(_ name: String, at position: Int) throws(EngineError) -> Int {
        if let i = keys.firstIndex(where: { $0.lowercased() == name.lowercased() }) { return i }
        let owner = table.map { "table \($0)" } ?? "the table"
        let list = keys.isEmpty ? "\(owner) is not partitioned" : "partition keys of \(owner): \(keys.joined(separator: ", "))"
        throw .invalidOption(
            name: option, value: text,
            reason: "column \(name) (at character \(character(position))) is not a partition key; a push-down predicate can only use partition columns (\(list))")
    }

    /// What stands at the current position, for messages.
    func near() -> String {
        guard at < bytes.count else { return "the end of the predicate" }
        var end = at + 1
        while end < bytes.count, end - at < 12, bytes[end] != 32 { end += 1 }
        return "'\(String(decoding: bytes[at..<end], as: UTF8.self))'"
    }

    func character(_ byteOffset: Int) -> Int {
        String(decoding: bytes[..<min(byteOffset, bytes.count)], as: UTF8.self).count + 1
    }

    func fail(_ reason: String) -> EngineError {
        .invalidOption(name: option, value: text, reason: "at character \(character(at)): \(reason)")
    }
}
