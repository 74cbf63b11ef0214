/// A recursive-descent parser for the Glue script dialect, following Python's grammar and
/// precedence. Statements are here; expressions in `Parser+Expressions.swift` and
/// `Parser+Atoms.swift`.
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
    /// How many `for` loops enclose the current statement inside the current function (for
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
        case .keyword(.elif), .keyword(.else):
            throw fail("invalid syntax near \(token): no 'if' block before it at this indentation", at: token.location)
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
        .while: "while loop", .class: "class definition", .try: "try statement",
        .with: "with statement", .except: "try statement (except clause)",
        .finally: "try statement (finally clause)",
    ]

    static let refusedSimple: [Keyword: String] = [
        .del: "del statement", .assert: "assert statement", .raise: "raise statement",
        .global: "global statement", .nonlocal: "nonlocal statement", .yield: "yield expression",
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
        if case .op(let op) = current.kind, let (binary, refused) = Self.augmented[op] {
            if let refused { throw refuse(refused, at: current.location) }
            advance()
            try validateAugmentedTarget(first)
            let value = try starExpressions()
            return Stmt(.augmentedAssign(target: first, op: binary, value: value), at: start)
        }
        if check(.colon) { throw refuse("annotated assignment (name: type)", at: start) }
        return Stmt(.expression(first), at: start)
    }

    /// Augmented assignment operators, with the refusal for those outside the dialect.
    static let augmented: [Operator: (BinaryOperator, String?)] = [
        .plusEqual: (.add, nil), .minusEqual: (.subtract, nil), .starEqual: (.multiply, nil),
        .slashEqual: (.divide, nil), .doubleSlashEqual: (.floorDivide, nil), .percentEqual: (.modulo, nil),
        .doubleStarEqual: (.power, nil), .ampersandEqual: (.bitAnd, nil), .pipeEqual: (.bitOr, nil),
        .caretEqual: (.bitOr, "'^=' operator (bitwise exclusive or)"),
        .leftShiftEqual: (.bitOr, "'<<=' operator (bit shift)"),
        .rightShiftEqual: (.bitOr, "'>>=' operator (bit shift)"),
        .atEqual: (.bitOr, "'@=' operator (matrix multiplication)"),
    ]

    // MARK: Compound statements

    /// `def name(params): block`.
    mutating func functionDef() throws(ScriptError) -> Stmt {
        let def = advance()
        let (name, _) = try expectName("a function name after 'def'")
        let open = try expect(.leftParen, "after the function name")
        let parameters = try parameterList(lambda: false)
        try close(open)
        var returnType: Expr?
        if accept(.arrow) != nil { returnType = try expression() }
        try expect(.colon, "after the function's parameters")
        let outerLoops = loopDepth
        functionDepth += 1
        loopDepth = 0
        defer {
            functionDepth -= 1
            loopDepth = outerLoops
        }
        let body = try block(after: "function definition", line: def.line)
        return Stmt(
            .functionDef(name: name, parameters: parameters, returnType: returnType, body: body), at: def.location)
    }

    /// `if c: block (elif c: block)* [else: block]`.
    mutating func ifStatement() throws(ScriptError) -> Stmt {
        var branches: [ConditionalBranch] = []
        var keyword = advance()
        while true {
            let condition = try expression()
            try expect(.colon, "after the '\(keyword.kind == .keyword(.if) ? "if" : "elif")' condition")
            let name = keyword.kind == .keyword(.if) ? "'if' statement" : "'elif' statement"
            let body = try block(after: name, line: keyword.line)
            branches.append(ConditionalBranch(condition: condition, body: body, at: keyword.location))
            guard let elif = accept(.elif) else { break }
            keyword = elif
        }
        var orElse: [Stmt] = []
        if let elseToken = accept(.else) {
            try expect(.colon, "after 'else'")
            orElse = try block(after: "'else' statement", line: elseToken.line)
        }
        return Stmt(.if(branches: branches, orElse: orElse), at: branches[0].location)
    }

    /// `for target in iterable: block`; an `else` clause is refused.
    mutating func forStatement() throws(ScriptError) -> Stmt {
        let keyword = advance()
        let target = try forTarget()
        guard accept(.in) != nil else {
            throw fail("expected 'in' after the for loop's target, found \(current)", at: current.location)
        }
        let iterable = try starExpressions()
        try expect(.colon, "after the for loop's iterable")
        loopDepth += 1
        let body = try block(after: "'for' statement", line: keyword.line)
        loopDepth -= 1
        if let elseToken = accept(.else) { throw refuse("else clause of a for loop", at: elseToken.location) }
        return Stmt(.for(target: target, iterable: iterable, body: body), at: keyword.location)
    }

    /// `a`, `a, b`, `(a, b)`, `rec["x"]`: targets parsed below the comparisons, so that `in`
    /// ends them.
    mutating func forTarget() throws(ScriptError) -> Expr {
        let start = current.location
        var items: [Expr] = []
        repeat {
            if !items.isEmpty, check(.in) { break }
            if check(.star) { throw refuse("starred expression (*x)", at: current.location) }
            items.append(try bitOr())
        } while accept(.comma) != nil
        let target = items.count == 1 && tokens[index - 1].kind != .op(.comma)
            ? items[0] : Expr(.tuple(items), at: start)
        try validateTarget(target)
        return target
    }

    /// After a `:`: an indented block, or simple statements on the same line (`if x: return 1`).
    mutating func block(after construct: String, line: Int) throws(ScriptError) -> [Stmt] {
        var body: [Stmt] = []
        guard current.kind == .newline else {
            try simpleStatements(into: &body)
            return body
        }
        advance()
        guard current.kind == .indent else {
            throw fail("expected an indented block after \(construct) on line \(line)", at: current.location)
        }
        advance()
        while current.kind != .dedent && current.kind != .endOfFile {
            try statement(into: &body)
        }
        if current.kind == .dedent { advance() }
        return body
    }

    // MARK: Imports

    /// `import a.b [as c], d`.
    mutating func importStatement() throws(ScriptError) -> Stmt {
        let keyword = advance()
        if functionDepth > 0 { throw refuse("import inside a function", at: keyword.location) }
        var names: [ImportedName] = []
        repeat {
            let (module, location) = try dottedName()
            var alias: String?
            if accept(.as) != nil { alias = try expectName("a name after 'as'").0 }
            names.append(ImportedName(name: module, alias: alias, at: location))
        } while accept(.comma) != nil
        return Stmt(.import(names), at: keyword.location)
    }

    /// `from a.b import x [as y], ...`, `from a import (x, y)`, `from a import *`.
    mutating func fromImportStatement() throws(ScriptError) -> Stmt {
        let keyword = advance()
        if functionDepth > 0 { throw refuse("import inside a function", at: keyword.location) }
        if check(.dot) || check(.ellipsis) { throw refuse("relative import", at: current.location) }
        let (module, _) = try dottedName()
        guard accept(.import) != nil else {
            throw fail("expected 'import' after 'from \(module)', found \(current)", at: current.location)
        }
        if accept(.star) != nil { return Stmt(.fromImport(module: module, names: nil), at: keyword.location) }
        let open = accept(.leftParen)
        var names: [ImportedName] = []
        repeat {
            if !names.isEmpty, open == nil ? current.kind == .newline || check(.semicolon) : check(.rightParen) {
                if open == nil {
                    let comma = tokens[index - 1]
                    throw fail("trailing comma not allowed without surrounding parentheses", at: comma.location)
                }
                break
            }
            let (name, location) = try expectName("a name to import")
            var alias: String?
            if accept(.as) != nil { alias = try expectName("a name after 'as'").0 }
            names.append(ImportedName(name: name, alias: alias, at: location))
        } while accept(.comma) != nil
        if let open { try close(open) }
        return Stmt(.fromImport(module: module, names: names), at: keyword.location)
    }

    /// `a.b.c` as one string.
    mutating func dottedName() throws(ScriptError) -> (String, SourceLocation) {
        var (name, location) = try expectName("a module name")
        while accept(.dot) != nil {
            name += "." + (try expectName("a module name after '.'").0)
        }
        return (name, location)
    }
}
