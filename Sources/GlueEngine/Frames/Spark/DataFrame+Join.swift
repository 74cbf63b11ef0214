/// What `df.join(other, on, how)` joins on.
public enum JoinCondition: Hashable, Sendable {
    /// `on="id"` / `on=["id", "day"]`: equal values of same-named columns; the key columns
    /// appear once in the result (first), as Spark merges them.
    case columns([String])
    /// `on=df1.id == df2.id` (any boolean expression): both sides' columns are kept, with
    /// their frames' qualifiers to tell same-named columns apart.
    case expression(ColumnExpression)
    /// No condition: a cross join.
    case none
}

extension DataFrame {
    /// `df.join(other, on, how)` for inner, left, right, full, semi, anti and cross joins.
    ///
    /// Equality conditions between one column of each side (`on` names, or `a.x == b.y`
    /// conjuncts of an expression) run as a hash join; null keys never match. Any other
    /// condition is checked on each candidate pair. Result rows come in left-input order
    /// (matches of a left row in right-input order), then unmatched right rows for right and
    /// full joins.
    /// - Throws: `AnalysisException` texts for unknown or ambiguous columns.
    public func join(_ other: DataFrame, on: JoinCondition, how: JoinType) throws(EngineError) -> DataFrame {
        let left = SparkRows(self)
        let right = SparkRows(other)
        let combined = SparkBinder(fields: left.fields + right.fields, nullable: left.nullable + right.nullable,
                                   qualifiers: left.qualifiers + right.qualifiers)
        let width = left.fields.count
        var leftKeys: [BoundExpression] = []
        var rightKeys: [BoundExpression] = []
        var residual: BoundExpression?
        var usingColumns: [(Int, Int)] = []

        switch on {
        case .columns(let names):
            for n in names {
                let l = try left.binder.resolve(n, table: nil)
                let r = try right.binder.resolve(n, table: nil)
                usingColumns.append((l, r))
                leftKeys.append(try left.binder.bind(.column(left.fields[l].name)))
                rightKeys.append(try right.binder.bind(.column(right.fields[r].name)))
            }
        case .expression(let e):
            var rest: [ColumnExpression] = []
            for c in Self.conjuncts(e) {
                if case .binary(.equal, let a, let b) = c,
                   let (l, r) = Self.sides(a, b, left: left.binder, right: right.binder) ?? Self.sides(b, a, left: left.binder, right: right.binder) {
                    leftKeys.append(l)
                    rightKeys.append(r)
                } else {
                    rest.append(c)
                }
            }
            if let first = rest.first {
                residual = try combined.bind(rest.dropFirst().reduce(first) { .binary(.and, $0, $1) })
            }
        case .none:
            break
        }

        // Hash the right side on its keys.
        var table: [[Value]: [Int]] = [:]
        for (j, row) in right.rows.enumerated() {
            let key = rightKeys.map { SparkCast.key($0.eval(row)) }
            if key.contains(where: \.isNull) { continue }
            table[key, default: []].append(j)
        }
        let allRight = Array(right.rows.indices)
        let nullRight = [Value](repeating: .null, count: right.fields.count)
        let nullLeft = [Value](repeating: .null, count: width)
        var matchedRight = [Bool](repeating: false, count: right.rows.count)
        var out: [SparkRow] = []
        for row in left.rows {
            let key = leftKeys.map { SparkCast.key($0.eval(row)) }
            let candidates = leftKeys.isEmpty ? allRight : (key.contains(where: \.isNull) ? [] : table[key] ?? [])
            var matched = false
            for j in candidates {
                let pair = SparkRow(values: row.values + right.rows[j].values, source: row.source ?? right.rows[j].source)
                if let residual, SparkOperators.boolean(residual.eval(pair)) != true { continue }
                matched = true
                matchedRight[j] = true
                if how == .semi || how == .anti { break }
                out.append(pair)
            }
            switch how {
            case .semi where matched, .anti where !matched: out.append(row)
            case .left where !matched, .full where !matched:
                out.append(SparkRow(values: row.values + nullRight, source: row.source))
            default: break
            }
        }
        if how == .right || how == .full {
            for (j, r) in right.rows.enumerated() where !matchedRight[j] {
                out.append(SparkRow(values: nullLeft + r.values, source: r.source))
            }
        }
        if how == .semi || how == .anti {
            return SparkRows(fields: left.fields, nullable: left.nullable, qualifiers: left.qualifiers, rows: out).frame()
        }
        let leftNullable = how == .right || how == .full
        let rightNullable = how == .left || how == .full
        var result = SparkRows(fields: left.fields + right.fields,
                               nullable: left.nullable.map { $0 || leftNullable } + right.nullable.map { $0 || rightNullable },
                               qualifiers: left.qualifiers + right.qualifiers, rows: out)
        if !usingColumns.isEmpty {
            result = Self.mergingKeys(result, usingColumns, width: width, how: how)
        }
        return result.frame()
    }

