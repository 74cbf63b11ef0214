/// Dates and timestamps as spark.sql's SQLite tables hold them, and Spark's datetime patterns.
///
/// A date is stored as `yyyy-MM-dd` text and a timestamp as `yyyy-MM-dd HH:mm:ss[.ffffff]`
/// (UTC), so comparisons with `'2024-01-01'` literals order correctly as text, as Spark
/// compares a date column with a string literal.
enum SparkSQLDates {
    static func dateText(_ days: Int32) -> String { Value.dateText(days) }

    /// `yyyy-MM-dd HH:mm:ss[.ffffff]`, Spark's cast of a timestamp to string.
    static func timestampText(_ micros: Int64) -> String {
        var s = Value.timestampText(micros)
        s.removeLast()  // Z
        return s.replacingOccurrences(of: "T", with: " ")
    }

    /// Reads `yyyy-MM-dd`, or the date of a timestamp text (`yyyy-MM-dd[ T]...`), as Spark's
    /// cast of a string to date does (`yyyy-M-d` accepted).
    static func parseDate(_ text: String) -> Int32? {
        parseTimestamp(text).map { Int32(($0 - floorMod($0, 86_400_000_000)) / 86_400_000_000) }
    }

    /// Reads `yyyy-MM-dd`, `yyyy-MM-dd HH:mm[:ss[.f...]]` (or with `T`), with an optional `Z`
    /// or `±HH:mm` offset, as Spark's cast of a string to timestamp does (time zone UTC).
    static func parseTimestamp(_ text: String) -> Int64? {
        let b = Array(text.trimmingCharacters(in: .whitespaces).utf8)
        var i = 0
        func number(_ maxDigits: Int) -> Int64? {
            var v: Int64 = 0
            var n = 0
            while i < b.count, n < maxDigits, b[i] >= 0x30, b[i] <= 0x39 { v = v * 10 + Int64(b[i] - 0x30); i += 1; n += 1 }
            return n == 0 ? nil : v
        }
        func expect(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let y = number(4), expect(UInt8(ascii: "-")), let m = number(2), expect(UInt8(ascii: "-")), let d = number(2),
              (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        var micros = Value.days(fromCivil: y, m, d) * 86_400_000_000
        if i == b.count { return micros }
        guard b[i] == UInt8(ascii: " ") || b[i] == UInt8(ascii: "T") else { return nil }
        i += 1
        guard let h = number(2), expect(UInt8(ascii: ":")), let mi = number(2), h < 24, mi < 60 else { return nil }
        var sec: Int64 = 0
        var frac: Int64 = 0
        if expect(UInt8(ascii: ":")) {
            guard let s = number(2), s < 60 else { return nil }
            sec = s
            if expect(UInt8(ascii: ".")) {
                let start = i
                guard var f = number(9) else { return nil }
                var digits = i - start
                while digits > 6 { f /= 10; digits -= 1 }
                while digits < 6 { f *= 10; digits += 1 }
                frac = f
            }
        }
        micros += ((h * 60 + mi) * 60 + sec) * 1_000_000 + frac
        if i == b.count { return micros }
        if expect(UInt8(ascii: "Z")) { return i == b.count ? micros : nil }
        let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
        guard expect(UInt8(ascii: "+")) || expect(UInt8(ascii: "-")), let oh = number(2) else { return nil }
        _ = expect(UInt8(ascii: ":"))
        let om = number(2) ?? 0
        guard i == b.count else { return nil }
        return micros - sign * (oh * 60 + om) * 60_000_000
    }

    static func daysIn(month m: Int64, year y: Int64) -> Int64 {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { ((a % b) + b) % b }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]
    static let dayNames = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]

    /// One field of a Spark datetime pattern: a run of one letter, or literal text.
    enum PatternPart: Equatable {
        case field(Character, Int)
        case literal(String)
    }

    /// Splits a Spark datetime pattern (`yyyy-MM-dd HH:mm:ss`, `'T'` quoted text).
    /// - Throws: the letter that is not supported, as text for the SQL error.
    static func parts(_ pattern: String) throws -> [PatternPart] {
        var out: [PatternPart] = []
        let c = Array(pattern)
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == "'" {
                var j = i + 1
                var lit = ""
                while j < c.count && c[j] != "'" { lit.append(c[j]); j += 1 }
                out.append(.literal(lit.isEmpty ? "'" : lit))
                i = j + 1
            } else if ch.isLetter {
                var j = i
                while j < c.count && c[j] == ch { j += 1 }
                guard "yMdHhmsSaE".contains(ch) else {
                    throw SparkSQLFunctionError("date pattern letter '\(ch)' in \"\(pattern)\" is not supported by gluelab's spark.sql (y M d H h m s S a E are)")
                }
                out.append(.field(ch, j - i))
                i = j
            } else {
                out.append(.literal(String(ch)))
                i += 1
            }
        }
        return out
    }

