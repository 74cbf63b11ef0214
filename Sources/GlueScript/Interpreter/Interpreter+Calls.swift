import GlueEngine

/// Calls: argument evaluation (with `*args` / `**kwargs` splats), script functions (binding,
/// recursion limit), builtins and callable host objects.
extension Interpreter {
    func compileCall(_ callee: Expr, _ arguments: [Argument], _ scope: CompileScope, _ loc: SourceLocation) -> Eval {
        let c = compileExpr(callee, scope)
        if arguments.allSatisfy({ if case .positional = $0.kind { true } else { false } }) {
            let evals = arguments.map { compileExpr($0.value, scope) }
            let count = evals.count
            return { i, f in
                let fn = try c(i, f)
                // Fast path: a script function taking exactly these arguments gets them
                // straight into its frame's slots.
                if case .function(let pf) = fn, pf.code.parameterNames.count == count {
                    let frame = Frame(slotCount: pf.code.slotCount, parent: pf.closure)
                    for k in 0..<count { frame.slots[k] = try evals[k](i, f) }
                    do { return try i.enter(pf.code, frame) } catch { throw i.locate(error, loc) }
                }
                var positional: [PyValue] = []
                positional.reserveCapacity(evals.count)
                for e in evals { positional.append(try e(i, f)) }
                do { return try i.callValue(fn, CallArguments(positional)) } catch { throw i.locate(error, loc) }
            }
        }
        enum Compiled {
            case positional(Eval)
            case keyword(String, Eval)
            case unpack(Eval, SourceLocation)
            case unpackKeywords(Eval, SourceLocation)
        }
        let compiled: [Compiled] = arguments.map { a in
            switch a.kind {
            case .positional(let e): .positional(compileExpr(e, scope))
            case .keyword(let name, let e): .keyword(name, compileExpr(e, scope))
            case .unpack(let e): .unpack(compileExpr(e, scope), a.location)
            case .unpackKeywords(let e): .unpackKeywords(compileExpr(e, scope), a.location)
            }
        }
        return { i, f in
            let fn = try c(i, f)
            var args = CallArguments()
            for a in compiled {
                switch a {
                case .positional(let e):
                    args.positional.append(try e(i, f))
                case .keyword(let name, let e):
                    args.keywords.append((name, try e(i, f)))
                case .unpack(let e, let l):
                    let v = try e(i, f)
                    do { args.positional += try i.iterate(v, splat: true) } catch { throw i.locate(error, l) }
                case .unpackKeywords(let e, let l):
                    let v = try e(i, f)
                    do {
                        guard case .dict(let d) = v else {
                            throw PyException(.typeError, "argument after ** must be a mapping, not \(v.typeName)")
                        }
                        for (k, value) in d.items {
                            guard case .str(let name) = k else { throw PyException(.typeError, "keywords must be strings") }
                            if args.keywords.contains(where: { $0.name == name }) {
                                throw PyException(.typeError, "\(i.calleeName(fn))() got multiple values for keyword argument '\(name)'")
                            }
                            args.keywords.append((name, value))
                        }
                    } catch { throw i.locate(error, l) }
                }
            }
            do { return try i.callValue(fn, args) } catch { throw i.locate(error, loc) }
        }
    }

    func calleeName(_ v: PyValue) -> String {
        switch v {
        case .function(let fn): fn.name
        case .builtin(let b): b.name
        default: v.typeName
        }
    }

    /// Calls any callable value.
    func callValue(_ callee: PyValue, _ arguments: CallArguments) throws -> PyValue {
        switch callee {
        case .function(let fn): return try callFunction(fn, arguments)
        case .builtin(let b): return try b.body(arguments, self)
        case .object(let o): return try o.call(arguments, runtime: self)
        default: throw PyException(.typeError, "'\(callee.typeName)' object is not callable")
        }
    }

    /// Runs a script function in a new frame.
    func callFunction(_ fn: PyFunction, _ arguments: CallArguments) throws -> PyValue {
        let code = fn.code
        let frame = Frame(slotCount: code.slotCount, parent: fn.closure)
        let n = code.parameterNames.count
        if arguments.keywords.isEmpty && arguments.positional.count == n {
            for k in 0..<n { frame.slots[k] = arguments.positional[k] }
        } else {
            try bind(fn, arguments, into: frame)
        }
        return try enter(code, frame)
    }

    /// Runs a function body in its bound frame, within the recursion limit.
    func enter(_ code: FunctionCode, _ frame: Frame) throws -> PyValue {
        if let interruption, interruption.isRequested {
            throw PyException(.keyboardInterrupt, "the run was interrupted (Ctrl-C)")
        }
        depth += 1
        defer { depth -= 1 }
        if depth > Self.recursionLimit {
            throw PyException(.recursionError, "maximum recursion depth exceeded")
        }
        switch code.body {
        case .expression(let e):
            return try e(self, frame)
        case .statements(let body):
            _ = try body(self, frame)
            return frame.returnValue
        }
    }

