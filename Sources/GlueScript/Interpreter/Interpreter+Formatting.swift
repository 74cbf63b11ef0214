import Foundation

/// `str.format` (with format specs) and `%` formatting.
extension Interpreter {
    /// `template.format(*args, **kwargs)`.
    func formatString(_ template: String, _ args: CallArguments) throws -> String {
        var out = ""
        var auto = 0
        var manual = false
        var automatic = false
        let sc = Array(template.unicodeScalars)
        var i = 0
        while i < sc.count {
            let c = sc[i]
            if c == "}" {
                guard i + 1 < sc.count, sc[i + 1] == "}" else {
                    throw PyException(.valueError, "Single '}' encountered in format string")
                }
                out += "}"
                i += 2
                continue
            }
            guard c == "{" else {
                out.unicodeScalars.append(c)
                i += 1
                continue
            }
            if i + 1 < sc.count, sc[i + 1] == "{" {
                out += "{"
                i += 2
                continue
            }
            var j = i + 1
            var depth = 1
            while j < sc.count {
                if sc[j] == "{" { depth += 1 }
                if sc[j] == "}" { depth -= 1; if depth == 0 { break } }
                j += 1
            }
            guard j < sc.count else { throw PyException(.valueError, "expected '}' before end of string") }
            let field = scalarsString(sc[(i + 1)..<j])
            i = j + 1
            // field name [!conversion] [:spec]
            var nameEnd = field.endIndex
            var spec = ""
            var conversion: Character?
            if let colon = field.firstIndex(of: ":") {
                spec = String(field[field.index(after: colon)...])
                nameEnd = colon
            }
            var name = String(field[..<nameEnd])
            if let bang = name.firstIndex(of: "!") {
                conversion = name[name.index(after: bang)...].first
                name = String(name[..<bang])
            }
            // the first part of the name: index or keyword; then .attr / [key] parts
            let headEnd = name.firstIndex { $0 == "." || $0 == "[" } ?? name.endIndex
            let head = String(name[..<headEnd])
            var value: PyValue
            if head.isEmpty {
                if manual { throw PyException(.valueError, "cannot switch from manual field specification to automatic field numbering") }
                automatic = true
                guard auto < args.positional.count else {
                    throw PyException(.indexError, "Replacement index \(auto) out of range for positional args tuple")
                }
                value = args.positional[auto]
                auto += 1
            } else if let n = Int(head) {
                if automatic { throw PyException(.valueError, "cannot switch from automatic field numbering to manual field specification") }
                manual = true
                guard n < args.positional.count else {
                    throw PyException(.indexError, "Replacement index \(n) out of range for positional args tuple")
                }
                value = args.positional[n]
            } else {
                guard let v = args.keywords.first(where: { $0.name == head })?.value else {
                    throw PyException(.keyError, pythonStringRepr(head))
                }
                value = v
            }
            var rest = name[headEnd...]
            while let first = rest.first {
                if first == "." {
                    let end = rest.dropFirst().firstIndex { $0 == "." || $0 == "[" } ?? rest.endIndex
                    value = try getAttribute(value, String(rest[rest.index(after: rest.startIndex)..<end]))
                    rest = rest[end...]
                } else {
                    guard let close = rest.firstIndex(of: "]") else { throw PyException(.valueError, "Missing ']' in format string") }
                    let key = String(rest[rest.index(after: rest.startIndex)..<close])
                    value = try getItem(value, Int(key).map { .int($0) } ?? .str(key))
                    rest = rest[rest.index(after: close)...]
                }
            }
            if spec.contains("{") {
                spec = try formatString(spec, args)
            }
            switch conversion {
            case "r": value = .str(try reprOf(value))
            case "s": value = .str(try strOf(value))
            case nil: break
            default: throw PyException(.valueError, "Unknown conversion specifier \(conversion!)")
            }
            out += try formatValue(value, spec)
        }
        return out
    }

