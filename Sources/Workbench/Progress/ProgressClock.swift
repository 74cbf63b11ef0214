import Foundation
import GlueEngine

/// Where the progress store gets "now" and the learner's day from.
///
/// Real time by default (`Date()`); tests inject a fixed time. End-to-end tests may set
/// `GLUELAB_NOW` to an ISO 8601 instant (`2024-03-01T09:00:00Z`) to pin the time every
/// progress command sees; an unparsable value is ignored (real time is used).
///
/// **Study days** are calendar days in the learner's local time zone: the machine's
/// `TimeZone.current` (which honours `TZ`) *at the moment of the activity*. The day is worked
/// out when the activity is recorded and stored as it is, never recomputed, so travelling does
/// not rewrite history; "today" for the streak and the due counts is today in the current time
/// zone.
public struct ProgressClock: Sendable {
    /// The current time, microseconds since the epoch.
    public let now: @Sendable () -> Int64
    /// The learner's time zone.
    public let timeZone: TimeZone

    /// A clock with the given source of time and time zone.
    public init(timeZone: TimeZone = .current, now: @escaping @Sendable () -> Int64) {
        self.now = now
        self.timeZone = timeZone
    }

    /// A clock stopped at `micros` (tests).
    public static func fixed(_ micros: Int64, timeZone: TimeZone = TimeZone(identifier: "UTC")!) -> ProgressClock {
        ProgressClock(timeZone: timeZone) { micros }
    }

    /// Real time, or `GLUELAB_NOW` when set to an ISO 8601 instant; the current time zone.
    public static func system(environment: [String: String] = ProcessInfo.processInfo.environment) -> ProgressClock {
        if let text = environment["GLUELAB_NOW"], let pinned = Timestamps.parseISO8601(text) {
            return ProgressClock { pinned }
        }
        return ProgressClock { Int64((Date().timeIntervalSince1970 * 1_000_000).rounded()) }
    }

    /// The local calendar day of `micros` (days since 1970-01-01 in this clock's time zone).
    public func day(of micros: Int64) -> Int64 {
        let seconds = Self.floorDiv(micros, 1_000_000)
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))))
        return Self.floorDiv(seconds + offset, 86_400)
    }

    /// The first instant (microseconds) of local day `day`.
    public func start(ofDay day: Int64) -> Int64 {
        let guess = day * 86_400
        let offset = Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(guess))))
        var start = guess - offset
        // Near a change of offset the first guess can land on the neighbouring day.
        if self.day(of: start * 1_000_000) < day { start += 3600 }
        if self.day(of: (start - 1) * 1_000_000) == day { start -= 3600 }
        return start * 1_000_000
    }

    /// `2024-03-01` for a day number.
    public static func dayText(_ day: Int64) -> String {
        Value.dateText(Int32(clamping: day))
    }

    /// The day number of `2024-03-01`, or `nil`.
    public static func day(parsing text: String) -> Int64? {
        guard text.utf8.count == 10, let t = Timestamps.parseISO8601(text) else { return nil }
        return floorDiv(t, 86_400_000_000)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
