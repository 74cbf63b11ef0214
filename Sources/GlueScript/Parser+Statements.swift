/// Compound statements (`def`, `if`, `for`, blocks) and imports.
extension Parser {
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
