import Foundation
import GlueEngine

@testable import GlueScript

/// A sandbox in a temporary home with a Data Catalog, where job scripts run as job runs.
final class CatalogScriptLab {
    let home: URL
    let sandbox: Sandbox
    var catalog: DataCatalog { DataCatalog(sandbox: sandbox) }

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-catalog-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        sandbox = try Sandbox.open(home: home, name: "lab")
        try sandbox.clock.freeze()
        try sandbox.clock.set(Timestamps.parseISO8601("2024-03-01T10:00:00Z")!)
    }

    deinit { try? FileManager.default.removeItem(at: home) }

    /// What one script run printed, its record and its error text.
    struct Outcome {
        var lines: [String]
        var record: RunRecord
        var error: String?
    }

    /// Runs `source` as job `job` with bookmarks enabled (unless `option` says otherwise).
    func run(_ source: String, job: String = "catalog-job", option: String = "job-bookmark-enable", file: String = "job.py") throws -> Outcome {
        let run = try JobRun.start(sandbox: sandbox, jobName: job,
                                   arguments: ["JOB_NAME": job, "job-bookmark-option": option], capacity: JobCapacity(), definition: nil)
        var lines: [String] = []
        let outcome = try ScriptRunner.execute(source: source, file: file, in: run) { lines.append($0) }
        return Outcome(lines: lines, record: outcome.record, error: outcome.error.map { String(describing: $0) })
    }

    /// Puts a JSON Lines object.
    func putJSON(_ uri: String, _ records: [String]) throws {
        _ = try sandbox.store.put(try S3URI(parsing: uri), bytes: Array((records.joined(separator: "\n") + "\n").utf8))
    }

    func pass(minutes: Int64) throws { try sandbox.clock.advance(by: minutes * 60_000_000) }

    /// The keys under `prefix`, relative to it.
    func keys(under prefix: String) throws -> [String] {
        let uri = try S3URI(parsing: prefix)
        return try sandbox.store.list(uri).map { String($0.key.dropFirst(uri.key.count)) }.sorted()
    }
}

/// The script lines every Glue job starts with.
let jobPrologue = """
    import sys
    from awsglue.transforms import *
    from awsglue.utils import getResolvedOptions
    from pyspark.context import SparkContext
    from awsglue.context import GlueContext
    from awsglue.job import Job
    args = getResolvedOptions(sys.argv, ["JOB_NAME"])
    glueContext = GlueContext(SparkContext())
    job = Job(glueContext)
    job.init(args["JOB_NAME"], args)

    """
