import Foundation
import Testing
@testable import Workbench

/// The validator's errors for the new fields name the file, the line and the field.
@Suite struct LabSpecValidatorTests {
    /// The ops-lab fixture with `old` replaced by `new`, loaded; the error's text.
    func error(replacing old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("labs-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: fixtureLabs.appendingPathComponent("ops-lab"), to: root.appendingPathComponent("ops-lab"))
        let url = root.appendingPathComponent("ops-lab/lab.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains(old), sourceLocation: sourceLocation)
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
        do {
            _ = try LabLoader(root: root).load("ops-lab")
        } catch {
            return "\(error)".replacingOccurrences(of: url.path, with: "lab.yaml")
        }
        return "(loaded)"
    }

    @Test func theFixturesLoad() throws {
        #expect(LabLoader(root: fixtureLabs).ids() == ["ops-lab", "stream-lab"])
        for id in LabLoader(root: fixtureLabs).ids() { _ = try LabLoader(root: fixtureLabs).load(id) }
    }

    @Test func checksAndActionsHaveOneKind() throws {
        #expect(try error(replacing: "      - runCrawler: raw-crawler", with: "      - {runCrawler: raw-crawler, deleteJob: copy}")
                    .hasPrefix("lab.yaml:38: steps[0].solution[0]: an action has exactly one of editScript, advanceClock, setClock,"))
        #expect(try error(replacing: "      - table: {database: raw, name: raw_events}",
                          with: "      - {table: {database: raw, name: raw_events}, topic: {name: a, messages: 1}}")
                    .hasPrefix("lab.yaml:34: steps[0].checks[1]: a check has exactly one kind (lastRun, bookmark,"))
    }

    @Test func enumValuesAreChecked() throws {
        #expect(try error(replacing: "op: greater", with: "op: more")
                    == "lab.yaml:68: steps[3].checks[1].compare.op: 'more' is not one of less, greater, equal")
        #expect(try error(replacing: "metric: dpuSeconds, run: -2", with: "metric: dpus, run: -2")
                    == "lab.yaml:68: steps[3].checks[1].compare.right.metric: 'dpus' is not one of objectsRead, recordsRead, bytesRead, recordsWritten, runSeconds, dpuSeconds, costUSD")
        #expect(try error(replacing: "updateJob: {name: copy, workerType: G.2X", with: "updateJob: {name: copy, workerType: G.3X")
                    .hasPrefix("lab.yaml:62: steps[2].solution[0].updateJob: invalid option WorkerType=\"G.3X\": known worker types are"))
        #expect(try error(replacing: "updateBehavior: LOG", with: "updateBehavior: KEEP")
                    == "lab.yaml:13: start.crawlers[0].updateBehavior: 'KEEP' is not one of UPDATE_IN_DATABASE, LOG")
        #expect(try error(replacing: "format: csv, columns", with: "format: avro, columns")
                    == "lab.yaml:11: start.catalogTables[0].format: 'avro' is not csv, json or parquet")
        #expect(try error(replacing: "lastRun: {job: copy, status: SUCCEEDED", with: "lastRun: {job: copy, status: DONE")
                    == "lab.yaml:67: steps[3].checks[0].lastRun.status: 'DONE' is not one of RUNNING, SUCCEEDED, FAILED, TIMEOUT, STOPPED")
    }

    @Test func expectErrorLetsABadValueThrough() throws {
        #expect(try error(replacing: "createJob: {name: copy2, script: copy_events.py, type: pythonshell, maxCapacity: 0.0625}",
                          with: "{createJob: {name: copy2, type: shell}, expectError: true}") == "(loaded)")  // (the self-check would then find copy2 missing)
        #expect(try error(replacing: "      - deleteObjects: {prefix: \"s3://out/\"}",
                          with: "      - deleteObjects: {prefix: \"s3://out/\"}\n      - {createJob: {name: x, workerType: G.3X}, expectError: true}") == "(loaded)")
    }

    @Test func filesTimesAndFieldsAreChecked() throws {
        #expect(try error(replacing: "setClock: 2024-03-01T10:00:00Z", with: "setClock: tomorrow")
                    == "lab.yaml:75: steps[3].solution[1].setClock: 'tomorrow' is not an ISO-8601 time (2024-03-01T09:30:00Z)")
        #expect(try error(replacing: "script: copy_events.py, type: pythonshell", with: "script: other.py, type: pythonshell")
                    == "lab.yaml:87: steps[4].solution[1].createJob.script: 'other.py' is not one of the scripts")
        #expect(try error(replacing: "      - jdbc:\n", with: "      - actionError: refused\n      - jdbc:\n")
                    .hasPrefix("lab.yaml:43: steps[1].checks[0].actionError: a lab step cannot check actionError"))
        #expect(try error(replacing: "      - run: {job: copy}", with: "      - run: {job: copy, interruptAfterBatches: 0}")
                    == "lab.yaml:76: steps[3].solution[2].run.interruptAfterBatches: at least 1 micro-batch, not 0")
        #expect(try error(replacing: "bookmark: {job: copy, absent: [events]}", with: "bookmark: {job: copy}")
                    == "lab.yaml:69: steps[3].checks[2].bookmark: a bookmark check needs contexts or absent")
        #expect(try error(replacing: "count: 6, distinct: user, distinctCount: 2", with: "count: 6, distinct: user")
                    == "lab.yaml:70: steps[3].checks[3].rows: distinct and distinctCount go together")
    }

    @Test func theSelfCheckPlaysTheFixtures() throws {
        for id in ["ops-lab", "stream-lab"] {
            var lines: [String] = []
            let problem = LabSelfCheck(loader: LabLoader(root: fixtureLabs)).check(id) { lines.append($0) }
            #expect(problem == nil)
            #expect(lines.count == (id == "ops-lab" ? 5 : 2))
        }
    }
}
