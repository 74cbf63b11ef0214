#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import GlueEngine

/// `gluelab lab watch`: re-runs the current step's checks whenever a workspace script changes.
struct LabWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Re-check the current step whenever a script of the lab changes or a job run ends (Ctrl-C stops).",
        discussion: """
            Polls the modification times of the lab's scripts in your workspace, and the newest job \
            run of the lab's sandbox; on every change it runs the current step's checks as \
            'gluelab lab check' does and advances when they pass. It stops when the lab is \
            completed, or on Ctrl-C.
            """)
    @Argument(help: "The lab id (default: the one started last).") var id: String?
    @Option(help: "Seconds between polls.") var interval: Double = 1
    @OptionGroup var options: ProgressOptions

    func validate() throws {
        guard interval > 0, interval <= 3600 else { throw ValidationError("--interval is seconds, more than 0") }
    }

    func run() throws {
        let ctx = try LabContext(options)
        let (lab, state) = try ctx.lab(id)
        guard try ctx.session(lab).currentStep(of: lab) != nil else { Output.line("All steps passed."); return }
        let paths = (lab.scripts ?? []).map { state.scriptPath(($0 as NSString).lastPathComponent).path }
        guard !paths.isEmpty else {
            throw WorkbenchError.badValue(option: "lab", value: lab.id, reason: "the lab has no scripts to watch (use gluelab lab check)")
        }
        // A parent may have started us with SIGINT blocked (test runners do): Ctrl-C must reach the handler.
        var interrupt = sigset_t()
        sigemptyset(&interrupt)
        sigaddset(&interrupt, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interrupt, nil)
        let box = try state.open()
        var seen = try Self.snapshot(paths, box)
        let completed: Bool = InterruptSignal.whileRunning { interruption in
            // Said once Ctrl-C is handled (and the times are taken), so both are safe from here on.
            Output.line("Watching \(paths.joined(separator: ", ")) every \(interval) s (Ctrl-C stops)")
            Output.flush()
            while !interruption.isRequested {
                Thread.sleep(forTimeInterval: interval)
                guard let now = try? Self.snapshot(paths, box) else { continue }
                guard now != seen else { continue }
                let what = now.times != seen.times ? "a script changed" : "a job run ended"
                seen = now
                Output.line("\n\(Timestamps.format(Int64(Date().timeIntervalSince1970 * 1_000_000))): \(what); checking")
                let outcome: LabContext.CheckOutcome
                do { outcome = try ctx.check(lab, state) } catch {
                    Output.flush()
                    Output.error("\(error)")
                    continue
                }
                Output.flush()
                if outcome == .completed || outcome == .alreadyDone { return true }
            }
            return false
        }
        if !completed { Output.line("\nStopped watching.") }
    }

    /// What a change is looked for in: the scripts' times and the sandbox's newest finished run.
    struct Snapshot: Equatable {
        var times: [Date?]
        var newestRun: String?
    }

    static func snapshot(_ paths: [String], _ box: Sandbox) throws -> Snapshot {
        let run = try RunStore(sandbox: box).list().first { $0.status != .running }
        return Snapshot(times: times(paths), newestRun: run?.runId)
    }

    /// Each path's modification time (nil for a missing file).
    static func times(_ paths: [String]) -> [Date?] {
        paths.map { (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate]) as? Date }
    }
}
