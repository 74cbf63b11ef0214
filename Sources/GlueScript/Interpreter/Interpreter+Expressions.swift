/// Compiling expressions into closures.
extension Interpreter {
    /// Where `name` lives as seen from `scope` (Python's rule: local if assigned in the
    /// function, else the nearest enclosing function that assigns it, else global/builtin).
    func resolve(_ name: String, _ scope: CompileScope) -> NameRef {
        if scope.isModule { return .global(globalSlot(name)) }
        if let i = scope.slot(name) { return .local(i) }
        var depth = 1
        var outer = scope.parent
        while let s = outer {
            if let i = s.slot(name) { return .enclosing(depth: depth, slot: i) }
            depth += 1
            outer = s.parent
        }
        return .global(globalSlot(name))
    }

    func compileName(_ name: String, _ scope: CompileScope, _ loc: SourceLocation) -> Eval {
        switch resolve(name, scope) {
        case .local(let slot):
            return { i, f in
                if let v = f.slots[slot] { return v }
                throw i.locate(PyException(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value"), loc)
            }
        case .enclosing(let depth, let slot):
            return { i, f in
                if let v = f.outer(depth).slots[slot] { return v }
                throw i.locate(PyException(.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope"), loc)
            }
        case .global(let g):
            let builtin = builtins[name]
            return { i, _ in
                if let v = i.globalValues[g] { return v }
                if let builtin { return builtin }
                throw i.locate(PyException(.nameError, "name '\(name)' is not defined"), loc)
            }
        }
    }

    func compileExpr(_ expr: Expr, _ scope: CompileScope) -> Eval {
        let loc = expr.location
        switch expr.kind {
        case .name(let name):
            return compileName(name, scope, loc)
        case .none:
            return { _, _ in .none }
        case .bool(let b):
            return { _, _ in .bool(b) }
        case .int(let n):
            return { _, _ in .int(n) }
        case .float(let d):
            return { _, _ in .float(d) }
        case .string(let s):
            let v = PyValue.str(s)
            return { _, _ in v }
        case .list(let items):
            let evals = items.map { compileExpr($0, scope) }
            return { i, f in
                var out: [PyValue] = []
                out.reserveCapacity(evals.count)
                for e in evals { out.append(try e(i, f)) }
                return .list(PyList(out))
            }
        case .tuple(let items):
            let evals = items.map { compileExpr($0, scope) }
            return { i, f in
                var out: [PyValue] = []
                out.reserveCapacity(evals.count)
                for e in evals { out.append(try e(i, f)) }
                return .tuple(out)
            }
        case .dict(let entries):
            let pairs = entries.map { (compileExpr($0.key, scope), compileExpr($0.value, scope), $0.key.location) }
            return { i, f in
                let d = PyDict()
                for (k, v, kloc) in pairs {
                    let key = try k(i, f)
                    let value = try v(i, f)
                    do { d[try hashKey(key)] = value } catch { throw i.locate(error, kloc) }
                }
                return .dict(d)
            }
        case .set(let items):
            let evals = items.map { ($0.location, compileExpr($0, scope)) }
            return { i, f in
                let s = PySet()
                for (l, e) in evals {
                    let v = try e(i, f)
                    do { try s.add(v) } catch { throw i.locate(error, l) }
                }
                return .object(s)
            }
        case .attribute(let base, let name, let nameLoc):
            let b = compileExpr(base, scope)
            return { i, f in
                let v = try b(i, f)
                do { return try i.getAttribute(v, name) } catch { throw i.locate(error, nameLoc) }
            }
        case .subscript(let base, let index):
            let b = compileExpr(base, scope)
            let x = compileExpr(index, scope)
            return { i, f in
                let v = try b(i, f)
                let k = try x(i, f)
                do { return try i.getItem(v, k) } catch { throw i.locate(error, loc) }
            }
        case .slice(let lower, let upper, let step):
            let l = lower.map { compileExpr($0, scope) }
            let u = upper.map { compileExpr($0, scope) }
            let s = step.map { compileExpr($0, scope) }
            return { i, f in
                .object(PySlice(lower: try l?(i, f) ?? .none, upper: try u?(i, f) ?? .none, step: try s?(i, f) ?? .none))
            }
        case .call(let callee, let arguments, _):
            return compileCall(callee, arguments, scope, loc)
        case .lambda(let parameters, let body):
            return compileFunction(name: "<lambda>", parameters: parameters, returnType: nil, body: .expression(body), scope)
        case .unary(let op, let operand):
            let o = compileExpr(operand, scope)
            if op == .not {
                return { i, f in
                    let v = try o(i, f)
                    do { return .bool(!(try i.isTrue(v))) } catch { throw i.locate(error, loc) }
                }
            }
            return { i, f in
                let v = try o(i, f)
                do { return try i.unary(op, v) } catch { throw i.locate(error, loc) }
            }
        case .binary(let op, let left, let right):
            let l = compileExpr(left, scope)
            let r = compileExpr(right, scope)
            return { i, f in
                let a = try l(i, f)
                let b = try r(i, f)
                do { return try i.binary(op, a, b) } catch { throw i.locate(error, loc) }
            }
        case .compare(let first, let links):
            return compileCompare(first, links, scope, loc)
        case .boolean(let op, let operands):
            let evals = operands.map { ($0.location, compileExpr($0, scope)) }
            let isAnd = op == .and
            return { i, f in
                var v = PyValue.none
                for (n, (l, e)) in evals.enumerated() {
                    v = try e(i, f)
                    if n == evals.count - 1 { break }
                    let t: Bool
                    do { t = try i.isTrue(v) } catch { throw i.locate(error, l) }
                    if t != isAnd { return v }
                }
                return v
            }
        case .conditional(let condition, let then, let otherwise):
            let c = compileExpr(condition, scope)
            let t = compileExpr(then, scope)
            let o = compileExpr(otherwise, scope)
            let cloc = condition.location
            return { i, f in
                let v = try c(i, f)
                let test: Bool
                do { test = try i.isTrue(v) } catch { throw i.locate(error, cloc) }
                return test ? try t(i, f) : try o(i, f)
            }
        }
    }

    /// A comparison chain: each middle operand evaluated once, stopping at the first false link.
    private func compileCompare(_ first: Expr, _ links: [Comparison], _ scope: CompileScope, _ loc: SourceLocation) -> Eval {
        let head = compileExpr(first, scope)
        let rest = links.map { ($0.op, compileExpr($0.right, scope)) }
        if rest.count == 1 {
            let (op, r) = rest[0]
            return { i, f in
                let a = try head(i, f)
                let b = try r(i, f)
                do { return try i.compare(op, a, b) } catch { throw i.locate(error, loc) }
            }
        }
        return { i, f in
            var left = try head(i, f)
            var result = PyValue.bool(true)
            for (op, r) in rest {
                let right = try r(i, f)
                do {
                    result = try i.compare(op, left, right)
                    if !(try i.isTrue(result)) { return result }
                } catch { throw i.locate(error, loc) }
                left = right
            }
            return result
        }
    }
}
