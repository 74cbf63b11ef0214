import GlueEngine
import Testing

@testable import GlueScript

/// Runtime errors: Python's type and wording, at the innermost expression's file:line:column.
@Suite struct InterpreterErrorTests {
    @Test(arguments: [
        ("x = 1\nprint(y)\n", "t.py:2:7: NameError: name 'y' is not defined"),
        ("a = 1 + 'x'\n", "t.py:1:5: TypeError: unsupported operand type(s) for +: 'int' and 'str'"),
        ("a = 'x' + 1\n", "t.py:1:5: TypeError: can only concatenate str (not \"int\") to str"),
        ("a = [1] + (1,)\n", "t.py:1:5: TypeError: can only concatenate list (not \"tuple\") to list"),
        ("a = 1 < 'a'\n", "t.py:1:5: TypeError: '<' not supported between instances of 'int' and 'str'"),
        ("a = 1 // 0\n", "t.py:1:5: ZeroDivisionError: integer division or modulo by zero"),
        ("a = 1 / 0\n", "t.py:1:5: ZeroDivisionError: division by zero"),
        ("a = 1.0 % 0\n", "t.py:1:5: ZeroDivisionError: float modulo"),
        ("d = {}\nv = d['k']\n", "t.py:2:5: KeyError: 'k'"),
        ("l = [1]\nv = l[3]\n", "t.py:2:5: IndexError: list index out of range"),
        ("v = 'ab'[5]\n", "t.py:1:5: IndexError: string index out of range"),
        ("v = len(3)\n", "t.py:1:5: TypeError: object of type 'int' has no len()"),
        ("v = (3)()\n", "t.py:1:5: TypeError: 'int' object is not callable"),
        ("v = 'a'.foo\n", "t.py:1:9: AttributeError: 'str' object has no attribute 'foo'"),
        ("v = int('x')\n", "t.py:1:5: ValueError: invalid literal for int() with base 10: 'x'"),
        ("v = float('1.2.3')\n", "t.py:1:5: ValueError: could not convert string to float: '1.2.3'"),
        ("v = [] in {}\n", "t.py:1:5: TypeError: unhashable type: 'list'"),
        ("v = 1 in 3\n", "t.py:1:5: TypeError: argument of type 'int' is not iterable"),
        ("a, b = [1, 2, 3]\n", "t.py:1:1: ValueError: too many values to unpack (expected 2)"),
        ("a, b, c = [1, 2]\n", "t.py:1:1: ValueError: not enough values to unpack (expected 3, got 2)"),
        ("a, b = 1\n", "t.py:1:1: TypeError: cannot unpack non-iterable int object"),
        ("[].pop()\n", "t.py:1:1: IndexError: pop from empty list"),
        ("[1].remove(3)\n", "t.py:1:1: ValueError: list.remove(x): x not in list"),
        ("[1].index(2)\n", "t.py:1:1: ValueError: 2 is not in list"),
        ("v = 9223372036854775807 + 1\n", "t.py:1:5: OverflowError: integer overflow: gluelab's ints are 64-bit"),
        ("v = 2 ** 64\n", "t.py:1:5: OverflowError: integer overflow: gluelab's ints are 64-bit"),
        ("v = '{0}{}'.format(1, 2)\n", "t.py:1:5: ValueError: cannot switch from manual field specification to automatic field numbering"),
        ("v = '%d' % 'x'\n", "t.py:1:5: TypeError: %d format: a real number is required, not str"),
        ("v = '%s %s' % (1,)\n", "t.py:1:5: TypeError: not enough arguments for format string"),
        ("v = '%s' % (1, 2)\n", "t.py:1:5: TypeError: not all arguments converted during string formatting"),
        ("'x'.encode()\n", "t.py:1:1: NotImplementedError: str.encode() is not supported: gluelab scripts have no bytes type"),
        ("v = isinstance(1, 2)\n", "t.py:1:5: TypeError: isinstance() arg 2 must be a type, a tuple of types, or a union"),
        ("v = -'a'\n", "t.py:1:5: TypeError: bad operand type for unary -: 'str'"),
        ("'a'[0] = 'b'\n", "t.py:1:1: TypeError: 'str' object does not support item assignment"),
    ])
    func pythonErrors(_ c: (String, String)) {
        #expect(runScript(c.0).errorText == c.1, "\(c.0)")
    }

    @Test(arguments: [
        ("def f(a, b): pass\nf(1)\n", "t.py:2:1: TypeError: f() missing 1 required positional argument: 'b'"),
        ("def f(a, b, c): pass\nf()\n", "t.py:2:1: TypeError: f() missing 3 required positional arguments: 'a', 'b', and 'c'"),
        ("def f(a): pass\nf(1, 2)\n", "t.py:2:1: TypeError: f() takes 1 positional argument but 2 were given"),
        ("def f(a, b=1): pass\nf(1, 2, 3)\n", "t.py:2:1: TypeError: f() takes from 1 to 2 positional arguments but 3 were given"),
        ("def f(a): pass\nf(1, a=2)\n", "t.py:2:1: TypeError: f() got multiple values for argument 'a'"),
        ("def f(a): pass\nf(b=2)\n", "t.py:2:1: TypeError: f() got an unexpected keyword argument 'b'"),
        ("g = lambda: 1\ng(1)\n", "t.py:2:1: TypeError: <lambda>() takes 0 positional arguments but 1 was given"),
    ])
    func argumentBinding(_ c: (String, String)) {
        #expect(runScript(c.0).errorText == c.1, "\(c.0)")
    }

    @Test func errorInsideAFunctionIsReportedWhereItHappens() {
        let src = """
        def ratio(r):
            return r["a"] / r["b"]
        rows = [{"a": 1, "b": 2}, {"a": 1, "b": 0}]
        for r in rows:
            print(ratio(r))
        """
        let run = runScript(src)
        #expect(run.lines == ["0.5"])
        #expect(run.errorText == "t.py:2:12: ZeroDivisionError: division by zero")
    }

    @Test func sandboxHasNoIOBuiltins() {
        for name in ["open", "exec", "eval", "__import__", "compile", "input"] {
            #expect(runScript("\(name)('x')\n").errorText == "t.py:1:1: NameError: name '\(name)' is not defined")
        }
        #expect(runScript("import os\n").errorText.hasPrefix("t.py:1:8: ModuleNotFoundError: No module named 'os'"))
    }

    @Test func engineErrorsFromHostObjectsAreGlueErrors() {
        final class Failing: PyObject {
            var typeName: String { "Failing" }
            func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
                throw EngineError.invalidPath(path: "x", reason: "must start with s3://")
            }
        }
        let run = runScript("x = 1\nfail()\n") { $0.setGlobal("fail", .object(Failing())) }
        #expect(run.errorText == "t.py:2:1: " + EngineError.invalidPath(path: "x", reason: "must start with s3://").description)
        guard case .runtime(_, _, _, let type, _)? = run.error else {
            Issue.record("expected a runtime error")
            return
        }
        #expect(type == "GlueError")
    }
}
