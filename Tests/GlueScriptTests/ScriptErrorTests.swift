import Testing
@testable import GlueScript

@Suite struct ScriptErrorTests {
    @Test func errorsNameTheScriptPosition() {
        let e = ScriptError.unsupported(file: "job.py", line: 12, column: 5, construct: "class definition")
        #expect(e.description == "job.py:12:5: class definition is not supported in Glue job scripts run by gluelab")
    }
}
