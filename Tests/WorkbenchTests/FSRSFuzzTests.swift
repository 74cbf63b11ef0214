import Foundation
import Testing
@testable import Workbench

@Suite struct FSRSFuzzTests {
    @Test func fuzzWindowsFollowPyFsrsRanges() {
        let s = FSRSScheduler()
        #expect(s.fuzzRange(3) == (2, 4), "δ = 1.075")
        #expect(s.fuzzRange(10) == (8, 12), "δ = 1 + 0.675 + 0.3")
        #expect(s.fuzzRange(100) == (93, 107), "δ = 1 + 0.675 + 1.3 + 4 = 6.975")
        #expect(s.fuzzedDays(2, random: 0.99) == 2, "under 2.5 days: no fuzz")
        #expect(s.fuzzedDays(100, random: 0) == 93 && s.fuzzedDays(100, random: 0.999_999) == 108,
                "random·(hi − lo + 1) + lo, rounded: the top can reach hi + 1 as in py-fsrs")
    }

    @Test func fuzzStaysInsideTheWindowAndTheMaximum() throws {
        let s = FSRSScheduler(parameters: try FSRSParameters(maximumInterval: 50))
        for days: Int64 in [3, 7, 20, 45, 50] {
            let (lo, hi) = s.fuzzRange(days)
            for i in 0..<200 {
                let f = s.fuzzedDays(days, random: Double(i) / 200)
                #expect(f >= Int64(lo) && f <= Int64(hi) + 1 && f <= 50)
            }
        }
    }

    @Test func seededFuzzIsReproducibleAndOnlyTouchesReviewIntervals() throws {
        let s = FSRSScheduler(parameters: try FSRSParameters(enableFuzzing: true))
        let plain = replay(Array(repeating: .good, count: 8))
        func fuzzed(_ seed: UInt64) -> [Int64] {
            var rng = FSRSSeededRandom(seed: seed)
            var card = FSRSCard(due: fsrsStart)
            var out: [Int64] = []
            for _ in 0..<8 {
                let r = s.review(card: card, rating: .good, at: card.due, using: &rng)
                card = r.card
                out.append(r.log.interval)
            }
            return out
        }
        #expect(fuzzed(7) == fuzzed(7))
        let a = fuzzed(7)
        #expect(a[0] == 10 * minute && a[1] == 2 * day, "learning steps and intervals < 2.5 days are never fuzzed")
        #expect(a.map { $0 % day == 0 || $0 < day }.allSatisfy { $0 })
        #expect((0..<20).contains { fuzzed(UInt64($0)) != plain.map(\.log.interval) }, "fuzz does move intervals")
    }
}
