import Foundation
import Testing
@testable import Workbench

@Suite struct FSRSSimulateCommandTests {
    @Test func dayOffsetsAreExactDecimalsOrDue() throws {
        #expect(try SRSSimulateCommand.time("0") == .offset(0))
        #expect(try SRSSimulateCommand.time("1.5") == .offset(day + day / 2))
        #expect(try SRSSimulateCommand.time(".25") == .offset(day / 4))
        #expect(try SRSSimulateCommand.time("0.00000001") == .offset(864))
        #expect(try SRSSimulateCommand.time("DUE") == .due)
        for bad in ["", "-1", "1.000000001", "1e3", "abc", "1.2.3"] {
            #expect(throws: WorkbenchError.self, "\(bad)") { try SRSSimulateCommand.time(bad) }
        }
    }

    @Test func ratingsAndStepsParse() throws {
        #expect(try SRSSimulateCommand.ratings("Good, again,4") == [.good, .again, .easy])
        #expect(throws: WorkbenchError.self) { try SRSSimulateCommand.ratings("Good,Meh") }
        #expect(try SRSSimulateCommand.steps("1m,10m", option: "x") == [minute, 10 * minute])
        #expect(try SRSSimulateCommand.steps("none", option: "x") == [])
    }

    @Test func aReviewBeforeThePreviousOneIsRefused() throws {
        let sim = try FSRSSimulation(scheduler: FSRSScheduler(), ratings: [.good, .good], start: 0, times: [.offset(day), .offset(0)])
        var rng = FSRSSeededRandom(seed: 1)
        #expect(throws: WorkbenchError.self) { try sim.run(using: &rng) }
        #expect(throws: WorkbenchError.self) {
            try FSRSSimulation(scheduler: FSRSScheduler(), ratings: [.good], start: 0, times: [.due, .due])
        }
    }

    @Test func tableIsAlignedWithOneRowPerReview() throws {
        let sim = try FSRSSimulation(scheduler: FSRSScheduler(), ratings: [.good, .good, .again], start: fsrsStart)
        var rng = FSRSSeededRandom(seed: 1)
        let lines = SRSRender.table(try sim.run(using: &rng)).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("#  rating  reviewed at"))
        #expect(lines[1] == "1  Good    2022-11-29T12:30:00Z        -    0.0000  Learning       1   2.306500    2.118104  2022-11-29T12:40:00Z       10m")
        #expect(lines.map(\.count).dropFirst().allSatisfy { $0 == lines[1].count }, "columns line up")
    }
}
