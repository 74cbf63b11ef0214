import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab srs`: the spaced-repetition scheduler (FSRS-6, as py-fsrs 6.3.1) behind study reviews.
struct SRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srs",
        abstract: "The spaced-repetition scheduler (FSRS-6, as py-fsrs 6.3.1).",
        subcommands: [SRSSimulateCommand.self]
    )
}

/// `gluelab srs simulate`: replays ratings on one new card and shows the scheduler's state after
/// each review.
struct SRSSimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Replay a rating sequence on a new card and show what FSRS does after each review.",
        discussion: """
            Each review happens when the card is due, or at --days offsets from --start (days, \
            decimals allowed: 0.5 is 12 hours; 'due' reviews at the due time). Retrievability is \
            shown before the review; state, step, stability, difficulty, due and scheduledDays after. \
            Fuzzing is off unless --fuzz (--seed makes it reproducible).

            --json prints one JSON object per review, one per line (JSON Lines). --batch FILE \
            ('-' for standard input) replays many sequences, one JSON object per line: \
            {"id": "s1", "ratings": ["Good","Again"], "start": "2024-01-01T00:00:00Z", \
            "days": ["0", "1.25"], "desiredRetention": 0.9, "learningSteps": ["1m","10m"], \
            "relearningSteps": ["10m"], "maximumInterval": 36500}; every key but ratings is \
            optional (the options of the command line apply); the output is JSON Lines with the \
            sequence's id (or its line number, from 1) as "sequence" on every review.

              gluelab srs simulate --ratings Good,Good,Again,Good --start 2024-01-01
              gluelab srs simulate --ratings Again,Good,Good --days 0,0,1 --json
            """)

    @Option(help: "Ratings in order: Again, Hard, Good, Easy (or 1-4), comma-separated.") var ratings: String?
    @Option(help: "When the card is created and first due (ISO 8601; default: now, whole seconds).") var start: String?
    @Option(help: "Review times: day offsets from --start (decimals allowed) or 'due', one per rating.") var days: String?
    @Option(help: "Desired retention (default 0.9).") var desiredRetention: Double?
    @Option(help: "Learning steps, e.g. 1m,10m (default), or 'none'.") var learningSteps: String?
    @Option(help: "Relearning steps, e.g. 10m (default), or 'none'.") var relearningSteps: String?
    @Option(help: "Maximum interval in days (default 36500).") var maximumInterval: Int?
    @Flag(help: "Fuzz review intervals of 3 days or more, as real study does.") var fuzz = false
    @Option(help: "With --fuzz: a seed for reproducible fuzz.") var seed: UInt64?
    @Option(help: "Replay many sequences from a JSON Lines file ('-' for standard input).") var batch: String?
    @OptionGroup var output: JSONFlag

    func validate() throws {
        if batch == nil && ratings == nil { throw ValidationError("give --ratings (or --batch FILE)") }
        if batch != nil && (ratings != nil || days != nil) { throw ValidationError("--batch takes its ratings and days from the file") }
    }

    func run() throws {
        var rng = SRSRandom(seed: fuzz ? seed : 0)
        if let batch {
            try SRSBatch.run(path: batch, defaults: self, rng: &rng)
            return
        }
        let simulation = try FSRSSimulation(
            scheduler: FSRSScheduler(parameters: try parameters()),
            ratings: try Self.ratings(ratings ?? ""), start: try startTime(),
            times: try days.map(Self.times))
        let steps = try simulation.run(using: &rng)
        if output.json {
            for step in steps { Output.json(SRSRender.record(step, sequence: nil)) }
        } else {
            Output.line(SRSRender.table(steps))
        }
    }

    /// The scheduler settings: the given values (a batch line's), else the command line's, else the defaults.
    func parameters(desiredRetention dr: Double? = nil, learningSteps ls: [Int64]? = nil, relearningSteps rs: [Int64]? = nil,
                    maximumInterval mi: Int? = nil) throws -> FSRSParameters {
        let d = FSRSParameters()
        return try FSRSParameters(
            desiredRetention: dr ?? desiredRetention ?? d.desiredRetention,
            learningSteps: try ls ?? learningSteps.map { try Self.steps($0, option: "--learning-steps") } ?? d.learningSteps,
            relearningSteps: try rs ?? relearningSteps.map { try Self.steps($0, option: "--relearning-steps") } ?? d.relearningSteps,
            maximumInterval: mi ?? maximumInterval ?? d.maximumInterval,
            enableFuzzing: fuzz)
    }

    /// --start, or now (whole seconds).
    func startTime() throws -> Int64 {
        if let start { return try Parse.timestamp(start, option: "--start") }
        return Int64(Date().timeIntervalSince1970.rounded(.down)) * 1_000_000
    }

    static func ratings(_ text: String) throws -> [FSRSRating] {
        let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.isEmpty else { throw WorkbenchError.badValue(option: "--ratings", value: text, reason: "no ratings") }
        return try names.map { try rating($0) }
    }

    static func rating(_ name: String) throws -> FSRSRating {
        guard let r = FSRSRating(name: name) else {
            throw WorkbenchError.badValue(option: "--ratings", value: name, reason: "expected Again, Hard, Good or Easy")
        }
        return r
    }

    static func times(_ text: String) throws -> [FSRSSimulation.ReviewTime] {
        try text.split(separator: ",").map { try time($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// `due`, or a day offset with up to 8 decimals, exact to the microsecond (1e-8 day = 864 µs).
    static func time(_ text: String) throws -> FSRSSimulation.ReviewTime {
        if text.lowercased() == "due" { return .due }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], frac = parts.count > 1 ? parts[1] : ""
        guard !whole.isEmpty || !frac.isEmpty, whole.count <= 6, frac.count <= 8,
              whole.allSatisfy(\.isASCIIDigit), frac.allSatisfy(\.isASCIIDigit) else {
            throw WorkbenchError.badValue(option: "--days", value: text,
                                          reason: "expected days since --start (0, 1.5, up to 8 decimals) or 'due'")
        }
        let wholeDays = Int64(whole) ?? 0
        let fracUnits = Int64(frac.padding(toLength: 8, withPad: "0", startingAt: 0)) ?? 0  // 1e-8 day each
        return .offset(wholeDays * FSRSTime.day + fracUnits * 864)
    }

    static func steps(_ text: String, option: String) throws -> [Int64] {
        if text.isEmpty || text.lowercased() == "none" { return [] }
        return try text.split(separator: ",").map { try Parse.duration($0.trimmingCharacters(in: .whitespaces), option: option) }
    }
}

/// Fuzz randomness: seeded when asked, else the system's.
struct SRSRandom: RandomNumberGenerator {
    var seeded: FSRSSeededRandom?
    var system = SystemRandomNumberGenerator()

    init(seed: UInt64?) { seeded = seed.map(FSRSSeededRandom.init(seed:)) }

    mutating func next() -> UInt64 { seeded?.next() ?? system.next() }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
