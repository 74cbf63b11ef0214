import GlueEngine
import Testing

@testable import GlueScript

/// The pyspark modules alone (no job host).
func sparkModules() -> ModuleRegistry {
    var registry = ModuleRegistry()
    for module in SparkModules.modules() { registry.register(module) }
    registry.register(PyModule(name: "pyspark.sql", members: SparkModules.sqlMembers(from: SparkModules.modules())))
    return registry
}

/// Runs `source` after `from pyspark.sql import functions as F` (and types as T, Window) and
/// returns the global `x`, or the error text.
func sparkValue(_ source: String) -> Result<PyValue, ScriptError> {
    let prelude = "from pyspark.sql import functions as F\nfrom pyspark.sql import types as T\nfrom pyspark.sql.window import Window\n"
    do {
        let script = try Script.parse(prelude + source, file: "t.py")
        let interpreter = Interpreter(file: "t.py", modules: sparkModules(), output: { _ in })
        try interpreter.run(script)
        return .success(interpreter.global("x") ?? .none)
    } catch {
        return .failure(error)
    }
}

/// The printed lines of `source` after the prelude (and `from pyspark.sql import Column`), or the error.
func sparkOutput(_ source: String) -> [String] {
    var lines: [String] = []
    let prelude = "from pyspark.sql import functions as F, types as T, Column\n"
    do {
        let script = try Script.parse(prelude + source, file: "t.py")
        let interpreter = Interpreter(file: "t.py", modules: sparkModules(), output: { lines.append($0) })
        try interpreter.run(script)
    } catch {
        lines.append("\(error)")
    }
    return lines
}

/// The expression of the Column `x` a script builds.
func columnExpression(_ source: String) -> ColumnExpression? {
    guard case .success(let v) = sparkValue(source), let c = v.object(as: ColumnObject.self) else { return nil }
    return c.expression
}

/// `str(x)` or the error text (with the prelude's three lines counted in positions).
func sparkText(_ source: String) -> String {
    switch sparkValue(source) {
    case .success(let v):
        if case .object(let o) = v { return o.repr }
        return "\(v)"
    case .failure(let e): return e.description
    }
}

