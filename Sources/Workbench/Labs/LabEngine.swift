import Foundation
import GlueEngine
import GlueScript

/// What lab start states and actions do, each through the engine API (and the option parsing)
/// the matching `gluelab` command uses, so an action does what its printed command does.
enum LabEngine {
    /// Applies one action's effect (``LabActionPlayer`` handles `expectError`).
    static func apply(_ action: LabAction, state: LabStartState, in box: Sandbox) throws {
        if let e = action.editScript {
            let target = state.scriptPath(e.script)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: state.folder.appendingPathComponent(e.from), to: target)
        }
        if let d = action.advanceClock { try box.clock.advance(by: try Parse.duration(d, option: "advanceClock")) }
        if let t = action.setClock {
            try box.clock.freeze()
            try box.clock.set(try Parse.timestamp(t, option: "setClock"))
        }
        if let p = action.putObject { try state.put(p, in: box) }
        if let d = action.deleteObjects {
            let targets = try box.store.list(try S3URI(parsing: d.prefix), recurse: true, exclusions: [])
            if targets.isEmpty { throw EngineError.notFound(what: "no objects under \(d.prefix)") }
            for info in targets { try box.store.delete(info.uri) }
        }
        if let r = action.run { try runJob(r, in: box) }
        if let s = action.sql { _ = try JDBCDatabases(sandbox: box).run(sql: s.statements, database: s.database) }
        if let p = action.produce { try produce(p.topic, p.messages, defaultTime: nil, in: box) }
        if let b = action.resetBookmark {
            _ = try BookmarkStore(sandbox: box).reset(jobName: b.job, runId: try b.runId.map { try runId($0, job: b.job, in: box) })
        }
        if let j = action.createJob { try createJob(j, state: state, in: box) }
        if let j = action.updateJob {
            let settings = try jobSettings(j, state: state)
            _ = try JobStore(sandbox: box).update(j.name) { try settings.apply(to: &$0) }
        }
        if let name = action.deleteJob { _ = try JobStore(sandbox: box).delete(name) }
        if let name = action.runCrawler { _ = try Crawler.run(sandbox: box, name: name) { _, _ in } }
    }

    /// A run id: `jr_...` as given, or `-1`, `-2`, ... counted from the job's newest run.
    static func runId(_ text: String, job: String, in box: Sandbox) throws -> String {
        guard let index = Int(text) else { return text }
        let runs = try RunStore(sandbox: box).list(jobName: job)
        guard index < 0, -index <= runs.count else {
            throw WorkbenchError.badValue(option: "runId", value: text, reason: "\(job) has \(runs.count) runs (-1 is the last)")
        }
        return runs[-index - 1].runId
    }

    /// The `gluelab job create/update` options for `job` (keys of DefaultArguments sorted).
    static func jobTokens(_ job: LabJob, scriptPath: String?) -> [String] {
        var t: [String] = []
        if let scriptPath { t += ["--script-location", scriptPath] }
        if let v = job.type { t += ["--command", v] }
        for (k, v) in (job.defaultArguments ?? [:]).sorted(by: { $0.key < $1.key }) { t += ["--default-argument", "\(k)=\(v)"] }
        if let v = job.glueVersion { t += ["--glue-version", v] }
        if let v = job.workerType { t += ["--worker-type", v] }
        if let v = job.numberOfWorkers { t += ["--number-of-workers", String(v)] }
        if let v = job.maxCapacity { t += ["--max-capacity", v == v.rounded() ? String(Int(v)) : String(v)] }
        if let v = job.executionClass { t += ["--execution-class", v] }
        if let v = job.maxConcurrentRuns { t += ["--max-concurrent-runs", String(v)] }
        if let v = job.timeout { t += ["--timeout", String(v)] }
        return t
    }

    /// The job's settings parsed as `gluelab job create/update` parses its options.
    static func jobSettings(_ job: LabJob, state: LabStartState) throws -> JobSettingsOptions {
        let tokens = jobTokens(job, scriptPath: job.script.map { state.scriptPath($0).path })
        do {
            return try JobSettingsOptions.parse(tokens)
        } catch {
            throw WorkbenchError.badValue(option: "job", value: job.name, reason: JobSettingsOptions.message(for: error))
        }
    }

    static func createJob(_ job: LabJob, state: LabStartState, in box: Sandbox) throws {
        guard let script = job.script else {
            throw WorkbenchError.badValue(option: "script", value: job.name, reason: "a job needs a script")
        }
        var definition = JobDefinition(name: job.name, command: JobCommand(scriptLocation: state.scriptPath(script).path))
        try jobSettings(job, state: state).apply(to: &definition)
        _ = try JobStore(sandbox: box).create(definition)
    }

    /// `gluelab catalog create-table` options for a table.
    static func tableTokens(_ t: LabCatalogTable) -> [String] {
        ["--database", t.database, "--name", t.name, "--location", t.location, "--classification", t.format,
         "--columns", t.columns.joined(separator: ",")] + (t.partitionKeys.map { ["--partition-keys", $0.joined(separator: ",")] } ?? [])
    }

    static func createTable(_ t: LabCatalogTable, in box: Sandbox) throws {
        let options: CatalogTableOptions
        do { options = try CatalogTableOptions.parse(tableTokens(t)) } catch {
            throw WorkbenchError.badValue(option: "catalogTables", value: t.name, reason: CatalogTableOptions.message(for: error))
        }
        let catalog = DataCatalog(sandbox: box)
        if !(try catalog.databases().contains { $0.name == t.database.lowercased() }) {
            _ = try catalog.createDatabase(CatalogDatabase(name: t.database))
        }
        _ = try catalog.createTable(try options.newTable())
    }

    static func createCrawler(_ c: LabCrawler, in box: Sandbox) throws {
        typealias Create = CrawlerCommand.Create
        let crawler = CrawlerDefinition(
            name: c.name, databaseName: c.database, s3Targets: [.init(path: c.path)], tablePrefix: c.tablePrefix,
            updateBehavior: try c.updateBehavior.map { try Create.parse($0, CrawlerDefinition.UpdateBehavior.self, "updateBehavior") } ?? .updateInDatabase,
            deleteBehavior: try c.deleteBehavior.map { try Create.parse($0, CrawlerDefinition.DeleteBehavior.self, "deleteBehavior") } ?? .deprecateInDatabase)
        _ = try CrawlerStore(sandbox: box).create(crawler)
    }

    /// Produces `messages` to `topic` one by one, each at its timestamp (else `defaultTime`, else the clock).
    static func produce(_ topic: String, _ messages: [LabMessage], defaultTime: Int64?, in box: Sandbox) throws {
        for m in messages {
            let time = try m.timestamp.map { try Parse.timestamp($0, option: "timestamp") } ?? defaultTime
            _ = try box.topics.produce(topic: m.topic ?? topic, messages: [(key: m.key.map { Array($0.utf8) }, value: Array(m.value.utf8))],
                                       timestamp: time)
        }
    }

    /// Runs a defined job as `gluelab job run` does, its output discarded. A failed run stays in
    /// the history (the story may need one); only a run that cannot start throws. With
    /// `interruptAfterBatches`, the run is stopped as Ctrl-C stops it once that many
    /// micro-batches have run.
    static func runJob(_ r: LabRun, in box: Sandbox) throws {
        let tokens = (r.arguments ?? [:]).sorted { $0.key < $1.key }.flatMap { ["--\($0.key)", $0.value] }
        let request = try JobRunRequest.resolve(sandbox: box, jobName: r.job, runArguments: tokens)
        let runner = ScriptJobRunner(sandbox: box, jobName: r.job, arguments: request.arguments, capacity: request.capacity,
                                     definition: request.definition, scriptLocation: request.definition.command.scriptLocation, json: false)
        let (source, file) = try runner.loadScript()
        var args = request.arguments
        args["JOB_NAME"] = r.job
        if args["TempDir"] == nil { args["TempDir"] = ScriptJobRunner.defaultTempDir }
        let run = try JobRun.start(sandbox: box, jobName: r.job, arguments: args, capacity: request.capacity, definition: request.definition)
        let interruption = ScriptInterruption()
        if let limit = r.interruptAfterBatches {
            if limit <= 0 { interruption.request() }
            run.observeBatches { count in if count >= limit { interruption.request() } }
        }
        _ = try ScriptRunner.execute(source: source, file: file, in: run, interruption: interruption) { _ in }
    }
}
