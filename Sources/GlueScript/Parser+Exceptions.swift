/// `while`, `try`, `raise` and `assert`: the statements of Python's control flow that job
/// scripts use around failures (`if n == 0: raise Exception("no input")`, `try: ... except
/// Exception as e: logger.error(str(e)); raise`).
extension Parser {
    /// `while condition: block [else: block]`.
    mutating func whileStatement() throws(ScriptError) -> Stmt {
        let keyword = advance()
        let condition = try expression()
        try expect(.colon, "after the while loop's condition")
        loopDepth += 1
        let body = try block(after: "'while' statement", line: keyword.line)
        loopDepth -= 1
        var orElse: [Stmt] = []
        if let elseToken = accept(.else) {
            try expect(.colon, "after 'else'")
            orElse = try block(after: "'else' statement", line: elseToken.line)
        }
        return Stmt(.while(condition: condition, body: body, orElse: orElse), at: keyword.location)
    }

    /// `try: block (except [T [as n]]: block)* [else: block] [finally: block]`.
    mutating func tryStatement() throws(ScriptError) -> Stmt {
        let keyword = advance()
        try expect(.colon, "after 'try'")
        let body = try block(after: "'try' statement", line: keyword.line)
        var handlers: [ExceptHandler] = []
        while let except = accept(.except) {
            if let bare = handlers.last, bare.type == nil {
                throw fail("default 'except:' must be last", at: bare.location)
            }
            if check(.star) { throw refuse("except* clause (exception groups)", at: current.location) }
            var type: Expr?
            var name: String?
            if !check(.colon) {
                type = try expression()
                if check(.comma) {
                    throw fail("multiple exception types must be parenthesized", at: current.location)
                }
                if accept(.as) != nil { name = try expectName("a name after 'as'").0 }
            }
            try expect(.colon, "after the 'except' clause")
            let handlerBody = try block(after: "'except' statement", line: except.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, at: except.location))
        }
        var orElse: [Stmt] = []
        if !handlers.isEmpty, let elseToken = accept(.else) {
            try expect(.colon, "after 'else'")
            orElse = try block(after: "'else' statement", line: elseToken.line)
        }
        var finalBody: [Stmt] = []
        if let finallyToken = accept(.finally) {
            try expect(.colon, "after 'finally'")
            finalBody = try block(after: "'finally' statement", line: finallyToken.line)
            if finalBody.isEmpty { finalBody = [Stmt(.pass, at: finallyToken.location)] }
        } else if handlers.isEmpty {
            throw fail("expected 'except' or 'finally' block", at: current.location)
        }
        return Stmt(.try(body: body, handlers: handlers, orElse: orElse, finalBody: finalBody), at: keyword.location)
    }

    /// `raise`, `raise X`, `raise X from Y`.
    mutating func raiseStatement() throws(ScriptError) -> Stmt {
        let keyword = advance()
        if current.kind == .newline || check(.semicolon) {
            return Stmt(.raise(exception: nil, cause: nil), at: keyword.location)
        }
        let exception = try expression()
        var cause: Expr?
        if accept(.from) != nil { cause = try expression() }
        return Stmt(.raise(exception: exception, cause: cause), at: keyword.location)
    }

    /// `assert test` / `assert test, message`.
    mutating func assertStatement() throws(ScriptError) -> Stmt {
        let keyword = advance()
        let test = try expression()
        var message: Expr?
        if accept(.comma) != nil { message = try expression() }
        return Stmt(.assert(test: test, message: message), at: keyword.location)
    }
}
