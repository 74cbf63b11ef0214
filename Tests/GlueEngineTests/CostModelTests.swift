import Testing
@testable import GlueEngine

/// What runs cost: DPUs × billed seconds at the assumed prices, with the minimums.
@Suite struct CostModelTests {
    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-9) -> Bool { abs(a - b) <= tolerance }

    @Test func factSheetPricingExample() throws {
        // 6 DPU × 0.25 h × $0.44 = $0.66
        let capacity = try JobCapacity(workerType: .g2x, numberOfWorkers: 3).validated()
        let cost = CostModel.estimate(capacity, runSeconds: 900)
        #expect(cost.dpu == 6)
        #expect(cost.billedSeconds == 900)
        #expect(close(cost.dpuHours, 1.5))
        #expect(close(cost.standardUSD, 0.66))
        #expect(cost.description == "6 DPU × 900 s billed = 1.5 DPU-hours → $0.66 (STANDARD at $0.44/DPU-hour)")
    }

    @Test func oneMinuteMinimumOnGlue2Plus() throws {
        let capacity = try JobCapacity(workerType: .g1x, numberOfWorkers: 2).validated()
        let cost = CostModel.estimate(capacity, runSeconds: 20)
        #expect(cost.billedSeconds == 60)
        #expect(cost.minimumSeconds == 60)
        #expect(close(cost.standardUSD, 2 * 60 / 3600 * 0.44))
        #expect(cost.assumptions.contains { $0.contains("1-minute minimum") })
    }

    @Test func tenMinuteMinimumOnLegacy() throws {
        let capacity = try JobCapacity(glueVersion: .v0_9).validated()
        let cost = CostModel.estimate(capacity, runSeconds: 20)
        #expect(cost.billedSeconds == 600)
        #expect(cost.dpu == 10)
        #expect(cost.assumptions.contains { $0.contains("10-minute minimum") })
    }

    @Test func perSecondBillingRoundsUp() throws {
        let capacity = try JobCapacity(workerType: .g1x, numberOfWorkers: 2).validated()
        #expect(CostModel.estimate(capacity, runSeconds: 61.2).billedSeconds == 62)
    }

    @Test func flexVersusStandard() throws {
        let standard = try JobCapacity(workerType: .g1x, numberOfWorkers: 10).validated()
        let cost = CostModel.estimate(standard, runSeconds: 3600)
        #expect(close(cost.standardUSD, 4.40))
        #expect(close(cost.flexUSD ?? 0, 2.90))
        #expect(close(cost.chargedUSD, 4.40))
        #expect(cost.assumptions.contains { $0.contains("$0.44 per DPU-hour STANDARD, $0.29 per DPU-hour FLEX") })

        let flex = try JobCapacity(workerType: .g1x, numberOfWorkers: 10, executionClass: .flex).validated()
        let flexCost = CostModel.estimate(flex, runSeconds: 3600)
        #expect(close(flexCost.chargedUSD, 2.90))
        #expect(flexCost.description.hasSuffix("(FLEX at $0.29/DPU-hour)"))
    }

    @Test func noFlexPriceWhereFlexCannotRun() throws {
        let streaming = try JobCapacity(jobType: .gluestreaming, workerType: .g1x, numberOfWorkers: 2).validated()
        #expect(CostModel.estimate(streaming, runSeconds: 600).flexUSD == nil)
        let glue2 = try JobCapacity(glueVersion: .v2_0, workerType: .g1x, numberOfWorkers: 2).validated()
        #expect(CostModel.estimate(glue2, runSeconds: 600).flexUSD == nil)
        #expect(CostModel.estimate(glue2, runSeconds: 600).assumptions.contains { $0.contains("Flex cannot run this job") })
    }

    @Test func pythonShellSixteenthOfADPU() throws {
        let capacity = try JobCapacity(jobType: .pythonshell).validated()
        let cost = CostModel.estimate(capacity, runSeconds: 3600)
        #expect(cost.dpu == 0.0625)
        #expect(close(cost.standardUSD, 0.0275))
        #expect(cost.flexUSD == nil)
        // A Python shell job on Glue 1.0 still has the 1-minute minimum (not a Spark job).
        let old = try JobCapacity(jobType: .pythonshell, glueVersion: .v1_0).validated()
        #expect(CostModel.estimate(old, runSeconds: 5).billedSeconds == 60)
    }

    @Test func autoScalingBillsWorkersUsed() throws {
        let capacity = try JobCapacity(workerType: .g2x, numberOfWorkers: 20, autoScaling: true).validated()
        let cost = CostModel.estimate(capacity, runSeconds: 3600, averageWorkersUsed: 5)
        #expect(cost.dpu == 10)
        #expect(close(cost.standardUSD, 4.40))
        #expect(CostModel.estimate(capacity, runSeconds: 3600, averageWorkersUsed: 50).dpu == 40)
        #expect(CostModel.estimate(capacity, runSeconds: 3600, averageWorkersUsed: 0).dpu == 4)
        #expect(CostModel.estimate(capacity, runSeconds: 3600).dpu == 40)
        // Without auto scaling, every allocated worker is billed.
        let fixed = try JobCapacity(workerType: .g2x, numberOfWorkers: 20).validated()
        #expect(CostModel.estimate(fixed, runSeconds: 3600, averageWorkersUsed: 5).dpu == 40)
    }

    @Test func crawlerTenMinuteMinimum() {
        let cost = CostModel.crawler(runSeconds: 45)
        #expect(cost.billedSeconds == 600)
        #expect(close(cost.standardUSD, 2 * 600 / 3600 * 0.44))
        #expect(cost.flexUSD == nil)
        #expect(CostModel.crawler(runSeconds: 1200, dpu: 1).billedSeconds == 1200)
    }

    @Test func timeoutStopsTheBill() throws {
        let capacity = try JobCapacity(workerType: .g1x, numberOfWorkers: 2, timeoutMinutes: 10).validated()
        let cost = CostModel.estimate(capacity, runSeconds: 7200)
        #expect(cost.timedOut)
        #expect(cost.billedSeconds == 600)
        #expect(cost.assumptions.contains { $0.contains("10-minute timeout") })
    }

    @Test func reportListsTheAssumptions() throws {
        let capacity = try JobCapacity(workerType: .g1x, numberOfWorkers: 2).validated()
        let report = CostModel.estimate(capacity, runSeconds: 20).report
        #expect(report == """
            2 DPU × 60 s billed = 0.0333 DPU-hours → $0.01 (STANDARD at $0.44/DPU-hour)
              - 2 × G.1X workers = 2 DPU, all billed for the whole run.
              - Billed per second with a 1-minute minimum per run (Glue 2.0+ Spark, Ray and Python shell).
              - Prices: $0.44 per DPU-hour STANDARD, $0.29 per DPU-hour FLEX (us-east-1 list prices as commonly cited; they vary by region).
            """)
    }

    @Test func smallAmountsAreNotShownAsFree() {
        #expect(Pricing.usd(0.66) == "$0.66")
        #expect(Pricing.usd(0.00122) == "$0.0012")
    }
}
