import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// A sandbox in a temporary home, with a clock stopped at 2024-01-01T10:00:00Z, for running job
/// scripts as job runs (what `gluelab run SCRIPT.py --JOB_NAME n ...` does). The home is removed
/// when the lab goes away.
final class ScriptLab {
    let home: URL
    let sandbox: Sandbox

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-scripts-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        sandbox = try Sandbox.open(home: home, name: "t")
        try sandbox.clock.freeze()
        try sandbox.clock.set(Self.time("2024-01-01T10:00:00Z"))
    }

    deinit { try? FileManager.default.removeItem(at: home) }

    /// An ISO instant the test knows to be valid, in µs.
    static func time(_ iso: String) -> Int64 { Timestamps.parseISO8601(iso)! }

    /// Puts an object with `text`, modified at `at` (µs) or now on the sandbox clock.
    @discardableResult
    func put(_ uri: String, _ text: String, at: Int64? = nil) throws -> ObjectInfo {
        try sandbox.store.put(try S3URI(parsing: uri), bytes: Array(text.utf8), lastModified: at)
    }

    /// Puts one JSON-lines order file `s3://raw/orders/<name>.json` holding orders `ids`.
    @discardableResult
    func order(_ name: String, ids: [Int], at: Int64? = nil, qty: Int = 1) throws -> ObjectInfo {
        let lines = ids.map { "{\"order_id\":\($0),\"country\":\"FR\",\"qty\":\(qty)}\n" }.joined()
        return try put("s3://raw/orders/\(name).json", lines, at: at)
    }

    /// Moves the clock forward.
    func pass(minutes: Int64) throws { try sandbox.clock.advance(by: minutes * 60_000_000) }

    /// The time now on the sandbox clock (µs).
    func now() throws -> Int64 { try sandbox.clock.now() }

    /// SQL in the sandbox's JDBC database `name` (a PostgreSQL URL `.../name` reaches it).
    @discardableResult
    func sql(_ text: String, database: String = "shop") throws -> [SQLStatementResult] {
        try JDBCDatabases(sandbox: sandbox).run(sql: text, database: database)
    }

    /// What one script run gave: the finished run's record, the script error, the printed lines.
    struct Result {
        var record: RunRecord
        var error: ScriptError?
        var output: [String]

        /// The object names (last path component) every source read, in read order.
        var read: [String] { record.sources.flatMap(\.objects).map { String($0.split(separator: "/").last ?? "") } }
        /// Records read by all sources.
        var recordsRead: Int { record.recordsRead }
        var status: RunStatus { record.status }
        var runId: String { record.runId }
        /// The bookmark entry the run left (nil when it never called `job.init()`).
        var bookmark: JobBookmarkEntry? { record.bookmarkAfter }
    }

    /// Runs `source` as a run of job `job`: `--JOB_NAME job`, the bookmark option (none: Glue's
    /// default, disable), `arguments` (names without `--`) and `--TempDir` as the CLI adds it.
    func run(_ source: String, file: String = "job.py", job: String = "nightly", option: BookmarkOption? = .enable,
             arguments: [String: String] = [:], definition: JobDefinition? = nil) throws -> Result {
        let run = try start(job: job, option: option, arguments: arguments, definition: definition)
        var lines: [String] = []
        let outcome = try ScriptRunner.execute(source: source, file: file, in: run) { lines.append($0) }
        return Result(record: outcome.record, error: outcome.error, output: lines)
    }

    /// Runs the fixture script `name` from `Tests/GlueScriptTests/Scripts/`.
    func runFixture(_ name: String, job: String = "nightly", option: BookmarkOption? = .enable,
                    arguments: [String: String] = [:], definition: JobDefinition? = nil) throws -> Result {
        try run(try fixture(name), file: name, job: job, option: option, arguments: arguments, definition: definition)
    }

    /// Starts a run (RUNNING) without running anything in it, with the arguments `run` would use.
    func start(job: String = "nightly", option: BookmarkOption? = .enable, arguments: [String: String] = [:],
               definition: JobDefinition? = nil) throws -> JobRun {
        var args = arguments
        args["JOB_NAME"] = job
        if args["TempDir"] == nil { args["TempDir"] = "s3://gluelab-assets/temporary" }
        if let option { args[BookmarkOption.argumentName] = option.rawValue }
        return try JobRun.start(sandbox: sandbox, jobName: job, arguments: args, capacity: definition?.capacity() ?? JobCapacity(),
                                definition: definition)
    }

    var bookmarks: BookmarkStore { BookmarkStore(sandbox: sandbox) }
    var jobs: JobStore { JobStore(sandbox: sandbox) }

    /// The keys under `prefix` (relative to it), sorted.
    func keys(_ prefix: String) throws -> [String] {
        let uri = try S3URI(parsing: prefix)
        return try sandbox.store.list(uri).map { String($0.key.dropFirst(uri.key.count)) }.sorted()
    }

    /// The records of every JSON-lines object under `prefix`, as compact JSON, sorted.
    func jsonRecords(_ prefix: String) throws -> [String] {
        try frame(prefix, format: .json).records.map { Value.structure($0).jsonText() }.sorted()
    }

    /// Reads every object under `prefix` back with `format`.
    func frame(_ prefix: String, format: DataFormat, options: [String: Value] = [:]) throws -> DynamicFrame {
        let objects = try sandbox.store.list(try S3URI(parsing: prefix))
        return try S3Source(store: sandbox.store).read(objects: objects, format: format, formatOptions: options, name: "check").0
    }
}

/// The bookmark-ready incremental job (`Scripts/incremental_orders.py`) with its standard
/// arguments: reads `input_path` as JSON under `transformation_ctx="orders"`, writes JSON to
/// `output_path`, commits.
let incremental = "incremental_orders.py"
let incrementalArgs = ["input_path": "s3://raw/orders/", "output_path": "s3://curated/orders/"]
