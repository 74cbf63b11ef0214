/// Python exceptions in scripts: the builtin exception classes, `raise`, `try`/`except`/
/// `else`/`finally`, `assert`, and `while` loops.
///
/// Every error travels as a located ``ScriptError/runtime(file:line:column:type:message:)``,
/// as before (so native code that calls back into the script — `Map.apply`, `forEachBatch` —
/// sees a `raise` like any runtime error). An `except` clause turns the error into an exception
/// object: the object a `raise` made when the interpreter remembers it (its `args` kept), else
/// one of the class named by the error's `type` with the message as its one argument. Engine
/// errors (type `GlueError`) are `Py4JJavaError` instances (`AnalysisException` when the
/// engine's text says so), both subclasses of `Exception`, with `str(e)` the engine's message.
///
/// The run's own interruption (Ctrl-C, ``ScriptInterruption``) raises `KeyboardInterrupt`,
/// which derives from `BaseException`, not `Exception`; no handler catches it while the stop
/// is requested (not even a bare `except:`), so the run always stops. `finally` blocks run.
extension Interpreter {
    /// CPython's builtin exception classes the dialect has, each after its base.
    static let exceptionHierarchy: [(String, String?)] = [
        ("BaseException", nil), ("Exception", "BaseException"), ("KeyboardInterrupt", "BaseException"),
        ("SystemExit", "BaseException"), ("ArithmeticError", "Exception"), ("ZeroDivisionError", "ArithmeticError"),
        ("OverflowError", "ArithmeticError"), ("FloatingPointError", "ArithmeticError"),
        ("LookupError", "Exception"), ("KeyError", "LookupError"), ("IndexError", "LookupError"),
        ("ValueError", "Exception"), ("UnicodeError", "ValueError"), ("TypeError", "Exception"),
        ("AttributeError", "Exception"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
        ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"), ("RecursionError", "RuntimeError"),
        ("AssertionError", "Exception"), ("StopIteration", "Exception"), ("ImportError", "Exception"),
        ("ModuleNotFoundError", "ImportError"), ("OSError", "Exception"), ("FileNotFoundError", "OSError"),
        ("TimeoutError", "OSError"),
    ]

    /// Defines the exception classes as builtins, the Glue-side ones (`Py4JJavaError`,
    /// `AnalysisException`) in the modules `py4j.protocol` and `pyspark.sql.utils` when the host
    /// registered those, and `issubclass`.
    func installExceptions() {
        for (name, base) in Self.exceptionHierarchy {
            let cls = PyExceptionClass(name, base: base.flatMap { exceptionClasses[$0] })
            exceptionClasses[name] = cls
            builtins[name] = .object(cls)
        }
        let exception = exceptionClasses["Exception"]
        let py4j = PyExceptionClass("Py4JJavaError", base: exception, module: "py4j.protocol", errorType: "GlueError")
        let analysis = PyExceptionClass("AnalysisException", base: exception, module: "pyspark.sql.utils", errorType: "GlueError")
        exceptionClasses["GlueError"] = py4j
        exceptionClasses["AnalysisException"] = analysis
        modules.module(named: "py4j.protocol")?.members["Py4JJavaError"] = .object(py4j)
        modules.module(named: "pyspark.sql.utils")?.members["AnalysisException"] = .object(analysis)
        builtins["issubclass"] = .builtin(PyBuiltin("issubclass") { args, rt in
            let i = rt as! Interpreter
            let b = try args.bind("issubclass", ["cls", "class_or_tuple"])
            return .bool(try i.isSubclass(b["cls"], b["class_or_tuple"]))
        })
    }

    private func isSubclass(_ c: PyValue, _ t: PyValue) throws -> Bool {
        if case .tuple(let ts) = t { return try ts.contains { try isSubclass(c, $0) } }
        switch (c, t) {
        case (.object(let a as PyExceptionClass), .object(let b as PyExceptionClass)): return a.isSubclass(of: b)
        case (.object(let a as PyType), .object(let b as PyType)): return a.name == b.name || (a.name == "bool" && b.name == "int")
        case (.object(is PyExceptionClass), .object(is PyType)), (.object(is PyType), .object(is PyExceptionClass)): return false
        case (.object(is PyExceptionClass), _), (.object(is PyType), _):
            throw PyException(.typeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
        default: throw PyException(.typeError, "issubclass() arg 1 must be a class")
        }
    }

    // MARK: Errors as exception objects

    /// The exception object for a located runtime error (nil for other script errors, which
    /// no handler catches).
    func exceptionObject(for error: ScriptError) -> PyExceptionObject? {
        guard case .runtime(_, _, _, let type, let message) = error else { return nil }
        for (e, object) in raisedExceptions.reversed() where e == error { return object }
        var cls = exceptionClasses[type]
        var text = message
        if type == "GlueError" || type == "Exception", message.hasPrefix("AnalysisException: ") {
            cls = exceptionClasses["AnalysisException"]
            text = String(message.dropFirst("AnalysisException: ".count))
        }
        let made = cls ?? {
            let c = PyExceptionClass(type, base: exceptionClasses["Exception"])
            exceptionClasses[type] = c
            return c
        }()
        return PyExceptionObject(made, message: text, raisedAs: error)
    }

    /// The located error that raises `object` at `location` (or where it was first raised),
    /// remembered so that a handler gets the same object back.
    func raising(_ object: PyExceptionObject, at location: SourceLocation) -> ScriptError {
        let error = object.raisedAs ?? .runtime(file: file, line: location.line, column: location.column,
                                                type: object.cls.errorType, message: oneLineText(object.str))
        object.raisedAs = error
        raisedExceptions.append((error, object))
        if raisedExceptions.count > 64 { raisedExceptions.removeFirst(32) }
        return error
    }

    /// `raise X`: an exception instance, or a class called with no arguments.
    func exceptionInstance(_ v: PyValue, cause: Bool = false) throws -> PyExceptionObject {
        switch v {
        case .object(let o as PyExceptionObject): return o
        case .object(let c as PyExceptionClass): return try PyExceptionObject(c, args: [], runtime: self)
        default:
            throw PyException(.typeError, cause ? "exception causes must derive from BaseException" : "exceptions must derive from BaseException")
        }
    }

    /// Whether `error` is the run's interruption, which no handler may catch.
    func isInterruption(_ error: ScriptError) -> Bool {
        guard case .runtime(_, _, _, let type, _) = error, type == PyException.Kind.keyboardInterrupt.rawValue else { return false }
        return interruption?.isRequested ?? false
    }

    private func oneLineText(_ s: String) -> String {
        s.contains("\n") ? s.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") : s
    }
}
