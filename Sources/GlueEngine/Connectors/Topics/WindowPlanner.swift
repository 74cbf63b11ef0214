/// Cuts the messages between two sets of offsets into micro-batches by processing-time window
/// (see `StreamingQuery` for the time model).
struct WindowPlanner {
    /// One planned micro-batch: per-partition offset ranges `from..<to`.
    struct Planned {
        /// The window's start (microseconds since the epoch); nil when `windowSize` is 0.
        var windowStart: Int64?
        var from: [TopicPartition: Int64]
        var to: [TopicPartition: Int64]
    }

    private(set) var batches: [Planned] = []
    /// Windows without messages between the first and the last batch's windows.
    private(set) var emptyWindows = 0

    init(topics: TopicStore, partitions: [TopicPartition], from: [TopicPartition: Int64], to: [TopicPartition: Int64],
         window: Int64, maxMessages: Int?) throws(EngineError) {
        var stamps: [[Int64]] = []
        for tp in partitions {
            let start = from[tp] ?? 0
            stamps.append(try topics.timestamps(tp, from: start, to: max(start, to[tp] ?? start)))
        }
        let base = partitions.map { from[$0] ?? 0 }
        var heads = [Int](repeating: 0, count: partitions.count)
        var previousWindow: Int64?
        while true {
            var earliest: Int64?
            for i in partitions.indices where heads[i] < stamps[i].count {
                earliest = min(earliest ?? .max, stamps[i][heads[i]])
            }
            guard let earliest else { break }
            let index = window > 0 ? Self.floorDiv(earliest, window) : 0
            let (product, overflow) = (index + 1).multipliedReportingOverflow(by: max(window, 1))
            let windowEnd = window > 0 && !overflow ? product : .max
            if let previous = previousWindow, index > previous + 1 {
                emptyWindows += Int(clamping: index - previous - 1)
            }
            previousWindow = index
            // Each partition's run of messages before the window's end.
            var limit = heads
            for i in partitions.indices {
                while limit[i] < stamps[i].count, stamps[i][limit[i]] < windowEnd { limit[i] += 1 }
            }
            var take = limit
            if let maxMessages {
                take = heads
                var n = 0
                while n < maxMessages {
                    var pick: Int?
                    for i in partitions.indices where take[i] < limit[i] {
                        if pick == nil || stamps[i][take[i]] < stamps[pick!][take[pick!]] { pick = i }
                    }
                    guard let p = pick else { break }
                    take[p] += 1
                    n += 1
                }
            }
            var planned = Planned(windowStart: window > 0 ? index &* window : nil, from: [:], to: [:])
            for (i, tp) in partitions.enumerated() {
                planned.from[tp] = base[i] + Int64(heads[i])
                planned.to[tp] = base[i] + Int64(take[i])
            }
            batches.append(planned)
            heads = take
        }
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}
