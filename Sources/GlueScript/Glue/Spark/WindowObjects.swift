import GlueEngine

/// `pyspark.sql.window.Window` (also `pyspark.sql.Window`): `Window.partitionBy(*cols)` and
/// `Window.orderBy(*cols)` start a ``WindowSpecObject``; the frame constants
/// (`unboundedPreceding`, `unboundedFollowing`, `currentRow`) are there for scripts that
/// name them, but frames (`rowsBetween`, `rangeBetween`) are not available in gluelab.
final class WindowClass: PyObject {
    var typeName: String { "type" }
    var repr: String { "<class 'pyspark.sql.window.Window'>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "__name__": return .str("Window")
        case "unboundedPreceding": return .int(Int(Int64.min))
        case "unboundedFollowing": return .int(Int(Int64.max))
        case "currentRow": return .int(0)
        default: return try WindowSpecObject(WindowSpec()).attribute(name, runtime: runtime)
        }
    }
}

/// `pyspark.sql.window.WindowSpec`: `partitionBy(*cols)` and `orderBy(*cols)` each give a new
/// spec (replacing that part, as in Spark), for `F.row_number().over(w)`.
final class WindowSpecObject: PyObject {
    let spec: WindowSpec

    init(_ spec: WindowSpec) {
        self.spec = spec
    }

    var typeName: String { "WindowSpec" }
    var repr: String { "<WindowSpec \(ColumnText.window(spec))>" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "partitionBy":
            return .builtin(PyBuiltin(name) { args, _ in
                try Self.noKeywords(args, name)
                var spec = self.spec
                spec.partitionBy = try ColumnArguments.columns(args.positional, "Window.partitionBy")
                return .object(WindowSpecObject(spec))
            })
        case "orderBy":
            return .builtin(PyBuiltin(name) { args, _ in
                try Self.noKeywords(args, name)
                var spec = self.spec
                spec.orderBy = try ColumnArguments.sortOrders(args.positional, "Window.orderBy")
                return .object(WindowSpecObject(spec))
            })
        case "rowsBetween", "rangeBetween":
            throw PyException(.attributeError, "'WindowSpec' object has no attribute '\(name)' (not available in gluelab: windows use Spark's default frame; row_number, rank and dense_rank do not need one)")
        default:
            return nil
        }
    }

    static func noKeywords(_ args: CallArguments, _ name: String) throws {
        if let k = args.keywords.first {
            throw PyException(.typeError, "\(name)() got an unexpected keyword argument '\(k.name)'")
        }
    }
}
