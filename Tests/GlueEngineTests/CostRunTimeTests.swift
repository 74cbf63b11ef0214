import Testing
@testable import GlueEngine

/// The run-time model: deterministic, growing with the work, cheaper for Parquet.
@Suite struct CostRunTimeTests {
    let megabyte: Int64 = 1_000_000

    func capacity(_ workers: Int = 10, autoScaling: Bool = false) throws -> ResolvedCapacity {
        try JobCapacity(workerType: .g1x, numberOfWorkers: workers, autoScaling: autoScaling).validated()
    }

    @Test func startupDominatesSmallRuns() throws {
        let time = RunTimeModel.estimate(WorkProfile(bytesRead: [.csv: 1000], objectsRead: 1), on: try capacity())
        #expect(time.startupSeconds == 30)
        #expect(time.seconds < 31)
        #expect(time.taskSlots == 36)
        let legacy = try JobCapacity(glueVersion: .v1_0).validated()
        #expect(RunTimeModel.estimate(WorkProfile(), on: legacy).startupSeconds == 480)
    }

    @Test func monotonicInBytes() throws {
        let cap = try capacity()
        var last = 0.0
        for gigabytes in [0, 1, 2, 5, 10, 50] {
            let work = WorkProfile(bytesRead: [.csv: Int64(gigabytes) * 1000 * megabyte], objectsRead: 10)
            let seconds = RunTimeModel.estimate(work, on: cap).seconds
            #expect(seconds > last || gigabytes == 0)
            last = seconds
        }
    }

    @Test func monotonicInObjects() throws {
        let cap = try capacity()
        var last = 0.0
        for objects in [1, 10, 100, 1000, 10_000, 100_000] {
            let work = WorkProfile(bytesRead: [.json: 500 * megabyte], objectsRead: objects)
            let seconds = RunTimeModel.estimate(work, on: cap).seconds
            #expect(seconds > last)
            last = seconds
        }
    }

    @Test func reprocessingHistoryCostsMoreEveryHour() throws {
        // One 100 MB CSV file arrives each hour. Without bookmarks each run reads all of history.
        let cap = try capacity(2)
        var last = 0.0
        var first = 0.0
        for hour in 1...48 {
            let all = WorkProfile(bytesRead: [.csv: Int64(hour) * 100 * megabyte], objectsRead: hour,
                                  recordsProcessed: Int64(hour) * 1_000_000)
            let cost = CostModel.estimate(cap, work: all).standardUSD
            #expect(cost >= last)
            if hour == 1 { first = cost }
            last = cost
        }
        #expect(last > 3 * first)
        let incremental = WorkProfile(bytesRead: [.csv: 100 * megabyte], objectsRead: 1, recordsProcessed: 1_000_000)
        #expect(CostModel.estimate(cap, work: incremental).standardUSD < last)
    }

    @Test func parquetWithProjectionIsCheaperThanCSV() throws {
        // The same 10M rows: 2 GB of CSV, or Parquet reading 3 of 20 columns (compressed).
        let cap = try capacity()
        let csv = WorkProfile(bytesRead: [.csv: 2000 * megabyte], objectsRead: 20, recordsProcessed: 10_000_000)
        let parquet = WorkProfile(bytesRead: [.parquet: 90 * megabyte], objectsRead: 20, recordsProcessed: 10_000_000)
        let csvTime = RunTimeModel.estimate(csv, on: cap)
        let parquetTime = RunTimeModel.estimate(parquet, on: cap)
        #expect(parquetTime.seconds < csvTime.seconds)
        #expect(parquetTime.parallelSeconds * 4 < csvTime.parallelSeconds)
        // Even the same bytes scan faster as Parquet than as CSV.
        let sameBytes = WorkProfile(bytesRead: [.parquet: 2000 * megabyte], objectsRead: 20, recordsProcessed: 10_000_000)
        #expect(RunTimeModel.estimate(sameBytes, on: cap).seconds < csvTime.seconds)
    }

    @Test func moreWorkersFinishSooner() throws {
        let work = WorkProfile(bytesRead: [.csv: 20_000 * megabyte], objectsRead: 200)
        #expect(RunTimeModel.estimate(work, on: try capacity(20)).seconds
            < RunTimeModel.estimate(work, on: try capacity(5)).seconds)
    }

    @Test func autoScalingUsesWhatTheSplitsNeed() throws {
        let cap = try capacity(50, autoScaling: true)
        let small = RunTimeModel.estimate(WorkProfile(bytesRead: [.csv: 10 * megabyte], objectsRead: 1), on: cap)
        #expect(small.averageWorkersUsed == 2)
        let large = RunTimeModel.estimate(WorkProfile(bytesRead: [.csv: 100_000 * megabyte], objectsRead: 100), on: cap)
        #expect(large.averageWorkersUsed == 50)
        // A small job on auto scaling costs less than on 50 fixed workers.
        let work = WorkProfile(bytesRead: [.csv: 10 * megabyte], objectsRead: 1)
        #expect(CostModel.estimate(cap, work: work).standardUSD
            < CostModel.estimate(try capacity(50), work: work).standardUSD)
    }

    @Test func pythonShellIsOneSlowCore() throws {
        let shell = try JobCapacity(jobType: .pythonshell).validated()
        #expect(shell.taskSlots() == 0.25)
        // Small data: the shell's quick start wins. Large data: Spark's parallelism wins.
        let small = WorkProfile(bytesRead: [.csv: 10 * megabyte], objectsRead: 1)
        #expect(RunTimeModel.estimate(small, on: shell).startupSeconds == 15)
        #expect(RunTimeModel.estimate(small, on: shell).seconds < RunTimeModel.estimate(small, on: try capacity()).seconds)
        let large = WorkProfile(bytesRead: [.csv: 1000 * megabyte], objectsRead: 10)
        #expect(RunTimeModel.estimate(large, on: shell).seconds > RunTimeModel.estimate(large, on: try capacity()).seconds)
    }

    @Test func costNamesTheRunTimeAssumption() throws {
        let cost = CostModel.estimate(try capacity(), work: WorkProfile(bytesRead: [.csv: megabyte], objectsRead: 1))
        #expect(cost.billedSeconds == 60)
        #expect(cost.assumptions.last?.hasPrefix("Run time 30 s estimated by gluelab's teaching model") == true)
    }
}
