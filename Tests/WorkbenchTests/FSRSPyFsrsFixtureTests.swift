import Foundation
import Testing
@testable import Workbench

/// Sequences replayed by py-fsrs 6.3.1 (written by `scripts/fsrs/check.py --write-fixture`), replayed
/// again here without Python: random ratings, review times and scheduler settings.
@Suite struct FSRSPyFsrsFixtureTests {
    @Test func matchesPyFsrsOnRecordedSequences() throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/pyfsrs", withExtension: "jsonl"))
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 30)
        let defaults = try SRSSimulateCommand.parse(["--batch", "-"])
        var reviews = 0
        for (n, line) in lines.enumerated() {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let expected = try #require(object["expected"] as? [[String: Any]])
            let (simulation, _) = try SRSBatch.sequence(object, line: n + 1, defaults: defaults, at: "pyfsrs.jsonl")
            var rng = FSRSSeededRandom(seed: 0)
            let steps = try simulation.run(using: &rng)
            #expect(steps.count == expected.count)
            for (step, want) in zip(steps, expected) {
                let got = SRSRender.record(step, sequence: nil)
                let label = "\(object["id"]!) review \(step.review)"
                #expect(got["state"].plainText == want["state"] as? String, "\(label)")
                #expect(step.card.step == want["step"] as? Int, "\(label)")
                #expect(got["due"].plainText == want["due"] as? String, "\(label)")
                #expect(got["reviewedAt"].plainText == want["reviewedAt"] as? String, "\(label)")
                #expect(step.log.scheduledDays == (want["scheduledDays"] as? NSNumber)?.int64Value, "\(label)")
                #expect(step.log.elapsedDays == (want["elapsedDays"] as? NSNumber)?.int64Value, "\(label)")
                for (value, key) in [(step.card.stability!, "stability"), (step.card.difficulty!, "difficulty"),
                                     (step.log.retrievability, "retrievability")] {
                    let w = try #require((want[key] as? NSNumber)?.doubleValue)
                    #expect(abs(value - w) <= 1e-6, "\(label) \(key)")
                }
                reviews += 1
            }
        }
        #expect(reviews > 300)
    }
}
