/// Expressions by precedence, lowest first, as in Python's grammar:
/// `lambda` < `x if c else y` < `or` < `and` < `not` < comparisons (`in`, `is`, `<`, ...) <
/// `|` < `^` < `&` < `<<` `>>` < `+` `-` < `*` `/` `//` `%` `@` < unary `-` `+` `~` < `**` <
/// attribute, call, subscript < atoms. `^`, `<<`, `>>` and `@` are refused by name.
extension Parser {
    /// A comma-separated expression list; a tuple when there is a comma (`a, b`, `a,`).
    mutating func starExpressions() throws(ScriptError) -> Expr {
        let start = current.location
        let first = try starExpression()
        guard check(.comma) else { return first }
        var items = [first]
        while accept(.comma) != nil {
            guard Self.startsExpression(current) else { break }
            items.append(try starExpression())
        }
        return Expr(.tuple(items), at: start)
    }

    /// An expression where Python would also allow `*x` (which the dialect refuses).
    mutating func starExpression() throws(ScriptError) -> Expr {
        if check(.star) { throw refuse("starred expression (*x)", at: current.location) }
        return try expression()
    }

    /// True when `token` can begin an expression (to tell `a, b` from a trailing comma).
    static func startsExpression(_ token: Token) -> Bool {
        switch token.kind {
        case .name, .int, .float, .string: true
        case .keyword(let k): [.None, .True, .False, .not, .lambda, .yield, .await].contains(k)
        case .op(let op): [.leftParen, .leftBracket, .leftBrace, .minus, .plus, .tilde, .star, .ellipsis].contains(op)
        default: false
        }
    }

    /// `lambda ...`, or a disjunction with an optional `if c else y`.
    mutating func expression() throws(ScriptError) -> Expr {
        try enter()
        defer { leave() }
        if check(.lambda) { return try lambda() }
        let start = current.location
        let value = try disjunction()
        guard accept(.if) != nil else { return value }
        let condition = try disjunction()
        guard accept(.else) != nil else {
            throw fail("expected 'else' after 'if' expression, found \(current)", at: current.location)
        }
        let otherwise = try expression()
        return Expr(.conditional(condition: condition, then: value, otherwise: otherwise), at: start)
    }

    /// `lambda params: body`.
    mutating func lambda() throws(ScriptError) -> Expr {
        let keyword = advance()
        let parameters = try parameterList(lambda: true)
        try expect(.colon, "after the lambda's parameters")
        let body = try expression()
        return Expr(.lambda(parameters: parameters, body: body), at: keyword.location)
    }

    mutating func disjunction() throws(ScriptError) -> Expr {
        let start = current.location
        let first = try conjunction()
        guard check(.or) else { return first }
        var operands = [first]
        while accept(.or) != nil { operands.append(try conjunction()) }
        return Expr(.boolean(.or, operands), at: start)
    }

    mutating func conjunction() throws(ScriptError) -> Expr {
        let start = current.location
        let first = try inversion()
        guard check(.and) else { return first }
        var operands = [first]
        while accept(.and) != nil { operands.append(try inversion()) }
        return Expr(.boolean(.and, operands), at: start)
    }

    mutating func inversion() throws(ScriptError) -> Expr {
        guard let not = accept(.not) else { return try comparison() }
        try enter()
        defer { leave() }
        return Expr(.unary(.not, try inversion()), at: not.location)
    }

    /// `a op b op c ...` with `==`, `!=`, `<`, `<=`, `>`, `>=`, `in`, `not in`, `is`, `is not`.
    mutating func comparison() throws(ScriptError) -> Expr {
        let start = current.location
        let left = try bitOr()
        var links: [Comparison] = []
        while true {
            let token = current
            let op: ComparisonOperator
            switch token.kind {
            case .op(.equalEqual): op = .equal
            case .op(.notEqual): op = .notEqual
            case .op(.less): op = .less
            case .op(.lessEqual): op = .lessEqual
            case .op(.greater): op = .greater
            case .op(.greaterEqual): op = .greaterEqual
            case .keyword(.in): op = .in
            case .keyword(.not) where peek(1).kind == .keyword(.in):
                advance()
                op = .notIn
            case .keyword(.is):
                if peek(1).kind == .keyword(.not) {
                    advance()
                    op = .isNot
                } else {
                    op = .is
                }
            default:
                return links.isEmpty ? left : Expr(.compare(left, links), at: start)
            }
            advance()
            links.append(Comparison(op, try bitOr(), at: token.location))
        }
    }

    mutating func bitOr() throws(ScriptError) -> Expr {
        let start = current.location
        var left = try bitXor()
        while accept(.pipe) != nil {
            left = Expr(.binary(.bitOr, left, try bitXor()), at: start)
        }
        return left
    }

    mutating func bitXor() throws(ScriptError) -> Expr {
        let left = try bitAnd()
        if check(.caret) { throw refuse("'^' operator (bitwise exclusive or)", at: current.location) }
        return left
    }

