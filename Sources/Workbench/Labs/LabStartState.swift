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
        // Definitions are made at the story's first moment (before its earliest run).
        try box.clock.set(([micros(start.clock)] + (start.runs ?? []).compactMap { $0.at.map(micros) }).min() ?? micros(start.clock))
        for name in start.catalogDatabases ?? [] { _ = try DataCatalog(sandbox: box).createDatabase(CatalogDatabase(name: name)) }
        for table in start.catalogTables ?? [] { try LabEngine.createTable(table, in: box) }
        for sql in start.sql ?? [] { _ = try JDBCDatabases(sandbox: box).run(sql: sql.statements, database: sql.database) }
        for topic in start.topics ?? [] { _ = try TopicStore(sandbox: box).create(name: topic.name, partitions: topic.partitions ?? 1) }
        for crawler in start.crawlers ?? [] { try LabEngine.createCrawler(crawler, in: box) }
        for job in start.jobs ?? [] { try LabEngine.createJob(job, state: self, in: box) }
        // Objects, messages and runs in time order: a run sees only the objects and messages older than it.
        var objects = (start.objects ?? []).sorted { micros($0.lastModified) < micros($1.lastModified) }
        var messages = start.messages ?? []
        func messageTime(_ m: LabMessage) -> Int64 { m.timestamp.map(micros) ?? micros(start.clock) }
        for run in start.runs ?? [] {
            let at = run.at.map(micros) ?? micros(start.clock)
            while let first = objects.first, micros(first.lastModified) <= at { try put(first, in: box); objects.removeFirst() }
            while let first = messages.first, messageTime(first) <= at {
                try LabEngine.produce(first.topic ?? "", [first], defaultTime: messageTime(first), in: box)
                messages.removeFirst()
            }
            try box.clock.set(at)
            try LabEngine.runJob(run, in: box)
        }
        for o in objects { try put(o, in: box) }
        for m in messages { try LabEngine.produce(m.topic ?? "", [m], defaultTime: messageTime(m), in: box) }
        try box.clock.set(micros(start.clock))
        return paths
    }

    /// Applies one reference-solution action (an `expectError` action is not special here:
    /// ``LabActionPlayer`` checks that it fails).
    public func apply(_ action: LabAction, in box: Sandbox) throws {
        try LabEngine.apply(action, state: self, in: box)
    }

    func put(_ o: LabObject, in box: Sandbox) throws {
        let bytes = try Data(contentsOf: folder.appendingPathComponent(o.file))
        _ = try box.store.put(try S3URI(parsing: o.uri), bytes: bytes, lastModified: micros(o.lastModified))
    }

    func micros(_ text: String) -> Int64 { Timestamps.parseISO8601(text) ?? 0 }
}
