import Foundation

/// The FSRS-6 formulas, each written in py-fsrs's evaluation order so doubles match bit for bit.
extension FSRSScheduler {
    /// The weight `w[i]`.
    @inline(__always) func w(_ i: Int) -> Double { parameters.weights[i] }

    /// S₀(G) = w[G−1], at least 0.001.
    func initialStability(_ rating: FSRSRating) -> Double {
        max(w(rating.rawValue - 1), 0.001)
    }

    /// D₀(G) = w4 − e^(w5·(G−1)) + 1, unclamped (the mean-reversion target uses it unclamped).
    func initialDifficulty(_ rating: FSRSRating) -> Double {
        w(4) - pow(Self.e, w(5) * Double(rating.rawValue - 1)) + 1
    }

    /// Clamps a difficulty to 1…10.
    func clampDifficulty(_ d: Double) -> Double {
        min(max(d, 1.0), 10.0)
    }

    /// I(S) in whole days: (S/factor)·(r^(1/decay) − 1), rounded halves-to-even, within 1…maximum.
    func nextInterval(_ stability: Double) -> Int {
        let days = (stability / factor) * (pow(parameters.desiredRetention, 1 / decay) - 1)
        return FSRSTime.round(days, clampedTo: 1, parameters.maximumInterval)
    }

    /// Same-day stability: S · e^(w17·(G−3+w18)) · S^(−w19), the increase at least 1 for Good/Easy.
    func shortTermStability(_ stability: Double, _ rating: FSRSRating) -> Double {
        var increase = pow(Self.e, w(17) * (Double(rating.rawValue - 3) + w(18))) * pow(stability, -w(19))
        if rating == .good || rating == .easy { increase = max(increase, 1.0) }
        return max(stability * increase, 0.001)
    }

    /// D after a review: linear damping of −w6·(G−3), mean reversion to the unclamped D₀(Easy), clamp.
    func nextDifficulty(_ difficulty: Double, _ rating: FSRSRating) -> Double {
        let target = initialDifficulty(.easy)
        let delta = -(w(6) * Double(rating.rawValue - 3))
        let damped = difficulty + (10.0 - difficulty) * delta / 9.0
        return clampDifficulty(w(7) * target + (1 - w(7)) * damped)
    }

    /// Long-term S after a review (recall for Hard/Good/Easy, forgetting for Again), at least 0.001.
    func nextStability(difficulty d: Double, stability s: Double, retrievability r: Double, rating: FSRSRating) -> Double {
        let next: Double
        if rating == .again {
            let longTerm = w(11) * pow(d, -w(12)) * (pow(s + 1, w(13)) - 1) * pow(Self.e, (1 - r) * w(14))
            let shortTerm = s / pow(Self.e, w(17) * w(18))
            next = min(longTerm, shortTerm)
        } else {
            let hardPenalty = rating == .hard ? w(15) : 1
            let easyBonus = rating == .easy ? w(16) : 1
            next = s * (1 + pow(Self.e, w(8)) * (11 - d) * pow(s, -w(9)) * (pow(Self.e, (1 - r) * w(10)) - 1)
                * hardPenalty * easyBonus)
        }
        return max(next, 0.001)
    }

    /// py-fsrs `_get_fuzzed_interval` on whole days, with `random` in [0, 1) (Python's `random()`).
    /// Intervals under 2.5 days are left alone.
    func fuzzedDays(_ days: Int64, random: Double) -> Int64 {
        guard Double(days) >= 2.5 else { return days }
        let (lo, hi) = fuzzRange(days)
        let fuzzed = random * Double(hi - lo + 1) + Double(lo)
        return Int64(FSRSTime.round(fuzzed, clampedTo: Int.min / 2, parameters.maximumInterval))
    }

    /// The window fuzz draws from: ivl ± δ with δ = 1 + 0.15 over [2.5, 7) + 0.10 over [7, 20) + 0.05 above 20.
    func fuzzRange(_ days: Int64) -> (lo: Int, hi: Int) {
        let ranges: [(start: Double, end: Double, factor: Double)] = [(2.5, 7.0, 0.15), (7.0, 20.0, 0.1), (20.0, .infinity, 0.05)]
        var delta = 1.0
        for range in ranges {
            delta += range.factor * max(min(Double(days), range.end) - range.start, 0.0)
        }
        var lo = FSRSTime.round(Double(days) - delta, clampedTo: Int.min / 2, Int.max / 2)
        var hi = FSRSTime.round(Double(days) + delta, clampedTo: Int.min / 2, Int.max / 2)
        lo = max(2, lo)
        hi = min(hi, parameters.maximumInterval)
        lo = min(lo, hi)
        return (lo, hi)
    }
}
