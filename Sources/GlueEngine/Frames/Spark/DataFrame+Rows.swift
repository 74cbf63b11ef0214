/// Row-set operations: `distinct`, `dropDuplicates`, `orderBy`, `union`, `unionByName`,
/// `na.fill`, `na.drop`.
extension DataFrame {
    /// `df.distinct()`: the first of each set of equal rows, in input order.
    public func distinct() -> DataFrame {
        var rows = SparkRows(self)
        var seen = Set<[Value]>()
        rows.rows = rows.rows.filter { seen.insert($0.values.map(SparkCast.key)).inserted }
        return rows.frame()
    }

    /// `df.dropDuplicates(["a", "b"])`: keeps the first row (in input order) of each set of rows
    /// equal on `subset` (all columns when nil).
    public func dropDuplicates(_ subset: [String]?) throws(EngineError) -> DataFrame {
        guard let subset else { return distinct() }
        var rows = SparkRows(self)
        let binder = rows.binder
        let keys = try subset.map { (n) throws(EngineError) in try binder.resolve(n, table: nil) }
        var seen = Set<[Value]>()
        rows.rows = rows.rows.filter { r in seen.insert(keys.map { SparkCast.key(r.values[$0]) }).inserted }
        return rows.frame()
    }

    /// `df.orderBy(...)` / `df.sort(...)`: a stable sort; ascending keys put nulls first,
    /// descending keys put them last, unless the order says otherwise.
    public func orderBy(_ keys: [SortOrder]) throws(EngineError) -> DataFrame {
        var rows = SparkRows(self)
        let binder = rows.binder
        let bound = try keys.map { (k) throws(EngineError) in try binder.bind(k.expression) }
        let values = rows.rows.map { r in bound.map { $0.eval(r) } }
        let order = SparkSort.sorted(Array(rows.rows.indices), keys: { values[$0] }, orders: keys)
        rows.rows = order.map { rows.rows[$0] }
        return rows.frame()
    }

    /// `df.union(other)` / `unionAll`: rows of both, matched by position; each column takes
    /// the wider of the two types, names come from this frame.
    /// - Throws: `AnalysisException` text when the column counts differ.
    public func union(_ other: DataFrame) throws(EngineError) -> DataFrame {
        guard schema.fields.count == other.schema.fields.count else {
            throw .transform(name: "AnalysisException",
                             message: "[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first input has \(schema.fields.count) columns and the second input has \(other.schema.fields.count) columns.")
        }
        var a = SparkRows(self)
        let b = SparkRows(other)
        for i in a.fields.indices {
            let t = SparkOperators.commonType([a.fields[i].type, b.fields[i].type])
            a.fields[i].type = t
            a.nullable[i] = a.nullable[i] || b.nullable[i]
        }
        a.rows += b.rows
        for r in a.rows.indices {
            for i in a.fields.indices where a.rows[r].values[i].dataType != a.fields[i].type {
                a.rows[r].values[i] = SparkCast.cast(a.rows[r].values[i], to: a.fields[i].type)
            }
        }
        return a.frame()
    }

    /// `df.unionByName(other, allowMissingColumns=...)`: columns matched by name; with
    /// `allowMissingColumns` a column missing on one side is null there, and the other
    /// frame's extra columns come last.
    public func unionByName(_ other: DataFrame, allowMissingColumns: Bool) throws(EngineError) -> DataFrame {
        var items: [ColumnExpression] = []
        for f in schema.fields {
            if other.schema.fields.contains(where: { $0.name.lowercased() == f.name.lowercased() }) {
                items.append(.column(f.name))
            } else if allowMissingColumns {
                items.append(.alias(.cast(.literal(.null), f.type), f.name))
            } else {
                throw .transform(name: "AnalysisException",
                                 message: "[NUM_COLUMNS_MISMATCH] Cannot resolve column name \"\(f.name)\" among (\(other.schema.names.joined(separator: ", "))).")
            }
        }
        var left = self
        if allowMissingColumns {
            let extra = other.schema.fields.filter { o in !schema.fields.contains { $0.name.lowercased() == o.name.lowercased() } }
            if !extra.isEmpty {
                left = try project(schema.fields.indices.map { .input($0) } + extra.map { .expression(.alias(.cast(.literal(.null), $0.type), $0.name)) })
                items += extra.map { .column($0.name) }
            }
        } else if other.schema.fields.count != schema.fields.count {
            throw .transform(name: "AnalysisException",
                             message: "[NUM_COLUMNS_MISMATCH] UNION can only be performed on inputs with the same number of columns, but the first input has \(schema.fields.count) columns and the second input has \(other.schema.fields.count) columns.")
        }
        return try left.union(try other.select(items))
    }

    /// `df.na.fill(value, subset)` / `fillna`: replaces nulls in the columns whose type fits the
    /// value (a number fills numeric columns, cast to each; a string fills string columns; a
    /// boolean fills boolean columns).
    public func fillNA(_ value: Value, subset: [String]?) -> DataFrame {
        let names = subset.map { Set($0.map { $0.lowercased() }) }
        var fills: [Int: Value] = [:]
        for (i, f) in schema.fields.enumerated() where names?.contains(f.name.lowercased()) ?? true {
            switch (value, f.type) {
            case (.string, .string), (.boolean, .boolean): fills[i] = value
            case (_, let t) where t.isNumeric && value.dataType.isNumeric: fills[i] = SparkCast.cast(value, to: t)
            default: break
            }
        }
        return filling(fills)
    }

    /// `df.na.fill({"a": 0, "b": "x"})`: per-column fill values, cast to each column's type.
    public func fillNA(_ values: [String: Value]) -> DataFrame {
        var fills: [Int: Value] = [:]
        for (i, f) in schema.fields.enumerated() {
            if let v = values.first(where: { $0.key.lowercased() == f.name.lowercased() })?.value {
                let cast = SparkCast.cast(v, to: f.type)
                if !cast.isNull { fills[i] = cast }
            }
        }
        return filling(fills)
    }

    private func filling(_ fills: [Int: Value]) -> DataFrame {
        if fills.isEmpty { return self }
        var rows = SparkRows(self)
        for r in rows.rows.indices {
            for (i, v) in fills where rows.rows[r].values[i].isNull || isNaN(rows.rows[r].values[i]) {
                rows.rows[r].values[i] = v
            }
        }
        for i in fills.keys { rows.nullable[i] = false }
        return rows.frame()
    }

    private func isNaN(_ v: Value) -> Bool {
        if case .double(let d) = v { return d.isNaN }
        if case .float(let f) = v { return f.isNaN }
        return false
    }

    /// `df.na.drop(how="any"|"all", thresh=n, subset=[...])` / `dropna`: drops rows with nulls
    /// (or NaN) in the subset; `threshold` keeps rows with at least that many non-null values.
    public func dropNA(how: String, threshold: Int?, subset: [String]?) throws(EngineError) -> DataFrame {
        let mode = how.lowercased()
        guard mode == "any" || mode == "all" else {
            throw .invalidOption(name: "how", value: how, reason: "how ('\(how)') should be 'any' or 'all'")
        }
        var rows = SparkRows(self)
        let binder = rows.binder
        let columns = try (subset ?? schema.names).map { (n) throws(EngineError) in try binder.resolve(n, table: nil) }
        let needed = threshold ?? (mode == "any" ? columns.count : 1)
        rows.rows = rows.rows.filter { r in
            columns.filter { !r.values[$0].isNull && !isNaN(r.values[$0]) }.count >= needed
        }
        return rows.frame()
    }
}
