/// A Spark column expression, as `pyspark.sql.Column` builds them: `F.col("price") * 1.2`,
/// `F.when(c > 0, "pos").otherwise("neg")`, `F.sum("qty").alias("total")`, `F.row_number().over(w)`.
///
/// Expressions are data: scripts build them (the GlueScript bindings), `DataFrame` operations
/// evaluate them over rows with Spark's semantics (SQL null propagation, three-valued logic,
/// implicit casts of Spark's type coercion). Names follow pyspark.
public indirect enum ColumnExpression: Hashable, Sendable {
    /// `F.col("a")`, `df["a"]`, `df.a`, a column name given as a string; `"a.b"` reads a struct
    /// field. `table` qualifies it after a join (`df1["id"]` → `table: <df1's id>`).
    case column(String, table: String? = nil)
    /// `*` in `select("*")` and `F.count("*")`.
    case star
    /// `F.lit(3)`, and any Python value used where a column is expected.
    case literal(Value)
    /// `expr.alias("name")`.
    case alias(ColumnExpression, String)
    /// `expr.cast("double")` / `.cast(DoubleType())`.
    case cast(ColumnExpression, DataType)
    /// `-x`, `~x`, `x.isNull()`, `x.isNotNull()`.
    case unary(ColumnUnaryOperator, ColumnExpression)
    /// Arithmetic, comparison and boolean operators.
    case binary(ColumnBinaryOperator, ColumnExpression, ColumnExpression)
    /// `x.isin(a, b, ...)`.
    case isIn(ColumnExpression, [ColumnExpression])
    /// `x.like("a%")` (SQL LIKE) and `x.rlike("^a")` (Java regex, unanchored).
    case like(ColumnExpression, pattern: String, regex: Bool)
    /// `x.between(low, high)` is `x >= low and x <= high`; kept as is for printing.
    case between(ColumnExpression, ColumnExpression, ColumnExpression)
    /// `F.when(cond, value).when(...).otherwise(value)`.
    case when([WhenBranch], otherwise: ColumnExpression?)
    /// A scalar function of `pyspark.sql.functions` by its pyspark name (`upper`, `lower`,
    /// `trim`, `ltrim`, `rtrim`, `concat`, `concat_ws`, `substring`, `regexp_replace`, `split`,
    /// `length`, `to_date`, `to_timestamp`, `date_format`, `year`, `month`, `dayofmonth`,
    /// `hour`, `current_date`, `current_timestamp`, `round`, `abs`, `coalesce`,
    /// `input_file_name`, ...). Arguments are expressions (literals for patterns, formats and
    /// positions).
    case function(String, [ColumnExpression])
    /// An aggregate: `F.sum`, `avg`/`mean`, `min`, `max`, `count`, `countDistinct`
    /// (`distinct: true`), `first`, `collect_list`, ... `argument` is nil only for `count(*)`.
    case aggregate(AggregateFunction, ColumnExpression?, distinct: Bool)
    /// `F.row_number().over(w)`, `F.rank()`, `F.dense_rank()`, or an aggregate over a window.
    case window(ColumnExpression, WindowSpec)
    /// A ranking function before `.over(...)`: `row_number`, `rank`, `dense_rank`.
    case ranking(RankingFunction)
}

/// One `when(condition, value)`.
public struct WhenBranch: Hashable, Sendable {
    public var condition: ColumnExpression
    public var value: ColumnExpression

    public init(condition: ColumnExpression, value: ColumnExpression) {
        self.condition = condition
        self.value = value
    }
}

public enum ColumnUnaryOperator: String, Hashable, Sendable {
    case negate = "-"
    case not = "NOT"
    case isNull = "IS NULL"
    case isNotNull = "IS NOT NULL"
}

public enum ColumnBinaryOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", modulo = "%"
    case equal = "=", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    /// `eqNullSafe`, SQL `<=>`.
    case equalNullSafe = "<=>"
    case and = "AND", or = "OR"
}

public enum AggregateFunction: String, Hashable, Sendable {
    case sum, avg, min, max, count, first, last
    case collectList = "collect_list"
    case collectSet = "collect_set"
}

public enum RankingFunction: String, Hashable, Sendable {
    case rowNumber = "row_number"
    case rank
    case denseRank = "dense_rank"
}

/// `Window.partitionBy(...).orderBy(...)`.
public struct WindowSpec: Hashable, Sendable {
    public var partitionBy: [ColumnExpression]
    public var orderBy: [SortOrder]

    public init(partitionBy: [ColumnExpression] = [], orderBy: [SortOrder] = []) {
        self.partitionBy = partitionBy
        self.orderBy = orderBy
    }
}

/// A sort key: `F.col("a")`, `F.desc("a")`, `col.asc_nulls_last()`. Spark's defaults: ascending
/// puts nulls first, descending puts them last.
public struct SortOrder: Hashable, Sendable {
    public var expression: ColumnExpression
    public var ascending: Bool
    public var nullsFirst: Bool

    public init(_ expression: ColumnExpression, ascending: Bool = true, nullsFirst: Bool? = nil) {
        self.expression = expression
        self.ascending = ascending
        self.nullsFirst = nullsFirst ?? ascending
    }
}

/// `df.join(other, on, how)`: Spark's join types by their pyspark names (`inner`, `left` /
/// `left_outer` / `leftouter`, `right`, `full` / `outer` / `full_outer`, `left_semi` /
/// `semi`, `left_anti` / `anti`, `cross`).
public enum JoinType: String, Hashable, Sendable {
    case inner, left, right, full, semi, anti, cross

    /// Parses pyspark's `how` spellings. - Throws: `EngineError.invalidOption` listing them.
    public init(how: String) throws(EngineError) {
        switch how.lowercased().replacingOccurrences(of: "_", with: "") {
        case "inner": self = .inner
        case "left", "leftouter": self = .left
        case "right", "rightouter": self = .right
        case "full", "outer", "fullouter": self = .full
        case "semi", "leftsemi": self = .semi
        case "anti", "leftanti": self = .anti
        case "cross": self = .cross
        default:
            throw .invalidOption(name: "how", value: how,
                                 reason: "expected inner, left, right, full, left_semi, left_anti or cross")
        }
    }
}
