import Foundation

/// One aggregate of a query, bound: its function, argument and result type.
struct SparkAggregate {
    var function: AggregateFunction
    var distinct: Bool
    var argument: BoundExpression?
    var type: DataType
    var nullable: Bool

    /// Binds `.aggregate(...)` against `binder`. Result types follow Spark: `sum` of integers
    /// is `bigint`, of decimals `decimal(p+10,s)`, otherwise `double`; `avg` is `double`
    /// (`decimal(p+4,s+4)` for decimals); `count` is a non-null `bigint`; `min`/`max`/`first`/
    /// `last` keep the argument's type; `collect_list`/`collect_set` make arrays.
    init(_ e: ColumnExpression, binder: SparkBinder) throws(EngineError) {
        guard case .aggregate(let f, let arg, let distinct) = e else {
            throw .transform(name: "AnalysisException", message: "\(SparkNames.name(e)) is not an aggregate function")
        }
        function = f
        self.distinct = distinct
        if let arg, arg != .star {
            argument = try binder.bind(arg)
        } else if f != .count {
            throw .transform(name: "AnalysisException", message: "Invalid usage of '*' in expression '\(f.rawValue)'.")
        }
        let t = argument?.type ?? .long
        nullable = true
        switch f {
        case .count:
            type = .long
            nullable = false
        case .sum:
            switch t {
            case .byte, .short, .int, .long: type = .long
            case .decimal(let p, let s): type = .decimal(precision: min(18, p + 10), scale: s)
            case .string, .null, .float, .double: type = .double
            default:
                throw .transform(name: "AnalysisException",
                                 message: "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"\(SparkNames.name(e))\": the input must be numeric, not \"\(SparkTypes.sqlName(t))\".")
            }
        case .avg:
            switch t {
            case .decimal(let p, let s): type = .decimal(precision: min(18, p + 4), scale: min(18, s + 4))
            case .date, .timestamp, .boolean, .array, .map, .structure, .binary:
                throw .transform(name: "AnalysisException",
                                 message: "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"\(SparkNames.name(e))\": the input must be numeric, not \"\(SparkTypes.sqlName(t))\".")
            default: type = .double
            }
        case .min, .max, .first, .last:
            type = t
        case .collectList, .collectSet:
            type = .array(t)
            nullable = false
        }
    }

    func makeState() -> SparkAggregateState {
        SparkAggregateState(self)
    }
}

/// The running state of one aggregate over one group.
final class SparkAggregateState {
    let spec: SparkAggregate
    var count: Int64 = 0
    var longSum: Int64 = 0
    var doubleSum: Double = 0
    var best: Value = .null
    var first: Value?
    var last: Value = .null
    var seen = Set<Value>()
    var list: [Value] = []

    init(_ spec: SparkAggregate) {
        self.spec = spec
    }

    func add(_ row: SparkRow) {
        guard let arg = spec.argument else {
            count += 1
            return
        }
        let v = arg.eval(row)
        if first == nil { first = v }
        last = v
        if v.isNull { return }
        if spec.distinct || spec.function == .collectSet {
            guard seen.insert(SparkCast.key(v)).inserted else { return }
        }
        count += 1
        switch spec.function {
        case .sum, .avg:
            if spec.type == .long, let i = v.integerValue {
                longSum = longSum &+ i
            } else {
                doubleSum += SparkCast.cast(v, to: .double).doubleValue ?? 0
                if let i = v.integerValue { longSum = longSum &+ i }
            }
        case .min, .max:
            if best.isNull {
                best = v
            } else if let c = SparkCast.compare(v, best), spec.function == .min ? c < 0 : c > 0 {
                best = v
            }
        case .collectList, .collectSet:
            list.append(v)
        default:
            break
        }
    }

    func result() -> Value {
        switch spec.function {
        case .count: return .long(count)
        case .sum:
            if count == 0 { return .null }
            if spec.type == .long { return .long(longSum) }
            return SparkCast.cast(.double(integralArgument ? Double(longSum) : doubleSum), to: spec.type)
        case .avg:
            if count == 0 { return .null }
            let total = integralArgument ? Double(longSum) : doubleSum
            return SparkCast.cast(.double(total / Double(count)), to: spec.type)
        case .min, .max: return best
        case .first: return first ?? .null
        case .last: return last
        case .collectList, .collectSet: return .array(list)
        }
    }

    private var integralArgument: Bool {
        switch spec.argument?.type {
        case .byte, .short, .int, .long: true
        default: false
        }
    }
}

/// `df.groupBy(...)`: the grouped rows an aggregation runs over.
public struct GroupedData: Sendable {
    let frame: DataFrame
    let keys: [ColumnExpression]

    /// `gd.agg(F.sum("x"), ...)`: one row per group, the key columns then the aggregates.
    public func agg(_ expressions: [ColumnExpression]) throws(EngineError) -> DataFrame {
        try aggregate(expressions, includeKeys: true)
    }

