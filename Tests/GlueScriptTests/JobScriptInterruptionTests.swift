import Foundation
import GlueEngine
import Testing
@testable import GlueScript

/// Ctrl-C during a run: the script stops where it is, the run is STOPPED, the bookmark stays.
@Suite struct JobScriptInterruptionTests {
    /// Requests a stop from another thread after `delay` seconds.
    static func interrupt(_ interruption: ScriptInterruption, after delay: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + delay) { interruption.request() }
    }

    @Test func aRunawayLoopStopsWithKeyboardInterruptAtTheLoop() throws {
        let lab = try ScriptLab()
        _ = try lab.order("a", ids: [1])
        let run = try lab.start()
        let interruption = ScriptInterruption()
        Self.interrupt(interruption, after: 0.2)
        let source = """
            import sys
            from awsglue.context import GlueContext
            from awsglue.job import Job
            from pyspark.context import SparkContext
            glueContext = GlueContext(SparkContext())
            job = Job(glueContext)
            job.init("nightly", {})
            total = 0
            for i in range(1000000000000):
                total += i
            job.commit()
            """
        let outcome = try ScriptRunner.execute(source: source, file: "spin.py", in: run, interruption: interruption) { _ in }
        #expect(outcome.record.status == .stopped)
        #expect(outcome.error?.description == "spin.py:9:5: KeyboardInterrupt: the run was interrupted (Ctrl-C)")
        #expect(outcome.record.committed == false)
        let entry = try lab.bookmarks.entry(jobName: "nightly")
        #expect(entry.version == 0, "a stopped run leaves the bookmark as it was")
    }

    @Test func aDeepRecursionOfCallsIsInterruptedToo() throws {
        let registry = ModuleRegistry()
        let interruption = ScriptInterruption()
        interruption.request()
        let interpreter = Interpreter(file: "calls.py", modules: registry, interruption: interruption) { _ in }
        let script = try Script.parse("def f(x):\n    return x\nf(1)\n", file: "calls.py")
        #expect(throws: ScriptError.runtime(file: "calls.py", line: 3, column: 1, type: "KeyboardInterrupt",
                                            message: "the run was interrupted (Ctrl-C)")) {
            try interpreter.run(script)
        }
    }
}
