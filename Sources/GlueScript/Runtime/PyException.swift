/// A Python-level error raised by native code or the interpreter: `TypeError: ...`.
///
/// Native code throws it without a location; the interpreter turns it into
/// ``ScriptError/runtime(file:line:column:type:message:)`` at the expression that raised it.
public struct PyException: Error, Equatable, Sendable, CustomStringConvertible {
    /// Python's exception class names that gluelab raises.
    public enum Kind: String, Sendable {
        case typeError = "TypeError"
        case valueError = "ValueError"
        case nameError = "NameError"
        case attributeError = "AttributeError"
        case keyError = "KeyError"
        case indexError = "IndexError"
        case zeroDivisionError = "ZeroDivisionError"
        case overflowError = "OverflowError"
        case importError = "ImportError"
        case moduleNotFoundError = "ModuleNotFoundError"
        case recursionError = "RecursionError"
        case runtimeError = "RuntimeError"
        case notImplementedError = "NotImplementedError"
        case unboundLocalError = "UnboundLocalError"
        /// The run was interrupted (Ctrl-C): ``ScriptInterruption``.
        case keyboardInterrupt = "KeyboardInterrupt"
        /// A bare `Exception`, as awsglue raises for misused arguments
        /// (`Exception: Parameter table_name is missing.`).
        case exception = "Exception"
        /// An `EngineError` raised inside a Glue call (shown with its own text).
        case glueError = "GlueError"
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `TypeError: message`.
    public var description: String { "\(kind.rawValue): \(message)" }
}