    /// `gd.count()`: the keys and a non-null `count` column.
    public func count() throws(EngineError) -> DataFrame {
        try agg([.alias(.aggregate(.count, nil, distinct: false), "count")])
    }

    /// `gd.sum("a", "b")`; no names means every numeric column that is not a key.
    public func sum(_ columns: [String]) throws(EngineError) -> DataFrame { try simple(.sum, columns) }
    /// `gd.avg(...)` / `gd.mean(...)`.
    public func avg(_ columns: [String]) throws(EngineError) -> DataFrame { try simple(.avg, columns) }
    /// `gd.min(...)`.
    public func min(_ columns: [String]) throws(EngineError) -> DataFrame { try simple(.min, columns) }
    /// `gd.max(...)`.
    public func max(_ columns: [String]) throws(EngineError) -> DataFrame { try simple(.max, columns) }

    private func simple(_ f: AggregateFunction, _ columns: [String]) throws(EngineError) -> DataFrame {
        var names = columns
        if names.isEmpty {
            let keyNames = Set(keys.map { SparkNames.name($0).lowercased() })
            names = frame.schema.fields.filter { $0.type.isNumeric && !keyNames.contains($0.name.lowercased()) }.map(\.name)
        }
        for n in names {
            guard let field = frame.schema.fields.first(where: { $0.name.lowercased() == n.lowercased() }) else {
                throw SparkBinder.unresolved(n, among: frame.schema.names)
            }
            guard field.type.isNumeric else {
                throw .transform(name: "AnalysisException", message: "\"\(n)\" is not a numeric column. Aggregation function can only be applied on a numeric column.")
            }
        }
        return try agg(names.map { .aggregate(f, .column($0), distinct: false) })
    }

    /// Groups the rows and evaluates `expressions` (aggregates and key references) per group.
    func aggregate(_ expressions: [ColumnExpression], includeKeys: Bool) throws(EngineError) -> DataFrame {
        let rows = SparkRows(frame)
        let binder = rows.binder
        let boundKeys = try keys.map { (k) throws(EngineError) in try binder.bind(k) }
        let aggregateExpressions = expressions.flatMap(\.aggregates).reduce(into: [ColumnExpression]()) { if !$0.contains($1) { $0.append($1) } }
        let specs = try aggregateExpressions.map { (e) throws(EngineError) in try SparkAggregate(e, binder: binder) }

        var groupIndex: [[Value]: Int] = [:]
        var groupKeys: [[Value]] = []
        var states: [[SparkAggregateState]] = []
        for row in rows.rows {
            let key = boundKeys.map { $0.eval(row) }
            let hashKey = key.map(SparkCast.key)
            let g: Int
            if let existing = groupIndex[hashKey] {
                g = existing
            } else {
                g = groupKeys.count
                groupIndex[hashKey] = g
                groupKeys.append(key)
                states.append(specs.map { $0.makeState() })
            }
            for s in states[g] { s.add(row) }
        }
        if keys.isEmpty && groupKeys.isEmpty {
            groupKeys.append([])
            states.append(specs.map { $0.makeState() })
        }

        // The grouped row: key values, then aggregate results.
        var out = SparkBinder(fields: boundKeys.map { Field($0.name, $0.type) },
                              nullable: boundKeys.map(\.nullable),
                              qualifiers: zip(keys, boundKeys).map { k, _ in
                                  if case .column(let n, let t) = k, let i = try? binder.resolve(n, table: t) { return rows.qualifiers[i] }
                                  return []
                              })
        for (i, k) in keys.enumerated() { out.slots[k] = i }
        for (e, s) in zip(aggregateExpressions, specs) { out.addSlot(e, type: s.type, nullable: s.nullable) }
        let grouped = zip(groupKeys, states).map { key, st in SparkRow(values: key + st.map { $0.result() }, source: nil) }

        var items: [BoundExpression] = []
        var qualifiers: [Set<String>] = []
        if includeKeys {
            for i in keys.indices {
                items.append(BoundExpression(name: boundKeys[i].name, type: boundKeys[i].type, nullable: boundKeys[i].nullable) { $0.values[i] })
                qualifiers.append(out.qualifiers[i])
            }
        }
        for e in expressions {
            items.append(try out.bind(e))
            qualifiers.append([])
        }
        let result = grouped.map { row in SparkRow(values: items.map { $0.eval(row) }, source: nil) }
        return SparkRows(fields: items.map { Field($0.name, $0.type) }, nullable: items.map(\.nullable),
                         qualifiers: qualifiers, rows: result).frame()
    }
}

extension DataFrame {
    /// `df.groupBy("dept")` / `df.groupBy(F.col("a"), F.year("d"))`.
    public func groupBy(_ keys: [ColumnExpression]) -> GroupedData {
        GroupedData(frame: self, keys: keys)
    }

    /// `df.agg(...)`: an aggregation of the whole frame.
    public func agg(_ expressions: [ColumnExpression]) throws(EngineError) -> DataFrame {
        try groupBy([]).agg(expressions)
    }
}