    /// Formats `micros` with a Spark pattern, as `date_format` does.
    static func format(_ micros: Int64, _ pattern: String) throws -> String {
        let days = (micros - floorMod(micros, 86_400_000_000)) / 86_400_000_000
        let (y, m, d) = Value.civil(fromDays: days)
        let sod = floorMod(micros, 86_400_000_000)
        let h = sod / 3_600_000_000, mi = sod / 60_000_000 % 60, s = sod / 1_000_000 % 60, frac = sod % 1_000_000
        func pad(_ v: Int64, _ n: Int) -> String {
            let t = String(v)
            return String(repeating: "0", count: max(0, n - t.count)) + t
        }
        var out = ""
        for part in try parts(pattern) {
            switch part {
            case .literal(let l): out += l
            case .field(let ch, let n):
                switch ch {
                case "y": out += n == 2 ? pad(y % 100, 2) : pad(y, n)
                case "M": out += n >= 4 ? monthNames[Int(m) - 1] : n == 3 ? String(monthNames[Int(m) - 1].prefix(3)) : pad(m, n)
                case "d": out += pad(d, n)
                case "H": out += pad(h, n)
                case "h": out += pad(h % 12 == 0 ? 12 : h % 12, n)
                case "m": out += pad(mi, n)
                case "s": out += pad(s, n)
                case "S": out += String(pad(frac, 6).prefix(n))
                case "a": out += h < 12 ? "AM" : "PM"
                default:
                    let name = dayNames[Int(floorMod(days, 7))]
                    out += n >= 4 ? name : String(name.prefix(3))
                }
            }
        }
        return out
    }

    /// Parses `text` with a Spark pattern, as `to_date(s, fmt)` / `to_timestamp(s, fmt)` do;
    /// nil when it does not match (Spark's result is then null).
    static func parse(_ text: String, _ pattern: String) throws -> Int64? {
        let c = Array(text)
        var i = 0
        var y: Int64 = 1970, m: Int64 = 1, d: Int64 = 1, h: Int64 = 0, mi: Int64 = 0, s: Int64 = 0, frac: Int64 = 0
        var pm: Bool?
        let ps = try parts(pattern)
        for (k, part) in ps.enumerated() {
            switch part {
            case .literal(let l):
                for ch in l {
                    guard i < c.count, c[i] == ch else { return nil }
                    i += 1
                }
            case .field(let ch, let n):
                if ch == "a" {
                    guard i + 1 < c.count else { return nil }
                    let t = String(c[i...i + 1]).uppercased()
                    guard t == "AM" || t == "PM" else { return nil }
                    pm = t == "PM"
                    i += 2
                    continue
                }
                if (ch == "M" && n >= 3) || ch == "E" {
                    let names = ch == "M" ? monthNames : dayNames
                    guard let idx = names.firstIndex(where: { name in
                        let w = n >= 4 ? name : String(name.prefix(3))
                        return String(c[i...].prefix(w.count)).lowercased() == w.lowercased()
                    }) else { return nil }
                    i += n >= 4 ? names[idx].count : 3
                    if ch == "M" { m = Int64(idx + 1) }
                    continue
                }
                // A field followed by another field reads exactly n digits; otherwise up to 9.
                let nextIsField = k + 1 < ps.count && { if case .field = ps[k + 1] { return true } else { return false } }()
                let maxDigits = nextIsField || ch == "S" ? n : (ch == "y" && n == 4 ? 4 : max(n, 2))
                var v: Int64 = 0
                var digits = 0
                while i < c.count, digits < maxDigits, let dv = c[i].wholeNumberValue, c[i].isASCII {
                    v = v * 10 + Int64(dv); i += 1; digits += 1
                }
                guard digits > 0 else { return nil }
                switch ch {
                case "y": y = n == 2 ? 2000 + v : v
                case "M": m = v
                case "d": d = v
                case "H", "h": h = v
                case "m": mi = v
                case "s": s = v
                default:
                    var f = v
                    var dd = digits
                    while dd < 6 { f *= 10; dd += 1 }
                    while dd > 6 { f /= 10; dd -= 1 }
                    frac = f
                }
            }
        }
        guard i == c.count, (1...12).contains(m), d >= 1, d <= daysIn(month: m, year: y), h < 24, mi < 60, s < 60 else { return nil }
        if let pm { h = h % 12 + (pm ? 12 : 0) }
        return Value.days(fromCivil: y, m, d) * 86_400_000_000 + ((h * 60 + mi) * 60 + s) * 1_000_000 + frac
    }
}
