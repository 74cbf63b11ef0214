import Foundation

/// Python's builtin functions and type objects (a sandboxed subset: no I/O but `print`).
extension Interpreter {
    private func define(_ name: String, _ body: @escaping (CallArguments, Interpreter) throws -> PyValue) {
        builtins[name] = .builtin(PyBuiltin(name) { args, rt in try body(args, rt as! Interpreter) })
    }

    /// The type object of a value (`type(x)`).
    func typeObject(_ v: PyValue) -> PyType {
        let name = v.typeName
        if let t = types[name] { return t }
        let t = PyType(name, construct: nil)
        types[name] = t
        return t
    }

    func installBuiltins() {
        installTypes()
        define("print") { args, i in
            let b = try args.bindVariadic("print", [.optional("sep"), .optional("end"), .optional("file"), .optional("flush")])
            let sep = b["sep"].isNone ? " " : try b.string("sep")
            let end = b["end"].isNone ? "\n" : try b.string("end")
            var text = try args.positional.map { try i.strOf($0) }.joined(separator: sep) + end
            if text.hasSuffix("\n") { text.removeLast() }
            i.writeLine(text)
            return .none
        }
        define("len") { args, i in
            let b = try args.bind("len", ["obj"])
            return .int(try i.length(b["obj"]))
        }
        define("repr") { args, i in .str(try i.reprOf(try args.bind("repr", ["obj"])["obj"])) }
        define("range") { args, _ in
            guard args.keywords.isEmpty else { throw PyException(.typeError, "range() takes no keyword arguments") }
            let ns = try args.positional.map { v -> Int in
                switch v {
                case .int(let n): return n
                case .bool(let b): return b ? 1 : 0
                default: throw PyException(.typeError, "'\(v.typeName)' object cannot be interpreted as an integer")
                }
            }
            switch ns.count {
            case 1: return .object(PyRange(start: 0, stop: ns[0], step: 1))
            case 2: return .object(PyRange(start: ns[0], stop: ns[1], step: 1))
            case 3:
                if ns[2] == 0 { throw PyException(.valueError, "range() arg 3 must not be zero") }
                return .object(PyRange(start: ns[0], stop: ns[1], step: ns[2]))
            default: throw PyException(.typeError, "range expected at most 3 arguments, got \(ns.count)")
            }
        }
        define("enumerate") { args, i in
            let b = try args.bind("enumerate", ["iterable", .optional("start", .int(0))])
            let start = try b.int("start")
            return .list(PyList(try i.iterate(b["iterable"]).enumerated().map { .tuple([.int(start + $0.offset), $0.element]) }))
        }
        define("zip") { args, i in
            let lists = try args.positional.map { try i.iterate($0) }
            let n = lists.map(\.count).min() ?? 0
            return .list(PyList((0..<n).map { k in .tuple(lists.map { $0[k] }) }))
        }
        define("reversed") { args, i in
            .list(PyList(try i.iterate(try args.bind("reversed", ["sequence"])["sequence"]).reversed()))
        }
        define("sorted") { args, i in
            let b = try args.bind("sorted", ["iterable", .optional("key"), .optional("reverse", .bool(false))])
            return .list(PyList(try i.sortedItems(try i.iterate(b["iterable"]), key: b["key"], reverse: try b.bool("reverse"))))
        }
        define("min") { args, i in try i.extreme("min", args, sign: -1) }
        define("max") { args, i in try i.extreme("max", args, sign: 1) }
        define("sum") { args, i in
            let b = try args.bind("sum", ["iterable", .optional("start", .int(0))])
            if case .str = b["start"] { throw PyException(.typeError, "sum() can't sum strings [use ''.join(seq) instead]") }
            var total = b["start"]
            for x in try i.iterate(b["iterable"]) { total = try i.binary(.add, total, x) }
            return total
        }
        define("abs") { args, i in
            let x = try args.bind("abs", ["x"])["x"]
            switch x {
            case .float(let d): return .float(Swift.abs(d))
            case .int, .bool:
                let n = x.intValue ?? (x.truthyBool ? 1 : 0)
                if n == Int.min { throw PyException(.overflowError, "integer overflow: gluelab's ints are 64-bit") }
                return .int(Swift.abs(n))
            default:
                if case .object(let o) = x, let r = try o.unary(.negate, runtime: i), try i.isTrue(try i.compare(.less, x, .int(0))) { return r }
                if case .object = x { return x }
                throw PyException(.typeError, "bad operand type for abs(): '\(x.typeName)'")
            }
        }
        define("round") { args, i in
            let b = try args.bind("round", ["number", .optional("ndigits")])
            return try i.round(b["number"], b["ndigits"].isNone ? nil : try b.int("ndigits"))
        }
        define("divmod") { args, i in
            let b = try args.bind("divmod", ["a", "b"])
            return .tuple([try i.binary(.floorDivide, b["a"], b["b"]), try i.binary(.modulo, b["a"], b["b"])])
        }
        define("isinstance") { args, i in
            let b = try args.bind("isinstance", ["obj", "class_or_tuple"])
            return .bool(try i.isInstance(b["obj"], b["class_or_tuple"]))
        }
        define("hasattr") { args, i in
            let b = try args.bind("hasattr", ["obj", "name"])
            do {
                _ = try i.getAttribute(b["obj"], try b.string("name"))
                return .bool(true)
            } catch let e as PyException where e.kind == .attributeError {
                return .bool(false)
            }
        }
        define("getattr") { args, i in
            let b = try args.bind("getattr", ["obj", "name", .optional("default")])
            do {
                return try i.getAttribute(b["obj"], try b.string("name"))
            } catch let e as PyException where e.kind == .attributeError && args.gives("default", at: 2) {
                return b["default"]
            }
        }
        define("any") { args, i in
            .bool(try i.iterate(try args.bind("any", ["iterable"])["iterable"]).contains { try i.isTrue($0) })
        }
        define("all") { args, i in
            .bool(try i.iterate(try args.bind("all", ["iterable"])["iterable"]).allSatisfy { try i.isTrue($0) })
        }
        define("callable") { args, _ in
            switch try args.bind("callable", ["obj"])["obj"] {
            case .function, .builtin, .object(is PyType), .object(is PyExceptionClass): return .bool(true)
            default: return .bool(false)
            }
        }
        define("chr") { args, _ in
            let n = try args.bind("chr", ["i"]).int("i")
            guard let u = Unicode.Scalar(UInt32(clamping: max(0, n))), n >= 0 else {
                throw PyException(.valueError, "chr() arg not in range(0x110000)")
            }
            return .str(String(u))
        }
        define("ord") { args, _ in
            let s = try args.bind("ord", ["c"]).string("c")
            guard s.unicodeScalars.count == 1, let u = s.unicodeScalars.first else {
                throw PyException(.typeError, "ord() expected a character, but string of length \(s.unicodeScalars.count) found")
            }
            return .int(Int(u.value))
        }
        define("type") { args, i in
            let x = try args.bind("type", ["object"])["object"]
            if case .object(let e as PyExceptionObject) = x { return .object(e.cls) }
            return .object(i.typeObject(x))
        }
    }

