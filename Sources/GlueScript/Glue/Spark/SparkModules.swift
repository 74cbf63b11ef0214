/// The pyspark modules of the DataFrame API: `pyspark.sql.functions` (``FunctionsModule``),
/// `pyspark.sql.types` (``SparkTypeObjects``, `Row`), `pyspark.sql.window` (`Window`),
/// `pyspark.sql.column` (`Column`, for `isinstance`), `pyspark.sql.dataframe` (`DataFrame`).
enum SparkModules {
    static func modules() -> [PyModule] {
        let window = PyValue.object(WindowClass())
        return [
            FunctionsModule(),
            PyModule(name: "pyspark.sql.types", members: SparkTypeObjects.members()),
            PyModule(name: "pyspark.sql.window", members: ["Window": window]),
            PyModule(name: "pyspark.sql.column", members: ["Column": classOnly("Column", "pyspark.sql.column",
                                                                               "build columns with F.col(name), df[name] or F.lit(value)")]),
            PyModule(name: "pyspark.sql.dataframe", members: ["DataFrame": classOnly("DataFrame", "pyspark.sql.dataframe",
                                                                                     "make DataFrames with spark.createDataFrame, spark.read or dynamic_frame.toDF()")]),
        ]
    }

    /// What `pyspark.sql` re-exports from `modules`.
    static func sqlMembers(from modules: [PyModule]) -> [String: PyValue] {
        func member(_ module: String, _ name: String) -> PyValue? {
            modules.first { $0.name == module }?.members[name]
        }
        var members: [String: PyValue] = [:]
        members["Row"] = member("pyspark.sql.types", "Row")
        members["Window"] = member("pyspark.sql.window", "Window")
        members["Column"] = member("pyspark.sql.column", "Column")
        members["DataFrame"] = member("pyspark.sql.dataframe", "DataFrame")
        return members
    }

    /// A class scripts may name (`isinstance(x, Column)`) but not call.
    static func classOnly(_ name: String, _ module: String, _ hint: String) -> PyValue {
        .object(NativeClass(name, module: module) { _, _ in
            throw PyException(.typeError, "\(name)(...) cannot be called directly in gluelab: \(hint)")
        })
    }
}
