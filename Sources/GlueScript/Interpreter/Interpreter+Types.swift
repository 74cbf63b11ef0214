/// The builtin type objects: `str`, `int`, `float`, `bool`, `list`, `tuple`, `dict`, `set`
/// (callable as constructors, usable with `isinstance`).
extension Interpreter {
    private func defineType(_ name: String, _ body: @escaping (CallArguments, Interpreter) throws -> PyValue) {
        let t = PyType(name) { args, rt in try body(args, rt as! Interpreter) }
        types[name] = t
        builtins[name] = .object(t)
    }

    func installTypes() {
        defineType("str") { args, i in
            let b = try args.bind("str", [.optional("object", .str(""))])
            return .str(try i.strOf(b["object"]))
        }
        defineType("int") { args, i in
            let b = try args.bind("int", [.optional("x", .int(0)), .optional("base")])
            return .int(try i.toInt(b["x"], base: !args.gives("base", at: 1) ? nil : try b.int("base")))
        }
        defineType("float") { args, i in
            let b = try args.bind("float", [.optional("x", .float(0))])
            return .float(try i.toFloat(b["x"]))
        }
        defineType("bool") { args, i in
            .bool(try i.isTrue(try args.bind("bool", [.optional("x", .bool(false))])["x"]))
        }
        defineType("list") { args, i in
            let b = try args.bind("list", [.optional("iterable")])
            return .list(PyList(!args.gives("iterable", at: 0) ? [] : try i.iterate(b["iterable"])))
        }
        defineType("tuple") { args, i in
            let b = try args.bind("tuple", [.optional("iterable")])
            return .tuple(!args.gives("iterable", at: 0) ? [] : try i.iterate(b["iterable"]))
        }
        defineType("set") { args, i in
            let b = try args.bind("set", [.optional("iterable")])
            let s = PySet()
            if args.gives("iterable", at: 0) { for x in try i.iterate(b["iterable"]) { try s.add(x) } }
            return .object(s)
        }
        defineType("dict") { args, i in
            guard args.positional.count <= 1 else {
                throw PyException(.typeError, "dict expected at most 1 argument, got \(args.positional.count)")
            }
            let d = PyDict()
            if let source = args.positional.first { try i.update(d, from: source) }
            for (k, v) in args.keywords { d[string: k] = v }
            return .dict(d)
        }
    }

    /// `d.update(source)` / `dict(source)`: a dict's items or an iterable of pairs.
    func update(_ d: PyDict, from source: PyValue) throws {
        if case .dict(let other) = source {
            for (k, v) in other.items { d[k] = v }
            return
        }
        for (n, pair) in try iterate(source).enumerated() {
            let items: [PyValue]
            do { items = try iterate(pair) } catch {
                throw PyException(.typeError, "cannot convert dictionary update sequence element #\(n) to a sequence")
            }
            guard items.count == 2 else {
                throw PyException(.valueError, "dictionary update sequence element #\(n) has length \(items.count); 2 is required")
            }
            d[try hashKey(items[0])] = items[1]
        }
    }

    /// `int(x)` / `int(x, base)`.
    func toInt(_ x: PyValue, base: Int?) throws -> Int {
        if let base {
            guard case .str(let s) = x else { throw PyException(.typeError, "int() can't convert non-string with explicit base") }
            return try parseInt(s, base: base)
        }
        switch x {
        case .int(let n): return n
        case .bool(let b): return b ? 1 : 0
        case .float(let d):
            if d.isNaN { throw PyException(.valueError, "cannot convert float NaN to integer") }
            if d.isInfinite { throw PyException(.overflowError, "cannot convert float infinity to integer") }
            guard let n = Int(exactly: d.rounded(.towardZero)) else {
                throw PyException(.overflowError, "integer overflow: gluelab's ints are 64-bit")
            }
            return n
        case .str(let s): return try parseInt(s, base: 10)
        default:
            throw PyException(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
        }
    }

    private func parseInt(_ s: String, base: Int) throws -> Int {
        guard base >= 2 && base <= 36 else { throw PyException(.valueError, "int() base must be >= 2 and <= 36, or 0") }
        let bad = PyException(.valueError, "invalid literal for int() with base \(base): \(pythonStringRepr(s))")
        var t = Substring(s.trimmingPythonWhitespace())
        var negative = false
        if t.first == "+" || t.first == "-" {
            negative = t.first == "-"
            t = t.dropFirst()
        }
        guard !t.isEmpty, t.first != "_", t.last != "_", !t.contains("__") else { throw bad }
        let digits = t.filter { $0 != "_" }
        guard let magnitude = UInt(digits, radix: base) else {
            if digits.allSatisfy({ Int(String($0), radix: base) != nil }) {
                throw PyException(.overflowError, "integer overflow: gluelab's ints are 64-bit")
            }
            throw bad
        }
        if negative {
            guard magnitude <= UInt(Int.max) + 1 else { throw PyException(.overflowError, "integer overflow: gluelab's ints are 64-bit") }
            return magnitude == UInt(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        guard magnitude <= UInt(Int.max) else { throw PyException(.overflowError, "integer overflow: gluelab's ints are 64-bit") }
        return Int(magnitude)
    }

    /// `float(x)`.
    func toFloat(_ x: PyValue) throws -> Double {
        switch x {
        case .float(let d): return d
        case .int(let n): return Double(n)
        case .bool(let b): return b ? 1 : 0
        case .str(let s):
            let t = s.trimmingPythonWhitespace().lowercased()
            switch t {
            case "inf", "+inf", "infinity", "+infinity": return .infinity
            case "-inf", "-infinity": return -.infinity
            case "nan", "+nan", "-nan": return .nan
            default:
                let cleaned = t.contains("_") && !t.contains("__") && !t.hasPrefix("_") && !t.hasSuffix("_") ? t.replacingOccurrences(of: "_", with: "") : t
                if !cleaned.contains("x"), !cleaned.contains("p"), !cleaned.contains("n"), !cleaned.contains("i"), let d = Double(cleaned) { return d }
                throw PyException(.valueError, "could not convert string to float: \(pythonStringRepr(s))")
            }
        default:
            throw PyException(.typeError, "float() argument must be a string or a real number, not '\(x.typeName)'")
        }
    }
}

extension String {
    /// The string without leading and trailing whitespace (Python's `str.strip()`).
    func trimmingPythonWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var lo = 0
        var hi = scalars.count
        while lo < hi && scalars[lo].properties.isWhitespace { lo += 1 }
        while hi > lo && scalars[hi - 1].properties.isWhitespace { hi -= 1 }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[lo..<hi])
        return String(out)
    }
}
