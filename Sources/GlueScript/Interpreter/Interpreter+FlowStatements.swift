/// Compiling `while`, `try`, `raise` and `assert` into closures (CPython 3.11 semantics: `else`
/// runs when the `try` body ends normally — no exception, `return`, `break` or `continue`;
/// `finally` always runs, and its own `return`/`break`/`continue` or exception replaces
/// whatever was leaving the statement).
extension Interpreter {
    func compileWhile(_ condition: Expr, _ body: [Stmt], _ orElse: [Stmt], _ scope: CompileScope, _ loc: SourceLocation) -> Exec {
        let test = compileExpr(condition, scope)
        let run = compileBlock(body, scope)
        let otherwise = orElse.isEmpty ? nil : compileBlock(orElse, scope)
        let cloc = condition.location
        return { i, f in
            while true {
                try i.checkInterruption(at: cloc)
                let v = try test(i, f)
                let go: Bool
                if case .bool(let b) = v {
                    go = b
                } else {
                    do { go = try i.isTrue(v) } catch { throw i.locate(error, cloc) }
                }
                if !go { break }
                switch try run(i, f) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                }
            }
            if let otherwise { return try otherwise(i, f) }
            return .normal
        }
    }

    /// One compiled `except` clause.
    private struct Handler {
        let type: Eval?
        let bind: Store?
        let unbind: ((Interpreter, Frame) -> Void)?
        let body: Exec
        let location: SourceLocation
    }

    func compileTry(_ body: [Stmt], _ handlers: [ExceptHandler], _ orElse: [Stmt], _ finalBody: [Stmt],
                    _ scope: CompileScope, _ loc: SourceLocation) -> Exec {
        let run = compileBlock(body, scope)
        let compiled = handlers.map { h in
            Handler(type: h.type.map { compileExpr($0, scope) }, bind: h.name.map { compileStore($0, scope) },
                    unbind: h.name.map { compileUnbind($0, scope) }, body: compileBlock(h.body, scope), location: h.location)
        }
        let otherwise = orElse.isEmpty ? nil : compileBlock(orElse, scope)
        let guarded: Exec = compiled.isEmpty && otherwise == nil ? run : { i, f in
            let flow: Flow
            do { flow = try run(i, f) } catch { return try i.handle(error, compiled, f, loc) }
            if case .normal = flow, let otherwise { return try otherwise(i, f) }
            return flow
        }
        guard !finalBody.isEmpty else { return guarded }
        let cleanup = compileBlock(finalBody, scope)
        return { i, f in
            let flow: Flow
            do {
                flow = try guarded(i, f)
            } catch {
                let after = try cleanup(i, f)
                if case .normal = after { throw error }
                return after
            }
            let after = try cleanup(i, f)
            if case .normal = after { return flow }
            return after
        }
    }

    /// Runs the first handler matching `error` (rethrown when none matches or it is not a
    /// Python exception), with the exception bound to its `as` name and current for a bare
    /// `raise`; the name is unbound after the clause, as Python does.
    private func handle(_ thrown: any Error, _ handlers: [Handler], _ f: Frame, _ loc: SourceLocation) throws -> Flow {
        let error = locate(thrown, loc)
        guard !isInterruption(error), let object = exceptionObject(for: error) else { throw error }
        for h in handlers {
            if let type = h.type {
                let t = try type(self, f)
                let matches: Bool
                do { matches = try exceptionMatches(object, t) } catch { throw locate(error, h.location) }
                if !matches { continue }
            }
            if let bind = h.bind { try bind(self, f, .object(object)) }
            handlingExceptions.append((error, object))
            defer {
                handlingExceptions.removeLast()
                h.unbind?(self, f)
            }
            return try h.body(self, f)
        }
        throw error
    }

    private func exceptionMatches(_ object: PyExceptionObject, _ t: PyValue) throws -> Bool {
        switch t {
        case .object(let c as PyExceptionClass): return object.cls.isSubclass(of: c)
        case .tuple(let items): return try items.contains { try exceptionMatches(object, $0) }
        default: throw PyException(.typeError, "catching classes that do not inherit from BaseException is not allowed")
        }
    }

    /// Forgets a variable (the `as` name after its `except` clause).
    private func compileUnbind(_ name: String, _ scope: CompileScope) -> (Interpreter, Frame) -> Void {
        switch resolve(name, scope) {
        case .local(let slot): return { _, f in f.slots[slot] = nil }
        case .enclosing(let depth, let slot): return { _, f in f.outer(depth).slots[slot] = nil }
        case .global(let g): return { i, _ in i.globalValues[g] = nil }
        }
    }

    func compileRaise(_ exception: Expr?, _ cause: Expr?, _ scope: CompileScope, _ loc: SourceLocation) -> Exec {
        guard let exception else {
            return { i, _ in
                guard let current = i.handlingExceptions.last else {
                    throw i.locate(PyException(.runtimeError, "No active exception to reraise"), loc)
                }
                throw current.error
            }
        }
        let value = compileExpr(exception, scope)
        let causeValue = cause.map { compileExpr($0, scope) }
        return { i, f in
            let v = try value(i, f)
            let object: PyExceptionObject
            do { object = try i.exceptionInstance(v) } catch { throw i.locate(error, loc) }
            if let causeValue {
                let c = try causeValue(i, f)
                if c.isNone {
                    object.cause = .none
                } else {
                    do { object.cause = .object(try i.exceptionInstance(c, cause: true)) } catch { throw i.locate(error, loc) }
                }
            }
            throw i.raising(object, at: loc)
        }
    }

    func compileAssert(_ test: Expr, _ message: Expr?, _ scope: CompileScope, _ loc: SourceLocation) -> Exec {
        let t = compileExpr(test, scope)
        let m = message.map { compileExpr($0, scope) }
        let tloc = test.location
        return { i, f in
            let v = try t(i, f)
            if case .bool(true) = v { return .normal }
            let ok: Bool
            do { ok = try i.isTrue(v) } catch { throw i.locate(error, tloc) }
            if ok { return .normal }
            let args = try m.map { [try $0(i, f)] } ?? []
            let object: PyExceptionObject
            do { object = try PyExceptionObject(i.exceptionClasses["AssertionError"]!, args: args, runtime: i) } catch { throw i.locate(error, loc) }
            throw i.raising(object, at: loc)
        }
    }
}
