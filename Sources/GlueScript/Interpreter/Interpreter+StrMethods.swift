/// The methods of `str` (Python's names and results; positions count code points).
extension Interpreter {
    /// A bound method of a builtin value, nil when it has none of that name.
    func method(_ v: PyValue, _ name: String) -> PyBuiltin? {
        switch v {
        case .str(let s): return strMethod(s, name)
        case .list(let l): return listMethod(l, name)
        case .dict(let d): return dictMethod(d, name)
        case .tuple(let t): return tupleMethod(t, name)
        default: return nil
        }
    }

    private func bound(_ name: String, _ body: @escaping (CallArguments, Interpreter) throws -> PyValue) -> PyBuiltin {
        PyBuiltin(name) { args, rt in try body(args, rt as! Interpreter) }
    }

    private func strMethod(_ s: String, _ name: String) -> PyBuiltin? {
        let q = "str." + name
        switch name {
        case "upper": return bound(name) { a, _ in _ = try a.bind(q, []); return .str(s.uppercased()) }
        case "lower": return bound(name) { a, _ in _ = try a.bind(q, []); return .str(s.lowercased()) }
        case "strip", "lstrip", "rstrip":
            return bound(name) { a, _ in
                let b = try a.bind(q, [.optional("chars")])
                let chars = try b.optionalString("chars").map { Set($0.unicodeScalars) }
                let drop: (Unicode.Scalar) -> Bool = { chars?.contains($0) ?? $0.properties.isWhitespace }
                var sc = Array(s.unicodeScalars)[...]
                if name != "rstrip" { while let f = sc.first, drop(f) { sc = sc.dropFirst() } }
                if name != "lstrip" { while let l = sc.last, drop(l) { sc = sc.dropLast() } }
                return .str(scalarsString(sc))
            }
        case "split", "rsplit":
            return bound(name) { a, _ in
                let b = try a.bind(q, [.optional("sep"), .optional("maxsplit", .int(-1))])
                let parts = try pySplit(s, sep: try b.optionalString("sep"), maxsplit: try b.int("maxsplit"), fromRight: name == "rsplit")
                return .list(PyList(parts.map { .str($0) }))
            }
        case "splitlines":
            return bound(name) { a, _ in
                _ = try a.bind(q, [])
                var lines = s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
                if s.hasSuffix("\n") { lines.removeLast() }
                return .list(PyList(lines.map { .str($0) }))
            }
        case "join":
            return bound(name) { a, i in
                let items = try i.iterate(try a.bind(q, ["iterable"])["iterable"])
                var parts: [String] = []
                for (n, x) in items.enumerated() {
                    guard case .str(let t) = x else {
                        throw PyException(.typeError, "sequence item \(n): expected str instance, \(x.typeName) found")
                    }
                    parts.append(t)
                }
                return .str(parts.joined(separator: s))
            }
        case "replace":
            return bound(name) { a, _ in
                let b = try a.bind(q, ["old", "new", .optional("count", .int(-1))])
                return .str(pyReplace(s, try b.string("old"), try b.string("new"), try b.int("count")))
            }
        case "startswith", "endswith":
            return bound(name) { a, _ in
                let b = try a.bind(q, ["prefix"])
                let options: [PyValue] = b["prefix"].sequenceItems.flatMap { items in
                    if case .tuple = b["prefix"] { return items }
                    return nil
                } ?? [b["prefix"]]
                for o in options {
                    guard case .str(let p) = o else {
                        throw PyException(.typeError, "\(name) first arg must be str or a tuple of str, not \(o.typeName)")
                    }
                    if name == "startswith" ? s.unicodeScalars.starts(with: p.unicodeScalars)
                        : s.unicodeScalars.reversed().starts(with: p.unicodeScalars.reversed()) { return .bool(true) }
                }
                return .bool(false)
            }
        case "find", "rfind", "index", "rindex":
            return bound(name) { a, _ in
                let sub = try a.bind(q, ["sub"]).string("sub")
                let r = scalarFind(Array(s.unicodeScalars), Array(sub.unicodeScalars), last: name.hasPrefix("r"))
                if r < 0 && name.hasSuffix("index") { throw PyException(.valueError, "substring not found") }
                return .int(r)
            }
        case "count":
            return bound(name) { a, _ in
                let sub = try a.bind(q, ["sub"]).string("sub")
                return .int(pyCount(Array(s.unicodeScalars), Array(sub.unicodeScalars)))
            }
        case "format":
            return bound(name) { a, i in .str(try i.formatString(s, a)) }
        case "zfill":
            return bound(name) { a, _ in
                let width = try a.bind(q, ["width"]).int("width")
                var sc = Array(s.unicodeScalars)
                let pad = width - sc.count
                guard pad > 0 else { return .str(s) }
                let at = sc.first == "+" || sc.first == "-" ? 1 : 0
                sc.insert(contentsOf: Array(repeating: "0", count: pad), at: at)
                return .str(scalarsString(sc[...]))
            }
        case "isdigit", "isalpha", "isalnum", "isspace", "isupper", "islower", "isnumeric", "isdecimal":
            return bound(name) { a, _ in
                _ = try a.bind(q, [])
                let sc = s.unicodeScalars
                func digit(_ c: Unicode.Scalar) -> Bool { c.properties.numericType == .decimal || c.properties.numericType == .digit }
                switch name {
                case "isdigit", "isdecimal", "isnumeric": return .bool(!sc.isEmpty && sc.allSatisfy(digit))
                case "isalpha": return .bool(!sc.isEmpty && sc.allSatisfy { $0.properties.isAlphabetic })
                case "isalnum": return .bool(!sc.isEmpty && sc.allSatisfy { $0.properties.isAlphabetic || digit($0) })
                case "isspace": return .bool(!sc.isEmpty && sc.allSatisfy { $0.properties.isWhitespace })
                case "isupper": return .bool(sc.contains { $0.properties.isCased } && !sc.contains { $0.properties.isLowercase })
                default: return .bool(sc.contains { $0.properties.isCased } && !sc.contains { $0.properties.isUppercase })
                }
            }
        case "title", "capitalize":
            return bound(name) { a, _ in
                _ = try a.bind(q, [])
                var out = ""
                var startOfWord = true
                for (n, c) in s.unicodeScalars.enumerated() {
                    let upper = name == "title" ? startOfWord : n == 0
                    out += upper ? String(c).uppercased() : String(c).lowercased()
                    startOfWord = !c.properties.isCased
                }
                return .str(out)
            }
        case "encode", "decode":
            return bound(name) { _, _ in
                throw PyException(.notImplementedError, "str.\(name)() is not supported: gluelab scripts have no bytes type")
            }
        default:
            return nil
        }
    }
}

