/// Projections and row filters: `select`, `selectExpr`, `withColumn`, `filter`/`where`, and the
/// schema-only operations (`withColumnRenamed`, `drop`, `limit`).
extension DataFrame {
    /// One output column of a projection: an input column passed through, or an expression.
    enum ProjectItem {
        case input(Int)
        case expression(ColumnExpression)
    }

    /// `df.select(...)`: `*` (and `t.*`, `s.*` for a struct's fields) expand to columns; an
    /// aggregate without `groupBy` aggregates the whole frame (`select(F.max("x"))`); window
    /// functions are computed over their partitions.
    /// - Throws: `AnalysisException` texts for unknown columns and type mismatches.
    public func select(_ columns: [ColumnExpression]) throws(EngineError) -> DataFrame {
        if columns.contains(where: { !$0.aggregates.isEmpty }) {
            return try groupBy([]).aggregate(columns, includeKeys: false)
        }
        var items: [ProjectItem] = []
        for c in columns {
            items += try expand(c)
        }
        return try project(items)
    }

    /// `df.selectExpr("a", "price * 2 AS double_price", "upper(name)")`.
    public func selectExpr(_ expressions: [String]) throws(EngineError) -> DataFrame {
        try select(expressions.map { (s) throws(EngineError) in try SparkExpressionParser.parse(s) })
    }

    /// `*`, `t.*` and `struct.*` as the columns they stand for; other expressions as themselves.
    func expand(_ c: ColumnExpression) throws(EngineError) -> [ProjectItem] {
        switch c {
        case .star:
            return schema.fields.indices.map { .input($0) }
        case .column(let name, let table) where name.hasSuffix(".*"):
            let prefix = String(name.dropLast(2))
            let qualified = schema.fields.indices.filter { qualifiers[$0].contains(prefix) }
            if !qualified.isEmpty { return qualified.map { .input($0) } }
            let base = try SparkRows(fields: schema.fields, nullable: nullable, qualifiers: qualifiers, rows: []).binder.bind(.column(prefix, table: table))
            guard case .structure(let s) = base.type else {
                throw .transform(name: "AnalysisException", message: "Can only star expand struct data types. Attribute: `\(prefix)`.")
            }
            return s.fields.map { .expression(.alias(.column(prefix + "." + $0.name, table: table), $0.name)) }
        default:
            return [.expression(c)]
        }
    }

    /// Evaluates a projection row by row (window functions first, when there are any).
    func project(_ items: [ProjectItem]) throws(EngineError) -> DataFrame {
        var rows = SparkRows(self)
        var binder = rows.binder
        let windows = items.flatMap { item -> [ColumnExpression] in
            if case .expression(let e) = item { return e.windows }
            return []
        }
        if !windows.isEmpty {
            try SparkWindows.compute(windows, rows: &rows, binder: &binder)
        }
        var fields: [Field] = []
        var outNullable: [Bool] = []
        var outQualifiers: [Set<String>] = []
        var evals: [(SparkRow) -> Value] = []
        for item in items {
            switch item {
            case .input(let i):
                fields.append(schema.fields[i])
                outNullable.append(nullable[i])
                outQualifiers.append(qualifiers[i])
                evals.append { $0.values[i] }
            case .expression(let e):
                let b = try binder.bind(e)
                fields.append(Field(b.name, b.type))
                outNullable.append(b.nullable)
                var q: Set<String> = []
                if case .column(let name, let table) = e, let i = try? binder.resolve(name, table: table) { q = qualifiers[i] }
                outQualifiers.append(q)
                evals.append(b.eval)
            }
        }
        let out = rows.rows.map { row in SparkRow(values: evals.map { $0(row) }, source: row.source) }
        return SparkRows(fields: fields, nullable: outNullable, qualifiers: outQualifiers, rows: out).frame()
    }

