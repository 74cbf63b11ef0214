/// The error a user record function (the `f` of `Map` / `Filter`) raises, modelled on Python's
/// exception classes, because Glue's Python wrappers treat some classes specially: `filter`
/// silently drops a record whose predicate raises `KeyError`, `ValueError` or `TypeError`.
///
/// `message` is what Python's `str(e)` gives for the exception — the text Glue stores as the
/// error record's message. For a `KeyError` that is the key's repr (`'age'`, with quotes); the
/// script interpreter that raises these errors is responsible for building that text.
public struct RecordFunctionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The exception class.
    public enum Kind: Sendable, Equatable {
        case keyError
        case valueError
        case typeError
        /// Any other class, by its Python name (`ZeroDivisionError`, `AttributeError`, ...).
        case other(String)
    }

    public var kind: Kind
    public var message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    /// Shorthand: `RecordFunctionError(.keyError, "'age'")`.
    public init(_ kind: Kind, _ message: String) {
        self.init(kind: kind, message: message)
    }

    /// The Python class name (`KeyError`, `ZeroDivisionError`, ...).
    public var className: String {
        switch kind {
        case .keyError: "KeyError"
        case .valueError: "ValueError"
        case .typeError: "TypeError"
        case .other(let name): name
        }
    }

    /// True when Glue's `filter` wrapper swallows this error and drops the record, i.e. when
    /// `isinstance(e, (KeyError, ValueError, TypeError))` holds in Python. Besides the three
    /// classes themselves that covers their built-in subclasses (the `Unicode*Error` family and
    /// `json.JSONDecodeError` are `ValueError`s).
    public var dropsRecordInFilter: Bool {
        switch kind {
        case .keyError, .valueError, .typeError:
            return true
        case .other(let name):
            return Self.filterSwallowed.contains(name)
        }
    }

    /// Python built-in classes that are `KeyError`, `ValueError` or `TypeError` or subclass them.
    static let filterSwallowed: Set<String> = [
        "KeyError", "ValueError", "TypeError", "UnicodeError", "UnicodeDecodeError",
        "UnicodeEncodeError", "UnicodeTranslateError", "JSONDecodeError",
    ]

    /// `ClassName: message`, as a Python traceback's last line.
    public var description: String { message.isEmpty ? className : "\(className): \(message)" }
}

extension Error {
    /// The text a record function's error leaves in an error record: Python's `str(e)` for a
    /// `RecordFunctionError`, the one-line description of an `EngineError`, else the error as
    /// Swift describes it.
    var recordFunctionMessage: String {
        if let e = self as? RecordFunctionError { return e.message }
        if let e = self as? EngineError { return e.description }
        return String(describing: self)
    }
}
