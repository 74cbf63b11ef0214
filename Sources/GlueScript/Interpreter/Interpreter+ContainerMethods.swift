/// The methods of `list`, `dict` and `tuple`.
extension Interpreter {
    private func bound(_ name: String, _ body: @escaping (CallArguments, Interpreter) throws -> PyValue) -> PyBuiltin {
        PyBuiltin(name) { args, rt in try body(args, rt as! Interpreter) }
    }

    private func firstIndex(_ items: [PyValue], _ x: PyValue) throws -> Int? {
        for (n, v) in items.enumerated() where try equal(v, x) { return n }
        return nil
    }

    func listMethod(_ l: PyList, _ name: String) -> PyBuiltin? {
        let q = "list." + name
        switch name {
        case "append":
            return bound(name) { a, _ in l.items.append(try a.bind(q, ["object"])["object"]); return .none }
        case "extend":
            return bound(name) { a, i in l.items += try i.iterate(try a.bind(q, ["iterable"])["iterable"]); return .none }
        case "insert":
            return bound(name) { a, _ in
                let b = try a.bind(q, ["index", "object"])
                var at = try b.int("index")
                if at < 0 { at = max(0, at + l.items.count) }
                l.items.insert(b["object"], at: min(at, l.items.count))
                return .none
            }
        case "pop":
            return bound(name) { a, _ in
                var at = try a.bind(q, [.optional("index", .int(-1))]).int("index")
                if l.items.isEmpty { throw PyException(.indexError, "pop from empty list") }
                if at < 0 { at += l.items.count }
                guard at >= 0 && at < l.items.count else { throw PyException(.indexError, "pop index out of range") }
                return l.items.remove(at: at)
            }
        case "remove":
            return bound(name) { a, i in
                guard let at = try i.firstIndex(l.items, try a.bind(q, ["value"])["value"]) else {
                    throw PyException(.valueError, "list.remove(x): x not in list")
                }
                l.items.remove(at: at)
                return .none
            }
        case "index":
            return bound(name) { a, i in
                let x = try a.bind(q, ["value"])["value"]
                guard let at = try i.firstIndex(l.items, x) else { throw PyException(.valueError, "\(try i.reprOf(x)) is not in list") }
                return .int(at)
            }
        case "count":
            return bound(name) { a, i in
                let x = try a.bind(q, ["value"])["value"]
                return .int(try l.items.filter { try i.equal($0, x) }.count)
            }
        case "sort":
            return bound(name) { a, i in
                guard a.positional.isEmpty else { throw PyException(.typeError, "sort() takes no positional arguments") }
                let b = try a.bind(q, [.optional("key"), .optional("reverse", .bool(false))])
                l.items = try i.sortedItems(l.items, key: b["key"], reverse: try b.bool("reverse"))
                return .none
            }
        case "reverse":
            return bound(name) { a, _ in _ = try a.bind(q, []); l.items.reverse(); return .none }
        case "copy":
            return bound(name) { a, _ in _ = try a.bind(q, []); return .list(PyList(l.items)) }
        case "clear":
            return bound(name) { a, _ in _ = try a.bind(q, []); l.items.removeAll(); return .none }
        default:
            return nil
        }
    }

    func dictMethod(_ d: PyDict, _ name: String) -> PyBuiltin? {
        let q = "dict." + name
        switch name {
        case "get":
            return bound(name) { a, _ in
                let b = try a.bind(q, ["key", .optional("default")])
                return d[try hashKey(b["key"])] ?? b["default"]
            }
        case "keys":
            return bound(name) { a, _ in _ = try a.bind(q, []); return .list(PyList(d.keys.map(\.value))) }
        case "values":
            return bound(name) { a, _ in _ = try a.bind(q, []); return .list(PyList(d.items.map(\.value))) }
        case "items":
            return bound(name) { a, _ in
                _ = try a.bind(q, [])
                return .list(PyList(d.items.map { .tuple([$0.key.value, $0.value]) }))
            }
        case "pop":
            return bound(name) { a, i in
                let b = try a.bind(q, ["key", .optional("default")])
                let k = try hashKey(b["key"])
                if let v = d[k] {
                    d[k] = nil
                    return v
                }
                if a.gives("default", at: 1) { return b["default"] }
                throw PyException(.keyError, try i.reprOf(b["key"]))
            }
        case "setdefault":
            return bound(name) { a, _ in
                let b = try a.bind(q, ["key", .optional("default")])
                let k = try hashKey(b["key"])
                if let v = d[k] { return v }
                d[k] = b["default"]
                return b["default"]
            }
        case "update":
            return bound(name) { a, i in
                guard a.positional.count <= 1 else {
                    throw PyException(.typeError, "update expected at most 1 argument, got \(a.positional.count)")
                }
                if let source = a.positional.first { try i.update(d, from: source) }
                for (k, v) in a.keywords { d[string: k] = v }
                return .none
            }
        case "copy":
            return bound(name) { a, _ in
                _ = try a.bind(q, [])
                let c = PyDict()
                for (k, v) in d.items { c[k] = v }
                return .dict(c)
            }
        case "clear":
            return bound(name) { a, _ in
                _ = try a.bind(q, [])
                for k in d.keys { d[k] = nil }
                return .none
            }
        default:
            return nil
        }
    }

    func tupleMethod(_ t: [PyValue], _ name: String) -> PyBuiltin? {
        let q = "tuple." + name
        switch name {
        case "index":
            return bound(name) { a, i in
                let x = try a.bind(q, ["value"])["value"]
                guard let at = try i.firstIndex(t, x) else { throw PyException(.valueError, "tuple.index(x): x not in tuple") }
                return .int(at)
            }
        case "count":
            return bound(name) { a, i in
                let x = try a.bind(q, ["value"])["value"]
                return .int(try t.filter { try i.equal($0, x) }.count)
            }
        default:
            return nil
        }
    }
}
