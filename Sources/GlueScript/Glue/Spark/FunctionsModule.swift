import GlueEngine

/// `pyspark.sql.functions` (usually `F`): each function builds a Column. Arguments follow
/// pyspark's rule per parameter (``ColumnArguments``): columns as names or Columns
/// (`F.upper("name")`), patterns, formats and positions as Python values (`F.substring("s", 1,
/// 3)`, `F.date_format("d", "yyyy-MM")`), values as literals (`F.when(cond, "x")`, `F.lit`).
///
/// A real pyspark function gluelab does not build raises an `AttributeError` saying so;
/// any other name is Python's `AttributeError: module 'pyspark.sql.functions' has no attribute
/// 'x'`.
final class FunctionsModule: PyModule {
    init() {
        super.init(name: "pyspark.sql.functions")
        for (name, build) in FunctionTable.all {
            members[name] = .builtin(PyBuiltin(name) { args, _ in
                try build(args, name)
            })
        }
    }

    override func attribute(_ member: String, runtime: any PyRuntime) throws -> PyValue? {
        if let known = members[member] { return known }
        if member.hasPrefix("__") { return nil }
        if FunctionTable.unavailable.contains(member) {
            throw PyException(.attributeError, "module 'pyspark.sql.functions' has no attribute '\(member)' (not available in gluelab)")
        }
        throw PyException(.attributeError, "module 'pyspark.sql.functions' has no attribute '\(member)'")
    }
}

/// The functions of ``FunctionsModule`` by name.
enum FunctionTable {
    typealias Builder = (CallArguments, String) throws -> PyValue

    static var all: [String: Builder] {
        var table: [String: Builder] = [:]
        // Columns and literals.
        table["col"] = { args, name in
            let b = try args.bind(name, ["col"])
            guard case .str(let s) = b["col"] else { throw b.typeError("col", "str") }
            return ColumnArguments.wrap(s == "*" ? .star : .column(s))
        }
        table["column"] = table["col"]
        table["lit"] = { args, name in
            let b = try args.bind(name, ["col"])
            if b["col"].object(as: ColumnObject.self) != nil { return b["col"] }
            return ColumnArguments.wrap(.literal(try ColumnArguments.literal(b["col"], name)))
        }
        table["when"] = { args, name in
            let b = try args.bind(name, ["condition", "value"])
            return ColumnArguments.wrap(.when([WhenBranch(condition: try ColumnObject.condition(b["condition"], name),
                                                          value: try ColumnArguments.value(b["value"], name))], otherwise: nil))
        }
        for order in ["asc", "desc", "asc_nulls_first", "asc_nulls_last", "desc_nulls_first", "desc_nulls_last"] {
            table[order] = { args, name in
                let b = try args.bind(name, ["col"])
                return .object(ColumnObject(sort: ColumnObject.sortOrder(name, try ColumnArguments.column(b["col"], name))))
            }
        }
        // Aggregates.
        let aggregates: [(String, AggregateFunction)] = [
            ("sum", .sum), ("avg", .avg), ("mean", .avg), ("min", .min), ("max", .max), ("collect_list", .collectList),
            ("collect_set", .collectSet),
        ]
        for (fname, f) in aggregates {
            table[fname] = { args, name in
                let b = try args.bind(name, ["col"])
                return ColumnArguments.wrap(.aggregate(f, try ColumnArguments.column(b["col"], name), distinct: false))
            }
        }
        for (fname, f) in [("first", AggregateFunction.first), ("last", .last)] {
            table[fname] = { args, name in
                let b = try args.bind(name, ["col", .optional("ignorenulls", .bool(false))])
                if try b.bool("ignorenulls") {
                    throw PyException(.valueError, "\(name)(col, ignorenulls=True) is not available in gluelab; filter the nulls out first")
                }
                return ColumnArguments.wrap(.aggregate(f, try ColumnArguments.column(b["col"], name), distinct: false))
            }
        }
        table["count"] = { args, name in
            let b = try args.bind(name, ["col"])
            let c = try ColumnArguments.column(b["col"], name)
            return ColumnArguments.wrap(.aggregate(.count, c == .star ? nil : c, distinct: false))
        }
        for fname in ["countDistinct", "count_distinct"] {
            table[fname] = { args, name in
                let columns = try ColumnArguments.columns(args.positional, name)
                guard columns.count == 1, args.keywords.isEmpty else {
                    throw PyException(.valueError, "\(name)() over several columns is not available in gluelab; count the distinct rows of df.select(...).distinct() instead")
                }
                return ColumnArguments.wrap(.aggregate(.count, columns[0], distinct: true))
            }
        }
        for fname in ["sumDistinct", "sum_distinct"] {
            table[fname] = { args, name in
                let b = try args.bind(name, ["col"])
                return ColumnArguments.wrap(.aggregate(.sum, try ColumnArguments.column(b["col"], name), distinct: true))
            }
        }
        for (fname, f) in [("row_number", RankingFunction.rowNumber), ("rank", .rank), ("dense_rank", .denseRank)] {
            table[fname] = { args, name in
                _ = try args.bind(name, [])
                return ColumnArguments.wrap(.ranking(f))
            }
        }
        table["isnull"] = { args, name in
            let b = try args.bind(name, ["col"])
            return ColumnArguments.wrap(.unary(.isNull, try ColumnArguments.column(b["col"], name)))
        }
        scalarFunctions(&table)
        return table
    }

