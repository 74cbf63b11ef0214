/// One row while a DataFrame operation evaluates it: the values by column position and the
/// object the row was read from (for `input_file_name()`).
struct SparkRow {
    var values: [Value]
    var source: String?
}

/// A DataFrame unpacked into rows: the working form of the row-at-a-time operations.
struct SparkRows {
    var fields: [Field]
    var nullable: [Bool]
    var qualifiers: [Set<String>]
    var rows: [SparkRow]

    init(fields: [Field], nullable: [Bool], qualifiers: [Set<String>], rows: [SparkRow]) {
        self.fields = fields
        self.nullable = nullable
        self.qualifiers = qualifiers
        self.rows = rows
    }

    /// The rows of `df`, in order (the first `limit` of them).
    init(_ df: DataFrame, limit: Int = Int.max) {
        fields = df.schema.fields
        nullable = df.nullable
        qualifiers = df.qualifiers
        var rows: [SparkRow] = []
        rows.reserveCapacity(min(limit, df.count()))
        for b in df.batches where rows.count < limit {
            for i in 0..<min(b.count, limit - rows.count) {
                rows.append(SparkRow(values: b.columns.map { $0.value(at: i) }, source: b.source))
            }
        }
        self.rows = rows
    }

    /// A binder resolving column names against these rows' columns.
    var binder: SparkBinder {
        SparkBinder(fields: fields, nullable: nullable, qualifiers: qualifiers)
    }

    /// The rows as a DataFrame: consecutive rows from one source make one batch (at most
    /// 65,536 rows), each value cast to its column's type.
    func frame() -> DataFrame {
        let schema = StructType(fields)
        var batches: [RecordBatch] = []
        var start = 0
        while start < rows.count {
            var end = start + 1
            while end < rows.count, end - start < 65_536, rows[end].source == rows[start].source { end += 1 }
            let columns = fields.enumerated().map { (j, f) -> Column in
                let builder = ColumnBuilder()
                for r in start..<end {
                    let v = rows[r].values[j]
                    builder.append(v.dataType == f.type || v.isNull ? v : SparkCast.cast(v, to: f.type))
                }
                return builder.finish().strictlyTyped(as: f.type)
            }
            batches.append(RecordBatch(count: end - start, names: fields.map(\.name), columns: columns, source: rows[start].source))
            start = end
        }
        return DataFrame(strict: schema, batches: batches, nullable: nullable, qualifiers: qualifiers)
    }
}

extension DataFrame {
    /// This frame with the same rows and columns, renamed or retyped at the schema level only.
    func reshaped(fields: [Field], columns: [Int]) -> DataFrame {
        let batches = self.batches.map { b in
            b.with(names: fields.map(\.name), columns: columns.map { b.columns[$0] })
        }
        return DataFrame(strict: StructType(fields), batches: batches,
                         nullable: columns.map { nullable[$0] }, qualifiers: columns.map { qualifiers[$0] })
    }

    /// The rows as records, in order (null fields left out, as record views do).
    public func rows() -> [DynamicRecord] {
        records
    }

    /// The column names, in order (`df.columns`).
    public var columns: [String] { schema.names }

    /// `(name, simple type name)` per column (`df.dtypes`: `bigint`, `int`, `string`, ...).
    public var dtypes: [(String, String)] {
        schema.fields.map { ($0.name, SparkTypes.simpleName($0.type)) }
    }

    /// This frame under an alias: `df.alias("a")` lets `F.col("a.id")` name its columns.
    public func alias(_ name: String) -> DataFrame {
        DataFrame(strict: schema, batches: batches, nullable: nullable, qualifiers: qualifiers.map { $0.union([name]) })
    }
}
