/// Primaries (attribute, call, subscript), atoms and displays.
extension Parser {
    /// An atom followed by `.name`, `(args)` and `[index]` trailers, which may continue on
    /// later lines inside brackets (`spark.read\n    .option(...)\n    .csv(path)`).
    mutating func primary() throws(ScriptError) -> Expr {
        let start = current.location
        var value = try atom()
        while true {
            switch current.kind {
            case .op(.dot):
                advance()
                let (name, location) = try expectName("an attribute name after '.'")
                value = Expr(.attribute(value, name: name, nameLocation: location), at: start)
            case .op(.leftParen):
                let open = advance()
                let arguments = try callArguments(open)
                value = Expr(.call(value, arguments: arguments, openLocation: open.location), at: start)
            case .op(.leftBracket):
                let open = advance()
                let index = try subscriptIndex()
                try close(open)
                value = Expr(.subscript(value, index: index), at: start)
            default:
                return value
            }
        }
    }

    mutating func atom() throws(ScriptError) -> Expr {
        let token = current
        let at = token.location
        switch token.kind {
        case .name(let name):
            if peek(1).kind == .op(.walrus) { throw refuse("assignment expression (:=)", at: at) }
            advance()
            return Expr(.name(name), at: at)
        case .keyword(.None):
            advance()
            return Expr(.none, at: at)
        case .keyword(.True), .keyword(.False):
            advance()
            return Expr(.bool(token.kind == .keyword(.True)), at: at)
        case .int(let value):
            advance()
            return Expr(.int(value), at: at)
        case .float(let value):
            advance()
            return Expr(.float(value), at: at)
        case .string(var value):
            advance()
            while case .string(let more) = current.kind {  // "a" "b" is "ab"
                value += more
                advance()
            }
            return Expr(.string(value), at: at)
        case .op(.leftParen): return try parenthesized()
        case .op(.leftBracket): return try listDisplay()
        case .op(.leftBrace): return try braceDisplay()
        case .op(.ellipsis): throw refuse("Ellipsis literal (...)", at: at)
        case .keyword(.yield): throw refuse("yield expression", at: at)
        case .keyword(.await): throw refuse("await expression", at: at)
        case .op(.star): throw refuse("starred expression (*x)", at: at)
        case .keyword(.lambda), .keyword(.not):
            throw fail("invalid syntax near \(token): put it in parentheses inside an operator expression", at: at)
        case .newline: throw fail("expected an expression, found end of line", at: at)
        case .indent: throw fail("unexpected indent", at: at)
        default: throw fail("expected an expression, found \(token)", at: at)
        }
    }

    /// Consumes the bracket that closes `open`, or explains what is wrong.
    @discardableResult
    mutating func close(_ open: Token) throws(ScriptError) -> Token {
        guard case .op(let opening) = open.kind, let closing = opening.closing else { return advance() }
        if let token = accept(closing) { return token }
        let hint = Self.startsExpression(current) ? " (missing comma?)" : ""
        throw fail(
            "expected '\(closing.rawValue)' to close '\(opening.rawValue)' at \(open.location), found \(current)\(hint)",
            at: current.location)
    }

    /// `( )`, `(x)`, `(x,)`, `(a, b)`; `(x for ...)` and `(yield)` are refused.
    mutating func parenthesized() throws(ScriptError) -> Expr {
        let open = advance()
        if accept(.rightParen) != nil { return Expr(.tuple([]), at: open.location) }
        let first = try starExpression()
        if check(.for) || check(.async) { throw refuse("generator expression", at: open.location) }
        guard check(.comma) else {
            try close(open)
            return first
        }
        var items = [first]
        while accept(.comma) != nil {
            if check(.rightParen) { break }
            items.append(try starExpression())
        }
        try close(open)
        return Expr(.tuple(items), at: open.location)
    }

    /// `[a, b]`; `[x for ...]` is refused.
    mutating func listDisplay() throws(ScriptError) -> Expr {
        let open = advance()
        var items: [Expr] = []
        if !check(.rightBracket) {
            items.append(try starExpression())
            if check(.for) || check(.async) { throw refuse("list comprehension", at: open.location) }
            while accept(.comma) != nil {
                if check(.rightBracket) { break }
                items.append(try starExpression())
            }
        }
        try close(open)
        return Expr(.list(items), at: open.location)
    }

