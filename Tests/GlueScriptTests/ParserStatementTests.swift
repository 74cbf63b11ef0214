import Testing

@testable import GlueScript

@Suite struct ParserStatementTests {
    @Test func importsInEveryForm() {
        #expect(dump("import sys\n") == "(import sys)")
        #expect(dump("import awsglue.context as ctx, json\n") == "(import awsglue.context as ctx, json)")
        #expect(dump("from awsglue.transforms import *\n") == "(from awsglue.transforms import *)")
        #expect(dump("from pyspark.sql import functions as F, types\n") == "(from pyspark.sql import functions as F, types)")
        #expect(dump("from awsglue.transforms import (\n    ApplyMapping,\n    Filter,\n)\n")
            == "(from awsglue.transforms import ApplyMapping, Filter)")
    }

    @Test func importsBindTheNamePythonBinds() throws {
        let script = try parse("import awsglue.context\nimport pyspark.sql.functions as F\nfrom awsglue.job import Job\n")
        var bound: [String] = []
        for statement in script.statements {
            switch statement.kind {
            case .import(let names), .fromImport(_, let names?): bound += names.map(\.boundName)
            default: break
            }
        }
        #expect(bound == ["awsglue", "F", "Job"])
    }

    @Test func assignmentsToNamesAttributesSubscriptsAndTuples() {
        #expect(dump("sc = SparkContext()\n") == "(= sc (call SparkContext))")
        #expect(dump("rec[\"total\"] = rec[\"qty\"] * 2.5\n") == "(= (sub rec \"total\") (* (sub rec \"qty\") 2.5))")
        #expect(dump("rec.country = \"GB\"\n") == "(= (. rec country) \"GB\")")
        #expect(dump("a, b = b, a\n") == "(= (tuple a b) (tuple b a))")
        #expect(dump("(a, b), [c, d] = x\n") == "(= (tuple (tuple a b) (list c d)) x)")
        #expect(dump("first, = rows\n") == "(= (tuple first) rows)")
        #expect(dump("a = b = 0\n") == "(= a b 0)")
    }

    @Test func augmentedAssignments() {
        let ops = ["+=", "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|="]
        for op in ops {
            #expect(dump("rec[\"n\"] \(op) 2\n") == "(\(op) (sub rec \"n\") 2)")
        }
        #expect(dump("total.value += x, y\n") == "(+= (. total value) (tuple x y))")
    }

    @Test func defWithParametersDefaultsAndBody() {
        let source = """
            def add_totals(rec, rate=0.2, label="gross"):
                rec["total"] = rec["price"] * rec["qty"]
                return rec

            """
        #expect(dump(source)
            == "(def add_totals (rec rate=0.2 label=\"gross\") {(= (sub rec \"total\") (* (sub rec \"price\") (sub rec \"qty\"))); (return rec)})")
        #expect(dump("def keep(r): return r[\"qty\"] > 0\n") == "(def keep (r) {(return (cmp (sub r \"qty\") > 0))})")
        #expect(dump("def noop():\n    pass\n") == "(def noop () {(pass)})")
        #expect(dump("def pair(r):\n    return r, 1\n") == "(def pair (r) {(return (tuple r 1))})")
        #expect(dump("def nothing(r):\n    return\n") == "(def nothing (r) {(return)})")
    }

    @Test func forLoopsWithBreakAndContinue() {
        let source = """
            for alias, frame in mapping.items():
                if alias == "skip":
                    continue
                frame.toDF().createOrReplaceTempView(alias)
                if alias == "last":
                    break

            """
        #expect(dump(source) == """
            (for (tuple alias frame) (call (. mapping items)) {(if (cmp alias == "skip") {(continue)}); \
            (call (. (call (. frame toDF)) createOrReplaceTempView) alias); (if (cmp alias == "last") {(break)})})
            """)
        #expect(dump("for c in [\"a\", \"b\"]: df = df.drop(c)\n") == "(for c (list \"a\" \"b\") {(= df (call (. df drop) c))})")
        #expect(dump("for (k, v), in pairs:\n    pass\n") == "(for (tuple (tuple k v)) pairs {(pass)})")
        #expect(dump("for rec[\"x\"] in 1, 2:\n    pass\n") == "(for (sub rec \"x\") (tuple 1 2) {(pass)})")
        #expect(dump("for x in a if c else b:\n    pass\n") == "(for x (if c a b) {(pass)})")
    }

    @Test func typeAnnotationsOnDefsAreKept() {
        #expect(dump("def f(frame: DynamicFrame, n: int = 1) -> DynamicFrame:\n    return frame\n")
            == "(def f (frame:DynamicFrame n:int=1) -> DynamicFrame {(return frame)})")
    }

    @Test func glueStudioSqlNodeHelper() {
        let source = """
            def sparkSqlQuery(glueContext, query, mapping, transformation_ctx) -> DynamicFrame:
                for alias, frame in mapping.items():
                    frame.toDF().createOrReplaceTempView(alias)
                result = spark.sql(query)
                return DynamicFrame.fromDF(result, glueContext, transformation_ctx)

            """
        #expect(dump(source) == """
            (def sparkSqlQuery (glueContext query mapping transformation_ctx) -> DynamicFrame \
            {(for (tuple alias frame) (call (. mapping items)) {(call (. (call (. frame toDF)) createOrReplaceTempView) alias)}); \
            (= result (call (. spark sql) query)); (return (call (. DynamicFrame fromDF) result glueContext transformation_ctx))})
            """)
    }

    @Test func glueStudioAggregateNodeHelper() {
        let source = """
            def sparkAggregate(glueContext, parentFrame, groups, aggs, transformation_ctx) -> DynamicFrame:
                aggsFuncs = []
                for column, func in aggs:
                    aggsFuncs.append(getattr(SqlFuncs, func)(column))
                result = parentFrame.toDF().groupBy(*groups).agg(*aggsFuncs) if len(groups) > 0 else parentFrame.toDF().agg(*aggsFuncs)
                return DynamicFrame.fromDF(result, glueContext, transformation_ctx)

            """
        let lines = dump(source)
        #expect(lines.contains("(for (tuple column func) aggs {(call (. aggsFuncs append) (call (call getattr SqlFuncs func) column))})"))
        #expect(lines.contains("""
            (= result (if (cmp (call len groups) > 0) \
            (call (. (call (. (call (. parentFrame toDF)) groupBy) *groups) agg) *aggsFuncs) \
            (call (. (call (. parentFrame toDF)) agg) *aggsFuncs)))
            """))
    }

    @Test func nestedDefsAndLambdasInsideDefs() {
        let source = """
            def outer(r):
                def inner(x):
                    return x + 1
                f = lambda y: inner(y)
                return f(r)

            """
        #expect(dump(source)
            == "(def outer (r) {(def inner (x) {(return (+ x 1))}); (= f (lambda (y) (call inner y))); (return (call f r))})")
    }

    @Test func ifElifElse() {
        let source = """
            if rec["country"] is None:
                rec["country"] = "unknown"
            elif rec["country"] in ("UK", "GB"):
                rec["country"] = "GB"
            elif not rec["country"]:
                pass
            else:
                rec["country"] = rec["country"].upper()

            """
        #expect(dump(source) == """
            (if (cmp (sub rec "country") is None) {(= (sub rec "country") "unknown")} \
            elif (cmp (sub rec "country") in (tuple "UK" "GB")) {(= (sub rec "country") "GB")} \
            elif (not (sub rec "country")) {(pass)} \
            else {(= (sub rec "country") (call (. (sub rec "country") upper)))})
            """)
        #expect(dump("if x: y = 1\nelse: y = 2\n") == "(if x {(= y 1)} else {(= y 2)})")
    }

    @Test func ifStatementsNestInsideDefs() {
        let source = "def f(r):\n    if r:\n        if r > 1:\n            return 2\n        return 1\n    return 0\n"
        #expect(dump(source) == "(def f (r) {(if r {(if (cmp r > 1) {(return 2)}); (return 1)}); (return 0)})")
    }

    @Test func semicolonsSeparateSimpleStatements() {
        #expect(dump("a = 1; b = 2;\nc = 3\n") == "(= a 1)\n(= b 2)\n(= c 3)")
    }

    @Test func expressionStatementsAndDocstrings() {
        #expect(dump("\"\"\"A job.\"\"\"\njob.commit()\n") == "\"A job.\"\n(call (. job commit))")
    }

    @Test func commentsAndBlankLinesAnywhere() {
        let source = "\n# header\n\nx = 1  # trailing\n\n\n    # indented comment\ny = [\n    1,  # one\n\n    2,\n]\n"
        #expect(dump(source) == "(= x 1)\n(= y (list 1 2))")
    }

    @Test func anEmptyScriptHasNoStatements() throws {
        #expect(try parse("").statements.isEmpty)
        #expect(try parse("# only a comment\n\n").statements.isEmpty)
    }

    @Test func statementsCarryTheirPositions() throws {
        let source = """
            import sys
            def f(rec, n=1):
                if rec:
                    rec["a"] = n
                elif n:
                    return rec
                else:
                    pass
                return rec
            (x) = 1

            """
        let script = try parse(source)
        #expect(script.statements.map(\.location) == [
            SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 1), SourceLocation(line: 10, column: 1),
        ])
        guard case .functionDef(_, let parameters, _, let body) = script.statements[1].kind,
            case .if(let branches, let orElse) = body[0].kind
        else {
            Issue.record("expected a def holding an if")
            return
        }
        #expect(parameters.map(\.location) == [SourceLocation(line: 2, column: 7), SourceLocation(line: 2, column: 12)])
        #expect(body.map(\.location) == [SourceLocation(line: 3, column: 5), SourceLocation(line: 9, column: 5)])
        #expect(branches.map(\.location) == [SourceLocation(line: 3, column: 5), SourceLocation(line: 5, column: 5)])
        #expect(branches[0].body[0].location == SourceLocation(line: 4, column: 9))
        #expect(orElse[0].location == SourceLocation(line: 8, column: 9))
    }

    @Test func annotationsAttachToTheStatementThatFollows() throws {
        let source = """
            ## @params: [JOB_NAME]
            args = getResolvedOptions(sys.argv, ['JOB_NAME'])
            ## @type: DataSource
            ## @return: datasource0
            datasource0 = glueContext.create_dynamic_frame.from_catalog(
                ## @args: inside the call
                database = "db", table_name = "t")
            def f(r):
                ## @type: in the body
                return r
            ## @type: before y
            y = 1
            ## @type: trailing

            """
        let script = try parse(source)
        #expect(script.annotations.map(\.statementIndex) == [0, 1, 1, 1, 2, 3, nil])
        #expect(script.annotations(forStatement: 1).map(\.value) == ["DataSource", "datasource0", "inside the call"])
        #expect(script.annotations(forStatement: 2).map(\.value) == ["in the body"])
    }
}