    /// `min` / `max`: of one iterable or of several arguments, with `key=` and `default=`.
    private func extreme(_ name: String, _ args: CallArguments, sign: Int) throws -> PyValue {
        var key = PyValue.none
        var fallback: PyValue?
        for (k, v) in args.keywords {
            switch k {
            case "key": key = v
            case "default": fallback = v
            default: throw PyException(.typeError, "\(name)() got an unexpected keyword argument '\(k)'")
            }
        }
        let items: [PyValue]
        if args.positional.count == 1 {
            items = try iterate(args.positional[0])
        } else if args.positional.isEmpty {
            throw PyException(.typeError, "\(name) expected at least 1 argument, got 0")
        } else {
            items = args.positional
        }
        guard var best = items.first else {
            if let fallback { return fallback }
            throw PyException(.valueError, "\(name)() arg is an empty sequence")
        }
        var bestKey = key.isNone ? best : try callValue(key, CallArguments([best]))
        for x in items.dropFirst() {
            let k = key.isNone ? x : try callValue(key, CallArguments([x]))
            if try order(k, bestKey, sign > 0 ? .greater : .less) == sign {
                best = x
                bestKey = k
            }
        }
        return best
    }

    /// A stable sort with Python's ordering, by `key` if given.
    func sortedItems(_ items: [PyValue], key: PyValue, reverse: Bool) throws -> [PyValue] {
        let keyed = try items.map { (key.isNone ? $0 : try callValue(key, CallArguments([$0])), $0) }
        let sorted = try keyed.sorted { a, b in
            let c = reverse ? try order(b.0, a.0) : try order(a.0, b.0)
            return c == -1
        }
        return sorted.map(\.1)
    }

