/// Window functions: `row_number`, `rank`, `dense_rank` and aggregates `.over(Window.partitionBy(...).orderBy(...))`.
///
/// Rows are partitioned by the partition keys and sorted (stably) by the order keys. Ranking
/// functions number the rows of each partition. An aggregate over a window without `orderBy`
/// covers the whole partition; with `orderBy` it is a running aggregate whose frame is Spark's
/// default `RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW` (rows with equal order keys
/// share a value).
enum SparkWindows {
    /// Appends the value of each window expression to every row, and a slot for it to `binder`.
    static func compute(_ windows: [ColumnExpression], rows: inout SparkRows, binder: inout SparkBinder) throws(EngineError) {
        let base = binder
        for w in windows {
            guard case .window(let inner, let spec) = w else { continue }
            let partitionKeys = try spec.partitionBy.map { (p) throws(EngineError) in try base.bind(p) }
            let orderKeys = try spec.orderBy.map { (o) throws(EngineError) in try base.bind(o.expression) }
            var partitions: [[Value]: [Int]] = [:]
            var order: [[Value]] = []
            for (i, row) in rows.rows.enumerated() {
                let key = partitionKeys.map { SparkCast.key($0.eval(row)) }
                if partitions[key] == nil { order.append(key) }
                partitions[key, default: []].append(i)
            }
            var values = [Value](repeating: .null, count: rows.rows.count)
            let type: DataType
            let nullable: Bool
            var aggregate: SparkAggregate?
            switch inner {
            case .ranking:
                guard !spec.orderBy.isEmpty else {
                    throw .transform(name: "AnalysisException",
                                     message: "Window function \(SparkNames.name(inner)) requires window to be ordered, please add ORDER BY clause. For example SELECT \(SparkNames.name(inner))(value_expr) OVER (PARTITION BY window_partition ORDER BY window_ordering) from table")
                }
                type = .int
                nullable = false
            case .aggregate:
                let a = try SparkAggregate(inner, binder: base)
                aggregate = a
                type = a.type
                nullable = a.nullable
            default:
                throw .transform(name: "AnalysisException", message: "Expression '\(SparkNames.name(inner))' not supported within a window function.")
            }
            for key in order {
                var members = partitions[key] ?? []
                let sortValues = Dictionary(uniqueKeysWithValues: members.map { i in (i, orderKeys.map { $0.eval(rows.rows[i]) }) })
                members = SparkSort.sorted(members, keys: { sortValues[$0]! }, orders: spec.orderBy)
                let peers: (Int, Int) -> Bool = { a, b in
                    zip(sortValues[members[a]]!, sortValues[members[b]]!).allSatisfy { SparkCast.compareNullsFirst($0, $1) == 0 }
                }
                if case .ranking(let r) = inner {
                    var rank = 0, dense = 0
                    for (pos, i) in members.enumerated() {
                        let newPeerGroup = pos == 0 || !peers(pos - 1, pos)
                        if newPeerGroup { rank = pos + 1; dense += 1 }
                        switch r {
                        case .rowNumber: values[i] = .int(Int32(pos + 1))
                        case .rank: values[i] = .int(Int32(rank))
                        case .denseRank: values[i] = .int(Int32(dense))
                        }
                    }
                } else if let aggregate {
                    let state = aggregate.makeState()
                    if spec.orderBy.isEmpty {
                        for i in members { state.add(rows.rows[i]) }
                        let v = state.result()
                        for i in members { values[i] = v }
                    } else {
                        var pos = 0
                        while pos < members.count {
                            var end = pos + 1
                            while end < members.count, peers(pos, end) { end += 1 }
                            for j in pos..<end { state.add(rows.rows[members[j]]) }
                            let v = state.result()
                            for j in pos..<end { values[members[j]] = v }
                            pos = end
                        }
                    }
                }
            }
            for i in rows.rows.indices { rows.rows[i].values.append(values[i]) }
            rows.fields.append(Field("", type))
            rows.nullable.append(nullable)
            rows.qualifiers.append([])
            binder.addSlot(w, type: type, nullable: nullable)
        }
    }
}

/// Spark's sort: per key ascending or descending, nulls first or last, stable.
enum SparkSort {
    static func sorted(_ items: [Int], keys: (Int) -> [Value], orders: [SortOrder]) -> [Int] {
        let pairs = items.map { ($0, keys($0)) }
        return pairs.enumerated().sorted { x, y in
            for (k, o) in orders.enumerated() {
                let a = x.element.1[k], b = y.element.1[k]
                switch (a.isNull, b.isNull) {
                case (true, true): continue
                case (true, false): return o.nullsFirst
                case (false, true): return !o.nullsFirst
                default:
                    let c = SparkCast.compare(a, b) ?? 0
                    if c != 0 { return o.ascending ? c < 0 : c > 0 }
                }
            }
            return x.offset < y.offset
        }.map { $0.element.0 }
    }
}
