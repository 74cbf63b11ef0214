import Foundation
import GlueEngine
import Testing
@testable import Workbench

/// Solution actions as commands a learner can type; the start-state cache; lab id completion.
@Suite struct LabCommandLineTests {
    @Test func everyActionHasACommand() throws {
        let f = try LabFixture("ops-lab")
        let all = f.lab.steps.flatMap(\.solution)
        let lines = LabActionCommands.lines(for: all, state: f.state, sandbox: f.box)
        let box = "--sandbox lab-ops-lab"
        let folder = fixtureLabs.appendingPathComponent("ops-lab").path
        #expect(lines.map(\.command) == [
            "gluelab crawler run raw-crawler \(box)",
            "gluelab sql --database shop 'INSERT INTO t VALUES (2, NULL)' \(box)",
            "gluelab job update copy --default-argument job-bookmark-option=job-bookmark-disable --worker-type G.2X --execution-class STANDARD \(box)",
            "gluelab bookmark reset copy \(box)",
            "gluelab clock set 2024-03-01T10:00:00Z \(box)",
            "gluelab job run copy \(box)",
            "gluelab s3 rm --recursive s3://out/ \(box)",
            "gluelab job create copy2 --script-location \(f.state.scriptPath("copy_events.py").path) --command pythonshell --max-capacity 0.0625 \(box)",
        ])
        #expect(lines.allSatisfy { $0.exact && $0.note == nil })
        let more = try ["editScript: {script: copy_events.py, from: scripts/copy_events.py}",
                        "putObject: {uri: 's3://raw/events/b.csv', file: data/events.csv, lastModified: '2024-03-01T09:10:00Z'}",
                        "produce: {topic: clicks, messages: [{key: u1, value: '{\"a\": 1}'}, {key: u1, value: b}, {value: c, timestamp: '2024-03-01T09:00:00Z'}]}",
                        "{deleteJob: copy, expectError: true}", "runCrawler: raw-crawler", "advanceClock: 1h",
                        "resetBookmark: {job: copy, runId: '-1'}", "run: {job: copy, arguments: {day: mon}}",
                        "resetBookmark: {job: copy, runId: '-1'}",
                        "run: {job: clicks, interruptAfterBatches: 2}"].map(LabFixture.action)
        let printed = LabActionCommands.lines(for: more, state: f.state, sandbox: f.box).flatMap(\.printed)
        let runId = try #require(try RunStore(sandbox: f.box).list(jobName: "copy").first?.runId)
        #expect(printed == [
            "cp \(folder)/scripts/copy_events.py \(f.state.scriptPath("copy_events.py").path)",
            "gluelab s3 put \(folder)/data/events.csv s3://raw/events/b.csv --last-modified 2024-03-01T09:10:00Z \(box)",
            "gluelab topic produce clicks --value '{\"a\": 1}' --value b --key u1 \(box)",
            "gluelab topic produce clicks --value c --timestamp 2024-03-01T09:00:00Z \(box)",
            "# expected to fail",
            "gluelab job delete copy \(box)",
            "gluelab crawler run raw-crawler \(box)",
            "gluelab clock advance 1h \(box)",
            "gluelab bookmark reset copy --run-id \(runId) \(box)",
            "gluelab job run copy --day mon \(box)",
            "# RUN_ID: run -1 from the end, see gluelab runs --sandbox lab-ops-lab",
            "gluelab bookmark reset copy --run-id RUN_ID \(box)",
            "# press Ctrl-C after 2 micro-batches",
            "gluelab job run clicks \(box)",
        ])
    }

    @Test func sqlIsPrintedOnOneLine() {
        #expect(LabActionCommands.oneLine("-- the fix\nUPDATE t\n   SET a = 1;\n\nINSERT INTO t VALUES (2);\n") == "UPDATE t SET a = 1; INSERT INTO t VALUES (2);")
    }

    @Test func quotingKeepsWordsWhole() throws {
        #expect(LabCommandLine.quote("s3://a/b=1/") == "s3://a/b=1/")
        #expect(LabCommandLine.quote("it's") == "'it'\\''s'")
        #expect(LabCommandLine.quote("") == "''")
        #expect(try ArgumentSplitter.split("x " + LabCommandLine.quote("a b'c") + " " + LabCommandLine.quote("{\"k\": 1}")) == ["x", "a b'c", "{\"k\": 1}"], "the prompt reads the quoting as a shell does")
    }

    @Test func theStartStateIsCachedAndCopiedBack() throws {
        let loader = LabLoader(root: repoLabs)
        let lab = try loader.load("hourly-reprocessing")
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lab-cache-\(UUID().uuidString)")
        let state = LabStartState(lab: lab, folder: loader.folder(lab.id), home: home)
        let cache = LabStartCache(state: state)
        #expect(cache.folder.path.hasPrefix(home.appendingPathComponent("labs/.start/hourly-reprocessing-").path))
        let first = try cache.apply()
        #expect(FileManager.default.fileExists(atPath: cache.folder.appendingPathComponent("sandbox/sandbox.sqlite").path))
        // The learner changes things; the cached copy puts the start state back.
        try Data("broken".utf8).write(to: URL(fileURLWithPath: first[0]))
        var box = try state.open()
        try box.clock.advance(by: 3_600_000_000)
        box = try state.open()
        #expect(try cache.apply() == first)
        #expect(try String(contentsOfFile: first[0], encoding: .utf8).contains("create_dynamic_frame"))
        let again = try state.open()
        #expect(try again.clock.now() == Timestamps.parseISO8601("2024-03-01T09:30:00Z"))
        #expect(try RunStore(sandbox: again).list(jobName: "hourly-events").map(\.objectsRead) == [3, 2, 1])
        _ = box
    }

    @Test func theCacheKeyFollowsTheLabsFiles() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lab-hash-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtureLabs.appendingPathComponent("ops-lab"), to: root)
        let before = LabStartCache.hash(folder: root)
        #expect(LabStartCache.hash(folder: root) == before)
        try Data("user,amount\nu9,1\n".utf8).write(to: root.appendingPathComponent("data/events.csv"))
        #expect(LabStartCache.hash(folder: root) != before)
    }

    @Test func labIdsComplete() {
        let completer = CommandCompleter(tree: CommandTree.gluelab,
                                         home: FileManager.default.temporaryDirectory.appendingPathComponent("gluelab-none-\(UUID().uuidString)"))
        #expect(completer.complete("lab start hou", cursor: 13).candidates.map(\.text) == ["hourly-reprocessing"])
        #expect(completer.complete("lab edit --lab hou", cursor: 18).candidates.map(\.text) == ["hourly-reprocessing"])
    }
}
