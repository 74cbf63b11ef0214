import Foundation

/// The time `current_date()` and `current_timestamp()` read: a task-local the caller may set
/// to the sandbox clock (`SparkClock.$now.withValue(clock.now()) { ... }`); real time otherwise.
public enum SparkClock {
    @TaskLocal public static var now: Int64?

    static var current: Int64 {
        now ?? Int64(Date().timeIntervalSince1970 * 1_000_000)
    }
}

/// The scalar functions of `pyspark.sql.functions`, by name, on bound arguments.
enum SparkFunctions {
    typealias Eval = (SparkRow) -> Value

    static func bind(_ function: String, _ args: [BoundExpression], arguments raw: [ColumnExpression], name: String) throws(EngineError) -> BoundExpression {
        let f = function.lowercased()
        let evals = args.map(\.eval)
        let anyNullable = args.contains { $0.nullable }
        func arity(_ range: ClosedRange<Int>) throws(EngineError) {
            guard range.contains(args.count) else {
                throw .transform(name: "AnalysisException",
                                 message: "[WRONG_NUM_ARGS] The `\(f)` requires \(range.lowerBound == range.upperBound ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)") parameters but the actual number is \(args.count).")
            }
        }
        func literal(_ i: Int) -> Value {
            guard i < raw.count else { return .null }
            if case .literal(let v) = raw[i] { return v }
            return .null
        }
        func string(_ v: Value) -> String? { v.isNull ? nil : SparkCast.text(v) }
        func unaryString(_ body: @escaping (String) -> Value) throws(EngineError) -> BoundExpression {
            try arity(1...1)
            let e = evals[0]
            return BoundExpression(name: name, type: .string, nullable: anyNullable) { row in string(e(row)).map(body) ?? .null }
        }
        func datePart(_ body: @escaping (Int64, Int64, Int64, Int64) -> Int64) throws(EngineError) -> BoundExpression {
            try arity(1...1)
            let e = evals[0]
            return BoundExpression(name: name, type: .int, nullable: true) { row in
                guard case .timestamp(let t) = SparkCast.cast(e(row), to: .timestamp) else { return .null }
                let (secs, _) = t.floorDivMod(1_000_000)
                let (days, sod) = secs.floorDivMod(86_400)
                let (y, m, d) = Value.civil(fromDays: days)
                return .int(Int32(truncatingIfNeeded: body(y, m, d, sod)))
            }
        }
        func numeric(_ type: DataType? = nil, _ body: @escaping (Double) -> Double) throws(EngineError) -> BoundExpression {
            try arity(1...1)
            let e = evals[0]
            let t = type ?? .double
            return BoundExpression(name: name, type: t, nullable: anyNullable) { row in
                guard let v = SparkCast.cast(e(row), to: .double).doubleValue else { return .null }
                return SparkCast.cast(.double(body(v)), to: t)
            }
        }

        switch f {
        case "upper", "ucase": return try unaryString { .string($0.uppercased()) }
        case "lower", "lcase": return try unaryString { .string($0.lowercased()) }
        case "trim": return try unaryString { .string(String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())) }
        case "ltrim": return try unaryString { .string(String($0.drop { $0 == " " })) }
        case "rtrim": return try unaryString { .string(String(String($0.reversed()).drop { $0 == " " }.reversed())) }
        case "initcap":
            return try unaryString { s in
                .string(s.split(separator: " ", omittingEmptySubsequences: false).map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " "))
            }
        case "reverse": return try unaryString { .string(String($0.reversed())) }
        case "length", "char_length", "character_length":
            try arity(1...1)
            let e = evals[0]
            return BoundExpression(name: name, type: .int, nullable: anyNullable) { row in string(e(row)).map { .int(Int32($0.count)) } ?? .null }
        case "concat":
            return BoundExpression(name: name, type: .string, nullable: anyNullable) { row in
                var out = ""
                for e in evals {
                    guard let s = string(e(row)) else { return .null }
                    out += s
                }
                return .string(out)
            }
        case "concat_ws":
            try arity(1...Int.max)
            return BoundExpression(name: name, type: .string, nullable: args[0].nullable) { row in
                guard let sep = string(evals[0](row)) else { return .null }
                var parts: [String] = []
                for e in evals.dropFirst() {
                    switch e(row) {
                    case .null: continue
                    case .array(let items): parts += items.compactMap(string)
                    case let v: parts.append(SparkCast.text(v))
                    }
                }
                return .string(parts.joined(separator: sep))
            }
        case "substring", "substr":
            try arity(2...3)
            let (s, p) = (evals[0], evals[1])
            let l = args.count == 3 ? evals[2] : { _ in .int(Int32.max) }
            return BoundExpression(name: name, type: .string, nullable: anyNullable) { row in
                guard let str = string(s(row)), let pos = p(row).integerValue, let len = l(row).integerValue else { return .null }
                let chars = Array(str)
                // Spark: positions are 1-based; 0 acts as 1; negative counts from the end.
                var start = pos > 0 ? Int(pos) - 1 : (pos == 0 ? 0 : chars.count + Int(pos))
                var end = len >= Int64(Int32.max) ? Int.max : start + Int(len)
                if len < 0 { return .string("") }
                start = max(0, start)
                end = min(chars.count, max(start, end))
                return .string(start >= chars.count ? "" : String(chars[start..<end]))
            }
        case "regexp_replace":
            try arity(3...3)
            guard let pattern = string(literal(1)), let re = try? NSRegularExpression(pattern: pattern) else {
                throw .invalidOption(name: "regexp_replace pattern", value: "\(raw[1])", reason: "expected a literal Java regular expression")
            }
            let replacement = javaReplacement(string(literal(2)) ?? "")
            let s = evals[0]
            return BoundExpression(name: name, type: .string, nullable: anyNullable) { row in
                guard let str = string(s(row)) else { return .null }
                return .string(re.stringByReplacingMatches(in: str, range: NSRange(str.startIndex..., in: str), withTemplate: replacement))
            }
        case "regexp_extract":
            try arity(3...3)
            guard let pattern = string(literal(1)), let re = try? NSRegularExpression(pattern: pattern) else {
                throw .invalidOption(name: "regexp_extract pattern", value: "\(raw[1])", reason: "expected a literal Java regular expression")
            }
            let group = Int(literal(2).integerValue ?? 1)
            let s = evals[0]
            return BoundExpression(name: name, type: .string, nullable: anyNullable) { row in
                guard let str = string(s(row)) else { return .null }
                guard let m = re.firstMatch(in: str, range: NSRange(str.startIndex..., in: str)), group < m.numberOfRanges,
                      let r = Range(m.range(at: group), in: str) else { return .string("") }
                return .string(String(str[r]))
            }
        case "split":
            try arity(2...3)
            guard let pattern = string(literal(1)), let re = try? NSRegularExpression(pattern: pattern) else {
                throw .invalidOption(name: "split pattern", value: "\(raw[1])", reason: "expected a literal Java regular expression")
            }
            let s = evals[0]
            return BoundExpression(name: name, type: .array(.string), nullable: anyNullable) { row in
                guard let str = string(s(row)) else { return .null }
                var parts: [Value] = []
                var last = str.startIndex
                for m in re.matches(in: str, range: NSRange(str.startIndex..., in: str)) {
                    guard let r = Range(m.range, in: str), !r.isEmpty || r.lowerBound != str.startIndex else { continue }
                    if r.isEmpty && r.lowerBound == str.endIndex { continue }
                    parts.append(.string(String(str[last..<r.lowerBound])))
                    last = r.upperBound
                }
                parts.append(.string(String(str[last...])))
                return .array(parts)
            }
        case "coalesce", "nvl", "ifnull":
            try arity(1...Int.max)
            let t = SparkOperators.commonType(args.map(\.type))
            return BoundExpression(name: name, type: t, nullable: !args.contains { !$0.nullable }) { row in
                for e in evals {
                    let v = e(row)
                    if !v.isNull { return SparkCast.cast(v, to: t) }
                }
                return .null
            }
        case "greatest", "least":
            try arity(2...Int.max)
            let t = SparkOperators.commonType(args.map(\.type))
            let greatest = f == "greatest"
            return BoundExpression(name: name, type: t, nullable: !args.contains { !$0.nullable }) { row in
                var best = Value.null
                for e in evals {
                    let v = SparkCast.cast(e(row), to: t)
                    if v.isNull { continue }
                    if best.isNull { best = v; continue }
                    if let c = SparkCast.compare(v, best), greatest ? c > 0 : c < 0 { best = v }
                }
                return best
            }
        case "isnull":
            try arity(1...1)
            let e = evals[0]
            return BoundExpression(name: name, type: .boolean, nullable: false) { .boolean(e($0).isNull) }
        case "isnotnull":
            try arity(1...1)
            let e = evals[0]
            return BoundExpression(name: name, type: .boolean, nullable: false) { .boolean(!e($0).isNull) }
        case "to_date":
            try arity(1...2)
            let s = evals[0]
            let pattern = args.count == 2 ? string(literal(1)) : nil
            return BoundExpression(name: name, type: .date, nullable: true) { row in
                let v = s(row)
                if v.isNull { return .null }
                if let pattern {
                    guard let t = SparkDateFormat.parse(SparkCast.text(v), pattern) else { return .null }
                    return .date(Int32(t.floorDivMod(86_400_000_000).0))
                }
                return SparkCast.cast(v, to: .date)
            }
        case "to_timestamp":
            try arity(1...2)
            let s = evals[0]
            let pattern = args.count == 2 ? string(literal(1)) : nil
            return BoundExpression(name: name, type: .timestamp, nullable: true) { row in
                let v = s(row)
                if v.isNull { return .null }
                if let pattern { return SparkDateFormat.parse(SparkCast.text(v), pattern).map(Value.timestamp) ?? .null }
                return SparkCast.cast(v, to: .timestamp)
            }
        case "date_format":
            try arity(2...2)
            guard let pattern = string(literal(1)) else {
                throw .invalidOption(name: "date_format format", value: "\(raw[1])", reason: "expected a literal pattern")
            }
            let s = evals[0]
            return BoundExpression(name: name, type: .string, nullable: true) { row in
                guard case .timestamp(let t) = SparkCast.cast(s(row), to: .timestamp) else { return .null }
                return .string(SparkDateFormat.format(t, pattern))
            }
        case "year": return try datePart { y, _, _, _ in y }
        case "month": return try datePart { _, m, _, _ in m }
        case "dayofmonth", "day": return try datePart { _, _, d, _ in d }
        case "hour": return try datePart { _, _, _, s in s / 3600 }
        case "minute": return try datePart { _, _, _, s in s % 3600 / 60 }
        case "second": return try datePart { _, _, _, s in s % 60 }
        case "quarter": return try datePart { _, m, _, _ in (m - 1) / 3 + 1 }
        case "dayofweek": return try datePart { y, m, d, _ in (Value.days(fromCivil: y, m, d) % 7 + 11) % 7 + 1 }
        case "current_date":
            try arity(0...0)
            let today = Value.date(Int32(SparkClock.current.floorDivMod(86_400_000_000).0))
            return BoundExpression(name: name, type: .date, nullable: false) { _ in today }
        case "current_timestamp", "now":
            try arity(0...0)
            let now = Value.timestamp(SparkClock.current)
            return BoundExpression(name: name, type: .timestamp, nullable: false) { _ in now }
        case "datediff":
            try arity(2...2)
            let (a, b) = (evals[0], evals[1])
            return BoundExpression(name: name, type: .int, nullable: true) { row in
                guard case .date(let x) = SparkCast.cast(a(row), to: .date), case .date(let y) = SparkCast.cast(b(row), to: .date) else { return .null }
                return .int(x - y)
            }
        case "date_add", "date_sub":
            try arity(2...2)
            let (a, b) = (evals[0], evals[1])
            let sign: Int32 = f == "date_add" ? 1 : -1
            return BoundExpression(name: name, type: .date, nullable: true) { row in
                guard case .date(let x) = SparkCast.cast(a(row), to: .date), let n = b(row).integerValue else { return .null }
                return .date(x &+ sign &* Int32(truncatingIfNeeded: n))
            }
        case "round", "bround":
            try arity(1...2)
            let scale = args.count == 2 ? Int(literal(1).integerValue ?? 0) : 0
            let e = evals[0]
            let t = args[0].type == .string ? DataType.double : args[0].type
            let halfEven = f == "bround"
            return BoundExpression(name: name, type: t, nullable: anyNullable) { row in
                let v = e(row)
                if v.isNull { return .null }
                if let i = v.integerValue, scale >= 0 { return SparkCast.cast(.long(i), to: t) }
                guard let d = SparkCast.cast(v, to: .double).doubleValue else { return .null }
                return SparkCast.cast(.double(roundHalf(d, scale, even: halfEven)), to: t)
            }
        case "abs":
            try arity(1...1)
            let e = evals[0]
            let t = args[0].type == .string ? DataType.double : args[0].type
            return BoundExpression(name: name, type: t, nullable: anyNullable) { row in
                let v = SparkCast.cast(e(row), to: t)
                switch v {
                case .null: return .null
                case .decimal(var d): d.unscaled = abs(d.unscaled); return .decimal(d)
                default:
                    if let i = v.integerValue { return SparkCast.cast(.long(i < 0 ? 0 &- i : i), to: t) }
                    return SparkCast.cast(.double(abs(v.doubleValue ?? 0)), to: t)
                }
            }
        case "floor": return try numeric(.long) { $0.rounded(.down) }
        case "ceil", "ceiling": return try numeric(.long) { $0.rounded(.up) }
        case "sqrt": return try numeric { $0 < 0 ? .nan : $0.squareRoot() }
        case "exp": return try numeric { Foundation.exp($0) }
        case "log", "ln": return try numeric { $0 <= 0 ? .nan : Foundation.log($0) }
        case "input_file_name":
            try arity(0...0)
            return BoundExpression(name: name, type: .string, nullable: false) { .string($0.source ?? "") }
        case "lpad", "rpad":
            try arity(3...3)
            let (s, n, p) = (evals[0], evals[1], evals[2])
            let left = f == "lpad"
            return BoundExpression(name: name, type: .string, nullable: anyNullable) { row in
                guard let str = string(s(row)), let len = n(row).integerValue, let pad = string(p(row)) else { return .null }
                let chars = Array(str)
                let target = max(0, Int(len))
                if chars.count >= target || pad.isEmpty { return .string(String(chars.prefix(target))) }
                var fill = ""
                while fill.count < target - chars.count { fill += pad }
                fill = String(fill.prefix(target - chars.count))
                return .string(left ? fill + str : str + fill)
            }
        case "size":
            try arity(1...1)
            let e = evals[0]
            return BoundExpression(name: name, type: .int, nullable: false) { row in
                switch e(row) {
                case .array(let a): return .int(Int32(a.count))
                case .map(let r): return .int(Int32(r.count))
                default: return .int(-1)
                }
            }
        case "array":
            let t = SparkOperators.commonType(args.map(\.type))
            return BoundExpression(name: name, type: .array(t), nullable: false) { row in .array(evals.map { SparkCast.cast($0(row), to: t) }) }
        case "struct":
            let names = args.map(\.name)
            return BoundExpression(name: name, type: .structure(StructType(args.map { Field($0.name, $0.type) })), nullable: false) { row in
                .structure(DynamicRecord(zip(names, evals.map { $0(row) }).map { ($0, $1) }))
            }
        case "md5":
            return try unaryString { .string(MD5.hex(Array($0.utf8))) }
        default:
            throw .transform(name: "AnalysisException",
                             message: "[UNRESOLVED_ROUTINE] Cannot resolve function `\(function)` on search path [`system`.`builtin`, `system`.`session`].")
        }
    }

    /// A Java replacement string (`$1`, `\$`) as an NSRegularExpression template.
    static func javaReplacement(_ s: String) -> String {
        s
    }

    /// Rounds half up (away from zero, Spark's `round`) or half to even (`bround`) at `scale` digits.
    static func roundHalf(_ v: Double, _ scale: Int, even: Bool) -> Double {
        let factor = pow(10, Double(scale))
        guard let d = Decimal(string: CastText.javaText(v)) else { return v }
        var input = d * Decimal(sign: .plus, exponent: 0, significand: 1)
        var out = Decimal()
        NSDecimalRound(&out, &input, scale, even ? .bankers : .plain)
        _ = factor
        return NSDecimalNumber(decimal: out).doubleValue
    }
}
