/// Types one CSV value by its content and appends it to a column, straight from its bytes.
///
/// Glue's DynamicFrame CSV reader types every value on its own, so one column can hold values
/// of several types and then becomes a `choice` (the AWS medicaid sample: a column of numbers
/// with two text values reads as `choice` of `long` and `string`). The rules, in order:
///
/// - **empty** (nothing between two separators) → null. A quoted empty value (`""`) is an empty
///   *string*, not null, as in Spark 2.4+; this keeps null and `""` apart through a CSV write
///   and read.
/// - **integral**: an optional `+`/`-` and ASCII digits only, fitting in 64 bits → `long`.
///   gluelab's design: CSV integers are `long`, as in the AWS medicaid sample (JSON differs).
///   Leading zeros are allowed (`007` is 7). Integers too big for 64 bits stay `string`,
///   so an id like `12345678901234567890` is never silently rounded.
/// - **decimal or scientific**: `[+-]digits[.digits][(e|E)[+-]digits]` with at least one digit
///   before the exponent (`.5` and `5.` are accepted) → `double` (`NaN`, `Infinity` and hex
///   floats are strings; so is a value that overflows to infinity).
/// - **boolean**: `true` / `false` in any case → `boolean`.
/// - anything else → `string` (no trimming: ` 12` is the string " 12").
///
/// Quoting does not change the type: `"12"` is the long 12, as `12` is. Glue (like Spark's
/// inference) types by content, and writers quote inconsistently (Excel, Python's
/// `QUOTE_ALL`), so treating quoted values as text would make the same data infer differently
/// depending on who wrote the file. The one exception is the empty value above.
enum CSVValueParser {
    /// Appends the value in `p[0..<n]` to `column` with the type its text implies.
    @inline(__always)
    static func append(_ p: UnsafePointer<UInt8>, count n: Int, quoted: Bool, to column: inout CSVColumn) {
        if n == 0 {
            if quoted {
                column.appendString(p, 0)
            } else {
                column.appendNull()
            }
            return
        }
        let c0 = p[0]
        if c0 &- 0x30 < 10 || c0 == 0x2D || c0 == 0x2B || c0 == 0x2E {  // digit - + .
            switch parseLong(p, n) {
            case .value(let v):
                column.appendLong(v)
                return
            case .overflow:
                break
            case .notInteger:
                if let d = parseDouble(p, n) {
                    column.appendDouble(d)
                    return
                }
            }
        } else if let b = parseBool(p, n) {
            column.appendBool(b)
            return
        }
        column.appendString(p, n)
    }

    /// The outcome of reading a value as an integer.
    enum IntegerParse: Equatable {
        case value(Int64)
        /// Integral text that does not fit in 64 bits.
        case overflow
        case notInteger
    }

    /// `true` / `false` in any case.
    @inline(__always)
    static func parseBool(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool? {
        if n == 4, p[0] | 0x20 == 0x74, p[1] | 0x20 == 0x72, p[2] | 0x20 == 0x75, p[3] | 0x20 == 0x65 {
            return true
        }
        if n == 5, p[0] | 0x20 == 0x66, p[1] | 0x20 == 0x61, p[2] | 0x20 == 0x6C, p[3] | 0x20 == 0x73,
            p[4] | 0x20 == 0x65
        {
            return false
        }
        return nil
    }

    /// An optional sign and digits that fit in an `Int64`.
    @inline(__always)
    static func parseLong(_ p: UnsafePointer<UInt8>, _ n: Int) -> IntegerParse {
        var i = 0
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B {
            negative = p[0] == 0x2D
            i = 1
        }
        guard i < n else { return .notInteger }
        let digits = n - i
        // Accumulate as a negative number so that Int64.min parses.
        var v: Int64 = 0
        if digits <= 18 {
            while i < n {
                let d = p[i] &- 0x30
                guard d < 10 else { return .notInteger }
                v = v &* 10 &- Int64(d)
                i += 1
            }
        } else {
            var overflow = false
            while i < n {
                let d = p[i] &- 0x30
                guard d < 10 else { return .notInteger }
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.subtractingReportingOverflow(Int64(d))
                overflow = overflow || o1 || o2
                v = s
                i += 1
            }
            if overflow { return .overflow }
        }
        if negative { return .value(v) }
        return v == .min ? .overflow : .value(-v)
    }

    /// Exact powers of ten up to 10^22 (all representable in a `Double`).
    private static let powersOfTen: [Double] = (0...22).map { e in
        var x = 1.0
        for _ in 0..<e { x *= 10 }
        return x
    }

    /// A decimal or scientific number. Values with at most 19 significant digits and a small
    /// exponent are computed exactly from integers (Clinger's fast path); others go through the
    /// standard library's correctly rounded parser.
    static func parseDouble(_ p: UnsafePointer<UInt8>, _ n: Int) -> Double? {
        var i = 0
        var negative = false
        if p[0] == 0x2D || p[0] == 0x2B {
            negative = p[0] == 0x2D
            i = 1
        }
        var mantissa: UInt64 = 0
        var significant = 0  // digits accumulated into `mantissa`
        var dropped = 0  // integer digits beyond 19 (scale up) — forces the slow path
        var fractionDigits = 0
        var sawDigit = false
        while i < n, p[i] &- 0x30 < 10 {
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                if mantissa > 0 { significant += 1 }
            } else {
                dropped += 1
            }
            i += 1
        }
        if i < n, p[i] == 0x2E {
            i += 1
            while i < n, p[i] &- 0x30 < 10 {
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(p[i] &- 0x30)
                    if mantissa > 0 { significant += 1 }
                    fractionDigits += 1
                } else {
                    dropped += 1
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        var exponent = 0
        if i < n, p[i] | 0x20 == 0x65 {
            i += 1
            var expNegative = false
            if i < n, p[i] == 0x2D || p[i] == 0x2B {
                expNegative = p[i] == 0x2D
                i += 1
            }
            guard i < n else { return nil }
            while i < n, p[i] &- 0x30 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(p[i] &- 0x30) }
                i += 1
            }
            if expNegative { exponent = -exponent }
        }
        guard i == n else { return nil }
        let e10 = exponent - fractionDigits
        if dropped == 0, mantissa <= 1 << 53, e10 >= -22, e10 <= 22 {
            let m = Double(mantissa)
            let v = e10 >= 0 ? m * powersOfTen[e10] : m / powersOfTen[-e10]
            return negative ? -v : v
        }
        guard let v = Double(String(decoding: UnsafeBufferPointer(start: p, count: n), as: UTF8.self)), v.isFinite
        else { return nil }
        return v
    }
}
