/// The settings of an FSRS-6 scheduler, with py-fsrs 6.3.1's defaults.
public struct FSRSParameters: Codable, Equatable, Sendable {
    /// The 21 model weights w0…w20 (`DEFAULT_PARAMETERS`; w20 is the decay).
    public var weights: [Double]
    /// The recall probability the intervals aim at (0.9).
    public var desiredRetention: Double
    /// Learning steps in microseconds (1 min, 10 min).
    public var learningSteps: [Int64]
    /// Relearning steps in microseconds (10 min).
    public var relearningSteps: [Int64]
    /// The longest interval, in days (36500).
    public var maximumInterval: Int
    /// Whether review intervals of 3 days or more get random fuzz (off by default here: py-fsrs
    /// turns it on, but gluelab replays must be reproducible; real study turns it on).
    public var enableFuzzing: Bool

    /// py-fsrs `DEFAULT_PARAMETERS` (FSRS-6).
    public static let defaultWeights: [Double] = [
        0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
        1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
    ]
    /// py-fsrs `LOWER_BOUNDS_PARAMETERS`.
    public static let lowerBounds: [Double] = [
        0.001, 0.001, 0.001, 0.001, 1.0, 0.001, 0.001, 0.001, 0.0, 0.0, 0.001,
        0.001, 0.001, 0.001, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 0.1,
    ]
    /// py-fsrs `UPPER_BOUNDS_PARAMETERS`.
    public static let upperBounds: [Double] = [
        100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5,
        5.0, 0.25, 0.9, 4.0, 1.0, 6.0, 2.0, 2.0, 0.8, 0.8,
    ]

    /// The defaults: py-fsrs's `Scheduler()` with fuzzing off.
    public init() {
        weights = Self.defaultWeights
        desiredRetention = 0.9
        learningSteps = [60_000_000, 600_000_000]
        relearningSteps = [600_000_000]
        maximumInterval = 36500
        enableFuzzing = false
    }

    /// Checked settings. Throws, as py-fsrs's `ValueError`, naming every weight out of its bounds;
    /// also refuses what py-fsrs lets through and then fails on: a retention outside (0, 1),
    /// steps that are not positive, a maximum interval below 1 day.
    public init(weights: [Double] = Self.defaultWeights, desiredRetention: Double = 0.9,
                learningSteps: [Int64] = [60_000_000, 600_000_000], relearningSteps: [Int64] = [600_000_000],
                maximumInterval: Int = 36500, enableFuzzing: Bool = false) throws {
        guard weights.count == Self.lowerBounds.count else {
            throw WorkbenchError.badValue(option: "parameters", value: "\(weights.count) values",
                                          reason: "expected \(Self.lowerBounds.count) parameters")
        }
        let bad = weights.indices.filter { !(Self.lowerBounds[$0] <= weights[$0] && weights[$0] <= Self.upperBounds[$0]) }
        if !bad.isEmpty {
            let list = bad.map { "parameters[\($0)] = \(weights[$0]) not in [\(Self.lowerBounds[$0]), \(Self.upperBounds[$0])]" }
            throw WorkbenchError.badValue(option: "parameters", value: bad.map { "w\($0)" }.joined(separator: ","),
                                          reason: "out of bounds: " + list.joined(separator: "; "))
        }
        guard desiredRetention > 0, desiredRetention < 1 else {
            throw WorkbenchError.badValue(option: "desired retention", value: "\(desiredRetention)", reason: "expected a value between 0 and 1")
        }
        if let s = (learningSteps + relearningSteps).first(where: { $0 <= 0 }) {
            throw WorkbenchError.badValue(option: "steps", value: "\(s)us", reason: "steps must be positive")
        }
        guard maximumInterval >= 1 else {
            throw WorkbenchError.badValue(option: "maximum interval", value: "\(maximumInterval)", reason: "expected at least 1 day")
        }
        self.weights = weights
        self.desiredRetention = desiredRetention
        self.learningSteps = learningSteps
        self.relearningSteps = relearningSteps
        self.maximumInterval = maximumInterval
        self.enableFuzzing = enableFuzzing
    }
}
