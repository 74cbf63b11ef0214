import Foundation
@testable import GlueEngine

/// A sandbox with a stopped clock, and a way to run a small S3 job in one call.
struct RunFixture {
    let sandbox: Sandbox

    /// Runs `body` with a fresh sandbox whose clock is stopped at 2024-01-01T10:00:00Z.
    static func with(_ body: (RunFixture) throws -> Void) throws {
        try TempHome.with { home in
            let sandbox = try Sandbox.open(home: home, name: "jobs")
            try sandbox.clock.freeze()
            try sandbox.clock.set(storeTime("2024-01-01T10:00:00Z"))
            try body(RunFixture(sandbox: sandbox))
        }
    }

    /// Puts a JSON-lines object `s3://input/<key>` holding one record `{"name": key}`, modified at `time`
    /// (ISO) or now.
    @discardableResult
    func put(_ key: String, at time: String? = nil, bucket: String = "input") throws -> ObjectInfo {
        try sandbox.store.put(try storeURI("s3://\(bucket)/\(key)"), bytes: Array("{\"name\":\"\(key)\"}\n".utf8),
                              lastModified: time.map(storeTime))
    }

    /// Moves the clock forward by `minutes`.
    func pass(minutes: Int64) throws {
        try sandbox.clock.advance(by: minutes * 60_000_000)
    }

    /// What `run` returns: the record and the keys the source read.
    struct Outcome {
        var record: RunRecord
        var keys: [String]
        var run: JobRun
    }

    /// One run of job `job` reading `paths` as JSON with ctx `ctx`: `start`, `jobInit`, read,
    /// optionally `commit`, `finish`.
    @discardableResult
    func run(
        _ job: String = "nightly", option: BookmarkOption? = .enable, arguments extra: [String: String] = [:],
        ctx: String? = "source", paths: [String] = ["s3://input/data/"], options: [String: Value] = [:],
        commit: Bool = true, initJob: Bool = true, fail: Bool = false, definition: JobDefinition? = nil,
        write: String? = nil
    ) throws -> Outcome {
        var arguments = extra
        if let option { arguments["job-bookmark-option"] = option.rawValue }
        let run = try JobRun.start(sandbox: sandbox, jobName: job, arguments: arguments, capacity: JobCapacity(), definition: definition)
        var connection = options
        connection["paths"] = .array(paths.map { .string($0) })
        connection["recurse"] = .boolean(true)
        let frame: DynamicFrame
        do {
            if initJob { try run.jobInit() }
            frame = try run.readS3(ctx: ctx, connectionOptions: connection, format: "json", formatOptions: [:])
            if let write {
                try run.writeS3(frame: frame, ctx: "sink", connectionOptions: ["path": .string(write)], format: "json", formatOptions: [:])
            }
            if commit { try run.commit() }
        } catch {
            try run.finish(error: error)
            throw error
        }
        let record = try run.finish(error: fail ? EngineError.transform(name: "script", message: "boom") : nil)
        let keys = frame.records.compactMap { $0["name"].stringValue }.sorted()
        return Outcome(record: record, keys: keys, run: run)
    }

    var bookmarks: BookmarkStore { BookmarkStore(sandbox: sandbox) }
    var runs: RunStore { RunStore(sandbox: sandbox) }
    var jobs: JobStore { JobStore(sandbox: sandbox) }
}

/// The id of a process that has ended (for dead-run tests).
func deadProcessId() throws -> Int32 {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/bin/sh")
    p.arguments = ["-c", "exit 0"]
    try p.run()
    p.waitUntilExit()
    return p.processIdentifier
}
