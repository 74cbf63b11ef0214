/// Compiling statements and assignment targets into closures.
extension Interpreter {
    typealias Store = (Interpreter, Frame, PyValue) throws -> Void

    func compileBlock(_ stmts: [Stmt], _ scope: CompileScope) -> Exec {
        let execs = stmts.map { compileStmt($0, scope) }
        if execs.count == 1 { return execs[0] }
        return { i, f in
            for e in execs {
                let flow = try e(i, f)
                if case .normal = flow { continue }
                return flow
            }
            return .normal
        }
    }

    func compileStmt(_ stmt: Stmt, _ scope: CompileScope) -> Exec {
        let loc = stmt.location
        switch stmt.kind {
        case .expression(let e):
            let eval = compileExpr(e, scope)
            return { i, f in
                _ = try eval(i, f)
                return .normal
            }
        case .assign(let targets, let value):
            let v = compileExpr(value, scope)
            let stores = targets.map { compileTarget($0, scope) }
            if stores.count == 1 {
                let store = stores[0]
                return { i, f in
                    try store(i, f, try v(i, f))
                    return .normal
                }
            }
            return { i, f in
                let value = try v(i, f)
                for s in stores { try s(i, f, value) }
                return .normal
            }
        case .augmentedAssign(let target, let op, let value):
            return compileAugmented(target, op, value, scope, loc)
        case .functionDef(let name, let parameters, let returnType, let body):
            let make = compileFunction(name: name, parameters: parameters, returnType: returnType, body: .statements(body), scope)
            let store = compileStore(name, scope)
            return { i, f in
                try store(i, f, try make(i, f))
                return .normal
            }
        case .return(let e):
            let v = e.map { compileExpr($0, scope) }
            return { i, f in
                f.returnValue = try v?(i, f) ?? .none
                return .returned
            }
        case .if(let branches, let orElse):
            let tests = branches.map { (compileExpr($0.condition, scope), compileBlock($0.body, scope), $0.condition.location) }
            let otherwise = compileBlock(orElse, scope)
            return { i, f in
                for (c, body, cloc) in tests {
                    let v = try c(i, f)
                    let t: Bool
                    do { t = try i.isTrue(v) } catch { throw i.locate(error, cloc) }
                    if t { return try body(i, f) }
                }
                return try otherwise(i, f)
            }
        case .pass:
            return { _, _ in .normal }
        case .break:
            return { _, _ in .breakLoop }
        case .continue:
            return { _, _ in .continueLoop }
        case .for(let target, let iterable, let body):
            return compileFor(target, iterable, body, scope)
        case .while(let condition, let body, let orElse):
            return compileWhile(condition, body, orElse, scope, loc)
        case .try(let body, let handlers, let orElse, let finalBody):
            return compileTry(body, handlers, orElse, finalBody, scope, loc)
        case .raise(let exception, let cause):
            return compileRaise(exception, cause, scope, loc)
        case .assert(let test, let message):
            return compileAssert(test, message, scope, loc)
        case .import(let names):
            let binds = names.map { n in (n, compileStore(n.boundName, scope)) }
            return { i, f in
                for (n, store) in binds {
                    let value: PyValue
                    do { value = try i.importModule(n) } catch { throw i.locate(error, n.location) }
                    try store(i, f, value)
                }
                return .normal
            }
        case .fromImport(let module, let names):
            guard let names else {
                return { i, _ in
                    do {
                        let m = try i.modules.find(module)
                        for (k, v) in m.members where !k.hasPrefix("_") {
                            i.globalValues[i.globalSlot(k)] = v
                        }
                    } catch { throw i.locate(error, loc) }
                    return .normal
                }
            }
            let binds = names.map { n in (n, compileStore(n.boundName, scope)) }
            return { i, f in
                let m: PyModule
                do { m = try i.modules.find(module) } catch { throw i.locate(error, loc) }
                for (n, store) in binds {
                    let value: PyValue
                    do { value = try i.modules.member(n.name, of: m) } catch { throw i.locate(error, n.location) }
                    try store(i, f, value)
                }
                return .normal
            }
        }
    }