    /// `format(value, spec)`: `[[fill]align][sign][0][width][,][.precision][type]`.
    func formatValue(_ value: PyValue, _ spec: String) throws -> String {
        if spec.isEmpty { return try strOf(value) }
        var sc = Array(spec)
        var fill: Character = " "
        var align: Character?
        if sc.count >= 2, "<>^=".contains(sc[1]) {
            fill = sc[0]
            align = sc[1]
            sc.removeFirst(2)
        } else if let f = sc.first, "<>^=".contains(f) {
            align = f
            sc.removeFirst()
        }
        var sign: Character = "-"
        if let f = sc.first, "+- ".contains(f) {
            sign = f
            sc.removeFirst()
        }
        if sc.first == "#" { sc.removeFirst() }
        if sc.first == "0" {
            if align == nil { align = "="; fill = "0" }
            sc.removeFirst()
        }
        var width = 0
        while let f = sc.first, let d = f.wholeNumberValue { width = width * 10 + d; sc.removeFirst() }
        var grouping = false
        if sc.first == "," || sc.first == "_" { grouping = true; sc.removeFirst() }
        var precision: Int?
        if sc.first == "." {
            sc.removeFirst()
            var p = 0
            while let f = sc.first, let d = f.wholeNumberValue { p = p * 10 + d; sc.removeFirst() }
            precision = p
        }
        let type = sc.first
        if sc.count > 1 { throw PyException(.valueError, "Invalid format specifier '\(spec)' for object of type '\(value.typeName)'") }
        var body: String
        var negative = false
        let isNumber: Bool
        switch value {
        case .int, .bool, .float:
            isNumber = true
            var d: Double
            if case .float(let x) = value { d = x } else { d = Double(value.intValue ?? (value.truthyBool ? 1 : 0)) }
            let isInt: Bool = { if case .float = value { return false } else { return true } }()
            switch type {
            case "d" where isInt, "n" where isInt:
                let n = value.intValue ?? (value.truthyBool ? 1 : 0)
                negative = n < 0
                body = String(n.magnitude)
            case "x" where isInt, "X" where isInt, "o" where isInt, "b" where isInt:
                let n = value.intValue ?? (value.truthyBool ? 1 : 0)
                negative = n < 0
                body = String(n.magnitude, radix: type == "o" ? 8 : type == "b" ? 2 : 16, uppercase: type == "X")
            case nil where isInt && precision == nil:
                let n = value.intValue ?? (value.truthyBool ? 1 : 0)
                if case .bool(let b) = value { return pad(b ? "True" : "False", width, align ?? "<", fill) }
                negative = n < 0
                body = String(n.magnitude)
            case "f", "F", "e", "E", "g", "G", "%", nil:
                if type == "%" { d *= 100 }
                negative = d.sign == .minus && !d.isNaN
                d = Swift.abs(d)
                if type == nil && precision == nil {
                    body = pythonFloatRepr(d)
                } else {
                    let code = type == nil || type == "%" ? (type == nil ? "g" : "f") : String(type!)
                    body = d.isFinite ? String(format: "%.\(precision ?? 6)\(code)", d) : (d.isNaN ? "nan" : "inf")
                    if type == nil, !body.contains("."), !body.contains("e"), d.isFinite { body += ".0" }
                    if type == "%" { body += "%" }
                }
            default:
                throw PyException(.valueError, "Unknown format code '\(type!)' for object of type '\(value.typeName)'")
            }
            if grouping {
                let intEnd = body.firstIndex { $0 == "." || $0 == "e" } ?? body.endIndex
                var digits = String(body[..<intEnd])
                var grouped = ""
                while digits.count > 3 {
                    grouped = "," + digits.suffix(3) + grouped
                    digits.removeLast(3)
                }
                body = digits + grouped + body[intEnd...]
            }
        case .str(let s):
            isNumber = false
            guard type == nil || type == "s" else {
                throw PyException(.valueError, "Unknown format code '\(type!)' for object of type 'str'")
            }
            body = precision.map { String(s.unicodeScalars.prefix($0)) } ?? s
        default:
            isNumber = false
            body = try strOf(value)
        }
        let signText = negative ? "-" : (isNumber && sign != "-" ? String(sign) : "")
        if align == "=" {
            let n = width - signText.count - body.count
            return signText + String(repeating: fill, count: max(0, n)) + body
        }
        return pad(signText + body, width, align ?? (isNumber ? ">" : "<"), fill)
    }

