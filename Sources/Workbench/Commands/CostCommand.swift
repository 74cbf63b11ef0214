import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab cost`: what a Glue job run (or a crawl) would cost on AWS, with the capacity rules
/// Glue enforces and the assumptions behind every figure.
struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "What a job run or a crawl would cost on AWS Glue (standard and Flex).",
        discussion: """
            Capacity is checked as Glue checks it (Flex only for glueetl on Glue 3.0+, G.025X only \
            for streaming, Python shell takes --max-capacity 0.0625 or 1, ...).
              gluelab cost --worker-type G.1X --number-of-workers 10 --duration 15m
              gluelab cost --job-type pythonshell --max-capacity 0.0625 --duration 20s
              gluelab cost --crawler --duration 3m
            """)

    @Option(help: "glueetl, gluestreaming, pythonshell or glueray.") var jobType = "glueetl"
    @Option(help: "Glue version: 0.9, 1.0, 2.0, 3.0, 4.0, 5.0, 5.1, 6.0.") var glueVersion: String?
    @Option(help: "G.025X, G.1X, G.2X, G.4X, G.8X, G.12X, G.16X, Z.2X (or Standard on 0.9/1.0).") var workerType: String?
    @Option(help: "The number of workers (a maximum with --auto-scaling).") var numberOfWorkers: Int?
    @Option(help: "MaxCapacity in DPU (Python shell, or Glue 0.9/1.0 Spark).") var maxCapacity: Double?
    @Option(help: "STANDARD or FLEX.") var executionClass = "STANDARD"
    @Flag(help: "Auto scaling (Glue 3.0+ Spark): bill the workers in use.") var autoScaling = false
    @Option(help: "With --auto-scaling: the average number of workers in use.") var averageWorkers: Double?
    @Option(help: "How long the run takes: 90s, 15m, 1h30m.") var duration: String
    @Flag(help: "Price a crawler run instead of a job run.") var crawler = false
    @OptionGroup var output: JSONFlag

    /// Dollars rounded to a hundredth of a cent, so JSON shows 0.435, not 0.43499999999999994.
    static func cents(_ usd: Double) -> Double { (usd * 10_000).rounded() / 10_000 }

    func run() throws {
        let seconds = Double(try Parse.duration(duration, option: "--duration")) / 1_000_000
        let estimate: CostEstimate
        if crawler {
            estimate = CostModel.crawler(runSeconds: seconds)
        } else {
            let capacity = JobCapacity(
                jobType: try JobType(commandName: jobType),
                glueVersion: try glueVersion.map { try GlueVersion(name: $0) } ?? .default,
                workerType: try workerType.map { try WorkerType(name: $0) },
                numberOfWorkers: numberOfWorkers, maxCapacity: maxCapacity,
                executionClass: try ExecutionClass(name: executionClass), autoScaling: autoScaling)
            estimate = CostModel.estimate(try capacity.validated(), runSeconds: seconds, averageWorkersUsed: averageWorkers)
        }
        if output.json {
            var r = DynamicRecord([
                ("dpu", .double(estimate.dpu)), ("runSeconds", .double(estimate.runSeconds)),
                ("billedSeconds", .double(estimate.billedSeconds)), ("dpuHours", .double(estimate.dpuHours)),
                ("standardUSD", .double(Self.cents(estimate.standardUSD))),
            ])
            if let flex = estimate.flexUSD { r["flexUSD"] = .double(Self.cents(flex)) }
            r["assumptions"] = .array(estimate.assumptions.map { .string($0) })
            Output.json(r)
            return
        }
        Output.line(estimate.report)
        if let flex = estimate.flexUSD, estimate.executionClass == .standard {
            Output.line("  - The same run as FLEX: \(Pricing.usd(flex)).")
        }
    }
}