    /// `df.filter(cond)` / `df.where(cond)`: keeps the rows where `condition` is true (null and
    /// false drop the row).
    public func filter(_ condition: ColumnExpression) throws(EngineError) -> DataFrame {
        var rows = SparkRows(self)
        var binder = rows.binder
        let windows = condition.windows
        if !windows.isEmpty { try SparkWindows.compute(windows, rows: &rows, binder: &binder) }
        if !condition.aggregates.isEmpty {
            throw .transform(name: "AnalysisException", message: "Aggregate functions are not allowed in a filter: \(SparkNames.name(condition)).")
        }
        let c = try binder.bind(condition).eval
        let width = schema.fields.count
        rows.rows = rows.rows.filter { SparkOperators.boolean(c($0)) == true }.map { SparkRow(values: Array($0.values.prefix(width)), source: $0.source) }
        rows.fields = Array(rows.fields.prefix(width))
        rows.nullable = Array(rows.nullable.prefix(width))
        rows.qualifiers = Array(rows.qualifiers.prefix(width))
        return rows.frame()
    }

    /// `df.filter("price > 10")`: a SQL condition.
    public func filter(_ condition: String) throws(EngineError) -> DataFrame {
        try filter(try SparkExpressionParser.parse(condition))
    }

    /// `df.withColumn(name, expr)`: replaces the column `name` in place, or appends it.
    public func withColumn(_ name: String, _ expression: ColumnExpression) throws(EngineError) -> DataFrame {
        try withColumns([(name, expression)])
    }

    /// `df.withColumns({...})`: several `withColumn`s evaluated against this frame.
    public func withColumns(_ columns: [(String, ColumnExpression)]) throws(EngineError) -> DataFrame {
        var items: [ProjectItem] = schema.fields.indices.map { .input($0) }
        for (name, e) in columns {
            let expr = ColumnExpression.alias(e, name)
            if let i = schema.fields.firstIndex(where: { $0.name.lowercased() == name.lowercased() }) {
                items[i] = .expression(expr)
            } else {
                items.append(.expression(expr))
            }
        }
        return try project(items)
    }

    /// `df.withColumnRenamed(existing, new)`; a name that does not exist changes nothing (as in Spark).
    public func withColumnRenamed(_ existing: String, _ new: String) -> DataFrame {
        let fields = schema.fields.map { f in f.name.lowercased() == existing.lowercased() ? Field(new, f.type) : f }
        return reshaped(fields: fields, columns: Array(fields.indices))
    }

    /// `df.toDF("a", "b")`: all columns renamed by position.
    /// - Throws: when the number of names differs from the number of columns.
    public func renamed(_ names: [String]) throws(EngineError) -> DataFrame {
        guard names.count == schema.fields.count else {
            throw .transform(name: "IllegalArgumentException",
                             message: "requirement failed: The number of columns doesn't match.\nOld column names (\(schema.fields.count)): \(schema.names.joined(separator: ", "))\nNew column names (\(names.count)): \(names.joined(separator: ", "))")
        }
        return reshaped(fields: zip(schema.fields, names).map { Field($1, $0.type) }, columns: Array(names.indices))
    }

    /// `df.drop("a", "b")`: drops the columns of those names; unknown names are ignored.
    public func drop(_ names: [String]) -> DataFrame {
        let lower = Set(names.map { $0.lowercased() })
        let keep = schema.fields.indices.filter { !lower.contains(schema.fields[$0].name.lowercased()) }
        return reshaped(fields: keep.map { schema.fields[$0] }, columns: keep)
    }

    /// `df.drop(df2["id"])`: drops the column a (qualified) reference resolves to.
    public func drop(columns: [ColumnExpression]) throws(EngineError) -> DataFrame {
        let binder = SparkRows(fields: schema.fields, nullable: nullable, qualifiers: qualifiers, rows: []).binder
        var dropped = Set<Int>()
        for c in columns {
            guard case .column(let name, let table) = c else { continue }
            if let i = try? binder.resolve(name, table: table) { dropped.insert(i) }
        }
        let keep = schema.fields.indices.filter { !dropped.contains($0) }
        return reshaped(fields: keep.map { schema.fields[$0] }, columns: keep)
    }

    /// `df.limit(n)`: the first `n` rows.
    public func limit(_ n: Int) -> DataFrame {
        if count() <= n { return DataFrame(strict: schema, batches: batches, nullable: nullable, qualifiers: qualifiers) }
        return SparkRows(self, limit: max(0, n)).frame()
    }
}
