import Foundation
import Testing

@testable import GlueEngine
@testable import GlueScript

/// A Python shell job runs plain Python with `getResolvedOptions`; it has no Spark.
@Suite("Job scripts: Python shell")
struct JobScriptPythonShellTests {
    let shell = JobDefinition(name: "fx", command: JobCommand(name: .pythonshell, scriptLocation: "fx.py"), maxCapacity: 0.0625)

    @Test func plainPythonWithResolvedOptionsRuns() throws {
        let lab = try ScriptLab()
        let result = try lab.run("""
            import sys
            from awsglue.utils import getResolvedOptions
            args = getResolvedOptions(sys.argv, ["JOB_NAME"])
            print("rates for", args["JOB_NAME"])
            """, file: "fx.py", job: "fx", option: nil, definition: shell)
        #expect(result.status == .succeeded)
        #expect(result.output == ["rates for fx"])
    }

    @Test func sparkAndGlueContextAreNotThere() throws {
        let lab = try ScriptLab()
        for (line, module) in [("from awsglue.context import GlueContext", "pyspark"), ("from pyspark.context import SparkContext", "pyspark"),
                               ("import awsglue.transforms", "pyspark")] {
            let result = try lab.run("import sys\n\(line)\n", file: "fx.py", job: "fx", option: nil, definition: shell)
            #expect(result.status == .failed)
            let message = result.error?.description ?? ""
            #expect(message.hasPrefix("fx.py:2:") && message.contains(": ModuleNotFoundError: No module named '\(module)' (a Python shell job has no Spark"),
                    "\(message)")
        }
        let ray = JobDefinition(name: "routes", command: JobCommand(name: .glueray, scriptLocation: "r.py"), workerType: .z2x, numberOfWorkers: 5)
        let rayRun = try lab.run("from awsglue.context import GlueContext\n", file: "r.py", job: "routes", option: nil, definition: ray)
        #expect(rayRun.error?.description.contains("No module named 'pyspark' (a Ray job runs Ray, not Spark") == true)
        // The same import in a Spark job is fine.
        let spark = try lab.run("from awsglue.context import GlueContext\n", file: "job.py", job: "etl", option: nil)
        #expect(spark.status == .succeeded)
    }
}
