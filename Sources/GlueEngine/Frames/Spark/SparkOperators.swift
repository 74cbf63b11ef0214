import Foundation

/// Spark's operators on bound expressions: arithmetic with implicit widening, comparisons
/// with Spark's comparison casts, three-valued AND/OR, IN and LIKE.
enum SparkOperators {
    static func bind(_ op: ColumnBinaryOperator, _ l: BoundExpression, _ r: BoundExpression, name: String) throws(EngineError) -> BoundExpression {
        let le = l.eval, re = r.eval
        switch op {
        case .and, .or:
            let isAnd = op == .and
            return BoundExpression(name: name, type: .boolean, nullable: l.nullable || r.nullable) { row in
                let a = boolean(le(row))
                if a == !isAnd { return .boolean(!isAnd) }
                let b = boolean(re(row))
                if b == !isAnd { return .boolean(!isAnd) }
                if a == nil || b == nil { return .null }
                return .boolean(isAnd)
            }
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .equalNullSafe:
            let t = SparkCast.comparisonType(l.type, r.type)
            let nullSafe = op == .equalNullSafe
            return BoundExpression(name: name, type: .boolean, nullable: !nullSafe && (l.nullable || r.nullable)) { row in
                let a = le(row), b = re(row)
                if nullSafe, a.isNull || b.isNull { return .boolean(a.isNull && b.isNull) }
                let x = a.dataType == t ? a : SparkCast.cast(a, to: t)
                let y = b.dataType == t ? b : SparkCast.cast(b, to: t)
                guard let c = SparkCast.compare(x, y) else { return nullSafe ? .boolean(false) : .null }
                switch op {
                case .equal, .equalNullSafe: return .boolean(c == 0)
                case .notEqual: return .boolean(c != 0)
                case .less: return .boolean(c < 0)
                case .lessEqual: return .boolean(c <= 0)
                case .greater: return .boolean(c > 0)
                default: return .boolean(c >= 0)
                }
            }
        case .add, .subtract, .multiply, .divide, .modulo:
            let lt = l.type == .string || l.type == .null ? DataType.double : l.type
            let rt = r.type == .string || r.type == .null ? DataType.double : r.type
            guard lt.isNumeric, rt.isNumeric else {
                throw .transform(name: "AnalysisException",
                                 message: "[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES] Cannot resolve \"\(name)\" due to data type mismatch: the left and right operands of the binary operator have incompatible types (\"\(SparkTypes.sqlName(l.type))\" and \"\(SparkTypes.sqlName(r.type))\").")
            }
            var t = SparkCast.widerNumeric(lt, rt)
            if op == .divide {
                if case .decimal = t {} else { t = .double }
            }
            if case .decimal(let p, let s) = t, case .decimal(_, let s1) = SparkCast.cast(.int(0), to: lt).dataType,
               case .decimal(_, let s2) = SparkCast.cast(.int(0), to: rt).dataType {
                switch op {
                case .multiply: t = .decimal(precision: min(18, p + s), scale: min(18, s1 + s2))
                case .divide: t = .decimal(precision: 18, scale: min(18, max(6, s + 4)))
                default: t = .decimal(precision: min(18, p + 1), scale: s)
                }
            }
            let type = t
            return BoundExpression(name: name, type: type, nullable: true) { row in
                let a = le(row), b = re(row)
                if a.isNull || b.isNull { return .null }
                return arithmetic(op, SparkCast.cast(a, to: type), SparkCast.cast(b, to: type), type)
            }
        }
    }

    /// A value as a SQL boolean (nil for null).
    static func boolean(_ v: Value) -> Bool? {
        if case .boolean(let b) = v { return b }
        if v.isNull { return nil }
        if case .boolean(let b) = SparkCast.cast(v, to: .boolean) { return b }
        return nil
    }