    /// Python's argument binding for a `def` (positional, keywords, defaults), with its messages.
    private func bind(_ fn: PyFunction, _ arguments: CallArguments, into frame: Frame) throws {
        let names = fn.code.parameterNames
        let name = fn.name
        if arguments.positional.count > names.count {
            let required = fn.defaults.filter { $0 == nil }.count
            let takes = required == names.count ? "\(names.count)" : "from \(required) to \(names.count)"
            let plural = required == names.count && names.count == 1 ? "argument" : "arguments"
            let given = arguments.positional.count
            throw PyException(.typeError, "\(name)() takes \(takes) positional \(plural) but \(given) \(given == 1 ? "was" : "were") given")
        }
        for (k, v) in arguments.positional.enumerated() { frame.slots[k] = v }
        for (key, v) in arguments.keywords {
            guard let k = names.firstIndex(of: key) else {
                throw PyException(.typeError, "\(name)() got an unexpected keyword argument '\(key)'")
            }
            guard frame.slots[k] == nil else {
                throw PyException(.typeError, "\(name)() got multiple values for argument '\(key)'")
            }
            frame.slots[k] = v
        }
        var missing: [String] = []
        for k in names.indices where frame.slots[k] == nil {
            if let d = fn.defaults[k] { frame.slots[k] = d } else { missing.append("'\(names[k])'") }
        }
        if !missing.isEmpty {
            let list: String
            switch missing.count {
            case 1: list = missing[0]
            case 2: list = "\(missing[0]) and \(missing[1])"
            default: list = missing.dropLast().joined(separator: ", ") + ", and " + missing.last!
            }
            throw PyException(.typeError, "\(name)() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
        }
    }

    enum FunctionBody {
        case expression(Expr)
        case statements([Stmt])
    }

    /// A `def` or `lambda`: the body compiled now in its own scope; at run time the defaults
    /// (and annotations) are evaluated and the function closes over the current frame.
    func compileFunction(name: String, parameters: [Parameter], returnType: Expr?, body: FunctionBody, _ scope: CompileScope) -> Eval {
        let inner = CompileScope(parent: scope.isModule ? nil : scope, isModule: false)
        for p in parameters { inner.declare(p.name) }
        if case .statements(let stmts) = body { declareLocals(stmts, inner) }
        let compiledBody: FunctionCode.Body
        switch body {
        case .expression(let e): compiledBody = .expression(compileExpr(e, inner))
        case .statements(let stmts): compiledBody = .statements(compileBlock(stmts, inner))
        }
        let code = FunctionCode(name: name, parameterNames: parameters.map(\.name), localNames: inner.localNames, body: compiledBody)
        let defaults = parameters.map { p in p.defaultValue.map { compileExpr($0, scope) } }
        let annotations = (parameters.compactMap(\.typeAnnotation) + (returnType.map { [$0] } ?? [])).map { compileExpr($0, scope) }
        let isModule = scope.isModule
        return { i, f in
            var values: [PyValue?] = []
            values.reserveCapacity(defaults.count)
            for d in defaults { values.append(try d?(i, f)) }
            for a in annotations { _ = try a(i, f) }
            return .function(PyFunction(name: name, parameters: parameters, defaults: values, code: code, closure: isModule ? nil : f))
        }
    }

    /// Declares the names a function body assigns (not inside nested functions, which have
    /// their own scope, except the nested `def`'s own name).
    func declareLocals(_ stmts: [Stmt], _ scope: CompileScope) {
        for s in stmts {
            switch s.kind {
            case .assign(let targets, _):
                for t in targets { declareTarget(t, scope) }
            case .augmentedAssign(let t, _, _):
                declareTarget(t, scope)
            case .for(let t, _, let body):
                declareTarget(t, scope)
                declareLocals(body, scope)
            case .if(let branches, let orElse):
                for b in branches { declareLocals(b.body, scope) }
                declareLocals(orElse, scope)
            case .while(_, let body, let orElse):
                declareLocals(body, scope)
                declareLocals(orElse, scope)
            case .try(let body, let handlers, let orElse, let finalBody):
                declareLocals(body, scope)
                for h in handlers {
                    if let name = h.name { scope.declare(name) }
                    declareLocals(h.body, scope)
                }
                declareLocals(orElse, scope)
                declareLocals(finalBody, scope)
            case .functionDef(let name, _, _, _):
                scope.declare(name)
            case .import(let names):
                for n in names { scope.declare(n.boundName) }
            case .fromImport(_, let names):
                for n in names ?? [] { scope.declare(n.boundName) }
            case .expression, .return, .pass, .break, .continue, .raise, .assert:
                break
            }
        }
    }

    private func declareTarget(_ t: Expr, _ scope: CompileScope) {
        switch t.kind {
        case .name(let n): scope.declare(n)
        case .tuple(let items), .list(let items): for x in items { declareTarget(x, scope) }
        default: break
        }
    }
}
