import Foundation
import GlueEngine
import GlueScript

/// Puts a lab's sandbox in its start state and applies reference-solution actions, all through
/// the engine APIs. The learner's editable scripts live in the workspace folder
/// `$GLUELAB_HOME/labs/<id>/`; job definitions point at them.
///
/// Question scenarios reuse it: a scenario is a start state (`LabStart`) plus, per answer
/// option, actions and checks, played in a sandbox and workspace of their own.
public struct LabStartState {
    /// The lab's (or scenario's) id.
    public let id: String
    /// Scripts (paths relative to `folder`) copied to the workspace.
    public let scripts: [String]
    public let start: LabStart
    /// The lab's folder (lab.yaml, scripts, data); files of the start state are relative to it.
    public let folder: URL
    public let home: URL
    /// The sandbox: `lab-<id>` for a lab.
    public let sandboxName: String
    /// Where the learner edits the scripts: `$GLUELAB_HOME/labs/<id>/` for a lab.
    public let workspace: URL

    public init(lab: LabDefinition, folder: URL, home: URL) {
        self.init(id: lab.id, scripts: lab.scripts ?? [], start: lab.start, folder: folder, home: home,
                  sandboxName: "lab-\(lab.id)",
                  workspace: home.appendingPathComponent("labs", isDirectory: true).appendingPathComponent(lab.id, isDirectory: true))
    }

    /// A start state with its own sandbox and workspace (a question scenario's, for one option).
    public init(id: String, scripts: [String], start: LabStart, folder: URL, home: URL, sandboxName: String, workspace: URL) {
        self.id = id
        self.scripts = scripts
        self.start = start
        self.folder = folder
        self.home = home
        self.sandboxName = sandboxName
        self.workspace = workspace
    }
    /// The workspace path of a script (by file name).
    public func scriptPath(_ name: String) -> URL { workspace.appendingPathComponent(name) }

    /// Opens the lab's sandbox.
    public func open() throws -> Sandbox { try Sandbox.open(home: home, name: sandboxName) }

    /// Deletes the sandbox and the workspace, then builds the start state afresh.
    /// - Returns: the workspace paths of the scripts to edit.
    @discardableResult
    public func apply() throws -> [String] {
        let fm = FileManager.default
        let root = home.appendingPathComponent("sandboxes").appendingPathComponent(sandboxName)
        if fm.fileExists(atPath: root.path) { try fm.removeItem(at: root) }
        if fm.fileExists(atPath: workspace.path) { try fm.removeItem(at: workspace) }
        try fm.createDirectory(at: workspace, withIntermediateDirectories: true)
        var paths: [String] = []
        for script in scripts {
            let target = scriptPath((script as NSString).lastPathComponent)
            try fm.copyItem(at: folder.appendingPathComponent(script), to: target)
            paths.append(target.path)
        }
        let box = try open()
        try box.clock.freeze()
        for name in start.catalogDatabases ?? [] { _ = try DataCatalog(sandbox: box).createDatabase(CatalogDatabase(name: name)) }
        for sql in start.sql ?? [] { _ = try JDBCDatabases(sandbox: box).run(sql: sql.statements, database: sql.database) }
        for topic in start.topics ?? [] { _ = try TopicStore(sandbox: box).create(name: topic.name, partitions: topic.partitions ?? 1) }
        let jobs = JobStore(sandbox: box)
        for job in start.jobs ?? [] {
            _ = try jobs.create(JobDefinition(name: job.name, command: JobCommand(scriptLocation: scriptPath(job.script).path),
                                              defaultArguments: Dictionary(uniqueKeysWithValues: (job.defaultArguments ?? [:]).map { ("--\($0.key)", $0.value) })))
        }
        // Objects and runs in time order: a run sees only the objects older than it.
        var objects = (start.objects ?? []).sorted { micros($0.lastModified) < micros($1.lastModified) }
        for run in start.runs ?? [] {
            let at = run.at.map(micros) ?? micros(start.clock)
            while let first = objects.first, micros(first.lastModified) <= at { try put(first, in: box); objects.removeFirst() }
            try box.clock.set(at)
            try Self.runJob(run, in: box)
        }
        for o in objects { try put(o, in: box) }
        try box.clock.set(micros(start.clock))
        return paths
    }

    /// Applies one reference-solution action.
    public func apply(_ action: LabAction, in box: Sandbox) throws {
        if let e = action.editScript {
            let target = scriptPath(e.script)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: folder.appendingPathComponent(e.from), to: target)
        }
        if let d = action.advanceClock, let micros = Timestamps.parseDuration(d) { try box.clock.advance(by: micros) }
        if let p = action.putObject { try put(p, in: box) }
        if let r = action.run { try Self.runJob(r, in: box) }
    }

    func put(_ o: LabObject, in box: Sandbox) throws {
        let bytes = try Data(contentsOf: folder.appendingPathComponent(o.file))
        _ = try box.store.put(try S3URI(parsing: o.uri), bytes: bytes, lastModified: micros(o.lastModified))
    }

    func micros(_ text: String) -> Int64 { Timestamps.parseISO8601(text) ?? 0 }

    /// Runs a defined job as `gluelab job run` does, its output discarded. A failed run stays in
    /// the history (the story may need one); only a run that cannot start throws.
    static func runJob(_ r: LabRun, in box: Sandbox) throws {
        let tokens = (r.arguments ?? [:]).sorted { $0.key < $1.key }.flatMap { ["--\($0.key)", $0.value] }
        let request = try JobRunRequest.resolve(sandbox: box, jobName: r.job, runArguments: tokens)
        let runner = ScriptJobRunner(sandbox: box, jobName: r.job, arguments: request.arguments, capacity: request.capacity,
                                     definition: request.definition, scriptLocation: request.definition.command.scriptLocation, json: false)
        let (source, file) = try runner.loadScript()
        var args = request.arguments
        if args["TempDir"] == nil { args["TempDir"] = ScriptJobRunner.defaultTempDir }
        let run = try JobRun.start(sandbox: box, jobName: r.job, arguments: args, capacity: request.capacity, definition: request.definition)
        _ = try ScriptRunner.execute(source: source, file: file, in: run) { _ in }
    }
}