    /// `on` columns once, first: the left value (right's for a right join, the non-null one for
    /// a full join), then the other left columns, then the other right columns.
    private static func mergingKeys(_ rows: SparkRows, _ keys: [(Int, Int)], width: Int, how: JoinType) -> SparkRows {
        let leftKeys = Set(keys.map(\.0)), rightKeys = Set(keys.map { $0.1 + width })
        let rest = rows.fields.indices.filter { !leftKeys.contains($0) && !rightKeys.contains($0) }
        var fields: [Field] = keys.map { rows.fields[$0.0] }
        var nullable: [Bool] = keys.map { l, r in how == .full ? rows.nullable[l] && rows.nullable[r + width] : (how == .right ? rows.nullable[r + width] : rows.nullable[l]) }
        var qualifiers: [Set<String>] = keys.map { l, r in rows.qualifiers[l].union(rows.qualifiers[r + width]) }
        for (i, (l, r)) in keys.enumerated() {
            fields[i].type = SparkOperators.commonType([rows.fields[l].type, rows.fields[r + width].type])
        }
        fields += rest.map { rows.fields[$0] }
        nullable += rest.map { rows.nullable[$0] }
        qualifiers += rest.map { rows.qualifiers[$0] }
        let out = rows.rows.map { row -> SparkRow in
            let k = keys.map { l, r -> Value in
                let lv = row.values[l], rv = row.values[r + width]
                switch how {
                case .right: return rv
                case .full: return lv.isNull ? rv : lv
                default: return lv
                }
            }
            return SparkRow(values: k + rest.map { row.values[$0] }, source: row.source)
        }
        return SparkRows(fields: fields, nullable: nullable, qualifiers: qualifiers, rows: out)
    }

    /// The AND-ed parts of a condition.
    static func conjuncts(_ e: ColumnExpression) -> [ColumnExpression] {
        if case .binary(.and, let a, let b) = e { return conjuncts(a) + conjuncts(b) }
        return [e]
    }

    /// `a` bound on the left side only and `b` on the right side only, if so.
    private static func sides(_ a: ColumnExpression, _ b: ColumnExpression, left: SparkBinder, right: SparkBinder) -> (BoundExpression, BoundExpression)? {
        guard onlyColumns(a, of: left), onlyColumns(b, of: right), let l = try? left.bind(a), let r = try? right.bind(b) else { return nil }
        return (l, r)
    }

    /// True when every column `e` names resolves in `binder`, honouring qualifiers strictly.
    private static func onlyColumns(_ e: ColumnExpression, of binder: SparkBinder) -> Bool {
        var ok = true
        var any = false
        e.walk { x in
            if case .column(let name, let table) = x {
                any = true
                let base = name.split(separator: ".").first.map(String.init) ?? name
                let matches = (0..<binder.visibleCount).filter {
                    (binder.fields[$0].name.lowercased() == name.lowercased() || binder.fields[$0].name.lowercased() == base.lowercased() || binder.qualifiers[$0].contains(base))
                        && (table == nil || binder.qualifiers[$0].contains(table!))
                }
                if matches.isEmpty { ok = false }
            }
            if case .aggregate = x { ok = false }
            if case .window = x { ok = false }
            return true
        }
        return ok && any
    }
}
