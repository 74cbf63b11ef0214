import Foundation
import Testing

/// A `gluelab` process started in the background (output to files), to wait for or to kill.
final class LaunchedGluelab {
    let process: Process
    private let outURL: URL
    private let errURL: URL

    init(_ g: GluelabProcess, _ args: [String], environment extra: [String: String]) throws {
        let id = UUID().uuidString
        outURL = g.workDir.deletingLastPathComponent().appendingPathComponent("launch-\(id).out")
        errURL = g.workDir.deletingLastPathComponent().appendingPathComponent("launch-\(id).err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        process = Process()
        process.executableURL = GluelabProcess.binary
        process.arguments = args
        process.currentDirectoryURL = g.workDir
        var env = ProcessInfo.processInfo.environment
        env["GLUELAB_HOME"] = g.home.path
        env["NO_COLOR"] = "1"
        for (k, v) in extra { env[k] = v }
        process.environment = env
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    /// Sends SIGKILL if the process still runs.
    func kill() {
        if process.isRunning { _ = Foundation.kill(process.processIdentifier, SIGKILL) }
    }

    /// Waits for the end; the outcome and what the process printed.
    func wait() -> (killed: Bool, result: GluelabProcess.Result) {
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
        let out = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        let err = (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        return (killed, GluelabProcess.Result(status: process.terminationStatus, stdout: out, stderr: err))
    }
}

/// A JSON object printed by `--json`.
typealias JSONObject = [String: Any]

extension GluelabProcess {
    /// Starts `gluelab args...` in the background with extra environment variables.
    func launch(_ args: [String], environment: [String: String] = [:]) throws -> LaunchedGluelab {
        try LaunchedGluelab(self, args, environment: environment)
    }

    /// Runs to the end with extra environment variables.
    func run(_ args: [String], environment: [String: String]) throws -> (killed: Bool, result: Result) {
        try launch(args, environment: environment).wait()
    }

    /// `gluelab args... --json` (succeeding), one object per printed line.
    func jsonLines(_ args: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONObject] {
        let out = try ok(args + ["--json"], sourceLocation: sourceLocation)
        return try out.split(separator: "\n").map { try Self.object(String($0)) }
    }

    static func object(_ line: String) throws -> JSONObject {
        guard let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? JSONObject else {
            throw CocoaError(.propertyListReadCorrupt, userInfo: [NSDebugDescriptionErrorKey: "not a JSON object: \(line)"])
        }
        return o
    }

    /// `$GLUELAB_HOME/sandboxes/playground`.
    var sandboxRoot: URL { home.appendingPathComponent("sandboxes/playground") }

    /// The files under an `s3://bucket/prefix/` in the sandbox's folder, as `s3://` URIs.
    func filesOnDisk(under prefix: String) -> [String] {
        let folder = sandboxRoot.appendingPathComponent("s3/" + prefix.dropFirst("s3://".count))
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(relative).path, isDirectory: &isFolder), !isFolder.boolValue {
                found.append(prefix + relative)
            }
        }
        return found
    }

    /// Files left in the sandbox's `.staging` and `.publish` folders.
    func leftovers() -> [String] {
        [".staging", ".publish"].flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: sandboxRoot.appendingPathComponent(folder).path)) ?? [])
                .map { "\(folder)/\($0)" }
        }
    }
}

extension Dictionary where Key == String, Value == Any {
    func string(_ key: String) -> String? { self[key] as? String }
    func int(_ key: String) -> Int? { (self[key] as? NSNumber)?.intValue }
    func bool(_ key: String) -> Bool? { (self[key] as? NSNumber)?.boolValue }
    func objects(_ key: String) -> [JSONObject] { self[key] as? [JSONObject] ?? [] }
    func strings(_ key: String) -> [String] { self[key] as? [String] ?? [] }
}

/// The kill tests' job (`Golden/kill_orders.py`): S3 CSV under `s3://raw/orders/` (bookmarked,
/// ctx `orders`) → Parquet partitioned by country (`parquet_sink`) + JSON (`json_sink`).
/// Checks the crash-safety invariants of a sandbox after any number of runs, killed or not.
struct KillJob {
    static let sinks: [(ctx: String, prefix: String, format: String)] = [
        ("parquet_sink", "s3://lake/orders_parquet/", "parquet"),
        ("json_sink", "s3://lake/orders_json/", "json"),
    ]

    let g: GluelabProcess
    let script: String
    /// Rows per object already read back (objects never change once visible).
    private(set) var verifiedRows: [String: Int] = [:]

    init(_ g: GluelabProcess) throws {
        self.g = g
        script = try g.file("kill_orders.py", try GluelabProcess.golden("kill_orders.py"))
    }

    var runArguments: [String] { ["run", script, "--job-bookmark-option", "job-bookmark-enable"] }

