import Foundation
import GlueEngine

/// A command a learner can type for an action (`gluelab ...` or `cp ...`), shell-quoted, with
/// a note when typing it is not the whole story (a Ctrl-C to press, an error to expect).
public struct LabCommandLine: Sendable, Equatable {
    public var words: [String]
    /// Printed as a comment line before the command (`# press Ctrl-C after 2 micro-batches`).
    public var note: String?
    /// Whether typing the words does exactly what the action does (no Ctrl-C, no placeholder).
    public var exact: Bool
    /// The action is meant to fail.
    public var expectError: Bool

    /// The command: shell-quoted words (a POSIX shell and gluelab's prompt read it alike).
    public var command: String { words.map(LabCommandLine.quote).joined(separator: " ") }

    /// The lines printed: `# note` (a comment in the shell and at the prompt), then the command.
    public var printed: [String] { (note.map { ["# \($0)"] } ?? []) + [command] }

    /// `word` quoted for a POSIX shell (and gluelab's prompt) when it needs to be.
    public static func quote(_ word: String) -> String {
        let plain = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-./:=@%+,")
        if !word.isEmpty, word.unicodeScalars.allSatisfy(plain.contains) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

/// The commands that do what a step's solution actions do, as `lab solution` prints them.
public enum LabActionCommands {
    /// The commands for `actions`, in order. `sandbox` (the lab's, as it is now) resolves run
    /// indexes of `resetBookmark` to run ids when the run exists already.
    public static func lines(for actions: [LabAction], state: LabStartState, sandbox: Sandbox?) -> [LabCommandLine] {
        var lines: [LabCommandLine] = []
        var runsBefore: [String: Int] = [:]
        for action in actions {
            var made = commands(for: action, state: state, sandbox: sandbox, runsBefore: runsBefore)
            if action.expectError == true {
                for i in made.indices {
                    made[i].expectError = true
                    made[i].note = [made[i].note, "expected to fail"].compactMap { $0 }.joined(separator: "; ")
                }
            }
            lines += made
            if let r = action.run { runsBefore[r.job, default: 0] += 1 }
        }
        return lines
    }

    /// SQL on one line (so it can be typed at the prompt): lines trimmed and joined by a space,
    /// `--` comment lines dropped.
    static func oneLine(_ sql: String) -> String {
        sql.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("--") }.joined(separator: " ")
    }

    static func commands(for action: LabAction, state: LabStartState, sandbox: Sandbox?, runsBefore: [String: Int]) -> [LabCommandLine] {
        let box = ["--sandbox", state.sandboxName]
        func g(_ words: [String], note: String? = nil, exact: Bool = true) -> LabCommandLine {
            LabCommandLine(words: ["gluelab"] + words + box, note: note, exact: exact, expectError: false)
        }
        if let e = action.editScript {
            return [LabCommandLine(words: ["cp", state.folder.appendingPathComponent(e.from).path, state.scriptPath(e.script).path],
                                   note: nil, exact: true, expectError: false)]
        }
        if let d = action.advanceClock { return [g(["clock", "advance", d])] }
        if let t = action.setClock { return [g(["clock", "set", t])] }
        if let p = action.putObject {
            return [g(["s3", "put", state.folder.appendingPathComponent(p.file).path, p.uri, "--last-modified", p.lastModified])]
        }
        if let d = action.deleteObjects { return [g(["s3", "rm", "--recursive", d.prefix])] }
        if let r = action.run {
            let args = (r.arguments ?? [:]).sorted { $0.key < $1.key }.flatMap { ["--\($0.key)", $0.value] }
            guard let n = r.interruptAfterBatches else { return [g(["job", "run", r.job] + args)] }
            return [g(["job", "run", r.job] + args, note: "press Ctrl-C after \(n) micro-batch\(n == 1 ? "" : "es")", exact: false)]
        }
        if let s = action.sql { return [g(["sql", "--database", s.database, oneLine(s.statements)])] }
        if let p = action.produce {
            // Consecutive messages with the same key and time go in one command.
            var out: [LabCommandLine] = []
            var group: [LabMessage] = []
            func flush() {
                guard let first = group.first else { return }
                var words = ["topic", "produce", first.topic ?? p.topic] + group.flatMap { ["--value", $0.value] }
                if let k = first.key { words += ["--key", k] }
                if let t = first.timestamp { words += ["--timestamp", t] }
                out.append(g(words))
                group = []
            }
            for m in p.messages {
                if let first = group.first, first.key != m.key || first.timestamp != m.timestamp || first.topic != m.topic { flush() }
                group.append(m)
            }
            flush()
            return out
        }
        if let b = action.resetBookmark {
            guard let runId = b.runId else { return [g(["bookmark", "reset", b.job])] }
            guard let index = Int(runId) else { return [g(["bookmark", "reset", b.job, "--run-id", runId])] }
            // -k is the k-th newest run; the solution's own earlier runs come first.
            let position = -index - 1 - (runsBefore[b.job] ?? 0)
            if position >= 0, let sandbox, let runs = try? RunStore(sandbox: sandbox).list(jobName: b.job), position < runs.count {
                return [g(["bookmark", "reset", b.job, "--run-id", runs[position].runId])]
            }
            return [g(["bookmark", "reset", b.job, "--run-id", "RUN_ID"],
                      note: "RUN_ID: run \(index) from the end, see gluelab runs --sandbox \(state.sandboxName)", exact: false)]
        }
        if let j = action.createJob {
            return [g(["job", "create", j.name] + LabEngine.jobTokens(j, scriptPath: j.script.map { state.scriptPath($0).path }))]
        }
        if let j = action.updateJob {
            return [g(["job", "update", j.name] + LabEngine.jobTokens(j, scriptPath: j.script.map { state.scriptPath($0).path }))]
        }
        if let name = action.deleteJob { return [g(["job", "delete", name])] }
        if let name = action.runCrawler { return [g(["crawler", "run", name])] }
        return []
    }
}
