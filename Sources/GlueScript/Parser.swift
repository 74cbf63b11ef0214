/// A recursive-descent parser for the Glue script dialect, following Python's grammar and
/// precedence. Simple statements are here, compound ones and imports in
/// `Parser+Statements.swift`, expressions in `Parser+Expressions.swift` and `Parser+Atoms.swift`.
///
/// Constructs outside the dialect are recognised where they start and refused with
/// `ScriptError.unsupported` naming them, so that nothing is silently skipped.
struct Parser {
    let file: String
    let tokens: [Token]
    /// The tokenizer's error, reported when the parser reaches the `invalid` token.
    let failure: ScriptError?
    /// The innermost bracket left open at the end of the script: reaching the end inside it is
    /// reported as "'(' was never closed" there.
    let unclosedBracket: Token?
    var index = 0
    /// How many `def`s enclose the current statement (for `return` and `import` checks).
    var functionDepth = 0
    /// How many `for` and `while` loops enclose the current statement inside the current function (for
    /// `break` and `continue` checks).
    var loopDepth = 0
    /// How deeply expressions nest (brackets, unary chains, `lambda` and `if` chains), bounded
    /// so that a pathological script gets an error rather than exhausting the stack.
    var expressionDepth = 0
    static let maxExpressionDepth = 200

    init(file: String, stream: TokenStream) {
        self.file = file
        self.tokens = stream.tokens
        self.failure = stream.failure
        self.unclosedBracket = stream.unclosedBracket
    }

    // MARK: Token access

    var current: Token { tokens[index] }

    /// The token `k` places ahead (the last token when past the end).
    func peek(_ k: Int) -> Token { tokens[min(index + k, tokens.count - 1)] }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func check(_ op: Operator) -> Bool { current.kind == .op(op) }
    func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    mutating func accept(_ op: Operator) -> Token? { check(op) ? advance() : nil }
    mutating func accept(_ keyword: Keyword) -> Token? { check(keyword) ? advance() : nil }

    /// Consumes `op` or throws "expected 'op' <context>, found X".
    @discardableResult
    mutating func expect(_ op: Operator, _ context: String) throws(ScriptError) -> Token {
        if let token = accept(op) { return token }
        throw fail("expected '\(op.rawValue)' \(context), found \(current)", at: current.location)
    }

    /// Consumes a name or throws "expected <what>, found X".
    mutating func expectName(_ what: String) throws(ScriptError) -> (String, SourceLocation) {
        if case .name(let name) = current.kind {
            let token = advance()
            return (name, token.location)
        }
        throw fail("expected \(what), found \(current)", at: current.location)
    }

    // MARK: Errors

    /// A syntax error, unless the parser stands on the tokenizer's `invalid` token (then the
    /// lexical error that stopped the tokenizer is the real cause) or at the end of the script
    /// inside an unclosed bracket (then that bracket is).
    func fail(_ message: String, at location: SourceLocation) -> ScriptError {
        if current.kind == .invalid, let failure { return failure }
        if current.kind == .endOfFile, let open = unclosedBracket {
            return .syntax(file: file, line: open.line, column: open.column, message: "\(open) was never closed")
        }
        return .syntax(file: file, line: location.line, column: location.column, message: message)
    }

    /// Enters one more level of expression nesting; pair with `leave()`.
    mutating func enter() throws(ScriptError) {
        expressionDepth += 1
        if expressionDepth > Self.maxExpressionDepth {
            throw fail("expression too deeply nested (more than \(Self.maxExpressionDepth) levels)", at: current.location)
        }
    }

    mutating func leave() { expressionDepth -= 1 }

    func refuse(_ construct: String, at location: SourceLocation) -> ScriptError {
        if current.kind == .invalid, let failure { return failure }
        return .unsupported(file: file, line: location.line, column: location.column, construct: construct)
    }

    /// "invalid syntax near X" at the current token.
    func invalidSyntax() -> ScriptError {
        switch current.kind {
        case .indent: fail("unexpected indent", at: current.location)
        case .endOfFile: fail("unexpected end of file", at: current.location)
        case .newline: fail("invalid syntax: unexpected end of line", at: current.location)
        default: fail("invalid syntax near \(current)", at: current.location)
        }
    }

    // MARK: Statements

    /// Parses the whole script. `ends` gets, for each top-level statement, the location of its
    /// last token (its NEWLINE), so that comments can be placed inside or between statements.
    mutating func parseScript(ends: inout [SourceLocation]) throws(ScriptError) -> [Stmt] {
        var statements: [Stmt] = []
        while current.kind != .endOfFile {
            let before = statements.count
            try statement(into: &statements)
            var last = index - 1
            while last > 0, tokens[last].kind == .dedent { last -= 1 }
            ends += Array(repeating: tokens[last].location, count: statements.count - before)
        }
        if let failure { throw failure }  // unreachable: `invalid` is the last token
        return statements
    }

