import Foundation

/// Text parsing and formatting for `Value.cast(to:)`: numbers, booleans, dates and timestamps
/// read from UTF-8 bytes (so a string column can be cast without making a `String` per row),
/// and numbers written the way the JVM writes them.
enum CastText {
    // MARK: - Numbers

    /// An integer from the whole text (surrounding whitespace allowed): `-12`, `+7`, and — as
    /// Spark does — a decimal fraction that is truncated toward zero (`12.9` → 12). Exponents,
    /// other text and values outside `Int64` give nil.
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var end = b.count
        trim(b, &i, &end)
        guard i < end else { return nil }
        var negative = false
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var magnitude: UInt64 = 0
        var digits = 0
        while i < end, b[i] &- 48 < 10 {
            let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(UInt64(b[i] &- 48))
            guard !o1, !o2 else { return nil }
            magnitude = s
            digits += 1
            i += 1
        }
        if i < end, b[i] == UInt8(ascii: ".") {
            i += 1
            var fraction = 0
            while i < end, b[i] &- 48 < 10 { i += 1; fraction += 1 }
            guard digits + fraction > 0 else { return nil }
        } else {
            guard digits > 0 else { return nil }
        }
        guard i == end else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        guard magnitude <= UInt64(Int64.max) else { return nil }
        return Int64(magnitude)
    }

    /// A floating-point number from the whole text: `12.50`, `-1e3`, `.5`, `NaN`, `Infinity`,
    /// `-inf` (case-insensitive), surrounding whitespace allowed; anything else gives nil.
    static func double(_ b: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var end = b.count
        trim(b, &i, &end)
        guard i < end else { return nil }
        let start = i
        var negative = false
        if b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        if i < end, b[i] | 0x20 == UInt8(ascii: "i") || b[i] | 0x20 == UInt8(ascii: "n") {
            switch lowercased(b, i, end) {
            case "inf", "infinity": return negative ? -.infinity : .infinity
            case "nan": return .nan
            default: return nil
            }
        }
        // Validate the grammar and collect up to 19 significant digits for the exact fast path.
        var mantissa: UInt64 = 0
        var significant = 0
        var dropped = false
        var scale = 0
        var digits = 0
        while i < end, b[i] &- 48 < 10 {
            if significant < 19 {
                mantissa = mantissa * 10 + UInt64(b[i] &- 48)
                if mantissa > 0 { significant += 1 }
            } else {
                scale -= 1
                dropped = true
            }
            digits += 1
            i += 1
        }
        if i < end, b[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, b[i] &- 48 < 10 {
                if significant < 19 {
                    mantissa = mantissa * 10 + UInt64(b[i] &- 48)
                    if mantissa > 0 { significant += 1 }
                    scale += 1
                } else {
                    dropped = true
                }
                digits += 1
                i += 1
            }
        }
        guard digits > 0 else { return nil }
        var exponent = 0
        if i < end, b[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var expNegative = false
            if i < end, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") {
                expNegative = b[i] == UInt8(ascii: "-")
                i += 1
            }
            var expDigits = 0
            while i < end, b[i] &- 48 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(b[i] &- 48) }
                expDigits += 1
                i += 1
            }
            guard expDigits > 0 else { return nil }
            if expNegative { exponent = -exponent }
        }
        guard i == end else { return nil }
        // Exact when the digits and the power of ten are both exact doubles (one rounding).
        let power = exponent - scale
        if !dropped, significant <= 15, abs(power) <= 22 {
            let m = Double(mantissa)
            let v = power >= 0 ? m * exactPowers[power] : m / exactPowers[-power]
            return negative ? -v : v
        }
        return strtodSlice(b, start, end)
    }

    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    private static func strtodSlice(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        let n = end - start
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buf -> Double? in
            for k in 0..<n { buf[k] = CChar(bitPattern: b[start + k]) }
            buf[n] = 0
            guard let base = buf.baseAddress else { return nil }
            var endPointer: UnsafeMutablePointer<CChar>?
            let v = strtod(base, &endPointer)
            guard let endPointer, endPointer - base == n else { return nil }
            return v
        }
    }

    // MARK: - Booleans

    /// `true`/`false` and Spark's other spellings (`t`, `yes`, `y`, `1` / `f`, `no`, `n`, `0`),
    /// case-insensitive, surrounding whitespace allowed.
    static func boolean(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        var i = 0
        var end = b.count
        trim(b, &i, &end)
        switch lowercased(b, i, end) {
        case "true", "t", "yes", "y", "1": return true
        case "false", "f", "no", "n", "0": return false
        default: return nil
        }
    }

    // MARK: - Dates and timestamps

    /// A date `yyyy-MM-dd` (month and day may have one digit), or the date part of a timestamp
    /// text accepted by `timestamp(_:)`; days since the epoch.
    static func date(_ b: UnsafeBufferPointer<UInt8>) -> Int32? {
        var i = 0
        var end = b.count
        trim(b, &i, &end)
        guard let (days, next) = datePart(b, i, end) else { return nil }
        if next != end {
            guard timestamp(UnsafeBufferPointer(rebasing: b[i..<end])) != nil else { return nil }
        }
        return Int32(exactly: days)
    }

    /// A timestamp `yyyy-MM-dd[(T| )HH:mm[:ss[.fraction]]][Z|±HH[:MM]]`; microseconds since the
    /// epoch. A text without a zone is read as UTC (gluelab has no session time zone).
    static func timestamp(_ b: UnsafeBufferPointer<UInt8>) -> Int64? {
        var i = 0
        var end = b.count
        trim(b, &i, &end)
        guard let (days, next) = datePart(b, i, end) else { return nil }
        i = next
        var micros = days * 86_400_000_000
        guard i < end else { return micros }
        guard b[i] == UInt8(ascii: "T") || b[i] == UInt8(ascii: " ") else { return nil }
        i += 1
        guard let h = fixed(b, &i, end, 2), h < 24, i < end, b[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        guard let m = fixed(b, &i, end, 2), m < 60 else { return nil }
        var s: Int64 = 0
        var fraction: Int64 = 0
        if i < end, b[i] == UInt8(ascii: ":") {
            i += 1
            guard let sec = fixed(b, &i, end, 2), sec < 60 else { return nil }
            s = sec
            if i < end, b[i] == UInt8(ascii: ".") {
                i += 1
                var n = 0
                while i < end, b[i] &- 48 < 10 {
                    if n < 6 { fraction = fraction * 10 + Int64(b[i] &- 48) }
                    n += 1
                    i += 1
                }
                guard n > 0 else { return nil }
                for _ in min(n, 6)..<6 { fraction *= 10 }
            }
        }
        micros += ((h * 60 + m) * 60 + s) * 1_000_000 + fraction
        guard i < end else { return micros }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            return i + 1 == end ? micros : nil
        }
        guard b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") else { return nil }
        let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
        i += 1
        guard let oh = fixed(b, &i, end, 2), oh <= 18 else { return nil }
        var om: Int64 = 0
        if i < end {
            if b[i] == UInt8(ascii: ":") { i += 1 }
            guard let mm = fixed(b, &i, end, 2), mm < 60 else { return nil }
            om = mm
        }
        guard i == end else { return nil }
        return micros - sign * (oh * 60 + om) * 60_000_000
    }

    /// `yyyy-M[M]-d[d]` at `i`; the days since the epoch and the index after the date.
    private static func datePart(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int64, Int)? {
        var i = start
        guard let y = fixed(b, &i, end, 4), i < end, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let m = digits(b, &i, end, max: 2), (1...12).contains(m), i < end, b[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let d = digits(b, &i, end, max: 2), d >= 1, d <= daysInMonth(y, m) else { return nil }
        return (Value.days(fromCivil: y, m, d), i)
    }

    static func daysInMonth(_ y: Int64, _ m: Int64) -> Int64 {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func fixed(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ n: Int) -> Int64? {
        guard end - i >= n else { return nil }
        var v: Int64 = 0
        for k in i..<(i + n) {
            guard b[k] &- 48 < 10 else { return nil }
            v = v * 10 + Int64(b[k] &- 48)
        }
        i += n
        return v
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, max: Int) -> Int64? {
        var v: Int64 = 0
        var n = 0
        while i < end, n < max, b[i] &- 48 < 10 {
            v = v * 10 + Int64(b[i] &- 48)
            n += 1
            i += 1
        }
        return n > 0 ? v : nil
    }

    // MARK: - Helpers

    private static func trim(_ b: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: inout Int) {
        while i < end, isSpace(b[i]) { i += 1 }
        while end > i, isSpace(b[end - 1]) { end -= 1 }
    }

    private static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0B || c == 0x0C
    }

    /// The ASCII-lowercased text of a short slice (at most 8 bytes; longer gives "").
    private static func lowercased(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> String {
        guard end - i <= 8 else { return "" }
        return String(decoding: b[i..<end].map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Runs `body` over the UTF-8 bytes of `s` without copying native strings.
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let r = s.utf8.withContiguousStorageIfAvailable(body) { return r }
        return Array(s.utf8).withUnsafeBufferPointer(body)
    }

    // MARK: - Formatting

    /// A double as Java's `Double.toString` writes it (Glue runs on the JVM): shortest digits
    /// that read back to the same value; plain notation with at least one fraction digit for
    /// magnitudes in [0.001, 10^7) (`12.5`, `1.0`, `0.001`), otherwise `1.0E20`, `1.25E-5`;
    /// `NaN`, `Infinity`, `-Infinity`.
    static func javaText(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
        return javaText(shortest: "\(v)")
    }

    /// A float as Java's `Float.toString` writes it.
    static func javaText(_ v: Float) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v < 0 ? "-Infinity" : "Infinity" }
        return javaText(shortest: "\(v)")
    }

    /// Rewrites Swift's shortest round-trip text (`1e+20`, `1.25e-05`, `12.5`) in Java's layout.
    private static func javaText(shortest text: String) -> String {
        var s = Substring(text)
        var sign = ""
        if s.first == "-" { sign = "-"; s = s.dropFirst() }
        var exponent = 0
        if let e = s.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(s[s.index(after: e)...]) ?? 0
            s = s[..<e]
        }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        let intPart = String(parts[0])
        let fracPart = parts.count > 1 ? String(parts[1]) : ""
        // All digits with the decimal point after `point` of them.
        var digits = intPart + fracPart
        var point = intPart.count + exponent
        while digits.count > 1, digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.count > 1, digits.last == "0" { digits.removeLast() }
        if digits == "0" { return sign + "0.0" }
        // Magnitude in [10^(point-1), 10^point).
        if point >= -2 && point <= 7 {
            if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
            if digits.count <= point { return sign + digits + String(repeating: "0", count: point - digits.count) + ".0" }
            let cut = digits.index(digits.startIndex, offsetBy: point)
            return sign + digits[..<cut] + "." + digits[cut...]
        }
        let head = digits.prefix(1)
        let tail = digits.count > 1 ? String(digits.dropFirst()) : "0"
        return sign + head + "." + tail + "E" + String(point - 1)
    }
}
