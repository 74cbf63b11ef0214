import Foundation

/// A column expression resolved against a row layout: its Spark name, type, nullability and
/// a function computing it from a row.
struct BoundExpression {
    var name: String
    var type: DataType
    var nullable: Bool
    var eval: (SparkRow) -> Value
}

/// Resolves `ColumnExpression`s against the columns of a frame and turns them into
/// `BoundExpression`s with Spark's semantics: SQL null propagation, three-valued AND/OR,
/// Spark's implicit casts (non-ANSI mode: integer overflow wraps, invalid casts give null,
/// division by zero gives null).
///
/// `slots` map whole sub-expressions (aggregates, window functions, grouping keys) to values
/// already computed in the row at a position; resolution by name sees only the first
/// `visibleCount` columns.
struct SparkBinder {
    var fields: [Field]
    var nullable: [Bool]
    var qualifiers: [Set<String>]
    var visibleCount: Int
    var slots: [ColumnExpression: Int] = [:]

    init(fields: [Field], nullable: [Bool], qualifiers: [Set<String>]) {
        self.fields = fields
        self.nullable = nullable
        self.qualifiers = qualifiers
        self.visibleCount = fields.count
    }

    /// Adds a hidden column holding the value of `expression` (computed beforehand).
    mutating func addSlot(_ expression: ColumnExpression, type: DataType, nullable: Bool) {
        slots[expression] = fields.count
        fields.append(Field("", type))
        self.nullable.append(nullable)
        qualifiers.append([])
    }

    // MARK: - Column resolution

    /// The position of the column `name` (qualified by `table` when several share the name).
    /// - Throws: Spark's `AnalysisException` texts for an unknown or ambiguous name.
    func resolve(_ name: String, table: String?) throws(EngineError) -> Int {
        var candidates = (0..<visibleCount).filter { fields[$0].name == name }
        if candidates.isEmpty {
            candidates = (0..<visibleCount).filter { fields[$0].name.lowercased() == name.lowercased() }
        }
        if candidates.count > 1, let table {
            candidates = candidates.filter { qualifiers[$0].contains(table) }
        }
        if candidates.count == 1 { return candidates[0] }
        if candidates.count > 1 {
            throw .transform(name: "AnalysisException",
                             message: "[AMBIGUOUS_REFERENCE] Reference `\(name)` is ambiguous, could be: [\(candidates.map { "`\(fields[$0].name)`" }.joined(separator: ", "))].")
        }
        throw Self.unresolved(name, among: Array(fields[0..<visibleCount].map(\.name)))
    }

    static func unresolved(_ name: String, among names: [String]) -> EngineError {
        .transform(name: "AnalysisException",
                   message: "[UNRESOLVED_COLUMN.WITH_SUGGESTION] A column or function parameter with name `\(name)` cannot be resolved. Did you mean one of the following? [\(names.map { "`\($0)`" }.joined(separator: ", "))].")
    }

    /// Binds a column reference, reading struct fields for dotted names (`s.x`) and
    /// qualified names (`a.id` after `alias("a")`).
    private func bindColumn(_ name: String, table: String?) throws(EngineError) -> BoundExpression {
        do {
            let i = try resolve(name, table: table)
            return BoundExpression(name: name, type: fields[i].type, nullable: nullable[i]) { $0.values[i] }
        } catch {
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard parts.count > 1 else { throw error }
            var base: BoundExpression
            var rest: ArraySlice<String>
            let qualified = (0..<visibleCount).contains { qualifiers[$0].contains(parts[0]) }
            if qualified, let b = try? bindColumn(parts[1], table: parts[0]) {
                base = b
                rest = parts.dropFirst(2)
            } else {
                guard let b = try? bindColumn(parts[0], table: table) else { throw error }
                base = b
                rest = parts.dropFirst()
            }
            for field in rest {
                guard case .structure(let s) = base.type, let f = s.fields.first(where: { $0.name.lowercased() == field.lowercased() }) else {
                    throw error
                }
                let inner = base.eval
                let fname = f.name
                base = BoundExpression(name: fname, type: f.type, nullable: true) { row in
                    inner(row).recordValue?[fname] ?? .null
                }
            }
            return base
        }
    }

    // MARK: - Binding

