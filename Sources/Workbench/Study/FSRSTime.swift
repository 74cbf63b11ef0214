/// Python's `datetime`/`timedelta`/`round` arithmetic on microseconds, so the scheduler floors and
/// rounds exactly where py-fsrs does.
enum FSRSTime {
    /// Microseconds in a day.
    static let day: Int64 = 86_400_000_000

    /// `(later - earlier).days`: whole days, floored (a negative difference floors toward the past,
    /// as `timedelta` normalises to non-negative seconds).
    static func wholeDays(from earlier: Int64, to later: Int64) -> Int64 {
        floorDays(later - earlier)
    }

    /// `timedelta(microseconds: micros).days`.
    static func floorDays(_ micros: Int64) -> Int64 {
        let q = micros / day
        return (micros % day != 0 && micros < 0) ? q - 1 : q
    }

    /// Python's `_divide_and_round(a, b)` (`b > 0`): `a / b` rounded to the nearest integer,
    /// halves to even, as `timedelta` multiplies and divides by floats.
    static func divideRoundHalfEven(_ a: Int64, _ b: Int64) -> Int64 {
        var q = a / b
        var r = a % b
        if r < 0 { q -= 1; r += b }
        let twice = 2 * r
        if twice > b || (twice == b && q % 2 != 0) { q += 1 }
        return q
    }

    /// Python's `round(x)` on a float: to the nearest integer, halves to even, clamped into
    /// `lower...upper` (Python's unbounded int is clamped afterwards anyway).
    static func round(_ x: Double, clampedTo lower: Int, _ upper: Int) -> Int {
        let r = x.rounded(.toNearestOrEven)
        if r.isNaN || r <= Double(lower) { return lower }
        if r >= Double(upper) { return upper }
        return Int(r)
    }
}
