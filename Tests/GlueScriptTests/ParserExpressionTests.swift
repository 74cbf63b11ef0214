import Testing

@testable import GlueScript

@Suite struct ParserExpressionTests {
    @Test func literals() {
        #expect(dumpExpr("None") == "None")
        #expect(dumpExpr("True") == "True")
        #expect(dumpExpr("False") == "False")
        #expect(dumpExpr("42") == "42")
        #expect(dumpExpr("1.5") == "1.5")
        #expect(dumpExpr("'s3://bucket/key'") == "\"s3://bucket/key\"")
    }

    @Test func adjacentStringLiteralsAreJoined() {
        #expect(dumpExpr("\"s3://\" 'bucket' \"/key\"") == "\"s3://bucket/key\"")
        #expect(dumpExpr("(\"SELECT *\"\n    \" FROM t\")") == "\"SELECT * FROM t\"")
    }

    @Test func displays() {
        #expect(dumpExpr("[]") == "(list)")
        #expect(dumpExpr("[1, 'a', None,]") == "(list 1 \"a\" None)")
        #expect(dumpExpr("()") == "(tuple)")
        #expect(dumpExpr("(1,)") == "(tuple 1)")
        #expect(dumpExpr("(1)") == "1")
        #expect(dumpExpr("1, 2") == "(tuple 1 2)")
        #expect(dumpExpr("{}") == "(dict)")
        #expect(dumpExpr("{\"paths\": [p], \"recurse\": True,}") == "(dict \"paths\":(list p) \"recurse\":True)")
        #expect(dumpExpr("{1, 2}") == "(set 1 2)")
        #expect(dumpExpr("[(\"a\", \"string\", \"a\", \"long\")]") == "(list (tuple \"a\" \"string\" \"a\" \"long\"))")
    }

    @Test func attributesCallsAndSubscripts() {
        #expect(dumpExpr("glueContext.create_dynamic_frame.from_options") == "(. (. glueContext create_dynamic_frame) from_options)")
        #expect(dumpExpr("f()") == "(call f)")
        #expect(dumpExpr("f(a, b=1, *rest, **options)") == "(call f a b=1 *rest **options)")
        #expect(dumpExpr("f(a,)") == "(call f a)")
        #expect(dumpExpr("args['JOB_NAME']") == "(sub args \"JOB_NAME\")")
        #expect(dumpExpr("f(x)[0].y") == "(. (sub (call f x) 0) y)")
    }

    @Test func slices() {
        #expect(dumpExpr("a[1:3]") == "(sub a (slice 1 3 _))")
        #expect(dumpExpr("a[:]") == "(sub a (slice _ _ _))")
        #expect(dumpExpr("a[::2]") == "(sub a (slice _ _ 2))")
        #expect(dumpExpr("a[1:]") == "(sub a (slice 1 _ _))")
        #expect(dumpExpr("a[:-1]") == "(sub a (slice _ (- 1) _))")
        #expect(dumpExpr("a[1:2, 3]") == "(sub a (tuple (slice 1 2 _) 3))")
        #expect(dumpExpr("a[-1]") == "(sub a (- 1))")
    }

    @Test func arithmeticPrecedenceAndAssociativity() {
        #expect(dumpExpr("a + b * c") == "(+ a (* b c))")
        #expect(dumpExpr("(a + b) * c") == "(* (+ a b) c)")
        #expect(dumpExpr("a - b - c") == "(- (- a b) c)")
        #expect(dumpExpr("a / b // c % d") == "(% (// (/ a b) c) d)")
        #expect(dumpExpr("2 ** 3 ** 2") == "(** 2 (** 3 2))")
        #expect(dumpExpr("-a ** b") == "(- (** a b))")
        #expect(dumpExpr("a ** -b") == "(** a (- b))")
        #expect(dumpExpr("-a * +b") == "(* (- a) (+ b))")
        #expect(dumpExpr("--a") == "(- (- a))")
    }

    @Test func comparisonsChainAndIncludeMembershipAndIdentity() {
        #expect(dumpExpr("0 < qty <= 10") == "(cmp 0 < qty <= 10)")
        #expect(dumpExpr("a == b != c") == "(cmp a == b != c)")
        #expect(dumpExpr("c in (\"UK\", \"GB\")") == "(cmp c in (tuple \"UK\" \"GB\"))")
        #expect(dumpExpr("c not in s") == "(cmp c not in s)")
        #expect(dumpExpr("v is None") == "(cmp v is None)")
        #expect(dumpExpr("v is not None") == "(cmp v is not None)")
        #expect(dumpExpr("a + 1 > b * 2") == "(cmp (+ a 1) > (* b 2))")
    }

