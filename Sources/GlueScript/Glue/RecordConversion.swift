import GlueEngine

/// Records between the engine and script functions (`map`, `filter`).
///
/// Glue hands a record to a Python function as a dict (a `DynamicRecord`, which subclasses
/// `dict`): fields in record order, values converted by ``PyValue/init(_:)`` (integral types
/// `int`, floating types and decimals `float`, dates and timestamps `str`, structs `dict`,
/// arrays `list`). Null fields are not in record views, so they are not keys of the dict.
///
/// Going back, a field keeps its original engine type when the script left its kind alone:
/// - an integral field given an `int` keeps its type (`int` stays `int`) when the new value
///   fits, else becomes `long`; a `float`/`double` field given a `float` keeps its type;
/// - a date, timestamp, decimal or binary field whose `str`/`float` is unchanged keeps its
///   value (so `map` does not turn every date into a string);
/// - dicts and lists are converted field by field / element by element the same way;
/// - anything else (a new field, a changed kind) converts as ``PyValue/engineValue()`` does:
///   `int` → `long`, `float` → `double`, `str` → `string`, `dict` → `struct`.
///
/// Glue's own round trip goes through the JVM's pickle bridge; gluelab's rule keeps a frame's
/// schema stable through an identity `map`, which is what a script author expects.
enum RecordConversion {
    /// Makes the dicts a script function receives for one transform's records (fields in
    /// record order, values as `PyValue(_:)` converts them), sharing one key layout between
    /// records with the same field names (most of a batch: rows without nulls share its names).
    final class DictMaker {
        private var layout = PyDict.Layout(names: [])

        func dict(_ record: DynamicRecord) -> PyDict {
            let names = record.names
            if names != layout.names { layout = PyDict.Layout(names: names) }  // equal buffers compare at once
            var values: [PyValue] = []
            values.reserveCapacity(names.count)
            for v in record.values { values.append(PyValue(v)) }
            return PyDict(layout: layout, values: values)
        }
    }

    /// The record a `map` function's result gives: nil for a falsy result (`None`, `{}`, `0`,
    /// ...), which the engine turns into Glue's "returned None" error record.
    /// - Throws: `TypeError` (an error record) for a truthy result that is not a dict, or a
    ///   value that cannot be stored in a record (a function, a module, ...).
    static func mapResult(_ result: PyValue, original: DynamicRecord, runtime: any PyRuntime) throws -> DynamicRecord? {
        if case .dict(let d) = result { return try record(d, like: original) }
        guard try runtime.truthy(result) else { return nil }
        throw PyException(.typeError, "User-specified function returned \(result.typeName) instead of DynamicRecord")
    }

    /// `dict` as a record, each field converted like the same field of `original`.
    static func record(_ dict: PyDict, like original: DynamicRecord?) throws -> DynamicRecord {
        // Dict keys are unique and, for a record a Map function changed, mostly in the
        // original's order: look at the same position first, then search.
        var names: [String] = []
        var values: [Value] = []
        names.reserveCapacity(dict.count)
        values.reserveCapacity(dict.count)
        var nonStringKey = false
        for (position, (key, pyValue)) in zip(dict.keys, dict.orderedValues).enumerated() {
            let name: String
            switch key {
            case .str(let s): name = s
            case .int(let i): name = String(i); nonStringKey = true
            case .float(let d): name = String(d); nonStringKey = true
            case .none: name = "None"; nonStringKey = true
            case .tuple: throw PyException(.typeError, "a tuple cannot be a record field name")
            }
            var old: Value?
            if let original {
                if position < original.names.count, original.names[position] == name {
                    old = original.values[position]
                } else if let i = original.names.firstIndex(of: name) {
                    old = original.values[i]
                }
            }
            names.append(name)
            values.append(try self.value(pyValue, like: old))
        }
        guard nonStringKey else { return DynamicRecord(uniqueNames: names, values: values) }
        // Keys like 1 and "1" name the same field: the later value wins, at the first's place.
        var unique: [String] = []
        var uniqueValues: [Value] = []
        var at: [String: Int] = [:]
        for (name, value) in zip(names, values) {
            if let i = at[name] { uniqueValues[i] = value; continue }
            at[name] = unique.count
            unique.append(name)
            uniqueValues.append(value)
        }
        return DynamicRecord(uniqueNames: unique, values: uniqueValues)
    }

    /// `value` as an engine value, keeping `old`'s type where the script did not change the
    /// value's kind (see the type's documentation).
    static func value(_ value: PyValue, like old: Value?) throws -> Value {
        guard let old else { return try value.engineValue() }
        switch (old, value) {
        case (.byte, .int(let i)): if let v = Int8(exactly: i) { return .byte(v) }
        case (.short, .int(let i)): if let v = Int16(exactly: i) { return .short(v) }
        case (.int, .int(let i)): if let v = Int32(exactly: i) { return .int(v) }
        case (.float, .float(let d)): return .float(Float(d))
        case (.decimal(let dec), .float(let d)): if dec.doubleValue == d { return old }
        case (.date, .str(let s)), (.timestamp, .str(let s)), (.binary, .str(let s)):
            if case .str(s) = PyValue(old) { return old }
        case (.structure(let r), .dict(let d)): return .structure(try record(d, like: r))
        case (.map(let r), .dict(let d)): return .map(try record(d, like: r))
        case (.array(let items), .list(let l)): return .array(try elements(l.items, like: items))
        case (.array(let items), .tuple(let t)): return .array(try elements(t, like: items))
        default: break
        }
        return try value.engineValue()
    }

    private static func elements(_ values: [PyValue], like old: [Value]) throws -> [Value] {
        try values.enumerated().map { i, v in try value(v, like: i < old.count ? old[i] : nil) }
    }

    /// The engine's view of an error a script function raised: Python exceptions (raised by
    /// native code, or located by the interpreter) become `RecordFunctionError`s, which `map`
    /// and `filter` turn into error records (or, for `KeyError`/`ValueError`/`TypeError` in
    /// `filter`, a dropped record). nil for anything else, which stops the transform.
    static func recordFunctionError(_ error: any Error) -> RecordFunctionError? {
        switch error {
        case let e as RecordFunctionError:
            return e
        case let e as PyException:
            return RecordFunctionError(kind(e.kind.rawValue), e.message)
        case ScriptError.runtime(_, _, _, let type, let message):
            return RecordFunctionError(kind(type), message)
        default:
            return nil
        }
    }

    private static func kind(_ name: String) -> RecordFunctionError.Kind {
        switch name {
        case "KeyError": .keyError
        case "ValueError": .valueError
        case "TypeError": .typeError
        default: .other(name)
        }
    }
}

/// Runs a record function inside an engine transform, keeping errors that are not Python
/// exceptions (an interpreter limit, a host failure) out of the error stream: they stop the
/// transform and are rethrown by ``rethrowFatal()``.
final class RecordFunctionRunner {
    private(set) var fatal: (any Error)?

    /// Thrown to the engine after a fatal error, to end the record quickly; never escapes.
    private struct Abandoned: Error {}

    func run<T>(_ body: () throws -> T) throws -> T {
        if fatal != nil { throw Abandoned() }
        do {
            return try body()
        } catch {
            if let e = RecordConversion.recordFunctionError(error) { throw e }
            fatal = error
            throw Abandoned()
        }
    }

    func rethrowFatal() throws {
        if let fatal { throw fatal }
    }
}
