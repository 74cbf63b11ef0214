/// Text forms of the engine's times: ISO 8601 instants and durations such as `1h30m`.
///
/// Times are `Int64` microseconds since 1970-01-01T00:00:00Z (as `Value.timestamp`). Parsing is
/// strict and done on bytes with the civil-date helpers of `ValueText.swift`, never
/// `DateFormatter`, so it behaves the same on every platform and in every locale.
public enum Timestamps {
    /// Parses an ISO 8601 instant into microseconds since the epoch, or `nil`.
    ///
    /// Accepted forms: `2024-01-01` (midnight UTC), `2024-01-01T10:00Z`, `2024-01-01T10:00:00Z`,
    /// `2024-01-01T10:00:00.123456Z` (1–9 fraction digits; digits past the microsecond are
    /// dropped), and offsets `+hh:mm`, `-hh:mm`, `+hhmm`, `+hh` instead of `Z`. A space may stand
    /// for `T`, and `t`/`z` may be lower case. A date-time with no zone is taken as UTC (the
    /// engine has no local time zone: a sandbox is the same wherever it runs).
    public static func parseISO8601(_ s: String) -> Int64? {
        var p = ByteScanner(s)
        guard let year = p.digits(4), p.take(UInt8(ascii: "-")),
              let month = p.digits(2), p.take(UInt8(ascii: "-")),
              let day = p.digits(2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        let days = Value.days(fromCivil: year, month, day)
        if p.atEnd { return days * 86_400_000_000 }
        guard p.take(UInt8(ascii: "T")) || p.take(UInt8(ascii: "t")) || p.take(UInt8(ascii: " ")) else { return nil }
        guard let hour = p.digits(2), p.take(UInt8(ascii: ":")), let minute = p.digits(2) else { return nil }
        var second: Int64 = 0
        var micros: Int64 = 0
        if p.take(UInt8(ascii: ":")) {
            guard let sec = p.digits(2) else { return nil }
            second = sec
            if p.take(UInt8(ascii: ".")) || p.take(UInt8(ascii: ",")) {
                var count = 0
                while let d = p.digit() {
                    if count < 6 { micros = micros * 10 + d }
                    count += 1
                }
                guard (1...9).contains(count) else { return nil }
                for _ in count..<max(count, 6) { micros *= 10 }
            }
        }
        guard hour < 24, minute < 60, second < 60 else { return nil }
        var offsetSeconds: Int64 = 0
        if p.take(UInt8(ascii: "Z")) || p.take(UInt8(ascii: "z")) {
            // UTC
        } else if let sign = p.sign() {
            guard let oh = p.digits(2), oh <= 18 else { return nil }
            var om: Int64 = 0
            if p.take(UInt8(ascii: ":")) {
                guard let m = p.digits(2) else { return nil }
                om = m
            } else if let m = p.digits(2) {
                om = m
            }
            guard om < 60 else { return nil }
            offsetSeconds = sign * (oh * 3600 + om * 60)
        }
        guard p.atEnd else { return nil }
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return seconds * 1_000_000 + micros
    }

    /// `micros` as ISO 8601 in UTC: `2024-01-31T10:00:00Z`, with fraction digits only when needed.
    public static func format(_ micros: Int64) -> String {
        Value.timestampText(micros)
    }

    /// Parses a duration into microseconds, or `nil`: one or more `<digits><unit>` parts with
    /// units `d`, `h`, `m`, `s`, `ms`, `us` (`90s`, `15m`, `1h30m`, `2d`, `500ms`). Negative,
    /// empty, unit-less and overflowing durations are refused.
    public static func parseDuration(_ s: String) -> Int64? {
        let bytes = Array(s.utf8)
        guard !bytes.isEmpty else { return nil }
        var total: Int64 = 0
        var i = 0
        while i < bytes.count {
            var n: Int64 = 0
            let start = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") {
                let (m, o1) = n.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(bytes[i] - UInt8(ascii: "0")))
                guard !o1, !o2 else { return nil }
                n = a
                i += 1
            }
            guard i > start else { return nil }
            let unitStart = i
            while i < bytes.count, bytes[i] >= UInt8(ascii: "a"), bytes[i] <= UInt8(ascii: "z") { i += 1 }
            let factor: Int64
            switch String(decoding: bytes[unitStart..<i], as: UTF8.self) {
            case "d": factor = 86_400_000_000
            case "h": factor = 3_600_000_000
            case "m": factor = 60_000_000
            case "s": factor = 1_000_000
            case "ms": factor = 1000
            case "us": factor = 1
            default: return nil
            }
            let (part, o1) = n.multipliedReportingOverflow(by: factor)
            let (sum, o2) = total.addingReportingOverflow(part)
            guard !o1, !o2 else { return nil }
            total = sum
        }
        return total
    }

    /// A duration as the shortest text `parseDuration` reads back: `1h30m`, `2d`, `500ms`, `0s`.
    /// Negative durations are prefixed with `-` (which `parseDuration` refuses).
    public static func formatDuration(_ micros: Int64) -> String {
        if micros == 0 { return "0s" }
        var rest = micros.magnitude
        var out = micros < 0 ? "-" : ""
        let units: [(String, UInt64)] = [("d", 86_400_000_000), ("h", 3_600_000_000), ("m", 60_000_000),
                                         ("s", 1_000_000), ("ms", 1000), ("us", 1)]
        for (name, size) in units where rest >= size {
            out += String(rest / size) + name
            rest %= size
        }
        return out
    }

    static func isLeap(_ y: Int64) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

/// A cursor over the UTF-8 bytes of a short string, for the parsers above.
private struct ByteScanner {
    let bytes: [UInt8]
    var i = 0

    init(_ s: String) { bytes = Array(s.utf8) }

    var atEnd: Bool { i == bytes.count }

    mutating func take(_ b: UInt8) -> Bool {
        guard i < bytes.count, bytes[i] == b else { return false }
        i += 1
        return true
    }

    mutating func digit() -> Int64? {
        guard i < bytes.count, bytes[i] >= UInt8(ascii: "0"), bytes[i] <= UInt8(ascii: "9") else { return nil }
        i += 1
        return Int64(bytes[i - 1] - UInt8(ascii: "0"))
    }

    /// Exactly `n` digits, or `nil` (and the cursor unmoved).
    mutating func digits(_ n: Int) -> Int64? {
        let start = i
        var v: Int64 = 0
        for _ in 0..<n {
            guard let d = digit() else { i = start; return nil }
            v = v * 10 + d
        }
        return v
    }

    mutating func sign() -> Int64? {
        if take(UInt8(ascii: "+")) { return 1 }
        if take(UInt8(ascii: "-")) { return -1 }
        return nil
    }
}
