import GlueEngine

/// Runs a parsed Glue job script with Python 3 semantics.
///
/// ```swift
/// var modules = ModuleRegistry()
/// modules.register(PyModule(name: "sys", members: ["argv": .list(PyList([.str("job.py")]))]))
/// let interpreter = Interpreter(file: "job.py", modules: modules, output: { print($0) })
/// try interpreter.run(try Script.parse(source, file: "job.py"))
/// ```
///
/// The script is compiled once into closures (names resolved to slots, Python's scoping rule:
/// a name assigned anywhere in a `def` is local to it, closures see enclosing functions), then
/// run. Errors become ``ScriptError/runtime(file:line:column:type:message:)`` at the innermost
/// expression or statement that raised them: a failing call at the call, a `NameError` at the
/// name; an `EngineError` from a Glue call has type `GlueError` and its own description.
///
/// Scripts are sandboxed: the builtins are Python's value functions (`print`, `len`, `str`,
/// `int`, `sorted`, `isinstance`, ...), and nothing reaches files, the network or a shell.
/// There is no `open`, `exec`, `eval`, `compile`, `__import__`, `input`, `globals`; calling one
/// is a `NameError` like any unknown name. Only modules the host registers in the
/// ``ModuleRegistry`` can be imported (there is no `os`; `sys` is the host's).
///
/// Dialect notes: `enumerate`, `zip`, `reversed`, dict views (`keys()`, `values()`,
/// `items()`) give lists rather than lazy views; `range` is lazy. Ints are 64-bit
/// (`OverflowError` past that). `print` writes one output line per call (its `file=` and
/// `flush=` are accepted and ignored: all output goes to the run's log). At most ``recursionLimit`` script calls nest
/// (`RecursionError`); the host runs the interpreter on a large-stack thread.
///
/// Exceptions follow CPython 3.11 (`raise`, `try`/`except`/`else`/`finally`, `assert`, the builtin
/// classes): see `Interpreter+Exceptions.swift` for how errors become exception objects and
/// why the run's interruption cannot be caught.
///
/// One interpreter runs on one thread.
public final class Interpreter: PyRuntime {
    /// The script's name, as errors show it.
    public let file: String
    /// How many script function calls may nest.
    public static let recursionLimit = 200

    var modules: ModuleRegistry
    let writeLine: (String) -> Void
    /// Global variables by slot; `globalIndex` maps names to slots.
    var globalValues: [PyValue?] = []
    var globalIndex: [String: Int] = [:]
    /// Python's builtins (functions and type objects).
    var builtins: [String: PyValue] = [:]
    /// The type objects of the builtin types (`str`, `int`, ...), by name.
    var types: [String: PyType] = [:]
    var depth = 0
    /// Checked at every loop iteration and script call; when requested, `KeyboardInterrupt`.
    let interruption: ScriptInterruption?
    /// The exception classes by name (`ValueError`, and `GlueError` for engine errors).
    var exceptionClasses: [String: PyExceptionClass] = [:]
    /// The latest exceptions `raise` threw, so that a handler gets the raised object back.
    var raisedExceptions: [(error: ScriptError, object: PyExceptionObject)] = []
    /// The exceptions being handled, innermost last (a bare `raise` re-raises the last).
    var handlingExceptions: [(error: ScriptError, object: PyExceptionObject)] = []

    /// An interpreter for the script `file`, importing from `modules`, writing script output
    /// (`print`, `show()`, ...) one line at a time to `output`. `interruption` lets another
    /// thread (a Ctrl-C handler) stop a script that loops for too long.
    public init(file: String, modules: ModuleRegistry, interruption: ScriptInterruption? = nil,
                output: @escaping (String) -> Void) {
        self.file = file
        self.modules = modules
        self.interruption = interruption
        self.writeLine = output
        installBuiltins()
        installExceptions()
    }

    /// Raises `KeyboardInterrupt` at `location` when a stop was requested.
    @inline(__always)
    func checkInterruption(at location: SourceLocation) throws {
        if let interruption, interruption.isRequested {
            throw locate(PyException(.keyboardInterrupt, "the run was interrupted (Ctrl-C)"), location)
        }
    }

    /// Runs the script's statements at module level. Globals stay for ``global(_:)`` (and a
    /// later `run` sees them).
    public func run(_ script: Script) throws(ScriptError) {
        let scope = CompileScope(parent: nil, isModule: true)
        let body = compileBlock(script.statements, scope)
        let frame = Frame(slotCount: 0, parent: nil)
        do {
            _ = try body(self, frame)
        } catch {
            throw locate(error, SourceLocation(line: 1, column: 1))
        }
    }

    /// The value of a global variable after a run (nil: never assigned).
    public func global(_ name: String) -> PyValue? {
        guard let i = globalIndex[name] else { return nil }
        return globalValues[i]
    }

    /// Sets a global variable before a run (the host's `args`, a test's input).
    public func setGlobal(_ name: String, _ value: PyValue) {
        globalValues[globalSlot(name)] = value
    }

    /// The slot of a global name, made on first use.
    func globalSlot(_ name: String) -> Int {
        if let i = globalIndex[name] { return i }
        let i = globalValues.count
        globalIndex[name] = i
        globalValues.append(nil)
        return i
    }

    // MARK: PyRuntime

    /// Calls a script function, builtin or callable object. Errors raised inside a script
    /// function come out as ``ScriptError`` (already located); native errors as they were.
    public func call(_ callee: PyValue, _ arguments: CallArguments) throws -> PyValue {
        try callValue(callee, arguments)
    }

    public func str(_ value: PyValue) throws -> String { try strOf(value) }
    public func repr(_ value: PyValue) throws -> String { try reprOf(value) }
    public func truthy(_ value: PyValue) throws -> Bool { try isTrue(value) }
    public func output(_ line: String) { writeLine(line) }

    // MARK: Errors

    /// `error` as a located script error: a ``ScriptError`` keeps its place, a
    /// ``PyException`` takes `location`, an `EngineError` (or any other error) becomes a
    /// `GlueError` with its description.
    func locate(_ error: any Error, _ location: SourceLocation) -> ScriptError {
        switch error {
        case let e as ScriptError:
            return e
        case let e as PyException:
            return .runtime(file: file, line: location.line, column: location.column, type: e.kind.rawValue, message: oneLine(e.message))
        default:
            return .runtime(file: file, line: location.line, column: location.column, type: "GlueError", message: oneLine(String(describing: error)))
        }
    }

    private func oneLine(_ s: String) -> String {
        s.contains("\n") ? s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") : s
    }
}