    /// `{}` and `{k: v, ...}` (dicts), `{a, b}` (sets); comprehensions and `**` are refused.
    mutating func braceDisplay() throws(ScriptError) -> Expr {
        let open = advance()
        if accept(.rightBrace) != nil { return Expr(.dict([]), at: open.location) }
        let refusedUnpacking = "dict unpacking (**) in a dict display"
        if check(.doubleStar) { throw refuse(refusedUnpacking, at: current.location) }
        let first = try starExpression()
        if accept(.colon) != nil {
            var entries = [DictEntry(key: first, value: try expression())]
            if check(.for) || check(.async) { throw refuse("dict comprehension", at: open.location) }
            while accept(.comma) != nil {
                if check(.rightBrace) { break }
                if check(.doubleStar) { throw refuse(refusedUnpacking, at: current.location) }
                let key = try expression()
                try expect(.colon, "after a dict key")
                entries.append(DictEntry(key: key, value: try expression()))
            }
            try close(open)
            return Expr(.dict(entries), at: open.location)
        }
        if check(.for) || check(.async) { throw refuse("set comprehension", at: open.location) }
        var items = [first]
        while accept(.comma) != nil {
            if check(.rightBrace) { break }
            items.append(try starExpression())
        }
        try close(open)
        return Expr(.set(items), at: open.location)
    }

    /// Arguments after `(` up to and including `)`: positional, `name=value`, `*xs`,
    /// `**options`, in Python's order rules.
    mutating func callArguments(_ open: Token) throws(ScriptError) -> [Argument] {
        var arguments: [Argument] = []
        var sawKeyword = false
        var sawKeywordUnpacking = false
        while !check(.rightParen) {
            let token = current
            if accept(.star) != nil {
                if sawKeywordUnpacking {
                    throw fail("iterable argument unpacking follows keyword argument unpacking", at: token.location)
                }
                arguments.append(Argument(.unpack(try expression()), at: token.location))
            } else if accept(.doubleStar) != nil {
                arguments.append(Argument(.unpackKeywords(try expression()), at: token.location))
                sawKeywordUnpacking = true
            } else if case .name(let name) = token.kind, peek(1).kind == .op(.equal) {
                advance()
                advance()
                if arguments.contains(where: { if case .keyword(name, _) = $0.kind { true } else { false } }) {
                    throw fail("keyword argument repeated: \(name)", at: token.location)
                }
                arguments.append(Argument(.keyword(name, try expression()), at: token.location))
                sawKeyword = true
            } else {
                let value = try expression()
                if check(.for) || check(.async) { throw refuse("generator expression", at: token.location) }
                if check(.equal) {
                    throw fail("expression cannot contain assignment, perhaps you meant \"==\"?", at: token.location)
                }
                if sawKeywordUnpacking {
                    throw fail("positional argument follows keyword argument unpacking", at: token.location)
                }
                if sawKeyword { throw fail("positional argument follows keyword argument", at: token.location) }
                arguments.append(Argument(.positional(value), at: token.location))
            }
            guard accept(.comma) != nil else { break }
        }
        try close(open)
        return arguments
    }

    /// Inside `[...]`: an expression, a slice `a:b:c`, or several separated by commas (a tuple).
    mutating func subscriptIndex() throws(ScriptError) -> Expr {
        let start = current.location
        let first = try sliceItem()
        guard check(.comma) else { return first }
        var items = [first]
        while accept(.comma) != nil {
            if check(.rightBracket) { break }
            items.append(try sliceItem())
        }
        return Expr(.tuple(items), at: start)
    }

    mutating func sliceItem() throws(ScriptError) -> Expr {
        let start = current.location
        var lower: Expr?
        if !check(.colon) {
            let value = try expression()
            guard check(.colon) else { return value }
            lower = value
        }
        advance()  // the first ':'
        func ends(_ p: Parser) -> Bool { p.check(.colon) || p.check(.rightBracket) || p.check(.comma) }
        let upper = ends(self) ? nil : try expression()
        var step: Expr?
        if accept(.colon) != nil, !ends(self) { step = try expression() }
        return Expr(.slice(lower: lower, upper: upper, step: step), at: start)
    }
}
