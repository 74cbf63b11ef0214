/// `forEachBatch`'s `windowSize`: the processing-time trigger interval, in microseconds.
///
/// Glue passes `windowSize` to Spark as `trigger(processingTime=...)`, so it takes Spark's
/// interval text: `"100 seconds"`, `"1 minute"`, `"5 minutes 30 seconds"`, `"500 milliseconds"`,
/// optionally prefixed with `interval`; units `millisecond(s)`/`ms`, `second(s)`/`sec(s)`,
/// `minute(s)`/`min(s)`, `hour(s)`, `day(s)`, `week(s)`, any case. gluelab also takes its own
/// compact durations (`100s`, `1h30m`, see `Timestamps.parseDuration`). `"0 seconds"` is allowed,
/// as in Spark: a new micro-batch as soon as the previous one ends.
public enum StreamingWindow {
    /// Parses `text` into microseconds.
    /// - Throws: `EngineError.invalidOption` (name `windowSize`) for anything else.
    public static func parse(_ text: String) throws(EngineError) -> Int64 {
        if let compact = Timestamps.parseDuration(text) { return compact }
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.first == "interval" { words.removeFirst() }
        guard !words.isEmpty, words.count % 2 == 0 else { throw invalid(text) }
        var total: Int64 = 0
        for i in stride(from: 0, to: words.count, by: 2) {
            guard let n = Int64(words[i]), n >= 0, let unit = unitMicros(words[i + 1]) else { throw invalid(text) }
            let (part, o1) = n.multipliedReportingOverflow(by: unit)
            let (sum, o2) = total.addingReportingOverflow(part)
            guard !o1, !o2 else { throw invalid(text) }
            total = sum
        }
        return total
    }

    private static func unitMicros(_ unit: String) -> Int64? {
        switch unit {
        case "microsecond", "microseconds", "us": 1
        case "millisecond", "milliseconds", "ms": 1000
        case "second", "seconds", "sec", "secs", "s": 1_000_000
        case "minute", "minutes", "min", "mins", "m": 60_000_000
        case "hour", "hours", "h": 3_600_000_000
        case "day", "days", "d": 86_400_000_000
        case "week", "weeks": 604_800_000_000
        default: nil
        }
    }

    private static func invalid(_ text: String) -> EngineError {
        .invalidOption(name: "windowSize", value: text, reason: "expected an interval such as \"100 seconds\", \"5 minutes\" or 100s")
    }
}
