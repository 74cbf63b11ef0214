/// A Python exception class (`ValueError`, `Exception`, ...): callable to make an instance,
/// usable in `except`, `isinstance` and `issubclass`, with single inheritance as in CPython's
/// builtin hierarchy (`ZeroDivisionError` → `ArithmeticError` → `Exception` → `BaseException`).
final class PyExceptionClass: PyObject {
    let name: String
    let base: PyExceptionClass?
    /// `builtins`, or the module a Glue-side class lives in (`py4j.protocol`).
    let module: String
    /// The `type` of the located ``ScriptError`` an uncaught instance ends the run with:
    /// the class name, or `GlueError` for engine errors (shown with their own text).
    let errorType: String

    init(_ name: String, base: PyExceptionClass?, module: String = "builtins", errorType: String? = nil) {
        self.name = name
        self.base = base
        self.module = module
        self.errorType = errorType ?? name
    }

    var typeName: String { "type" }
    var repr: String { module == "builtins" ? "<class '\(name)'>" : "<class '\(module).\(name)'>" }

    /// Whether this class is `other` or derives from it.
    func isSubclass(of other: PyExceptionClass) -> Bool {
        var c: PyExceptionClass? = self
        while let k = c {
            if k === other { return true }
            c = k.base
        }
        return false
    }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        if let (k, _) = arguments.keywords.first {
            throw PyException(.typeError, "\(name)() got an unexpected keyword argument '\(k)'")
        }
        return .object(try PyExceptionObject(self, args: arguments.positional, runtime: runtime))
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "__name__", "__qualname__": .str(self.name)
        case "__module__": .str(module)
        case "__base__": base.map { PyValue.object($0) } ?? PyValue.none
        default: nil
        }
    }
}

/// An exception instance: its class, `args`, and its `str`/`repr` texts (computed once: the
/// args cannot change).
final class PyExceptionObject: PyObject {
    let cls: PyExceptionClass
    let args: [PyValue]
    let str: String
    let repr: String
    /// `raise ... from cause`: kept as `__cause__`, not shown in the one-line error.
    var cause: PyValue = .none
    /// The located error this exception was first raised as: raising it again (`raise e`,
    /// bare `raise`) reports that first place, the innermost line of CPython's traceback.
    var raisedAs: ScriptError?

    /// `cls(*args)`: `str` is `''`, the one argument's `str` (its `repr` for `KeyError`), or the
    /// args tuple's `repr`.
    init(_ cls: PyExceptionClass, args: [PyValue], runtime: any PyRuntime) throws {
        self.cls = cls
        self.args = args
        let reprs = try args.map { try runtime.repr($0) }
        switch args.count {
        case 0: str = ""
        case 1: str = cls.isKeyError ? reprs[0] : try runtime.str(args[0])
        default: str = "(" + reprs.joined(separator: ", ") + ")"
        }
        repr = cls.name + "(" + reprs.joined(separator: ", ") + ")"
    }

    /// An instance standing for an error the interpreter or the engine raised: `message` is
    /// already the text Python would show, and the one argument.
    init(_ cls: PyExceptionClass, message: String, raisedAs: ScriptError) {
        self.cls = cls
        args = message.isEmpty ? [] : [.str(message)]
        str = message
        repr = cls.name + "(" + (message.isEmpty ? "" : pythonStringRepr(message)) + ")"
        self.raisedAs = raisedAs
    }

    var typeName: String { cls.name }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "args": .tuple(args)
        case "__class__": .object(cls)
        case "__cause__": cause
        case "__context__", "__traceback__": PyValue.none
        default: nil
        }
    }
}

extension PyExceptionClass {
    /// `KeyError` and its subclasses show their one argument's `repr`.
    var isKeyError: Bool {
        var c: PyExceptionClass? = self
        while let k = c {
            if k.name == "KeyError" && k.module == "builtins" { return true }
            c = k.base
        }
        return false
    }
}