    @Test func booleanOperatorsAndNot() {
        #expect(dumpExpr("a and b or c") == "(or (and a b) c)")
        #expect(dumpExpr("a or b and c") == "(or a (and b c))")
        #expect(dumpExpr("a and b and c") == "(and a b c)")
        #expect(dumpExpr("not a == b") == "(not (cmp a == b))")
        #expect(dumpExpr("not a and not b") == "(and (not a) (not b))")
        #expect(dumpExpr("not not a") == "(not (not a))")
    }

    @Test func pysparkColumnOperators() {
        #expect(dumpExpr("(F.col(\"a\") > 1) & ~F.col(\"b\").isNull()")
            == "(& (cmp (call (. F col) \"a\") > 1) (~ (call (. (call (. F col) \"b\") isNull))))")
        #expect(dumpExpr("a | b & c") == "(| a (& b c))")
        #expect(dumpExpr("a | b == c") == "(cmp (| a b) == c)")
        #expect(dumpExpr("a & b + c") == "(& a (+ b c))")
    }

    @Test func conditionalExpressions() {
        #expect(dumpExpr("x if c else y") == "(if c x y)")
        #expect(dumpExpr("x if c else y if d else z") == "(if c x (if d y z))")
        #expect(dumpExpr("a or b if c and d else e") == "(if (and c d) (or a b) e)")
    }

    @Test func lambdas() {
        #expect(dumpExpr("lambda r: r[\"qty\"] > 0") == "(lambda (r) (cmp (sub r \"qty\") > 0))")
        #expect(dumpExpr("lambda: 0") == "(lambda () 0)")
        #expect(dumpExpr("lambda a, b=1: a + b") == "(lambda (a b=1) (+ a b))")
        #expect(dumpExpr("lambda r: \"big\" if r > 1 else \"small\"") == "(lambda (r) (if (cmp r > 1) \"big\" \"small\"))")
        #expect(dumpExpr("f(lambda x: x, 1)") == "(call f (lambda (x) x) 1)")
        #expect(dumpExpr("lambda x: lambda y: x") == "(lambda (x) (lambda (y) x))")
    }

    @Test func methodChainsAcrossLinesInsideParentheses() {
        let source = """
            df = (spark.read
                .option("header", True)
                .csv(path))

            """
        #expect(dump(source) == "(= df (call (. (call (. (. spark read) option) \"header\" True) csv) path))")
        #expect(dump("df = spark.read.option(\"header\", True).csv(path)\n")
            == "(= df (call (. (call (. (. spark read) option) \"header\" True) csv) path))")
    }

    @Test func backslashContinuationInsideAnExpression() {
        #expect(dump("total = price * qty + \\\n    tax\n") == "(= total (+ (* price qty) tax))")
    }

    @Test func softKeywordsAndPrintAreOrdinaryNames() {
        #expect(dump("match = re.match(p, s)\n") == "(= match (call (. re match) p s))")
        #expect(dump("match(x)\n") == "(call match x)")
        #expect(dump("type = 1\n") == "(= type 1)")
        #expect(dump("print(\"rows:\", n)\n") == "(call print \"rows:\" n)")
    }

    @Test func expressionsCarryTheirPositions() throws {
        let source = "out = (spark.read\n    .csv(path,\n         header=True))\n"
        let script = try parse(source)
        guard case .assign(_, let value) = script.statements[0].kind,
            case .call(let callee, let arguments, let open) = value.kind,
            case .attribute(let base, "csv", let nameLocation) = callee.kind
        else {
            Issue.record("unexpected tree: \(script.dump())")
            return
        }
        #expect(value.location == SourceLocation(line: 1, column: 8))
        #expect(nameLocation == SourceLocation(line: 2, column: 6))
        #expect(open == SourceLocation(line: 2, column: 9))
        #expect(base.location == SourceLocation(line: 1, column: 8))
        #expect(arguments.map(\.location) == [SourceLocation(line: 2, column: 10), SourceLocation(line: 3, column: 10)])
        #expect(arguments[1].value.location == SourceLocation(line: 3, column: 17))
    }

    @Test func compoundExpressionsStartAtTheirFirstTokenIncludingParentheses() throws {
        let script = try parse("x = (a) + b * c\ny = [1, (2, 3)]\n")
        guard case .assign(_, let sum) = script.statements[0].kind, case .binary(.add, let a, let product) = sum.kind,
            case .assign(_, let list) = script.statements[1].kind, case .list(let items) = list.kind
        else {
            Issue.record("unexpected tree: \(script.dump())")
            return
        }
        #expect(sum.location == SourceLocation(line: 1, column: 5))
        #expect(a.location == SourceLocation(line: 1, column: 6))
        #expect(product.location == SourceLocation(line: 1, column: 11))
        #expect(items[1].location == SourceLocation(line: 2, column: 9))
    }
}
