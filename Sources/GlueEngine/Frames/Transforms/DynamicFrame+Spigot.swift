extension DynamicFrame {
    /// The seed of the generator behind `spigot`'s `prob` sampling, so that a sample is the
    /// same on every run (Glue's sampling is random; a teaching tool's must be repeatable).
    public static let spigotSeed: UInt64 = 42

    /// Glue's `spigot(path, options)` / `Spigot.apply(frame, path, options)`: hands a sample of
    /// the records to `sink` (which writes them under `path`, as JSON in Glue) and returns this
    /// frame unchanged.
    ///
    /// Options, as the Scala `spigot` documents them: `topk` — "the total number of records
    /// written out. The default is 100"; `prob` — "the probability (as a decimal) that an
    /// individual record is included. Default is 1". Together: each record, in order, is kept
    /// with probability `prob`, stopping once `topk` are kept. So with no options the sample is
    /// the first 100 records; `topk: N` alone gives the first N; `prob: p` alone gives about
    /// p of the records, at most 100. The draws come from a SplitMix64 generator seeded with
    /// `spigotSeed`: the same frame and options always give the same sample. Other option keys
    /// are ignored.
    ///
    /// Throws `invalidOption` for a `topk` that is not a whole number ≥ 0 or a `prob` outside
    /// 0...1; an error from `sink` is rethrown (wrapped in `EngineError.io` unless it already
    /// is an `EngineError`).
    public func spigot(path: String, options: [String: Value] = [:],
                       sink: ([DynamicRecord]) throws -> Void) throws(EngineError) -> DynamicFrame {
        var topk = 100
        if let v = options["topk"] {
            guard let n = v.integerValue ?? v.stringValue.flatMap({ Int64($0) }), n >= 0, n <= Int64(Int32.max) else {
                throw .invalidOption(name: "topk", value: v.plainText, reason: "must be a whole number of records, 0 or more")
            }
            topk = Int(n)
        }
        var prob = 1.0
        if let v = options["prob"] {
            guard let p = v.doubleValue ?? v.stringValue.flatMap({ Double($0) }), p >= 0, p <= 1 else {
                throw .invalidOption(name: "prob", value: v.plainText, reason: "must be a probability between 0 and 1")
            }
            prob = p
        }
        var sample: [DynamicRecord] = []
        var rng = SplitMix64(seed: Self.spigotSeed)
        outer: for batch in batches {
            for i in 0..<batch.count {
                if sample.count >= topk { break outer }
                if prob >= 1 || rng.nextUnitDouble() < prob { sample.append(batch.record(at: i)) }
            }
        }
        do {
            try sink(sample)
        } catch let e as EngineError {
            throw e
        } catch {
            throw .io(path: path, reason: "spigot could not write its sample: \(error)")
        }
        return self
    }
}

/// SplitMix64 (Steele, Lea & Flood): a tiny, fast, seedable generator. Deterministic across
/// platforms, which `SystemRandomNumberGenerator` is not.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1): the top 53 bits of the next value.
    mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