    /// Puts CSV objects `s3://raw/orders/<name>` with the given rows (`id,country,amount`).
    func put(_ files: [(name: String, rows: [(Int, String)])]) throws {
        let folder = g.workDir.appendingPathComponent("input-\(UUID().uuidString)")
        for f in files {
            var text = "id,country,amount\n"
            for (id, country) in f.rows { text += "\(id),\(country),\(Double(id % 1000) / 4)\n" }
            try g.file("\(folder.lastPathComponent)/\(f.name)", text)
        }
        _ = try g.ok(["s3", "put", folder.path + "/", "s3://raw/orders/"])
    }

    /// Every run in full (`run-info`), newest first. `runs` runs first: it opens the sandbox,
    /// which recovers what dead processes left, and marks their runs FAILED.
    func runs() throws -> [JSONObject] {
        try g.jsonLines(["runs"]).map { try g.jsonLines(["run-info", $0.string("runId") ?? "?"])[0] }
    }

    /// `bookmark get kill_orders --json`.
    func bookmark() throws -> JSONObject {
        try g.jsonLines(["bookmark", "get", "kill_orders"])[0]
    }

    /// The input objects read by the runs that committed, each once (a second read by a
    /// committed run is an expectation failure: data read twice).
    func readByCommittedRuns(_ runs: [JSONObject], context: String) -> Set<String> {
        var read = Set<String>()
        for r in runs where r.bool("committed") == true {
            for s in r.objects("sources") {
                for o in s.strings("objects") {
                    #expect(read.insert(o).inserted, "\(context): \(o) read by two committed runs")
                }
            }
        }
        return read
    }

    /// The crash-safety invariants, after a kill or a run:
    /// - nothing is left in `.staging` or `.publish` once a command opened the sandbox;
    /// - no run is RUNNING; a FAILED run without an error of its own is a dead process;
    /// - the visible objects of each sink are exactly those the run records list as written,
    ///   each reads back complete (its rows add up to the sink's `recordsWritten`);
    /// - the bookmark is the one the newest committed run saved.
    mutating func checkInvariants(_ context: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [JSONObject] {
        let runs = try runs()
        #expect(g.leftovers().isEmpty, "\(context): left in the sandbox: \(g.leftovers())", sourceLocation: sourceLocation)
        for r in runs {
            #expect(r.string("status") != "RUNNING", "\(context): run still RUNNING", sourceLocation: sourceLocation)
        }
        for sink in Self.sinks {
            let listed = try g.jsonLines(["s3", "ls", sink.prefix, "-r"]).compactMap { $0.string("uri") }
            var recorded = Set<String>()
            for r in runs {
                for s in r.objects("sinks") where s.string("transformationContext") == sink.ctx {
                    let objects = s.strings("objects")
                    recorded.formUnion(objects)
                    var rows = 0
                    for o in objects { rows += try rowsOf(o, format: sink.format) }
                    #expect(rows == s.int("recordsWritten"), "\(context): \(sink.ctx) of \(r.string("runId") ?? "?") reads back \(rows) rows",
                            sourceLocation: sourceLocation)
                }
            }
            #expect(Set(g.filesOnDisk(under: sink.prefix)) == Set(listed), "\(context): files under \(sink.prefix) on disk are not the objects",
                    sourceLocation: sourceLocation)
            #expect(Set(listed) == recorded, "\(context): \(sink.prefix) shows \(Set(listed).subtracting(recorded)) not written by any run, misses \(recorded.subtracting(listed))",
                    sourceLocation: sourceLocation)
        }
        let bookmark = try bookmark()
        if let committed = runs.first(where: { $0.bool("committed") == true }) {
            #expect(bookmark.string("RunId") == committed.string("runId"), "\(context): bookmark of \(bookmark.string("RunId") ?? "-")",
                    sourceLocation: sourceLocation)
            #expect(Self.sameBookmark(bookmark, committed["bookmarkAfter"] as? JSONObject ?? [:]),
                    "\(context): bookmark \(bookmark) is not the one run \(committed.string("runId") ?? "?") committed", sourceLocation: sourceLocation)
        }
        return runs
    }

    /// Whether two `JobBookmarkEntry` objects are the same (every field, the state included).
    static func sameBookmark(_ a: JSONObject, _ b: JSONObject) -> Bool {
        let keys = ["JobName", "Version", "Run", "Attempt", "RunId", "PreviousRunId", "JobBookmark"]
        return Set(a.keys) == Set(keys) && Set(b.keys) == Set(keys)
            && keys.allSatisfy { "\(a[$0] ?? "missing")" == "\(b[$0] ?? "missing")" }
    }

    /// The rows of one object, read back with `frame count` (which fails on a partial file).
    mutating func rowsOf(_ uri: String, format: String) throws -> Int {
        if let n = verifiedRows[uri] { return n }
        let counted = try g.jsonLines(["frame", "count", uri, "--format", format])[0]
        #expect(counted.int("errorsCount") == 0, "\(uri) has error records")
        let n = counted.int("count") ?? -1
        verifiedRows[uri] = n
        return n
    }
}