    func isInstance(_ v: PyValue, _ t: PyValue) throws -> Bool {
        if case .tuple(let ts) = t { return try ts.contains { try isInstance(v, $0) } }
        guard case .object(let o) = t else {
            throw PyException(.typeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
        if let cls = o as? PyExceptionClass {
            guard case .object(let e as PyExceptionObject) = v else { return false }
            return e.cls.isSubclass(of: cls)
        }
        let name: String
        if let type = o as? PyType {
            name = type.name
        } else if case .str(let n)? = try o.attribute("__name__", runtime: self) {
            name = n
        } else {
            throw PyException(.typeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
        }
        if v.typeName == name { return true }
        if name == "int", case .bool = v { return true }
        return false
    }

    /// Python's `round`: half to even; with `ndigits`, correctly rounded decimal digits.
    func round(_ x: PyValue, _ ndigits: Int?) throws -> PyValue {
        switch x {
        case .int, .bool:
            let n = x.intValue ?? (x.truthyBool ? 1 : 0)
            guard let nd = ndigits, nd < 0 else { return .int(n) }
            if nd < -18 { return .int(0) }
            var p = 1
            for _ in 0..<(-nd) { p *= 10 }
            let q = try binary(.floorDivide, .int(n), .int(p)).intValue!
            let r = n - q * p
            let up = r * 2 > p || (r * 2 == p && q % 2 != 0)
            return .int((up ? q + 1 : q) * p)
        case .float(let d):
            guard let nd = ndigits else {
                if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
                if d.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
                let r = d.rounded(.toNearestOrEven)
                guard let n = Int(exactly: r) else { throw PyException(.overflowError, "integer overflow: gluelab's ints are 64-bit") }
                return .int(n)
            }
            if !d.isFinite { return x }
            if nd >= 0 {
                return .float(Double(String(format: "%.\(min(nd, 330))f", d)) ?? d)
            }
            let p = Foundation.pow(10.0, Double(-nd))
            return .float((d / p).rounded(.toNearestOrEven) * p)
        default:
            throw PyException(.typeError, "type \(x.typeName) doesn't define __round__ method")
        }
    }
}

extension PyValue {
    /// Truth of a bool (false for anything else); for int-like helpers.
    var truthyBool: Bool {
        if case .bool(let b) = self { return b }
        return false
    }
}

extension CallArguments {
    /// Binds only the keywords (for functions taking `*args`): every keyword must be one of
    /// `parameters`.
    func bindVariadic(_ function: String, _ parameters: [ParameterSpec]) throws -> BoundArguments {
        try CallArguments([], keywords: keywords).bind(function, parameters)
    }
}

extension CallArguments {
    /// Whether the call passed parameter `name` (by keyword, or as positional `index`).
    func gives(_ name: String, at index: Int) -> Bool {
        positional.count > index || keywords.contains { $0.name == name }
    }
}
