import GlueEngine
import Testing

@testable import GlueScript

/// A stand-in for the interpreter: calls builtins and callable objects, collects output.
final class TestRuntime: PyRuntime {
    var lines: [String] = []

    func call(_ callee: PyValue, _ arguments: CallArguments) throws -> PyValue {
        switch callee {
        case .builtin(let b): return try b.body(arguments, self)
        case .object(let o): return try o.call(arguments, runtime: self)
        default: throw PyException(.typeError, "'\(callee.typeName)' object is not callable")
        }
    }

    func str(_ value: PyValue) throws -> String {
        switch value {
        case .str(let s): return s
        case .object(let o): return o.str
        default: return try repr(value)
        }
    }

    func repr(_ value: PyValue) throws -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let d): return String(d)
        case .str(let s): return "'\(s)'"
        case .list(let l): return "[" + (try l.items.map(repr)).joined(separator: ", ") + "]"
        case .tuple(let t): return "(" + (try t.map(repr)).joined(separator: ", ") + ")"
        case .dict(let d): return "{" + (try d.items.map { "\(try repr($0.key.value)): \(try repr($0.value))" }).joined(separator: ", ") + "}"
        case .builtin(let b): return "<built-in function \(b.name)>"
        case .function(let f): return "<function \(f.name)>"
        case .object(let o): return o.repr
        }
    }

    func truthy(_ value: PyValue) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let d): return d != 0
        case .str(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .tuple(let t): return !t.isEmpty
        case .dict(let d): return d.count > 0
        case .object(let o): return try o.truthy(runtime: self)
        default: return true
        }
    }

    func output(_ line: String) { lines.append(line) }
}

/// Calls `method` on `object` with positional and keyword arguments.
func call(_ object: PyValue, _ method: String, _ positional: [PyValue] = [], _ keywords: [(String, PyValue)] = [],
          _ runtime: TestRuntime = TestRuntime()) throws -> PyValue {
    guard case .object(let o) = object else { throw PyException(.typeError, "not an object: \(object.typeName)") }
    guard let m = try o.attribute(method, runtime: runtime) else {
        throw PyException(.attributeError, "'\(o.typeName)' object has no attribute '\(method)'")
    }
    return try runtime.call(m, CallArguments(positional, keywords: keywords.map { (name: $0.0, value: $0.1) }))
}

/// A frame object over `records`.
func frameObject(_ records: [DynamicRecord], name: String = "", environment: GlueFrameEnvironment = GlueFrameEnvironment()) -> PyValue {
    makeFrameObject(DynamicFrame(name: name, records: records), environment: environment)
}

/// The engine frame inside a frame object.
func engineFrame(_ value: PyValue) -> DynamicFrame {
    value.object(as: DynamicFrameObject.self)!.frame
}

/// The records of a frame object as compact JSON lines.
func jsonLines(_ value: PyValue) -> [String] {
    engineFrame(value).records.map { Value.structure($0).jsonText() }
}

/// The printed schema of a frame object.
func tree(_ value: PyValue) -> String {
    engineFrame(value).schema().treeString()
}

/// A script function of one record (as a builtin).
func fn(_ body: @escaping (PyDict) throws -> PyValue) -> PyValue {
    .builtin(PyBuiltin("f") { arguments, _ in
        guard case .dict(let d) = arguments.positional.first else { throw PyException(.typeError, "expected a dict") }
        return try body(d)
    })
}

func tuple(_ items: String...) -> PyValue { .tuple(items.map(PyValue.str)) }
func list(_ items: PyValue...) -> PyValue { .list(PyList(items)) }
func strs(_ items: String...) -> PyValue { .list(PyList(items.map(PyValue.str))) }

/// Three people; `age` is a choice of long and string.
func people(name: String = "people") -> PyValue {
    frameObject([
        DynamicRecord([("id", .long(1)), ("name", .string("alice")), ("age", .long(30))]),
        DynamicRecord([("id", .long(2)), ("name", .string("bob")), ("age", .string("unknown"))]),
        DynamicRecord([("id", .long(3)), ("name", .string("carol")), ("age", .long(25))]),
    ], name: name)
}

/// The error a throwing expression raised, for `#expect` on its text.
func raised(_ body: () throws -> Any) -> String {
    do {
        _ = try body()
        return "no error"
    } catch {
        return String(describing: error)
    }
}