    private func pad(_ s: String, _ width: Int, _ align: Character, _ fill: Character) -> String {
        let n = width - s.count
        guard n > 0 else { return s }
        switch align {
        case ">": return String(repeating: fill, count: n) + s
        case "^": return String(repeating: fill, count: n / 2) + s + String(repeating: fill, count: n - n / 2)
        default: return s + String(repeating: fill, count: n)
        }
    }

    /// `template % args`: `%s %r %d %i %f %e %g %x %c %%`, flags `-+ 0`, width, precision,
    /// `%(name)s` with a dict.
    func percentFormat(_ template: String, _ args: PyValue) throws -> String {
        var positional: [PyValue]
        var mapping: PyDict?
        switch args {
        case .tuple(let t): positional = t
        case .dict(let d): positional = [args]; mapping = d
        default: positional = [args]
        }
        var next = 0
        var out = ""
        let sc = Array(template)
        var i = 0
        func take() throws -> PyValue {
            guard next < positional.count else { throw PyException(.typeError, "not enough arguments for format string") }
            next += 1
            return positional[next - 1]
        }
        var usedMapping = false
        while i < sc.count {
            guard sc[i] == "%" else { out.append(sc[i]); i += 1; continue }
            i += 1
            guard i < sc.count else { throw PyException(.valueError, "incomplete format") }
            var value: PyValue?
            if sc[i] == "(" {
                guard let mapping else { throw PyException(.typeError, "format requires a mapping") }
                guard let close = sc[i...].firstIndex(of: ")") else { throw PyException(.valueError, "incomplete format key") }
                let key = String(sc[(i + 1)..<close])
                guard let v = mapping[string: key] else { throw PyException(.keyError, pythonStringRepr(key)) }
                value = v
                usedMapping = true
                i = close + 1
            }
            var flags = ""
            while i < sc.count, "-+ 0#".contains(sc[i]) { flags.append(sc[i]); i += 1 }
            var width = 0
            while i < sc.count, let d = sc[i].wholeNumberValue { width = width * 10 + d; i += 1 }
            var precision: Int?
            if i < sc.count, sc[i] == "." {
                i += 1
                var p = 0
                while i < sc.count, let d = sc[i].wholeNumberValue { p = p * 10 + d; i += 1 }
                precision = p
            }
            guard i < sc.count else { throw PyException(.valueError, "incomplete format") }
            let code = sc[i]
            i += 1
            if code == "%" { out += "%"; continue }
            let v = try value ?? take()
            var spec = ""
            let left = flags.contains("-")
            var text: String
            switch code {
            case "s": text = try strOf(v); if let precision { text = String(text.prefix(precision)) }
            case "r": text = try reprOf(v); if let precision { text = String(text.prefix(precision)) }
            case "c":
                if case .int(let n) = v, let u = Unicode.Scalar(UInt32(clamping: n)) { text = String(u) } else { text = try strOf(v) }
            case "d", "i", "u", "f", "F", "e", "E", "g", "G", "x", "X", "o":
                var number = v
                switch v {
                case .int, .bool, .float: break
                default: throw PyException(.typeError, "%\(code) format: a real number is required, not \(v.typeName)")
                }
                if "diuxXo".contains(code), case .float(let d) = v { number = .int(try toInt(.float(d), base: nil)) }
                if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
                if flags.contains("0") && !left { spec += "0" }
                if width > 0 && !left { spec += String(width) }
                if let precision, !"diuxXo".contains(code) { spec += "." + String(precision) }
                spec += code == "i" || code == "u" ? "d" : String(code)
                text = try formatValue(number, spec)
            default:
                throw PyException(.valueError, "unsupported format character '\(code)'")
            }
            if text.count < width {
                let fillCount = width - text.count
                text = left ? text + String(repeating: " ", count: fillCount) : String(repeating: " ", count: fillCount) + text
            }
            out += text
        }
        if mapping == nil || !usedMapping, next < positional.count, !(mapping != nil) {
            throw PyException(.typeError, "not all arguments converted during string formatting")
        }
        return out
    }
}
