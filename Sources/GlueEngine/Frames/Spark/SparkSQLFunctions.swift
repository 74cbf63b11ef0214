import Foundation
import GRDB

/// An error raised inside a registered function; SQLite reports its text.
struct SparkSQLFunctionError: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// The Spark functions spark.sql runs as functions registered on its SQLite connection, with
/// Spark's (non-ANSI) semantics: a value that cannot be read yields null, not an error.
enum SparkSQLFunctions {
    /// The names registered (Spark names).
    static let names: Set<String> = [
        "spark_cast", "regexp", "regexp_replace", "regexp_extract", "year", "month", "dayofmonth", "hour", "minute", "second",
        "dayofweek", "dayofyear", "quarter", "to_date", "to_timestamp", "date_format", "date_add", "date_sub", "datediff",
        "spark_current_date", "spark_current_timestamp", "concat_ws", "lpad", "rpad", "initcap", "floor", "ceil", "sqrt", "pow", "exp",
        "ln", "log10", "signum", "greatest", "least", "first", "last", "stddev", "stddev_samp", "stddev_pop", "variance",
        "var_samp", "var_pop",
    ]

    /// Registers every function on `db`; `now` is `current_date()` / `current_timestamp()`.
    static func register(on db: Database, now: Int64) {
        func scalar(_ name: String, _ n: Int?, _ f: @escaping @Sendable ([DatabaseValue]) throws -> (any DatabaseValueConvertible)?) {
            db.add(function: DatabaseFunction(name, argumentCount: n, pure: true) { args in
                // Spark's functions return null for a null argument (concat_ws, greatest and least skip nulls).
                if !["concat_ws", "greatest", "least"].contains(name), args.contains(where: \.isNull) { return nil }
                return try f(args)
            })
        }
        scalar("spark_cast", 2) { a in try cast(a[0], to: text(a[1]) ?? "string") }
        scalar("regexp", 2) { a in try regex(text(a[0]) ?? "").firstMatch(in: text(a[1]) ?? "", range: nsRange(text(a[1]) ?? "")) != nil }
        scalar("regexp_replace", 3) { a in
            let s = text(a[0]) ?? ""
            return try regex(text(a[1]) ?? "").stringByReplacingMatches(in: s, range: nsRange(s), withTemplate: text(a[2]) ?? "")
        }
        scalar("regexp_extract", 3) { a in
            let s = text(a[0]) ?? ""
            let group = Int(int(a[2]) ?? 1)
            guard let m = try regex(text(a[1]) ?? "").firstMatch(in: s, range: nsRange(s)), group < m.numberOfRanges,
                  let r = Range(m.range(at: group), in: s) else { return "" }
            return String(s[r])
        }
        let parts: [(String, @Sendable (Int64) -> Int64)] = [
            ("year", { civil($0).0 }), ("month", { civil($0).1 }), ("dayofmonth", { civil($0).2 }),
            ("hour", { SparkSQLDates.floorMod($0, 86_400_000_000) / 3_600_000_000 }),
            ("minute", { SparkSQLDates.floorMod($0, 86_400_000_000) / 60_000_000 % 60 }),
            ("second", { SparkSQLDates.floorMod($0, 86_400_000_000) / 1_000_000 % 60 }),
            ("dayofweek", { SparkSQLDates.floorMod(days($0) + 4, 7) + 1 }),  // 1 = Sunday
            ("dayofyear", { days($0) - Value.days(fromCivil: civil($0).0, 1, 1) + 1 }),
            ("quarter", { (civil($0).1 + 2) / 3 }),
        ]
        for (name, f) in parts {
            scalar(name, 1) { a in timestamp(a[0]).map(f) }
        }
        scalar("to_date", nil) { a in
            guard let t = a.count == 2 ? try SparkSQLDates.parse(text(a[0]) ?? "", text(a[1]) ?? "") : timestamp(a[0]) else { return nil }
            return SparkSQLDates.dateText(Int32(days(t)))
        }
        scalar("to_timestamp", nil) { a in
            guard let t = a.count == 2 ? try SparkSQLDates.parse(text(a[0]) ?? "", text(a[1]) ?? "") : timestamp(a[0]) else { return nil }
            return SparkSQLDates.timestampText(t)
        }
        scalar("date_format", 2) { a in try timestamp(a[0]).map { try SparkSQLDates.format($0, text(a[1]) ?? "") } }
        scalar("date_add", 2) { a in timestamp(a[0]).map { SparkSQLDates.dateText(Int32(days($0) + (int(a[1]) ?? 0))) } }
        scalar("date_sub", 2) { a in timestamp(a[0]).map { SparkSQLDates.dateText(Int32(days($0) - (int(a[1]) ?? 0))) } }
        scalar("datediff", 2) { a in
            guard let e = timestamp(a[0]), let s = timestamp(a[1]) else { return nil }
            return days(e) - days(s)
        }
        scalar("spark_current_date", 0) { _ in SparkSQLDates.dateText(Int32(days(now))) }
        scalar("spark_current_timestamp", 0) { _ in SparkSQLDates.timestampText(now) }
        scalar("concat_ws", nil) { a in
            guard let sep = a.first, !sep.isNull else { return nil }
            return a.dropFirst().filter { !$0.isNull }.map { text($0) ?? "" }.joined(separator: text(sep) ?? "")
        }
        scalar("lpad", 3) { a in pad(a, left: true) }
        scalar("rpad", 3) { a in pad(a, left: false) }
        scalar("initcap", 1) { a in (text(a[0]) ?? "").split(separator: " ", omittingEmptySubsequences: false)
            .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " ") }
        scalar("floor", 1) { a in number(a[0]).map { Int64(Foundation.floor($0)) } }
        scalar("ceil", 1) { a in number(a[0]).map { Int64(Foundation.ceil($0)) } }
        scalar("sqrt", 1) { a in number(a[0]).map { Foundation.sqrt($0) } }
        scalar("pow", 2) { a in number(a[0]).flatMap { x in number(a[1]).map { Foundation.pow(x, $0) } } }
        scalar("exp", 1) { a in number(a[0]).map { Foundation.exp($0) } }
        scalar("ln", 1) { a in number(a[0]).flatMap { $0 > 0 ? Foundation.log($0) : nil } }
        scalar("log10", 1) { a in number(a[0]).flatMap { $0 > 0 ? Foundation.log10($0) : nil } }
        scalar("signum", 1) { a in number(a[0]).map { $0 > 0 ? 1.0 : $0 < 0 ? -1.0 : 0.0 } }
        scalar("greatest", nil) { a in extreme(a, greatest: true) }
        scalar("least", nil) { a in extreme(a, greatest: false) }
        db.add(function: DatabaseFunction("first", argumentCount: 1, pure: true, aggregate: First.self))
        db.add(function: DatabaseFunction("last", argumentCount: 1, pure: true, aggregate: Last.self))
        for (name, sample, root) in [("stddev", true, true), ("stddev_samp", true, true), ("stddev_pop", false, true),
                                     ("variance", true, false), ("var_samp", true, false), ("var_pop", false, false)] {
            let kind: Spread.Type = switch (sample, root) {
            case (true, true): SampleStddev.self
            case (false, true): PopulationStddev.self
            case (true, false): SampleVariance.self
            case (false, false): PopulationVariance.self
            }
            db.add(function: DatabaseFunction(name, argumentCount: 1, pure: true, aggregate: kind))
        }
    }

    // MARK: - Value helpers

    static func text(_ v: DatabaseValue) -> String? {
        switch v.storage {
        case .null: nil
        case .int64(let i): String(i)
        case .double(let d): SparkSQLResult.doubleText(d)
        case .string(let s): s
        case .blob(let b): String(decoding: b, as: UTF8.self)
        }
    }

    static func number(_ v: DatabaseValue) -> Double? {
        switch v.storage {
        case .int64(let i): Double(i)
        case .double(let d): d
        case .string(let s): Double(s.trimmingCharacters(in: .whitespaces))
        default: nil
        }
    }

    static func timestamp(_ v: DatabaseValue) -> Int64? { text(v).flatMap(SparkSQLDates.parseTimestamp) }

    static func days(_ micros: Int64) -> Int64 { (micros - SparkSQLDates.floorMod(micros, 86_400_000_000)) / 86_400_000_000 }

    static func civil(_ micros: Int64) -> (Int64, Int64, Int64) { Value.civil(fromDays: days(micros)) }

    static func nsRange(_ s: String) -> NSRange { NSRange(s.startIndex..., in: s) }

    static func regex(_ pattern: String) throws -> NSRegularExpression {
        do { return try NSRegularExpression(pattern: pattern) } catch {
            throw SparkSQLFunctionError("invalid regular expression \(EngineError.quote(pattern))")
        }
    }

    static func pad(_ a: [DatabaseValue], left: Bool) -> String? {
        let s = Array(text(a[0]) ?? ""), p = Array(text(a[2]) ?? "")
        let n = Int(int(a[1]) ?? 0)
        if n <= s.count { return String(s.prefix(max(0, n))) }
        guard !p.isEmpty else { return String(s) }
        let fill = (0..<(n - s.count)).map { p[$0 % p.count] }
        return String(left ? fill + s : s + fill)
    }

    static func extreme(_ a: [DatabaseValue], greatest: Bool) -> DatabaseValue {
        func isText(_ v: DatabaseValue) -> Bool { if case .string = v.storage { true } else { false } }
        func less(_ x: DatabaseValue, _ y: DatabaseValue) -> Bool {
            if isText(x) || isText(y) { return (text(x) ?? "") < (text(y) ?? "") }
            return (number(x) ?? 0) < (number(y) ?? 0)
        }
        var best: DatabaseValue?
        for v in a where !v.isNull {
            guard let b = best else { best = v; continue }
            if greatest ? less(b, v) : less(v, b) { best = v }
        }
        return best ?? .null
    }

    static func int(_ v: DatabaseValue) -> Int64? {
        switch v.storage {
        case .int64(let i): i
        case .double(let d): d.isFinite ? Int64(d) : nil
        case .string(let s): Int64(s)
        default: nil
        }
    }

    /// Spark's cast (non-ANSI): a text that is not a number casts to null; a fractional number
    /// cast to an integral type is truncated; booleans read `true`/`false`/`1`/`0`...
    static func cast(_ v: DatabaseValue, to typeName: String) throws -> (any DatabaseValueConvertible)? {
        guard let type = DataType(parsing: typeName) else { throw SparkSQLFunctionError("unknown type \(typeName)") }
        switch type {
        case .string:
            return text(v)
        case .byte, .short, .int, .long:
            let n: Int64?
            switch v.storage {
            case .int64(let i): n = i
            case .double(let d): n = d.isFinite && abs(d) < 9.2e18 ? Int64(d.rounded(.towardZero)) : nil
            case .string(let s):
                let t = s.trimmingCharacters(in: .whitespaces)
                n = Int64(t) ?? Double(t).flatMap { $0.isFinite && abs($0) < 9.2e18 ? Int64($0.rounded(.towardZero)) : nil }
            default: n = nil
            }
            guard let n else { return nil }
            let range: ClosedRange<Int64> = switch type {
            case .byte: -128...127
            case .short: -32768...32767
            case .int: Int64(Int32.min)...Int64(Int32.max)
            default: Int64.min...Int64.max
            }
            return range.contains(n) ? n : nil
        case .float, .double:
            return number(v)
        case .decimal(let p, let s):
            guard let d = number(v), let dec = DecimalValue(d, precision: p, scale: s) else { return nil }
            return dec.doubleValue
        case .boolean:
            switch v.storage {
            case .int64(let i): return i != 0
            case .double(let d): return d != 0
            case .string(let s):
                switch s.trimmingCharacters(in: .whitespaces).lowercased() {
                case "true", "t", "yes", "y", "1": return true
                case "false", "f", "no", "n", "0": return false
                default: return nil
                }
            default: return nil
            }
        case .date:
            return text(v).flatMap(SparkSQLDates.parseDate).map(SparkSQLDates.dateText)
        case .timestamp:
            return text(v).flatMap(SparkSQLDates.parseTimestamp).map(SparkSQLDates.timestampText)
        default:
            throw SparkSQLFunctionError("cannot cast to \(typeName)")
        }
    }
}

