/// Subscripts, attributes, iteration and unpacking.
extension Interpreter {
    /// An index into a sequence of `count` items (negative from the end).
    private func position(_ key: PyValue, _ count: Int, _ what: String, assignment: Bool = false) throws -> Int {
        var i: Int
        switch key {
        case .int(let n): i = n
        case .bool(let b): i = b ? 1 : 0
        default:
            throw PyException(.typeError, "\(what) indices must be integers or slices, not \(key.typeName)")
        }
        if i < 0 { i += count }
        guard i >= 0 && i < count else {
            throw PyException(.indexError, "\(what) \(assignment ? "assignment " : "")index out of range")
        }
        return i
    }

    func getItem(_ v: PyValue, _ key: PyValue) throws -> PyValue {
        let slice = key.object(as: PySlice.self)
        switch v {
        case .list(let l):
            if let slice { return .list(PyList(try slice.indices(l.items.count).map { l.items[$0] })) }
            return l.items[try position(key, l.items.count, "list")]
        case .tuple(let t):
            if let slice { return .tuple(try slice.indices(t.count).map { t[$0] }) }
            return t[try position(key, t.count, "tuple")]
        case .str(let s):
            let scalars = Array(s.unicodeScalars)
            if let slice {
                var out = String.UnicodeScalarView()
                for i in try slice.indices(scalars.count) { out.append(scalars[i]) }
                return .str(String(out))
            }
            if case .int = key {} else if case .bool = key {} else {
                throw PyException(.typeError, "string indices must be integers, not '\(key.typeName)'")
            }
            return .str(String(scalars[try position(key, scalars.count, "string")]))
        case .dict(let d):
            if let value = try d[hashKey(key)] { return value }
            throw PyException(.keyError, try reprOf(key))
        case .object(let o):
            return try o.item(key, runtime: self)
        default:
            throw PyException(.typeError, "'\(v.typeName)' object is not subscriptable")
        }
    }

    func setItem(_ v: PyValue, _ key: PyValue, _ value: PyValue) throws {
        switch v {
        case .list(let l):
            if let slice = key.object(as: PySlice.self) {
                let positions = try slice.indices(l.items.count)
                let new = try iterate(value)
                if slice.step.isNone || slice.step.intValue == 1 {
                    let start = min(max(try sliceStart(slice, l.items.count), 0), l.items.count)
                    let lo = positions.first ?? start
                    l.items.replaceSubrange(lo..<(lo + positions.count), with: new)
                } else {
                    guard new.count == positions.count else {
                        throw PyException(.valueError, "attempt to assign sequence of size \(new.count) to extended slice of size \(positions.count)")
                    }
                    for (p, x) in zip(positions, new) { l.items[p] = x }
                }
                return
            }
            l.items[try position(key, l.items.count, "list", assignment: true)] = value
        case .dict(let d):
            d[try hashKey(key)] = value
        case .object(let o):
            try o.setItem(key, to: value, runtime: self)
        default:
            throw PyException(.typeError, "'\(v.typeName)' object does not support item assignment")
        }
    }

    private func sliceStart(_ slice: PySlice, _ count: Int) throws -> Int {
        guard case .int(let n) = slice.lower else { return 0 }
        return n < 0 ? n + count : n
    }

    func getAttribute(_ v: PyValue, _ name: String) throws -> PyValue {
        if case .object(let o) = v {
            if let r = try o.attribute(name, runtime: self) { return r }
            if let m = o as? PyModule {
                throw PyException(.attributeError, "module '\(m.name)' has no attribute '\(name)'")
            }
        } else if let m = method(v, name) {
            return .builtin(m)
        } else if name == "__name__" {
            switch v {
            case .function(let f): return .str(f.name)
            case .builtin(let b): return .str(b.name)
            default: break
            }
        }
        throw PyException(.attributeError, "'\(v.typeName)' object has no attribute '\(name)'")
    }

    func setAttribute(_ v: PyValue, _ name: String, _ value: PyValue) throws {
        if case .object(let o) = v, try o.setAttribute(name, to: value, runtime: self) { return }
        throw PyException(.attributeError, "'\(v.typeName)' object has no attribute '\(name)'")
    }

    /// The items a `for` loop (or `list(x)`, `*x`) visits: list and tuple items, dict keys,
    /// the characters of a str, a host object's `iterate`.
    func iterate(_ v: PyValue, splat: Bool = false) throws -> [PyValue] {
        switch v {
        case .list(let l): return l.items
        case .tuple(let t): return t
        case .dict(let d): return d.keys.map(\.value)
        case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
        case .object(let o):
            if let items = try o.iterate(runtime: self) { return items }
        default: break
        }
        if splat { throw PyException(.typeError, "argument after * must be an iterable, not \(v.typeName)") }
        throw PyException(.typeError, "'\(v.typeName)' object is not iterable")
    }

    /// `a, b = v`: exactly `count` items.
    func unpack(_ v: PyValue, count: Int) throws -> [PyValue] {
        let items: [PyValue]
        do { items = try iterate(v) } catch {
            throw PyException(.typeError, "cannot unpack non-iterable \(v.typeName) object")
        }
        if items.count > count { throw PyException(.valueError, "too many values to unpack (expected \(count))") }
        if items.count < count {
            throw PyException(.valueError, "not enough values to unpack (expected \(count), got \(items.count))")
        }
        return items
    }

    /// `len(v)`.
    func length(_ v: PyValue) throws -> Int {
        switch v {
        case .str(let s): return s.unicodeScalars.count
        case .list(let l): return l.items.count
        case .tuple(let t): return t.count
        case .dict(let d): return d.count
        case .object(let o):
            if let s = o as? PySet { return s.count }
            if let r = o as? PyRange { return r.count }
            if let items = try o.iterate(runtime: self) { return items.count }
        default: break
        }
        throw PyException(.typeError, "object of type '\(v.typeName)' has no len()")
    }
}
