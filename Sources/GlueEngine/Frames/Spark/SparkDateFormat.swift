import Foundation

/// Spark's datetime patterns (Java `DateTimeFormatter` letters) for `date_format`, `to_date`
/// and `to_timestamp`: `yyyy`, `yy`, `MM`, `M`, `MMM`, `MMMM`, `dd`, `d`, `HH`, `H`, `hh`,
/// `h`, `mm`, `m`, `ss`, `s`, `S...` (fraction), `a`, `E`/`EEE`/`EEEE`, `D` (day of year),
/// `'literal'` and other characters as themselves. Times are UTC (the session time zone).
enum SparkDateFormat {
    enum Token: Equatable {
        case field(Character, Int)
        case literal(String)
    }

    static func tokens(_ pattern: String) -> [Token] {
        var out: [Token] = []
        let chars = Array(pattern)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                var j = i + 1
                var text = ""
                while j < chars.count {
                    if chars[j] == "'" {
                        if j + 1 < chars.count, chars[j + 1] == "'" { text.append("'"); j += 2; continue }
                        break
                    }
                    text.append(chars[j])
                    j += 1
                }
                out.append(.literal(i + 1 == j ? "'" : text))
                i = j + 1
            } else if c.isLetter, c.isASCII {
                var j = i
                while j < chars.count, chars[j] == c { j += 1 }
                out.append(.field(c, j - i))
                i = j
            } else {
                out.append(.literal(String(c)))
                i += 1
            }
        }
        return out
    }

    private static let months = ["January", "February", "March", "April", "May", "June", "July",
                                 "August", "September", "October", "November", "December"]
    private static let weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Formats `micros` (UTC) with `pattern`.
    static func format(_ micros: Int64, _ pattern: String) -> String {
        let (secs, frac) = micros.floorDivMod(1_000_000)
        let (days, sod) = secs.floorDivMod(86_400)
        let (y, m, d) = Value.civil(fromDays: days)
        let hour = sod / 3600, minute = sod % 3600 / 60, second = sod % 60
        var out = ""
        for t in tokens(pattern) {
            switch t {
            case .literal(let s): out += s
            case .field(let c, let n):
                switch c {
                case "y", "u": out += n == 2 ? pad(y % 100, 2) : pad(y, n)
                case "M", "L":
                    if n >= 4 { out += months[Int(m) - 1] } else if n == 3 { out += String(months[Int(m) - 1].prefix(3)) } else { out += pad(m, n) }
                case "d": out += pad(d, n)
                case "D": out += pad(days - Value.days(fromCivil: y, 1, 1) + 1, n)
                case "H": out += pad(hour, n)
                case "h": out += pad(hour % 12 == 0 ? 12 : hour % 12, n)
                case "k": out += pad(hour == 0 ? 24 : hour, n)
                case "m": out += pad(minute, n)
                case "s": out += pad(second, n)
                case "S": out += String(pad(frac, 6).prefix(n)) + String(repeating: "0", count: max(0, n - 6))
                case "a": out += hour < 12 ? "AM" : "PM"
                case "E":
                    let wd = Int((days % 7 + 7 + 3) % 7)  // 1970-01-01 was a Thursday
                    out += n >= 4 ? weekdays[wd] : String(weekdays[wd].prefix(3))
                case "X", "Z", "x": out += n >= 3 || c == "Z" ? (c == "X" ? "Z" : "+0000") : (c == "X" ? "Z" : "+00")
                case "z", "V", "O": out += "UTC"
                default: out += String(repeating: c, count: n)
                }
            }
        }
        return out
    }

    /// Parses `text` with `pattern` into microseconds (UTC); nil when it does not match.
    static func parse(_ text: String, _ pattern: String) -> Int64? {
        let s = Array(text.utf8)
        var i = 0
        var y: Int64 = 1970, m: Int64 = 1, d: Int64 = 1, h: Int64 = 0, mi: Int64 = 0, sec: Int64 = 0, frac: Int64 = 0
        var pm: Bool?
        let tokens = tokens(pattern)
        for (k, t) in tokens.enumerated() {
            switch t {
            case .literal(let lit):
                for b in lit.utf8 {
                    guard i < s.count, s[i] == b else { return nil }
                    i += 1
                }
            case .field(let c, let n):
                if c == "M" && n >= 3 || c == "a" || c == "E" {
                    var word = ""
                    while i < s.count, (s[i] | 0x20) >= 97, (s[i] | 0x20) <= 122 { word.append(Character(UnicodeScalar(s[i]))); i += 1 }
                    let w = word.lowercased()
                    if c == "a" { guard w == "am" || w == "pm" else { return nil }; pm = w == "pm"; continue }
                    if c == "E" { continue }
                    guard let idx = months.firstIndex(where: { n == 3 ? $0.prefix(3).lowercased() == w : $0.lowercased() == w }) else { return nil }
                    m = Int64(idx + 1)
                    continue
                }
                // A field followed directly by another field reads exactly n digits; otherwise up to 9.
                var nextIsField = false
                if k + 1 < tokens.count, case .field = tokens[k + 1] { nextIsField = true }
                let maxDigits = nextIsField || c == "S" ? n : (c == "y" && n == 4 ? 4 : 9)
                var v: Int64 = 0
                var count = 0
                while i < s.count, count < maxDigits, s[i] >= 48, s[i] <= 57 {
                    v = v * 10 + Int64(s[i] - 48)
                    i += 1
                    count += 1
                    if nextIsField && count == n { break }
                }
                guard count > 0, c == "S" || count >= min(n, 4) else { return nil }
                switch c {
                case "y", "u": y = n == 2 ? 2000 + v : v
                case "M": m = v
                case "d": d = v
                case "H", "k": h = v
                case "h": h = v % 12
                case "m": mi = v
                case "s": sec = v
                case "S":
                    var f = v
                    var digits = count
                    while digits < 6 { f *= 10; digits += 1 }
                    while digits > 6 { f /= 10; digits -= 1 }
                    frac = f
                default: return nil
                }
            }
        }
        guard i == s.count, (1...12).contains(m), d >= 1, d <= CastText.daysInMonth(y, m), h < 24, mi < 60, sec < 60 else { return nil }
        if pm == true { h += 12 }
        let days = Value.days(fromCivil: y, m, d)
        return ((days * 86_400 + h * 3600 + mi * 60 + sec) * 1_000_000) + frac
    }

    private static func pad(_ v: Int64, _ n: Int) -> String {
        let s = String(v.magnitude)
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, n - s.count)) + s
    }
}