    /// Parameter kinds of the scalar functions.
    enum Parameter {
        /// `ColumnOrName`.
        case column(String)
        /// A Python value taken as a literal (a Column is used as is).
        case value(String)
        /// A value with a default (given as a literal when left out).
        case optionalValue(String, PyValue)
        /// `*cols`.
        case columns
    }

    /// Scalar functions: `.function(name, arguments)` with pyspark's parameters.
    static func scalarFunctions(_ table: inout [String: Builder]) {
        let oneColumn = ["upper", "lower", "trim", "ltrim", "rtrim", "length", "initcap", "reverse", "abs", "floor", "ceil",
                         "sqrt", "exp", "year", "month", "dayofmonth", "dayofweek", "hour", "minute", "second", "quarter",
                         "size", "md5", "isnotnull"]
        for name in oneColumn { table[name] = scalar([.column("col")]) }
        table["ceiling"] = scalar([.column("col")], as: "ceil")
        for name in ["concat", "coalesce", "greatest", "least", "array", "struct"] { table[name] = scalar([.columns]) }
        table["ln"] = scalar([.column("col")], as: "log")
        table["log"] = { args, name in
            // pyspark: log(col) is the natural logarithm; log(base, col) is not built here.
            guard args.positional.count == 1, args.keywords.isEmpty else {
                throw PyException(.valueError, "log(base, col) is not available in gluelab; use log(col) (natural logarithm) and divide")
            }
            return ColumnArguments.wrap(.function("log", [try ColumnArguments.column(args.positional[0], name)]))
        }
        table["concat_ws"] = scalar([.value("sep"), .columns])
        table["substring"] = scalar([.column("str"), .value("pos"), .value("len")])
        table["regexp_replace"] = scalar([.column("string"), .value("pattern"), .value("replacement")])
        table["regexp_extract"] = scalar([.column("str"), .value("pattern"), .value("idx")])
        table["split"] = scalar([.column("str"), .value("pattern"), .optionalValue("limit", .int(-1))])
        table["lpad"] = scalar([.column("col"), .value("len"), .value("pad")])
        table["rpad"] = scalar([.column("col"), .value("len"), .value("pad")])
        table["to_date"] = scalar([.column("col"), .optionalValue("format", .none)])
        table["to_timestamp"] = scalar([.column("col"), .optionalValue("format", .none)])
        table["date_format"] = scalar([.column("date"), .value("format")])
        table["date_add"] = scalar([.column("start"), .value("days")])
        table["date_sub"] = scalar([.column("start"), .value("days")])
        table["datediff"] = scalar([.column("end"), .column("start")])
        table["round"] = scalar([.column("col"), .optionalValue("scale", .int(0))])
        table["bround"] = scalar([.column("col"), .optionalValue("scale", .int(0))])
        table["current_date"] = scalar([])
        table["current_timestamp"] = scalar([])
        table["input_file_name"] = scalar([])
        table["expr"] = { args, name in
            let b = try args.bind(name, ["str"])
            return ColumnArguments.wrap(try SparkExpressionParser.parse(try b.string("str")))
        }
    }