    /// Binds `e`. - Throws: `AnalysisException` texts for unknown columns, functions and
    /// type mismatches.
    func bind(_ e: ColumnExpression) throws(EngineError) -> BoundExpression {
        if let slot = slots[e] {
            return BoundExpression(name: SparkNames.name(e), type: fields[slot].type, nullable: nullable[slot]) { $0.values[slot] }
        }
        switch e {
        case .column(let name, let table):
            return try bindColumn(name, table: table)
        case .star:
            throw .transform(name: "AnalysisException", message: "Invalid usage of '*' in expression")
        case .literal(let v):
            return BoundExpression(name: SparkNames.name(e), type: v.dataType, nullable: v.isNull) { _ in v }
        case .alias(let inner, let name):
            var b = try bind(inner)
            b.name = name
            return b
        case .cast(let inner, let type):
            let b = try bind(inner)
            let eval = b.eval
            if type == .string, !b.type.isAtomic {
                let from = b.type
                return BoundExpression(name: SparkNames.name(e), type: type, nullable: b.nullable) { row in
                    let v = eval(row)
                    return v.isNull ? .null : .string(SparkCast.text(v, type: from))
                }
            }
            return BoundExpression(name: SparkNames.name(e), type: type, nullable: true) { SparkCast.cast(eval($0), to: type) }
        case .unary(let op, let inner):
            return try bindUnary(op, try bind(inner), name: SparkNames.name(e))
        case .binary(let op, let l, let r):
            return try SparkOperators.bind(op, try bind(l), try bind(r), name: SparkNames.name(e))
        case .between(let x, let lo, let hi):
            let ge = try SparkOperators.bind(.greaterEqual, try bind(x), try bind(lo), name: "")
            let le = try SparkOperators.bind(.lessEqual, try bind(x), try bind(hi), name: "")
            return try SparkOperators.bind(.and, ge, le, name: SparkNames.name(e))
        case .isIn(let x, let list):
            return try SparkOperators.bindIn(try bind(x), try list.map { (i) throws(EngineError) in try bind(i) }, name: SparkNames.name(e))
        case .like(let x, let pattern, let regex):
            return try SparkOperators.bindLike(try bind(x), pattern: pattern, regex: regex, name: SparkNames.name(e))
        case .when(let branches, let otherwise):
            return try bindWhen(branches, otherwise, name: SparkNames.name(e))
        case .function(let name, let args):
            return try SparkFunctions.bind(name, try args.map { (a) throws(EngineError) in try bind(a) }, arguments: args, name: SparkNames.name(e))
        case .aggregate:
            throw .transform(name: "AnalysisException",
                             message: "[MISSING_GROUP_BY] The query does not include a GROUP BY clause for aggregate \(SparkNames.name(e)).")
        case .window, .ranking:
            throw .transform(name: "AnalysisException",
                             message: "Window function \(SparkNames.name(e)) requires an OVER clause with a window specification.")
        }
    }

    private func bindUnary(_ op: ColumnUnaryOperator, _ b: BoundExpression, name: String) throws(EngineError) -> BoundExpression {
        let eval = b.eval
        switch op {
        case .isNull:
            return BoundExpression(name: name, type: .boolean, nullable: false) { .boolean(eval($0).isNull) }
        case .isNotNull:
            return BoundExpression(name: name, type: .boolean, nullable: false) { .boolean(!eval($0).isNull) }
        case .not:
            return BoundExpression(name: name, type: .boolean, nullable: b.nullable) { row in
                guard case .boolean(let v) = SparkCast.cast(eval(row), to: .boolean) else { return .null }
                return .boolean(!v)
            }
        case .negate:
            var type = b.type
            if type == .string { type = .double }
            guard type.isNumeric else {
                throw .transform(name: "AnalysisException", message: "[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE] Cannot resolve \"\(name)\": the input must be numeric, not \"\(SparkTypes.sqlName(b.type))\".")
            }
            let zero = BoundExpression(name: "", type: type, nullable: false) { _ in Value.integral(0, as: type) }
            var negated = try SparkOperators.bind(.subtract, zero, b, name: name)
            negated.nullable = b.nullable
            return negated
        }
    }

    private func bindWhen(_ branches: [WhenBranch], _ otherwise: ColumnExpression?, name: String) throws(EngineError) -> BoundExpression {
        let conditions = try branches.map { (w) throws(EngineError) in try bind(w.condition) }
        var values = try branches.map { (w) throws(EngineError) in try bind(w.value) }
        if let otherwise { values.append(try bind(otherwise)) }
        let type = SparkOperators.commonType(values.map(\.type))
        let conds = conditions.map(\.eval)
        let evals = values.map(\.eval)
        let hasElse = otherwise != nil
        let nullable = !hasElse || values.contains { $0.nullable }
        return BoundExpression(name: name, type: type, nullable: nullable) { row in
            for (i, c) in conds.enumerated() {
                if case .boolean(true) = c(row) { return SparkCast.cast(evals[i](row), to: type) }
            }
            return hasElse ? SparkCast.cast(evals[evals.count - 1](row), to: type) : .null
        }
    }
}

extension ColumnExpression {
    /// Calls `visit` on this expression and every sub-expression, parents first; `visit`
    /// returns false to skip an expression's children.
    func walk(_ visit: (ColumnExpression) -> Bool) {
        guard visit(self) else { return }
        switch self {
        case .column, .star, .literal, .ranking: break
        case .alias(let e, _), .cast(let e, _), .unary(_, let e), .like(let e, _, _): e.walk(visit)
        case .binary(_, let a, let b): a.walk(visit); b.walk(visit)
        case .isIn(let e, let list): e.walk(visit); list.forEach { $0.walk(visit) }
        case .between(let a, let b, let c): a.walk(visit); b.walk(visit); c.walk(visit)
        case .when(let branches, let o):
            for w in branches { w.condition.walk(visit); w.value.walk(visit) }
            o?.walk(visit)
        case .function(_, let args): args.forEach { $0.walk(visit) }
        case .aggregate(_, let a, _): a?.walk(visit)
        case .window(let e, let spec):
            e.walk(visit)
            spec.partitionBy.forEach { $0.walk(visit) }
            spec.orderBy.forEach { $0.expression.walk(visit) }
        }
    }

    /// The aggregate sub-expressions not inside a window, in first-seen order.
    var aggregates: [ColumnExpression] {
        var out: [ColumnExpression] = []
        walk { e in
            if case .window = e { return false }
            if case .aggregate = e {
                if !out.contains(e) { out.append(e) }
                return false
            }
            return true
        }
        return out
    }

    /// The window sub-expressions, in first-seen order.
    var windows: [ColumnExpression] {
        var out: [ColumnExpression] = []
        walk { e in
            if case .window = e {
                if !out.contains(e) { out.append(e) }
                return false
            }
            return true
        }
        return out
    }
}
