/// Comparisons: equality across types, ordering of numbers, strings, lists and tuples,
/// membership and identity.
extension Interpreter {
    func compare(_ op: ComparisonOperator, _ a: PyValue, _ b: PyValue) throws -> PyValue {
        switch op {
        case .equal, .notEqual:
            if case .object(let o) = a, let r = try o.compare(op, b, runtime: self) { return r }
            if case .object(let o) = b, let r = try o.compare(op, a, runtime: self) { return r }
            let eq = try equal(a, b)
            return .bool(op == .equal ? eq : !eq)
        case .less, .lessEqual, .greater, .greaterEqual:
            if case .object(let o) = a, let r = try o.compare(op, b, runtime: self) { return r }
            if case .object(let o) = b, let r = try o.compare(swapped(op), a, runtime: self) { return r }
            let c = try order(a, b, op)
            if c == 2 { return .bool(false) }
            switch op {
            case .less: return .bool(c < 0)
            case .lessEqual: return .bool(c <= 0)
            case .greater: return .bool(c > 0)
            default: return .bool(c >= 0)
            }
        case .in: return .bool(try contains(b, a))
        case .notIn: return .bool(!(try contains(b, a)))
        case .is: return .bool(identical(a, b))
        case .isNot: return .bool(!identical(a, b))
        }
    }

    private func swapped(_ op: ComparisonOperator) -> ComparisonOperator {
        switch op {
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        default: op
        }
    }

    /// Python's `==` on builtin values (numbers across int/float/bool, element-wise containers).
    func equal(_ a: PyValue, _ b: PyValue) throws -> Bool {
        switch (a, b) {
        case (.none, .none): return true
        case (.str(let x), .str(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        case (.int(let x), .float(let y)), (.float(let y), .int(let x)): return Double(x) == y && Int(exactly: y) == x
        case (.bool(let x), _): return try equal(.int(x ? 1 : 0), b)
        case (_, .bool(let y)): return try equal(a, .int(y ? 1 : 0))
        case (.list(let x), .list(let y)): return try x === y || equalItems(x.items, y.items)
        case (.tuple(let x), .tuple(let y)): return try equalItems(x, y)
        case (.dict(let x), .dict(let y)):
            if x === y { return true }
            guard x.count == y.count else { return false }
            for (k, v) in x.items {
                guard let w = y[k], try equal(v, w) else { return false }
            }
            return true
        case (.function(let x), .function(let y)): return x === y
        case (.builtin(let x), .builtin(let y)): return x === y
        case (.object(let x), .object(let y)):
            if let s = x as? PySet, let t = y as? PySet { return s.members == t.members }
            return x === y
        default: return false
        }
    }

    private func equalItems(_ x: [PyValue], _ y: [PyValue]) throws -> Bool {
        guard x.count == y.count else { return false }
        for (p, q) in zip(x, y) where !(try equal(p, q)) { return false }
        return true
    }

    /// -1, 0 or 1; `TypeError` for values Python does not order.
    func order(_ a: PyValue, _ b: PyValue, _ op: ComparisonOperator = .less) throws -> Int {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.str(let x), .str(let y)):
            // Python orders strings by code point.
            return x == y ? 0 : (x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars, by: { $0.value < $1.value }) ? -1 : 1)
        case (.list(let x), .list(let y)): return try orderItems(x.items, y.items, op)
        case (.tuple(let x), .tuple(let y)): return try orderItems(x, y, op)
        default:
            if let x = numeric(a), let y = numeric(b) {
                if x.isNaN || y.isNaN { return 2 }  // every ordering with NaN is false
                if case .int(let p) = a, case .float = b, Double(p) == y { return 0 }
                return x < y ? -1 : (x == y ? 0 : 1)
            }
            throw PyException(.typeError, "'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    private func numeric(_ v: PyValue) -> Double? {
        switch v {
        case .int(let n): Double(n)
        case .bool(let b): b ? 1 : 0
        case .float(let d): d
        default: nil
        }
    }

    private func orderItems(_ x: [PyValue], _ y: [PyValue], _ op: ComparisonOperator) throws -> Int {
        for (p, q) in zip(x, y) where !(try equal(p, q)) {
            return try order(p, q, op)
        }
        return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
    }

    /// `needle in haystack`.
    func contains(_ haystack: PyValue, _ needle: PyValue) throws -> Bool {
        switch haystack {
        case .str(let s):
            guard case .str(let n) = needle else {
                throw PyException(.typeError, "'in <string>' requires string as left operand, not \(needle.typeName)")
            }
            return n.isEmpty || s.contains(n)
        case .list(let l): return try l.items.contains { try equal($0, needle) }
        case .tuple(let t): return try t.contains { try equal($0, needle) }
        case .dict(let d): return d[try hashKey(needle)] != nil
        case .object(let o):
            if let r = try o.contains(needle, runtime: self) { return r }
            if let items = try o.iterate(runtime: self) { return try items.contains { try equal($0, needle) } }
        default: break
        }
        throw PyException(.typeError, "argument of type '\(haystack.typeName)' is not iterable")
    }

    /// `a is b`: the same object for lists, dicts, functions and host objects; the same value
    /// for None, bools, numbers and strings (which CPython shares or interns in practice).
    func identical(_ a: PyValue, _ b: PyValue) -> Bool {
        switch (a, b) {
        case (.none, .none): true
        case (.bool(let x), .bool(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.float(let x), .float(let y)): x == y
        case (.str(let x), .str(let y)): x == y
        case (.list(let x), .list(let y)): x === y
        case (.dict(let x), .dict(let y)): x === y
        case (.tuple(let x), .tuple(let y)): x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.function(let x), .function(let y)): x === y
        case (.builtin(let x), .builtin(let y)): x === y
        case (.object(let x), .object(let y)): x === y
        default: false
        }
    }
}

/// The dict key / set member of a value; `TypeError: unhashable type: 'list'` otherwise.
func hashKey(_ v: PyValue) throws -> PyKey {
    if let k = PyKey(v) { return k }
    throw PyException(.typeError, "unhashable type: '\(v.typeName)'")
}