    /// `a op b` for two values already cast to `type`.
    static func arithmetic(_ op: ColumnBinaryOperator, _ a: Value, _ b: Value, _ type: DataType) -> Value {
        switch type {
        case .byte, .short, .int, .long:
            guard let x = a.integerValue, let y = b.integerValue else { return .null }
            var r: Int64
            switch op {
            case .add: r = x &+ y
            case .subtract: r = x &- y
            case .multiply: r = x &* y
            case .modulo:
                guard y != 0 else { return .null }
                r = y == -1 ? 0 : x % y
            default:
                guard y != 0 else { return .null }
                r = y == -1 ? 0 &- x : x / y
            }
            return SparkCast.cast(.long(r), to: type)
        case .decimal(let p, let s):
            guard let x = a.doubleValue, let y = b.doubleValue else { return .null }
            guard let r = double(op, x, y) else { return .null }
            return DecimalValue(r, precision: p, scale: s).map(Value.decimal) ?? .null
        default:
            guard let x = a.doubleValue, let y = b.doubleValue, let r = double(op, x, y) else { return .null }
            return type == .float ? .float(Float(r)) : .double(r)
        }
    }

    private static func double(_ op: ColumnBinaryOperator, _ x: Double, _ y: Double) -> Double? {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .modulo: return y == 0 ? nil : fmod(x, y)
        default: return y == 0 ? nil : x / y
        }
    }

    /// The type several values (CASE branches, coalesce arguments, IN lists) share.
    static func commonType(_ types: [DataType]) -> DataType {
        var t = DataType.null
        for u in types {
            if case .null = u { continue }
            if case .null = t { t = u; continue }
            if t == u { continue }
            if t.isNumeric && u.isNumeric { t = SparkCast.widerNumeric(t, u); continue }
            if (t == .date && u == .timestamp) || (t == .timestamp && u == .date) { t = .timestamp; continue }
            t = .string
        }
        return t
    }

    static func bindIn(_ x: BoundExpression, _ list: [BoundExpression], name: String) throws(EngineError) -> BoundExpression {
        let t = list.reduce(x.type) { SparkCast.comparisonType($0, $1.type) }
        let xe = x.eval
        let items = list.map(\.eval)
        return BoundExpression(name: name, type: .boolean, nullable: true) { row in
            let v = SparkCast.cast(xe(row), to: t)
            if v.isNull { return .null }
            var sawNull = false
            for item in items {
                let w = SparkCast.cast(item(row), to: t)
                guard let c = SparkCast.compare(v, w) else { sawNull = true; continue }
                if c == 0 { return .boolean(true) }
            }
            return sawNull ? .null : .boolean(false)
        }
    }

    static func bindLike(_ x: BoundExpression, pattern: String, regex: Bool, name: String) throws(EngineError) -> BoundExpression {
        let source = regex ? pattern : likeRegex(pattern)
        guard let re = try? NSRegularExpression(pattern: source, options: regex ? [] : [.dotMatchesLineSeparators]) else {
            throw .invalidOption(name: regex ? "rlike" : "like", value: pattern, reason: "not a valid pattern")
        }
        let xe = x.eval
        return BoundExpression(name: name, type: .boolean, nullable: x.nullable) { row in
            let v = xe(row)
            if v.isNull { return .null }
            let s = SparkCast.text(v)
            let range = NSRange(s.startIndex..., in: s)
            return .boolean(re.firstMatch(in: s, options: [], range: range) != nil)
        }
    }

    /// SQL LIKE (`%`, `_`, `\` escapes) as an anchored regular expression.
    static func likeRegex(_ pattern: String) -> String {
        var out = "^"
        var escaped = false
        for ch in pattern {
            if escaped {
                out += NSRegularExpression.escapedPattern(for: String(ch))
                escaped = false
                continue
            }
            switch ch {
            case "\\": escaped = true
            case "%": out += ".*"
            case "_": out += "."
            default: out += NSRegularExpression.escapedPattern(for: String(ch))
            }
        }
        return out + "$"
    }
}
