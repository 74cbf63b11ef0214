/// What `DataFrameReader` and `DataFrameWriter` share: `format(source)`, `option(key, value)`
/// and `options(**kwargs)`, each returning the builder itself for chaining, with option values
/// turned into text as pyspark's `to_str` does.
protocol SparkOptionsBuilder: PyObject {
    var format: String { get set }
    var options: [String: String] { get set }
}

extension SparkOptionsBuilder {
    /// The shared chaining method called `name`, or nil.
    func optionsMethod(_ name: String) -> PyValue? {
        switch name {
        case "format":
            return nativeMethod(name, ["source"]) { b, _ in
                self.format = try b.string("source").lowercased()
                return .object(self)
            }
        case "option":
            return nativeMethod(name, ["key", "value"]) { b, runtime in
                try self.setOption(try b.string("key"), b["value"], runtime)
                return .object(self)
            }
        case "options":
            return nativeMethod(name, [], extraKeywords: true) { b, runtime in
                for (k, v) in b.extra { try self.setOption(k, v, runtime) }
                return .object(self)
            }
        default:
            return nil
        }
    }

    /// Sets (or, for `None`, removes) one option.
    func setOption(_ key: String, _ value: PyValue, _ runtime: any PyRuntime) throws {
        options[key] = try Self.optionText(value, runtime)
    }

    /// pyspark's `to_str`: booleans lower-case, `None` none, anything else by its `str()`.
    static func optionText(_ value: PyValue, _ runtime: any PyRuntime) throws -> String? {
        switch value {
        case .none: return nil
        case .bool(let b): return b ? "true" : "false"
        default: return try runtime.str(value)
        }
    }
}