    /// A scalar function with `parameters`; `as` renames it (aliases such as `ceiling`). An
    /// optional parameter left as `None` is dropped (`to_date(col)` is `to_date(col)`).
    static func scalar(_ parameters: [Parameter], as engineName: String? = nil) -> Builder {
        { args, name in
            var specs: [ParameterSpec] = []
            var variadic = false
            for p in parameters {
                switch p {
                case .column(let n), .value(let n): specs.append(ParameterSpec(stringLiteral: n))
                case .optionalValue(let n, let d): specs.append(.optional(n, d))
                case .columns: variadic = true
                }
            }
            let fixed = variadic ? CallArguments(Array(args.positional.prefix(specs.count)), keywords: args.keywords) : args
            let b = try fixed.bind(name, specs)
            var expressions: [ColumnExpression] = []
            for p in parameters {
                switch p {
                case .column(let n): expressions.append(try ColumnArguments.column(b[n], name, n))
                case .value(let n): expressions.append(try ColumnArguments.value(b[n], name))
                case .optionalValue(let n, _):
                    if !b[n].isNone { expressions.append(try ColumnArguments.value(b[n], name)) }
                case .columns:
                    expressions += try ColumnArguments.columns(Array(args.positional.dropFirst(specs.count)), name)
                }
            }
            return ColumnArguments.wrap(.function(engineName ?? name, expressions))
        }
    }

    /// Real pyspark functions gluelab does not build (named so the error says "not available"
    /// rather than "no attribute").
    static let unavailable: Set<String> = [
        "explode", "explode_outer", "posexplode", "posexplode_outer", "inline", "array_contains", "array_distinct",
        "array_join", "array_max", "array_min", "array_position", "array_remove", "array_sort", "array_union", "arrays_zip",
        "create_map", "map_keys", "map_values", "element_at", "pow", "power", "instr", "add_months", "date_trunc", "trunc",
        "dayofyear", "weekofyear", "last_day", "flatten", "sort_array", "slice", "sequence",
        "from_json", "to_json", "get_json_object", "json_tuple", "schema_of_json", "udf", "pandas_udf", "broadcast",
        "monotonically_increasing_id", "spark_partition_id", "rand", "randn", "uuid", "sha1", "sha2", "crc32", "hash",
        "xxhash64", "base64", "unbase64", "hex", "unhex", "approx_count_distinct", "approxCountDistinct", "percentile_approx",
        "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "skewness", "kurtosis", "corr", "covar_pop",
        "covar_samp", "ntile", "percent_rank", "cume_dist", "lag", "lead", "nth_value", "window", "session_window",
        "unix_timestamp", "from_unixtime", "to_utc_timestamp", "from_utc_timestamp", "months_between", "next_day",
        "weekday", "make_date", "date_from_unix_date", "timestamp_seconds", "nanvl", "isnan", "signum", "log10",
        "log2", "log1p", "cbrt", "degrees", "radians", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "hypot",
        "factorial", "conv", "bin", "shiftleft", "shiftright", "bitwise_not", "bitwiseNOT", "translate", "overlay",
        "format_number", "format_string", "locate", "repeat", "soundex", "levenshtein", "ascii", "encode", "decode",
        "substring_index", "split_part", "regexp_like", "regexp_count", "grouping", "grouping_id", "any_value", "bool_and",
        "bool_or", "every", "some", "count_if", "max_by", "min_by", "product", "mode", "median", "nvl", "nvl2", "ifnull",
        "nullif", "call_udf", "assert_true", "raise_error", "current_timezone", "localtimestamp", "to_unix_timestamp",
        "date_part", "extract", "datepart", "zip_with", "transform", "filter", "exists", "forall", "aggregate", "map_filter",
        "transform_keys", "transform_values", "map_from_arrays", "map_from_entries", "map_concat", "named_struct",
    ]
}