    private func compileFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ scope: CompileScope) -> Exec {
        let store = compileTarget(target, scope)
        let it = compileExpr(iterable, scope)
        let run = compileBlock(body, scope)
        let iloc = iterable.location
        let tloc = target.location
        return { i, f in
            let v = try it(i, f)
            // Lists are iterated live (appends during the loop are seen), ranges lazily.
            if case .list(let l) = v {
                var k = 0
                while k < l.items.count {
                    let item = l.items[k]
                    k += 1
                    try i.checkInterruption(at: tloc)
                    try store(i, f, item)
                    switch try run(i, f) {
                    case .normal, .continueLoop: continue
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    }
                }
                return .normal
            }
            if case .object(let o) = v, let r = o as? PyRange {
                var n = r.start
                while r.step > 0 ? n < r.stop : n > r.stop {
                    try i.checkInterruption(at: tloc)
                    try store(i, f, .int(n))
                    switch try run(i, f) {
                    case .normal, .continueLoop: break
                    case .breakLoop: return .normal
                    case .returned: return .returned
                    }
                    let (next, overflow) = n.addingReportingOverflow(r.step)
                    if overflow { break }
                    n = next
                }
                return .normal
            }
            let items: [PyValue]
            do { items = try i.iterate(v) } catch { throw i.locate(error, iloc) }
            for item in items {
                try i.checkInterruption(at: tloc)
                try store(i, f, item)
                switch try run(i, f) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                }
            }
            return .normal
        }
    }

    /// A store into a variable.
    func compileStore(_ name: String, _ scope: CompileScope) -> Store {
        switch resolve(name, scope) {
        case .local(let slot): return { _, f, v in f.slots[slot] = v }
        case .enclosing(let depth, let slot): return { _, f, v in f.outer(depth).slots[slot] = v }
        case .global(let g): return { i, _, v in i.globalValues[g] = v }
        }
    }

    /// A store into an assignment target: a name, `a.b`, `a[k]`, or a tuple/list to unpack.
    func compileTarget(_ target: Expr, _ scope: CompileScope) -> Store {
        let loc = target.location
        switch target.kind {
        case .name(let n):
            return compileStore(n, scope)
        case .tuple(let items), .list(let items):
            let stores = items.map { compileTarget($0, scope) }
            return { i, f, v in
                let values: [PyValue]
                do { values = try i.unpack(v, count: stores.count) } catch { throw i.locate(error, loc) }
                for (s, x) in zip(stores, values) { try s(i, f, x) }
            }
        case .attribute(let base, let name, let nameLoc):
            let b = compileExpr(base, scope)
            return { i, f, v in
                let obj = try b(i, f)
                do { try i.setAttribute(obj, name, v) } catch { throw i.locate(error, nameLoc) }
            }
        case .subscript(let base, let index):
            let b = compileExpr(base, scope)
            let x = compileExpr(index, scope)
            return { i, f, v in
                let obj = try b(i, f)
                let key = try x(i, f)
                do { try i.setItem(obj, key, v) } catch { throw i.locate(error, loc) }
            }
        default:
            return { i, _, _ in throw i.locate(PyException(.typeError, "cannot assign to expression"), loc) }
        }
    }

    /// `target op= value`: the target's container and key are evaluated once; `list += x`
    /// extends the list in place, as in Python.
    private func compileAugmented(_ target: Expr, _ op: BinaryOperator, _ value: Expr, _ scope: CompileScope, _ loc: SourceLocation) -> Exec {
        let v = compileExpr(value, scope)
        func combine(_ i: Interpreter, _ old: PyValue, _ new: PyValue) throws -> PyValue {
            if op == .add, case .list(let l) = old {
                l.items += try i.iterate(new)
                return old
            }
            return try i.binary(op, old, new)
        }
        switch target.kind {
        case .name(let n):
            let read = compileName(n, scope, target.location)
            let store = compileStore(n, scope)
            return { i, f in
                let old = try read(i, f)
                let new = try v(i, f)
                let result: PyValue
                do { result = try combine(i, old, new) } catch { throw i.locate(error, loc) }
                try store(i, f, result)
                return .normal
            }
        case .attribute(let base, let name, let nameLoc):
            let b = compileExpr(base, scope)
            return { i, f in
                let obj = try b(i, f)
                let old: PyValue
                do { old = try i.getAttribute(obj, name) } catch { throw i.locate(error, nameLoc) }
                let new = try v(i, f)
                do { try i.setAttribute(obj, name, try combine(i, old, new)) } catch { throw i.locate(error, loc) }
                return .normal
            }
        case .subscript(let base, let index):
            let b = compileExpr(base, scope)
            let x = compileExpr(index, scope)
            return { i, f in
                let obj = try b(i, f)
                let key = try x(i, f)
                let old: PyValue
                do { old = try i.getItem(obj, key) } catch { throw i.locate(error, target.location) }
                let new = try v(i, f)
                do { try i.setItem(obj, key, try combine(i, old, new)) } catch { throw i.locate(error, loc) }
                return .normal
            }
        default:
            return { i, _ in throw i.locate(PyException(.typeError, "illegal expression for augmented assignment"), loc) }
        }
    }
}