@Suite("Spark columns")
struct SparkColumnTests {
    @Test("operators build the expression the engine evaluates")
    func operators() {
        #expect(columnExpression("x = F.col('a') * 2 > 3\n")
            == .binary(.greater, .binary(.multiply, .column("a"), .literal(.int(2))), .literal(.int(3))))
        #expect(columnExpression("x = 1 - F.col('a')\n") == .binary(.subtract, .literal(.int(1)), .column("a")))
        #expect(columnExpression("x = 10 / F.col('a')\n") == .binary(.divide, .literal(.int(10)), .column("a")))
        #expect(columnExpression("x = F.col('p') * 1.5\n") == .binary(.multiply, .column("p"), .literal(.double(1.5))))
        #expect(columnExpression("x = F.col('n') + 5000000000\n") == .binary(.add, .column("n"), .literal(.long(5_000_000_000))))
        #expect(columnExpression("x = (F.col('a') > 1) & ~F.col('b').isNull() | (F.col('c') == 'x')\n")
            == .binary(.or, .binary(.and, .binary(.greater, .column("a"), .literal(.int(1))), .unary(.not, .unary(.isNull, .column("b")))),
                       .binary(.equal, .column("c"), .literal(.string("x")))))
        #expect(columnExpression("x = 3 < F.col('a')\n") == .binary(.greater, .column("a"), .literal(.int(3))))
        #expect(columnExpression("x = -F.col('a')\n") == .unary(.negate, .column("a")))
        #expect(columnExpression("x = F.col('a') != None\n") == .binary(.notEqual, .column("a"), .literal(.null)))
        #expect(columnExpression("x = F.col('a') % 2 == 0\n") == .binary(.equal, .binary(.modulo, .column("a"), .literal(.int(2))), .literal(.int(0))))
    }

    @Test("str(col) prints as pyspark")
    func printing() {
        #expect(sparkText("x = F.col('price') * 2\n") == "Column<'(price * 2)'>")
        #expect(sparkText("x = F.col('a') != 1\n") == "Column<'(NOT (a = 1))'>")
        #expect(sparkText("x = F.sum('price').alias('total')\n") == "Column<'sum(price) AS total'>")
        #expect(sparkText("x = F.count('*')\n") == "Column<'count(1)'>")
        #expect(sparkText("x = F.countDistinct('id')\n") == "Column<'count(DISTINCT id)'>")
        #expect(sparkText("x = F.col('a').cast('double')\n") == "Column<'CAST(a AS DOUBLE)'>")
        #expect(sparkText("x = F.col('a').cast(T.DecimalType(10, 2))\n") == "Column<'CAST(a AS DECIMAL(10,2))'>")
        #expect(sparkText("x = F.when(F.col('q') > 0, 'pos').when(F.col('q') < 0, 'neg').otherwise('zero')\n")
            == "Column<'CASE WHEN (q > 0) THEN pos WHEN (q < 0) THEN neg ELSE zero END'>")
        #expect(sparkText("x = F.desc('ts')\n") == "Column<'ts DESC NULLS LAST'>")
        #expect(sparkText("x = F.col('ts').asc_nulls_last()\n") == "Column<'ts ASC NULLS LAST'>")
        #expect(sparkText("x = F.col('a').isin(1, 2)\n") == "Column<'(a IN (1, 2))'>")
        #expect(sparkText("x = F.col('a').isin([1, 2])\n") == "Column<'(a IN (1, 2))'>")
        #expect(sparkText("x = F.col('a').isNull()\n") == "Column<'(a IS NULL)'>")
        #expect(sparkText("x = F.upper('name')\n") == "Column<'upper(name)'>")
        #expect(sparkText("x = F.concat_ws('-', 'a', F.col('b'))\n") == "Column<'concat_ws(-, a, b)'>")
        #expect(sparkText("x = F.lit(None)\n") == "Column<'NULL'>")
        #expect(sparkText("x = F.lit(True)\n") == "Column<'true'>")
        #expect(sparkText("x = F.col('a')[0]\n").hasSuffix("TypeError: Column.__getitem__(0) on a is not available in gluelab: only struct fields of a named column are (F.col(\"a\")[\"b\"], F.col(\"a.b\")); array elements and map values are not"))
        #expect(sparkText("x = F.col('name').startswith('a_')\n") == "Column<'name LIKE a\\_%'>")
        #expect(sparkText("x = F.expr('price * 2 AS doubled')\n") == "Column<'(price * 2) AS doubled'>")
        #expect(sparkText("x = F.col('addr').city\n") == "Column<'addr.city'>")
        #expect(sparkText("x = F.col('addr')['city']\n") == "Column<'addr.city'>")
        #expect(sparkText("x = F.col('a').between(1, 3)\n") == "Column<'((a >= 1) AND (a <= 3))'>")
    }

    @Test("functions take names or Columns as pyspark does, and values as literals where pyspark does")
    func argumentRules() {
        #expect(columnExpression("x = F.upper('name')\n") == .function("upper", [.column("name")]))
        #expect(columnExpression("x = F.when(F.col('a') > 0, 'name')\n")
            == .when([WhenBranch(condition: .binary(.greater, .column("a"), .literal(.int(0))), value: .literal(.string("name")))], otherwise: nil))
        #expect(columnExpression("x = F.substring('s', 1, 3)\n") == .function("substring", [.column("s"), .literal(.int(1)), .literal(.int(3))]))
        #expect(columnExpression("x = F.col('s').substr(2, 4)\n") == .function("substring", [.column("s"), .literal(.int(2)), .literal(.int(4))]))
        #expect(columnExpression("x = F.regexp_replace('s', '[0-9]', '')\n")
            == .function("regexp_replace", [.column("s"), .literal(.string("[0-9]")), .literal(.string(""))]))
        #expect(columnExpression("x = F.to_date('d', 'yyyy-MM-dd')\n") == .function("to_date", [.column("d"), .literal(.string("yyyy-MM-dd"))]))
        #expect(columnExpression("x = F.to_date('d')\n") == .function("to_date", [.column("d")]))
        #expect(columnExpression("x = F.round('p', 2)\n") == .function("round", [.column("p"), .literal(.int(2))]))
        #expect(columnExpression("x = F.round('p')\n") == .function("round", [.column("p"), .literal(.int(0))]))
        #expect(columnExpression("x = F.coalesce('a', F.lit(0))\n") == .function("coalesce", [.column("a"), .literal(.int(0))]))
        #expect(columnExpression("x = F.count('*')\n") == .aggregate(.count, nil, distinct: false))
        #expect(columnExpression("x = F.mean('p')\n") == .aggregate(.avg, .column("p"), distinct: false))
        #expect(columnExpression("x = F.current_date()\n") == .function("current_date", []))
        #expect(columnExpression("x = F.col('a').eqNullSafe(None)\n") == .binary(.equalNullSafe, .column("a"), .literal(.null)))
        #expect(columnExpression("x = F.col('n').like('a%')\n") == .like(.column("n"), pattern: "a%", regex: false))
    }

    @Test("windows: row_number over partitionBy/orderBy, aggregates over a window")
    func windows() {
        let spec = WindowSpec(partitionBy: [.column("id")], orderBy: [SortOrder(.column("ts"), ascending: false)])
        #expect(columnExpression("w = Window.partitionBy('id').orderBy(F.col('ts').desc())\nx = F.row_number().over(w)\n")
            == .window(.ranking(.rowNumber), spec))
        #expect(columnExpression("w = Window.partitionBy(F.col('id')).orderBy('ts', ascending=False)\nx = F.row_number().over(w)\n") == nil)
        #expect(columnExpression("w = Window.orderBy(F.desc('ts')).partitionBy('id')\nx = F.rank().over(w)\n") == .window(.ranking(.rank), spec))
        #expect(columnExpression("x = F.sum('q').over(Window.partitionBy('id'))\n")
            == .window(.aggregate(.sum, .column("q"), distinct: false), WindowSpec(partitionBy: [.column("id")])))
        #expect(sparkText("x = F.row_number().over(Window.partitionBy('id').orderBy(F.desc('ts')))\n")
            == "Column<'row_number() OVER (PARTITION BY id ORDER BY ts DESC NULLS LAST unspecifiedframe$())'>")
        #expect(sparkText("x = F.row_number().over(Window.partitionBy('id'))\n").hasSuffix("needs the window to be ordered: Window.partitionBy(...).orderBy(...)"))
        #expect(sparkText("x = Window.partitionBy('id').rowsBetween(Window.unboundedPreceding, 0)\n").contains("'rowsBetween' (not available in gluelab"))
    }

    @Test("a Column has no truth value: and/or/not/if raise pyspark's ValueError at the script position")
    func noTruthValue() {
        let message = "ValueError: Cannot convert column into bool: please use '&' for 'and', '|' for 'or', '~' for 'not' when building DataFrame boolean expressions."
        #expect(sparkText("x = F.col('a') > 1 and F.col('b') < 2\n") == "t.py:4:5: " + message)
        #expect(sparkText("x = not F.col('a')\n") == "t.py:4:5: " + message)
        #expect(sparkText("x = 1\nif F.col('a'):\n    x = 2\n").hasSuffix(message))
        #expect(sparkText("x = 1 < F.col('a') < 3\n").hasSuffix(message))
    }

    @Test("unknown and unavailable functions and methods are named")
    func unknownNames() {
        #expect(sparkText("x = F.explode('a')\n") == "t.py:4:7: AttributeError: module 'pyspark.sql.functions' has no attribute 'explode' (not available in gluelab)")
        #expect(sparkText("x = F.nosuch('a')\n") == "t.py:4:7: AttributeError: module 'pyspark.sql.functions' has no attribute 'nosuch'")
        #expect(sparkText("x = F.col('a').bitwiseAND(1)\n").contains("'Column' object has no attribute 'bitwiseAND' (not available in gluelab"))
        #expect(sparkText("x = F.col('a').otherwise(1)\n").contains("otherwise() can only be applied on a Column previously generated by when()"))
        #expect(sparkText("x = F.upper(3)\n").contains("TypeError: upper() argument 'col' should be a Column or str, got int"))
        #expect(sparkText("x = F.col('a') // 2\n").contains("TypeError"))
    }

    @Test("pyspark.sql.types print as pyspark prints them")
    func types() {
        #expect(sparkText("x = T.StructType([T.StructField('id', T.LongType(), True), T.StructField('tags', T.ArrayType(T.StringType()), False)])\n")
            == "StructType([StructField('id', LongType(), True), StructField('tags', ArrayType(StringType(), True), False)])")
        #expect(sparkText("x = T.DecimalType()\n") == "DecimalType(10,0)")
        #expect(sparkText("x = T.StructType().add('a', T.IntegerType()).add('b', 'string')\n")
            == "StructType([StructField('a', IntegerType(), True), StructField('b', StringType(), True)])")
        #expect(sparkOutput("print(isinstance(T.StringType(), T.StringType), isinstance(F.col('a'), Column), T.LongType() == T.LongType())\n")
            == ["True True True"])
    }

    @Test("Row: by name, by index, by attribute, asDict")
    func rows() {
        #expect(sparkText("from pyspark.sql import Row\nx = Row(id=1, name='a')\n") == "Row(id=1, name='a')")
        #expect(sparkOutput("from pyspark.sql import Row\nr = Row(id=1, name='a')\nprint(r['name'], r[0], r.id, r.asDict(), len(r), 'id' in r)\n")
            == ["a 1 1 {'id': 1, 'name': 'a'} 2 True"])
        #expect(sparkText("from pyspark.sql import Row\nx = Row(id=1).nope\n").hasSuffix("AttributeError: nope"))
    }
}