    mutating func bitAnd() throws(ScriptError) -> Expr {
        let start = current.location
        var left = try shift()
        while accept(.ampersand) != nil {
            left = Expr(.binary(.bitAnd, left, try shift()), at: start)
        }
        return left
    }

    mutating func shift() throws(ScriptError) -> Expr {
        let left = try sum()
        if check(.leftShift) || check(.rightShift) {
            throw refuse("'\(check(.leftShift) ? "<<" : ">>")' operator (bit shift)", at: current.location)
        }
        return left
    }

    mutating func sum() throws(ScriptError) -> Expr {
        let start = current.location
        var left = try term()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .op(.plus): op = .add
            case .op(.minus): op = .subtract
            default: return left
            }
            advance()
            left = Expr(.binary(op, left, try term()), at: start)
        }
    }

    mutating func term() throws(ScriptError) -> Expr {
        let start = current.location
        var left = try factor()
        while true {
            let op: BinaryOperator
            switch current.kind {
            case .op(.star): op = .multiply
            case .op(.slash): op = .divide
            case .op(.doubleSlash): op = .floorDivide
            case .op(.percent): op = .modulo
            case .op(.at): throw refuse("'@' operator (matrix multiplication)", at: current.location)
            default: return left
            }
            advance()
            left = Expr(.binary(op, left, try factor()), at: start)
        }
    }

    /// Unary `-x`, `+x`, `~x`; binds looser than `**` (`-2 ** 2` is `-(2 ** 2)`).
    mutating func factor() throws(ScriptError) -> Expr {
        let token = current
        let op: UnaryOperator
        switch token.kind {
        case .op(.minus): op = .negate
        case .op(.plus): op = .plus
        case .op(.tilde): op = .invert
        default: return try power()
        }
        advance()
        try enter()
        defer { leave() }
        return Expr(.unary(op, try factor()), at: token.location)
    }

    /// `a ** b`, right-associative, with a unary operand on the right (`2 ** -1`).
    mutating func power() throws(ScriptError) -> Expr {
        let start = current.location
        let base = try primary()
        guard accept(.doubleStar) != nil else { return base }
        try enter()
        defer { leave() }
        return Expr(.binary(.power, base, try factor()), at: start)
    }

    // MARK: Targets and parameters

    /// Checks an assignment target: a name, attribute, subscript, or tuple/list of targets.
    func validateTarget(_ target: Expr) throws(ScriptError) {
        switch target.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let items), .list(let items):
            for item in items { try validateTarget(item) }
        default:
            throw fail("cannot assign to \(Self.describe(target))", at: target.location)
        }
    }

    /// Checks the target of `op=`: a name, attribute or subscript.
    func validateAugmentedTarget(_ target: Expr) throws(ScriptError) {
        switch target.kind {
        case .name, .attribute, .subscript:
            return
        default:
            throw fail("'\(Self.describe(target))' is an illegal expression for augmented assignment", at: target.location)
        }
    }

    /// How Python's messages name an expression that cannot be assigned to.
    static func describe(_ e: Expr) -> String {
        switch e.kind {
        case .call: "function call"
        case .none: "None"
        case .bool(let b): b ? "True" : "False"
        case .int, .float, .string: "literal"
        case .lambda: "lambda"
        case .compare: "comparison"
        case .conditional: "conditional expression"
        case .dict: "dict literal"
        case .set: "set display"
        case .tuple: "tuple"
        case .list: "list"
        default: "expression"
        }
    }

    /// Parameters up to `)` (for `def`, not consumed) or `:` (for `lambda`, not consumed).
    /// Plain names with optional types (`def` only) and defaults; `*args`, `**kwargs`, `*` and
    /// `/` are refused by name.
    mutating func parameterList(lambda: Bool) throws(ScriptError) -> [Parameter] {
        var parameters: [Parameter] = []
        let end: Operator = lambda ? .colon : .rightParen
        while !check(end) {
            let token = current
            switch token.kind {
            case .op(.star):
                let bare = peek(1).kind == .op(.comma) || peek(1).kind == .op(end)
                throw refuse(bare ? "keyword-only parameters (bare *)" : "variadic parameters (*args)", at: token.location)
            case .op(.doubleStar):
                throw refuse("variadic keyword parameters (**kwargs)", at: token.location)
            case .op(.slash):
                throw refuse("positional-only parameters (/)", at: token.location)
            default:
                break
            }
            let (name, location) = try expectName("a parameter name")
            var typeAnnotation: Expr?
            if !lambda, accept(.colon) != nil { typeAnnotation = try expression() }
            var defaultValue: Expr?
            if accept(.equal) != nil { defaultValue = try expression() }
            if defaultValue == nil, parameters.last?.defaultValue != nil {
                throw fail("parameter without a default follows parameter with a default", at: location)
            }
            if parameters.contains(where: { $0.name == name }) {
                throw fail("duplicate argument '\(name)' in function definition", at: location)
            }
            parameters.append(
                Parameter(name: name, typeAnnotation: typeAnnotation, defaultValue: defaultValue, at: location))
            guard accept(.comma) != nil else { break }
        }
        return parameters
    }
}
