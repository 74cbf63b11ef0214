import Testing

@testable import GlueScript

/// Every construct outside the dialect is refused with its name and where it starts.
@Suite struct RefusalTests {
    /// (source, construct, line, column)
    static let cases: [(String, String, Int, Int)] = [
        // Statements
        ("for row in rows:\n    pass\nelse:\n    pass\n", "else clause of a for loop", 3, 1),
        ("class Cleaner:\n    pass\n", "class definition", 1, 1),
        ("try:\n    job.commit()\nexcept* ValueError:\n    pass\n", "except* clause (exception groups)", 3, 7),
        ("with open(p) as f:\n    pass\n", "with statement", 1, 1),
        ("def f():\n    global total\n", "global statement", 2, 5),
        ("def f():\n    nonlocal total\n", "nonlocal statement", 2, 5),
        ("del rec[\"tmp\"]\n", "del statement", 1, 1),
        ("async def f():\n    pass\n", "async function", 1, 1),
        ("def f():\n    async for x in y:\n        pass\n", "async for loop", 2, 5),
        ("@udf\ndef f(x):\n    return x\n", "decorator", 1, 1),
        ("match command:\n    case 1:\n        pass\n", "match statement", 1, 1),
        ("def f(r):\n    import json\n    return r\n", "import inside a function", 2, 5),
        ("def f(r):\n    if r:\n        from json import dumps\n", "import inside a function", 3, 9),
        ("from . import helpers\n", "relative import", 1, 6),
        ("x: int = 1\n", "annotated assignment (name: type)", 1, 1),
        ("a = 1; with x: pass\n", "with statement", 1, 8),
        ("def f(r):\n    with r:\n        pass\n", "with statement", 2, 5),
        ("for (a, *b) in rows:\n    pass\n", "starred expression (*x)", 1, 9),
        ("for *a, b in rows:\n    pass\n", "starred expression (*x)", 1, 5),
        // Expressions
        ("def f():\n    yield 1\n", "yield expression", 2, 5),
        ("def f():\n    x = yield\n", "yield expression", 2, 9),
        ("await job\n", "await expression", 1, 1),
        ("x = [c for c in cols]\n", "list comprehension", 1, 5),
        ("x = {k: v for k, v in items}\n", "dict comprehension", 1, 5),
        ("x = {c for c in cols}\n", "set comprehension", 1, 5),
        ("x = (c for c in cols)\n", "generator expression", 1, 5),
        ("x = sum(r[\"qty\"] for r in rows)\n", "generator expression", 1, 9),
        ("if (n := len(rows)) > 1:\n    pass\n", "assignment expression (:=)", 1, 5),
        ("x = [*cols, \"extra\"]\n", "starred expression (*x)", 1, 6),
        ("first, *rest = cols\n", "starred expression (*x)", 1, 8),
        ("x = {**defaults, \"a\": 1}\n", "dict unpacking (**) in a dict display", 1, 6),
        ("x = ...\n", "Ellipsis literal (...)", 1, 5),
        ("x = a ^ b\n", "'^' operator (bitwise exclusive or)", 1, 7),
        ("x = a << 2\n", "'<<' operator (bit shift)", 1, 7),
        ("x = a >> 2\n", "'>>' operator (bit shift)", 1, 7),
        ("x = a @ b\n", "'@' operator (matrix multiplication)", 1, 7),
        ("x ^= 1\n", "'^=' operator (bitwise exclusive or)", 1, 3),
        // Literals
        ("x = f\"{a}-{b}\"\n", "f-string", 1, 5),
        ("x = b\"bytes\"\n", "bytes literal", 1, 5),
        ("x = 3j\n", "complex number literal", 1, 5),
        ("x = \"\\N{BULLET}\"\n", "named Unicode escape \\N{...}", 1, 6),
        // Parameters
        ("def f(*args):\n    pass\n", "variadic parameters (*args)", 1, 7),
        ("def f(**kwargs):\n    pass\n", "variadic keyword parameters (**kwargs)", 1, 7),
        ("def f(a, *, b):\n    pass\n", "keyword-only parameters (bare *)", 1, 10),
        ("def f(a, /):\n    pass\n", "positional-only parameters (/)", 1, 10),
        ("g = lambda *xs: xs\n", "variadic parameters (*args)", 1, 12),
    ]

    @Test(arguments: cases.indices)
    func constructIsRefusedByNameAtItsPosition(_ i: Int) {
        let (source, construct, line, column) = Self.cases[i]
        let expected = ScriptError.unsupported(file: "t.py", line: line, column: column, construct: construct)
        #expect(parseError(source) == expected, "\(source)")
    }

    @Test func theRefusalReadsAsOneLine() {
        #expect(errorText("rows = []\nclass Rows:\n    pass\n")
            == "t.py:2:1: class definition is not supported in Glue job scripts run by gluelab")
    }

    @Test func aRefusalDeepInsideAScriptIsStillReported() {
        let source = """
            import sys
            def add(rec):
                if rec["a"]:
                    rec["b"] = [x for x in rec["a"]]
                return rec
            job.commit()

            """
        #expect(parseError(source) == .unsupported(file: "t.py", line: 4, column: 20, construct: "list comprehension"))
    }
}