/// `first(x)`: the first value of the group (null included, as Spark's default).
struct First: DatabaseAggregate {
    var value: DatabaseValue?
    mutating func step(_ dbValues: [DatabaseValue]) { if value == nil { value = dbValues[0] } }
    func finalize() -> (any DatabaseValueConvertible)? { value }
}

/// `last(x)`: the last value of the group.
struct Last: DatabaseAggregate {
    var value: DatabaseValue?
    mutating func step(_ dbValues: [DatabaseValue]) { value = dbValues[0] }
    func finalize() -> (any DatabaseValueConvertible)? { value }
}

/// Variance and standard deviation (Welford's algorithm); null for too few values.
protocol Spread: DatabaseAggregate {
    var n: Double { get set }
    var mean: Double { get set }
    var m2: Double { get set }
    static var sample: Bool { get }
    static var root: Bool { get }
}

extension Spread {
    mutating func step(_ dbValues: [DatabaseValue]) {
        guard let x = SparkSQLFunctions.number(dbValues[0]) else { return }
        n += 1
        let delta = x - mean
        mean += delta / n
        m2 += delta * (x - mean)
    }

    func finalize() -> (any DatabaseValueConvertible)? {
        let d = Self.sample ? n - 1 : n
        guard d > 0 else { return nil }
        return Self.root ? (m2 / d).squareRoot() : m2 / d
    }
}

struct SampleStddev: Spread { var n = 0.0, mean = 0.0, m2 = 0.0; static let sample = true, root = true }
struct PopulationStddev: Spread { var n = 0.0, mean = 0.0, m2 = 0.0; static let sample = false, root = true }
struct SampleVariance: Spread { var n = 0.0, mean = 0.0, m2 = 0.0; static let sample = true, root = false }
struct PopulationVariance: Spread { var n = 0.0, mean = 0.0, m2 = 0.0; static let sample = false, root = false }