func scalarsString(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    var v = String.UnicodeScalarView()
    v.append(contentsOf: scalars)
    return String(v)
}

/// The first (or last) position of `needle` in `hay`, -1 if absent.
func scalarFind(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar], last: Bool = false, from: Int = 0) -> Int {
    guard needle.count <= hay.count - from else { return -1 }
    let starts = Array(from...(hay.count - needle.count))
    for i in last ? starts.reversed() : starts where hay[i..<(i + needle.count)].elementsEqual(needle) {
        return i
    }
    return -1
}

/// Non-overlapping occurrences (`"".count("")` is 1, as in Python).
func pyCount(_ hay: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Int {
    if needle.isEmpty { return hay.count + 1 }
    var n = 0
    var i = 0
    while true {
        let at = scalarFind(hay, needle, from: i)
        if at < 0 { return n }
        n += 1
        i = at + needle.count
    }
}

func pyReplace(_ s: String, _ old: String, _ new: String, _ count: Int) -> String {
    let hay = Array(s.unicodeScalars)
    let needle = Array(old.unicodeScalars)
    var out = String.UnicodeScalarView()
    var done = 0
    if needle.isEmpty {
        for (n, c) in hay.enumerated() {
            if count < 0 || done < count { out.append(contentsOf: new.unicodeScalars); done += 1 }
            out.append(c)
            if n == hay.count - 1, count < 0 || done < count { out.append(contentsOf: new.unicodeScalars) }
        }
        if hay.isEmpty && count != 0 { return new }
        return String(out)
    }
    var i = 0
    while count < 0 || done < count {
        let at = scalarFind(hay, needle, from: i)
        if at < 0 { break }
        out.append(contentsOf: hay[i..<at])
        out.append(contentsOf: new.unicodeScalars)
        i = at + needle.count
        done += 1
    }
    out.append(contentsOf: hay[i...])
    return String(out)
}

/// `str.split` / `str.rsplit`: on runs of whitespace when `sep` is nil, else on `sep` exactly.
func pySplit(_ s: String, sep: String?, maxsplit: Int, fromRight: Bool) throws -> [String] {
    var sc = Array(s.unicodeScalars)
    if fromRight { sc.reverse() }
    var parts: [[Unicode.Scalar]] = []
    if let sep {
        var needle = Array(sep.unicodeScalars)
        if needle.isEmpty { throw PyException(.valueError, "empty separator") }
        if fromRight { needle.reverse() }
        var i = 0
        while maxsplit < 0 || parts.count < maxsplit {
            let at = scalarFind(sc, needle, from: i)
            if at < 0 { break }
            parts.append(Array(sc[i..<at]))
            i = at + needle.count
        }
        parts.append(Array(sc[i...]))
    } else {
        var i = 0
        while i < sc.count {
            while i < sc.count && sc[i].properties.isWhitespace { i += 1 }
            if i == sc.count { break }
            if maxsplit >= 0 && parts.count == maxsplit {
                var rest = Array(sc[i...])
                while let l = rest.last, l.properties.isWhitespace { rest.removeLast() }
                parts.append(rest)
                break
            }
            let start = i
            while i < sc.count && !sc[i].properties.isWhitespace { i += 1 }
            parts.append(Array(sc[start..<i]))
        }
    }
    if fromRight {
        return parts.reversed().map { scalarsString($0.reversed()[...]) }
    }
    return parts.map { scalarsString($0[...]) }
}
