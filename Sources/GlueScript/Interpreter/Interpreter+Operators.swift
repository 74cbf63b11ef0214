import Foundation

/// Python's operators on the builtin types; host objects get `binary` / `compare` / `unary`
/// hooks (left operand first, then the right one reflected).
extension Interpreter {
    func isTrue(_ v: PyValue) throws -> Bool {
        switch v {
        case .none: false
        case .bool(let b): b
        case .int(let n): n != 0
        case .float(let d): d != 0
        case .str(let s): !s.isEmpty
        case .list(let l): !l.items.isEmpty
        case .tuple(let t): !t.isEmpty
        case .dict(let d): d.count != 0
        case .builtin, .function: true
        case .object(let o): try o.truthy(runtime: self)
        }
    }

    /// The number an int, bool or float operand stands for.
    private enum Num {
        case int(Int)
        case float(Double)
    }

    private func number(_ v: PyValue) -> Num? {
        switch v {
        case .int(let n): .int(n)
        case .bool(let b): .int(b ? 1 : 0)
        case .float(let d): .float(d)
        default: nil
        }
    }

    func binary(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        if let x = number(a), let y = number(b) {
            if case .bool(let p) = a, case .bool(let q) = b {
                if op == .bitAnd { return .bool(p && q) }
                if op == .bitOr { return .bool(p || q) }
            }
            switch (x, y) {
            case (.int(let p), .int(let q)): return try intBinary(op, p, q)
            case (.int(let p), .float(let q)): if let r = try floatBinary(op, Double(p), q) { return r }
            case (.float(let p), .int(let q)): if let r = try floatBinary(op, p, Double(q)) { return r }
            case (.float(let p), .float(let q)): if let r = try floatBinary(op, p, q) { return r }
            }
        } else if let r = try sequenceBinary(op, a, b) {
            return r
        }
        if case .object(let o) = a, let r = try o.binary(op, b, reflected: false, runtime: self) { return r }
        if case .object(let o) = b, let r = try o.binary(op, a, reflected: true, runtime: self) { return r }
        if op == .add, case .str = a {
            throw PyException(.typeError, "can only concatenate str (not \"\(b.typeName)\") to str")
        }
        if op == .add, case .list = a {
            throw PyException(.typeError, "can only concatenate list (not \"\(b.typeName)\") to list")
        }
        if op == .add, case .tuple = a {
            throw PyException(.typeError, "can only concatenate tuple (not \"\(b.typeName)\") to tuple")
        }
        let symbol = op == .power ? "** or pow()" : op.rawValue
        throw PyException(.typeError, "unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    private func overflow() -> PyException {
        PyException(.overflowError, "integer overflow: gluelab's ints are 64-bit")
    }

    private func intBinary(_ op: BinaryOperator, _ p: Int, _ q: Int) throws -> PyValue {
        switch op {
        case .add:
            let (r, o) = p.addingReportingOverflow(q)
            if o { throw overflow() }
            return .int(r)
        case .subtract:
            let (r, o) = p.subtractingReportingOverflow(q)
            if o { throw overflow() }
            return .int(r)
        case .multiply:
            let (r, o) = p.multipliedReportingOverflow(by: q)
            if o { throw overflow() }
            return .int(r)
        case .divide:
            if q == 0 { throw PyException(.zeroDivisionError, "division by zero") }
            return .float(Double(p) / Double(q))
        case .floorDivide:
            if q == 0 { throw PyException(.zeroDivisionError, "integer division or modulo by zero") }
            if p == Int.min && q == -1 { throw overflow() }
            let d = p / q
            return .int((p % q != 0) && ((p < 0) != (q < 0)) ? d - 1 : d)
        case .modulo:
            if q == 0 { throw PyException(.zeroDivisionError, "integer modulo by zero") }
            if q == -1 { return .int(0) }
            let m = p % q
            return .int(m != 0 && ((m < 0) != (q < 0)) ? m + q : m)
        case .power:
            if q < 0 {
                if p == 0 { throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
                return .float(Foundation.pow(Double(p), Double(q)))
            }
            var result = 1
            var base = p
            var e = q
            while e > 0 {
                if e & 1 == 1 {
                    let (r, o) = result.multipliedReportingOverflow(by: base)
                    if o { throw overflow() }
                    result = r
                }
                e >>= 1
                if e > 0 {
                    let (b, o) = base.multipliedReportingOverflow(by: base)
                    if o { throw overflow() }
                    base = b
                }
            }
            return .int(result)
        case .bitAnd: return .int(p & q)
        case .bitOr: return .int(p | q)
        }
    }

    /// Float arithmetic; nil for `&` / `|` (unsupported on floats).
    private func floatBinary(_ op: BinaryOperator, _ p: Double, _ q: Double) throws -> PyValue? {
        switch op {
        case .add: return .float(p + q)
        case .subtract: return .float(p - q)
        case .multiply: return .float(p * q)
        case .divide:
            if q == 0 { throw PyException(.zeroDivisionError, "float division by zero") }
            return .float(p / q)
        case .floorDivide:
            if q == 0 { throw PyException(.zeroDivisionError, "float floor division by zero") }
            return .float(floorMod(p, q).div)
        case .modulo:
            if q == 0 { throw PyException(.zeroDivisionError, "float modulo") }
            return .float(floorMod(p, q).mod)
        case .power:
            if p == 0 && q < 0 { throw PyException(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            if p < 0 && q.rounded() != q {
                throw PyException(.valueError, "a negative number raised to a fractional power has no real result (complex numbers are not supported)")
            }
            let r = Foundation.pow(p, q)
            if r.isInfinite && p.isFinite && q.isFinite { throw PyException(.overflowError, "(34, 'Numerical result out of range')") }
            return .float(r)
        case .bitAnd, .bitOr:
            return nil
        }
    }

    /// CPython's float divmod.
    private func floorMod(_ p: Double, _ q: Double) -> (div: Double, mod: Double) {
        var mod = fmod(p, q)
        var div = (p - mod) / q
        if mod != 0 {
            if (q < 0) != (mod < 0) {
                mod += q
                div -= 1
            }
        } else {
            mod = q < 0 ? -0.0 : 0.0
        }
        var floordiv: Double
        if div != 0 {
            floordiv = div.rounded(.down)
            if div - floordiv > 0.5 { floordiv += 1 }
        } else {
            floordiv = p / q < 0 ? -0.0 : 0.0
        }
        return (floordiv, mod)
    }

    private func repeatCount(_ v: PyValue) -> Int? {
        switch v {
        case .int(let n): n
        case .bool(let b): b ? 1 : 0
        default: nil
        }
    }

    /// str/list/tuple concatenation and repetition, `str % args`; nil when not applicable.
    private func sequenceBinary(_ op: BinaryOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue? {
        switch (op, a, b) {
        case (.add, .str(let x), .str(let y)): return .str(x + y)
        case (.add, .list(let x), .list(let y)): return .list(PyList(x.items + y.items))
        case (.add, .tuple(let x), .tuple(let y)): return .tuple(x + y)
        case (.modulo, .str(let x), _): return .str(try percentFormat(x, b))
        case (.multiply, _, _):
            if let n = repeatCount(b), let r = try repeated(a, n) { return r }
            if let n = repeatCount(a), let r = try repeated(b, n) { return r }
            return nil
        default: return nil
        }
    }

    private func repeated(_ v: PyValue, _ n: Int) throws -> PyValue? {
        let k = max(0, n)
        func check(_ count: Int) throws {
            if count.multipliedReportingOverflow(by: k).overflow || count * k > 1 << 31 {
                throw PyException(.overflowError, "repeated sequence is too long")
            }
        }
        switch v {
        case .str(let s):
            try check(s.utf8.count)
            return .str(String(repeating: s, count: k))
        case .list(let l):
            try check(l.items.count)
            return .list(PyList(Array([[PyValue]](repeating: l.items, count: k).joined())))
        case .tuple(let t):
            try check(t.count)
            return .tuple(Array([[PyValue]](repeating: t, count: k).joined()))
        default: return nil
        }
    }

    func unary(_ op: UnaryOperator, _ v: PyValue) throws -> PyValue {
        switch (op, v) {
        case (.not, _): return .bool(!(try isTrue(v)))
        case (.negate, .int(let n)):
            if n == Int.min { throw overflow() }
            return .int(-n)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.negate, .float(let d)): return .float(-d)
        case (.plus, .int), (.plus, .float): return v
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let n)): return .int(~n)
        case (.invert, .bool(let b)): return .int(~(b ? 1 : 0))
        case (_, .object(let o)):
            if let r = try o.unary(op, runtime: self) { return r }
        default: break
        }
        throw PyException(.typeError, "bad operand type for unary \(op.rawValue): '\(v.typeName)'")
    }
}
