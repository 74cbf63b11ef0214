import Foundation
import Testing

@Suite struct CostCommandTests {
    @Test func pricesARunWithItsAssumptions() throws {
        let g = try GluelabProcess()
        let text = try g.ok(["cost", "--worker-type", "G.1X", "--number-of-workers", "6", "--duration", "15m"])
        #expect(text.hasPrefix("6 DPU × 900 s billed = 1.5 DPU-hours → $0.66 (STANDARD at $0.44/DPU-hour)\n"))
        #expect(text.contains("$0.29 per DPU-hour FLEX"))
        let json = try g.ok(["cost", "--worker-type", "G.1X", "--number-of-workers", "2", "--duration", "20s", "--json"])
        #expect(json.contains("\"billedSeconds\":60.0"), "the 1-minute minimum")
        #expect(json.contains("\"standardUSD\":0.0147") && json.contains("\"flexUSD\":0.0097"), "2 DPU × 60 s at $0.44 and $0.29")
    }

    @Test func refusesCapacityGlueRefuses() throws {
        let g = try GluelabProcess()
        let r = try g.run(["cost", "--job-type", "gluestreaming", "--worker-type", "G.1X", "--number-of-workers", "2",
                           "--execution-class", "FLEX", "--duration", "1h"])
        #expect(r.status != 0)
        #expect(r.stderr.hasPrefix("error: ") && r.stderr.contains("Flex runs only Spark ETL (glueetl) jobs"))
    }
}
