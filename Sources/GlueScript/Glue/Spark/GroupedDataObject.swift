import GlueEngine

/// pyspark's `GroupedData` (`df.groupBy(...)`): `agg(*exprs)` with aggregate Columns
/// (`F.sum("qty").alias("n")`) or one dict of column → function name (`{"price": "sum"}`,
/// functions `sum`, `avg`/`mean`, `min`, `max`, `count`, `first`, `last`, `collect_list`,
/// `collect_set`; `"*": "count"` counts rows), `count()`, `sum(*cols)`, `avg(*cols)`,
/// `mean(*cols)`, `min(*cols)`, `max(*cols)` (no columns: every numeric column that is not a
/// key). `pivot` and `applyInPandas` are not available.
final class GroupedDataObject: PyObject {
    let frame: DataFrameObject
    let grouped: GroupedData

    init(_ frame: DataFrameObject, _ grouped: GroupedData) {
        self.frame = frame
        self.grouped = grouped
    }

    var typeName: String { "GroupedData" }
    var repr: String { "GroupedData[grouping expressions: [...], value: \(frame.repr), type: GroupBy]" }

    static let dictFunctions: [String: AggregateFunction] = [
        "sum": .sum, "avg": .avg, "mean": .avg, "min": .min, "max": .max, "count": .count, "first": .first, "last": .last,
        "collect_list": .collectList, "collect_set": .collectSet,
    ]

    /// `agg(*exprs)` / `agg(dict)`.
    func aggregate(_ args: CallArguments, _ function: String) throws -> PyValue {
        try WindowSpecObject.noKeywords(args, function)
        var expressions: [ColumnExpression] = []
        if args.positional.count == 1, case .dict(let d) = args.positional[0] {
            for (key, value) in d.items {
                guard case .str(let column) = key, case .str(let fname) = value else {
                    throw PyException(.typeError, "\(function)(): a dict of column name to function name (str) is expected")
                }
                guard let f = Self.dictFunctions[fname.lowercased()] else {
                    throw PyException(.exception, "AnalysisException: [UNRESOLVED_ROUTINE] Cannot resolve function `\(fname)` (gluelab's agg dict takes \(Self.dictFunctions.keys.sorted().joined(separator: ", ")))")
                }
                let argument: ColumnExpression? = column == "*" ? nil : .column(column)
                if argument == nil, f != .count {
                    throw PyException(.exception, "AnalysisException: \(fname)(*) is not an aggregate Spark accepts; only count takes '*'")
                }
                expressions.append(.aggregate(f, argument, distinct: false))
            }
        } else {
            guard !args.positional.isEmpty else { throw PyException(.exception, "AssertionError: exprs should not be empty") }
            expressions = try args.positional.map {
                guard $0.object(as: ColumnObject.self) != nil else {
                    throw PyException(.typeError, "\(function)(): all exprs should be Column (or one dict), got \($0.typeName)")
                }
                return try ColumnArguments.value($0, function)
            }
        }
        return frame.derived(try grouped.agg(expressions))
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "agg":
            return .builtin(PyBuiltin(name) { args, _ in try self.aggregate(args, "GroupedData.agg") })
        case "count":
            return nativeMethod(name, []) { _, _ in self.frame.derived(try self.grouped.count()) }
        case "sum", "avg", "mean", "min", "max":
            return .builtin(PyBuiltin(name) { args, _ in
                try WindowSpecObject.noKeywords(args, name)
                let columns = try args.positional.map {
                    guard case .str(let s) = $0 else { throw PyException(.typeError, "\(name)() takes column names (str), got \($0.typeName)") }
                    return s
                }
                switch name {
                case "sum": return self.frame.derived(try self.grouped.sum(columns))
                case "min": return self.frame.derived(try self.grouped.min(columns))
                case "max": return self.frame.derived(try self.grouped.max(columns))
                default: return self.frame.derived(try self.grouped.avg(columns))
                }
            })
        case "pivot", "applyInPandas", "apply", "cogroup", "applyInPandasWithState":
            throw PyException(.attributeError, "'GroupedData' object has no attribute '\(name)' (not available in gluelab)")
        default:
            return nil
        }
    }
}

/// `df.na` (pyspark's `DataFrameNaFunctions`): `fill(value, subset=None)` and `drop(how="any",
/// thresh=None, subset=None)`; also `df.fillna` / `df.dropna`. `fill` takes an int, float,
/// str or bool (only columns of a matching type are filled, as Spark does) or a dict of column
/// → value.
final class NAFunctionsObject: PyObject {
    let frame: DataFrameObject

    init(frame: DataFrameObject) {
        self.frame = frame
    }

    var typeName: String { "DataFrameNaFunctions" }

    func fill(_ name: String) -> PyValue {
        nativeMethod(name, ["value", .optional("subset")]) { b, _ in
            if case .dict(let d) = b["value"] {
                var values: [String: Value] = [:]
                for (key, value) in d.items {
                    guard case .str(let column) = key else { throw PyException(.typeError, "\(name)(): dict keys must be column names") }
                    values[column] = try Self.fillValue(value, name)
                }
                return self.frame.derived(self.frame.dataFrame.fillNA(values))
            }
            var subset: [String]?
            switch b["subset"] {
            case .none: subset = nil
            case .str(let s): subset = [s]
            default: subset = try b.strings("subset")
            }
            return self.frame.derived(self.frame.dataFrame.fillNA(try Self.fillValue(b["value"], name), subset: subset))
        }
    }

    static func fillValue(_ value: PyValue, _ function: String) throws -> Value {
        switch value {
        case .int, .float, .str, .bool: return try value.engineValue()
        default: throw PyException(.typeError, "\(function)(): value should be a float, int, str, bool or dict, got \(value.typeName)")
        }
    }

    func drop(_ name: String) -> PyValue {
        nativeMethod(name, [.optional("how", .str("any")), .optional("thresh"), .optional("subset")]) { b, _ in
            var subset: [String]?
            switch b["subset"] {
            case .none: subset = nil
            case .str(let s): subset = [s]
            default: subset = try b.strings("subset")
            }
            let thresh = b["thresh"].isNone ? nil : try b.int("thresh")
            return self.frame.derived(try self.frame.dataFrame.dropNA(how: try b.string("how"), threshold: thresh, subset: subset))
        }
    }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "fill": return fill(name)
        case "drop": return drop(name)
        case "replace": throw PyException(.attributeError, "'DataFrameNaFunctions' object has no attribute 'replace' (not available in gluelab; use F.when)")
        default: return nil
        }
    }
}
