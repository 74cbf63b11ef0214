import Testing

@testable import GlueScript

/// What a script run printed, and the error it stopped with (nil when it ran to the end).
struct ScriptRun {
    var lines: [String] = []
    var error: ScriptError?

    /// The error's description (`t.py:2:5: NameError: ...`), or "ok".
    var errorText: String { error?.description ?? "ok" }
}

/// Runs `source` as `t.py` with `modules`; a parse error is reported like a run error.
func runScript(_ source: String, modules: ModuleRegistry = ModuleRegistry(), setup: (Interpreter) -> Void = { _ in }) -> ScriptRun {
    var run = ScriptRun()
    var lines: [String] = []
    do {
        let script = try Script.parse(source, file: "t.py")
        let interpreter = Interpreter(file: "t.py", modules: modules, output: { lines.append($0) })
        setup(interpreter)
        do {
            try interpreter.run(script)
        } catch {
            run.error = error
        }
    } catch {
        run.error = error
    }
    run.lines = lines
    return run
}

/// `repr(expression)` as the interpreter computes it, or the error text.
func evalRepr(_ expression: String) -> String {
    let r = runScript("print(repr(\(expression)))\n")
    return r.error?.description ?? r.lines.joined(separator: "\n")
}

/// The printed lines of a script, or its error text as the only line.
func output(_ source: String) -> [String] {
    let r = runScript(source)
    return r.error.map { r.lines + [$0.description] } ?? r.lines
}