    /// One statement line (several for `a = 1; b = 2`) or one compound statement.
    mutating func statement(into statements: inout [Stmt]) throws(ScriptError) {
        let token = current
        switch token.kind {
        case .indent:
            throw fail("unexpected indent", at: token.location)
        case .keyword(.def):
            statements.append(try functionDef())
        case .keyword(.if):
            statements.append(try ifStatement())
        case .keyword(.for):
            statements.append(try forStatement())
        case .keyword(.while):
            statements.append(try whileStatement())
        case .keyword(.try):
            statements.append(try tryStatement())
        case .keyword(.elif), .keyword(.else):
            throw fail("invalid syntax near \(token): no 'if' block before it at this indentation", at: token.location)
        case .keyword(.except), .keyword(.finally):
            throw fail("invalid syntax near \(token): no 'try' block before it at this indentation", at: token.location)
        case .keyword(let keyword):
            if let construct = Self.refusedCompound[keyword] { throw refuse(construct, at: token.location) }
            if keyword == .async { throw refuse(asyncConstruct(), at: token.location) }
            try simpleStatements(into: &statements)
        case .op(.at):
            throw refuse("decorator", at: token.location)
        case .name("match") where Self.startsOperand(peek(1)):
            throw refuse("match statement", at: token.location)
        default:
            try simpleStatements(into: &statements)
        }
    }

    static let refusedCompound: [Keyword: String] = [
        .class: "class definition", .with: "with statement",
    ]

    static let refusedSimple: [Keyword: String] = [
        .del: "del statement", .global: "global statement", .nonlocal: "nonlocal statement", .yield: "yield expression",
        .await: "await expression",
    ]

    func asyncConstruct() -> String {
        switch peek(1).kind {
        case .keyword(.def): "async function"
        case .keyword(.for): "async for loop"
        case .keyword(.with): "async with statement"
        default: "async statement"
        }
    }

    /// True for a token that, right after a name, means the line is not a Python 3 expression
    /// but a keyword-led statement (`print "x"`, `match x:`).
    static func startsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .name, .string, .int, .float, .op(.leftBrace): true
        default: false
        }
    }

    /// `small (';' small)* [';'] NEWLINE`.
    mutating func simpleStatements(into statements: inout [Stmt]) throws(ScriptError) {
        statements.append(try smallStatement())
        while accept(.semicolon) != nil {
            if current.kind == .newline { break }
            statements.append(try smallStatement())
        }
        guard current.kind == .newline else { throw invalidSyntax() }
        advance()
    }

    mutating func smallStatement() throws(ScriptError) -> Stmt {
        let token = current
        switch token.kind {
        case .keyword(.import): return try importStatement()
        case .keyword(.from): return try fromImportStatement()
        case .keyword(.pass):
            advance()
            return Stmt(.pass, at: token.location)
        case .keyword(.break), .keyword(.continue):
            advance()
            let isBreak = token.kind == .keyword(.break)
            guard loopDepth > 0 else { throw fail("\(token) outside loop", at: token.location) }
            return Stmt(isBreak ? .break : .continue, at: token.location)
        case .keyword(.raise):
            return try raiseStatement()
        case .keyword(.assert):
            return try assertStatement()
        case .keyword(.return):
            advance()
            guard functionDepth > 0 else { throw fail("'return' outside function", at: token.location) }
            if current.kind == .newline || check(.semicolon) { return Stmt(.return(nil), at: token.location) }
            return Stmt(.return(try starExpressions()), at: token.location)
        case .keyword(let keyword):
            if let construct = Self.refusedSimple[keyword] ?? Self.refusedCompound[keyword] {
                throw refuse(construct, at: token.location)
            }
            return try expressionStatement()
        case .name("print") where Self.startsOperand(peek(1)):
            throw fail("Missing parentheses in call to 'print'. Did you mean print(...)?", at: token.location)
        default:
            return try expressionStatement()
        }
    }

    /// An expression statement, an assignment (`a = b = v`, `a, b = v`) or `target op= v`.
    mutating func expressionStatement() throws(ScriptError) -> Stmt {
        let start = current.location
        let first = try starExpressions()
        if check(.equal) {
            var items = [first]
            while accept(.equal) != nil {
                items.append(try starExpressions())
            }
            let value = items.removeLast()
            for target in items { try validateTarget(target) }
            return Stmt(.assign(targets: items, value: value), at: start)
        }
        if case .op(let op) = current.kind, let refused = Self.refusedAugmented[op] {
            throw refuse(refused, at: current.location)
        }
        if case .op(let op) = current.kind, let binary = Self.augmented[op] {
            advance()
            try validateAugmentedTarget(first)
            let value = try starExpressions()
            return Stmt(.augmentedAssign(target: first, op: binary, value: value), at: start)
        }
        if check(.colon) { throw refuse("annotated assignment (name: type)", at: start) }
        return Stmt(.expression(first), at: start)
    }

    /// The augmented assignment operators of the dialect.
    static let augmented: [Operator: BinaryOperator] = [
        .plusEqual: .add, .minusEqual: .subtract, .starEqual: .multiply, .slashEqual: .divide,
        .doubleSlashEqual: .floorDivide, .percentEqual: .modulo, .doubleStarEqual: .power,
        .ampersandEqual: .bitAnd, .pipeEqual: .bitOr,
    ]

    /// The augmented assignment operators outside the dialect, named.
    static let refusedAugmented: [Operator: String] = [
        .caretEqual: "'^=' operator (bitwise exclusive or)", .leftShiftEqual: "'<<=' operator (bit shift)",
        .rightShiftEqual: "'>>=' operator (bit shift)", .atEqual: "'@=' operator (matrix multiplication)",
    ]
}
