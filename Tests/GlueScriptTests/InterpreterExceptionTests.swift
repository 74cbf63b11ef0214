import Testing

@testable import GlueScript

/// Scripts using `raise`, `try`, `assert` and `while`, and the lines CPython 3.11 prints for
/// them (each expected list was produced by running the script with python3 3.11.7).
private let exceptionPrograms: [(String, String, [String])] = [
    ("finally, else, handlers, hierarchy", """
out = []
def f():
    try:
        return "body"
    finally:
        out.append("finally")
print(f(), out)
def g():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(g())
def h():
    try:
        return 1
    finally:
        return 2
print(h())
def k():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(k())
try:
    try:
        raise KeyError("k")
    except ValueError:
        print("no")
    else:
        print("no else")
    finally:
        print("inner finally")
except LookupError as e:
    print("lookup", repr(e), str(e), e.args, type(e).__name__, isinstance(e, KeyError), isinstance(e, Exception))
try:
    x = 1
except Exception:
    pass
else:
    print("else ran")
try:
    1 / 0
except (TypeError, ZeroDivisionError) as e:
    print(type(e).__name__, e)
try:
    e
except NameError as err:
    print(err)
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    if n == 4:
        break
else:
    print("no")
print(n)
while n < 6:
    n += 1
else:
    print("while else", n)
try:
    assert n > 10, "n too small: %d" % n
except AssertionError as e:
    print(repr(e), e.args)
try:
    assert n > 10
except AssertionError as e:
    print(repr(e), str(e) == "", e.args)
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyboardInterrupt, Exception), issubclass(KeyboardInterrupt, BaseException))
try:
    raise ValueError("a", 1)
except Exception as e:
    print(str(e), repr(e), e.args)
def reraiser():
    try:
        int("x")
    except ValueError:
        raise
try:
    reraiser()
except ValueError as e:
    print("reraised:", e)
try:
    raise RuntimeError("outer") from ValueError("inner")
except RuntimeError as e:
    print(repr(e.__cause__))
try:
    [][3]
except IndexError as e:
    print(e)
try:
    {}.get("a").x
except AttributeError as e:
    print(e)
print(ValueError, repr(ValueError("x")), ValueError.__name__)
try:
    try:
        raise ValueError("v")
    except ValueError:
        raise TypeError("t")
except TypeError as e:
    print("converted", e)
try:
    raise KeyboardInterrupt
except Exception:
    print("no")
except BaseException as e:
    print("base", repr(e))
try:
    raise Exception("no input")
except Exception as e:
    print(type(e) == Exception, isinstance(e, BaseException))
try:
    try:
        pass
    except 5:
        pass
    print("not evaluated when no exception")
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)
""", [
        "body ['finally']",
        "['finally', 0, 'f0', 'f1', 'f2']",
        "2",
        "swallowed",
        "inner finally",
        "lookup KeyError('k') 'k' ('k',) KeyError True True",
        "else ran",
        "ZeroDivisionError division by zero",
        "name 'e' is not defined",
        "4",
        "while else 6",
        "AssertionError('n too small: 6') ('n too small: 6',)",
        "AssertionError() True ()",
        "True False True",
        "('a', 1) ValueError('a', 1) ('a', 1)",
        "reraised: invalid literal for int() with base 10: 'x'",
        "ValueError('inner')",
        "list index out of range",
        "'NoneType' object has no attribute 'x'",
        "<class 'ValueError'> ValueError('x') ValueError",
        "converted t",
        "base KeyboardInterrupt()",
        "True True",
        "not evaluated when no exception",
        "catching classes that do not inherit from BaseException is not allowed",
    ]),
    ("job-script patterns", """
def f(x):
    if x == 0:
        raise ValueError("no input")
    return x
try:
    f(0)
except ValueError as e:
    print(str(e), repr(e))
def nested():
    log = []
    for i in range(4):
        try:
            try:
                if i % 2 == 0:
                    raise KeyError(i)
                log.append("ok%d" % i)
            finally:
                log.append("inner%d" % i)
        except KeyError as e:
            log.append("caught " + str(e))
            if i == 2:
                return log
        else:
            log.append("else%d" % i)
    return log
print(nested())
count = 0
while True:
    count += 1
    try:
        if count < 3:
            continue
        break
    finally:
        print("finally", count)
print(count)
total = 0
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    total += i
print(total, i)
def retry(attempts):
    tries = 0
    while tries < attempts:
        tries += 1
        try:
            if tries < 3:
                raise RuntimeError("flaky %d" % tries)
            return "done after %d" % tries
        except RuntimeError as e:
            print("retrying:", e)
    else:
        return "gave up"
print(retry(5))
print(retry(2))
msgs = []
try:
    d = {"a": 1}
    d["b"]
except KeyError as e:
    msgs.append(str(e))
try:
    int("abc")
except ValueError as e:
    msgs.append(str(e))
try:
    None + 1
except TypeError as e:
    msgs.append(str(e))
try:
    undefined_name
except NameError as e:
    msgs.append(str(e))
print(msgs)
def lookup():
    try:
        return {}["x"]
    except LookupError:
        return "default"
print(lookup())
try:
    raise ValueError
except ValueError as e:
    print(e.args, repr(e), isinstance(e, ValueError), isinstance(e, TypeError))
""", [
        "no input ValueError('no input')",
        "['inner0', 'caught 0', 'ok1', 'inner1', 'else1', 'inner2', 'caught 2']",
        "finally 1",
        "finally 2",
        "finally 3",
        "3",
        "30 10",
        "retrying: flaky 1",
        "retrying: flaky 2",
        "done after 3",
        "retrying: flaky 1",
        "retrying: flaky 2",
        "gave up",
        "[\"'b'\", \"invalid literal for int() with base 10: 'abc'\", \"unsupported operand type(s) for +: 'NoneType' and 'int'\", \"name 'undefined_name' is not defined\"]",
        "default",
        "() ValueError() True False",
    ]),
]

@Suite("Interpreter: exceptions")
struct InterpreterExceptionTests {
    @Test(arguments: exceptionPrograms.indices)
    func printsWhatCPythonPrints(_ k: Int) {
        let (name, source, expected) = exceptionPrograms[k]
        let run = runScript(source)
        #expect(run.error == nil, "\(name): \(run.errorText)")
        #expect(run.lines == expected, "\(name)")
    }

    // MARK: Uncaught exceptions end the script with one line at the raise

    @Test func anUncaughtRaiseStopsTheScriptAtTheRaise() {
        #expect(runScript("n = 0\nif n == 0:\n    raise Exception(\"no input\")\nprint(\"after\")\n").errorText
            == "t.py:3:5: Exception: no input")
        #expect(runScript("def check(r):\n    raise ValueError(\"bad row\", 3)\ncheck(1)\n").errorText
            == "t.py:2:5: ValueError: ('bad row', 3)")
        #expect(runScript("raise KeyError(\"k\")\n").errorText == "t.py:1:1: KeyError: 'k'")
        // CPython prints the class alone when there is no message.
        #expect(runScript("raise ValueError\n").errorText == "t.py:1:1: ValueError")
        #expect(runScript("raise NotImplementedError()\n").errorText == "t.py:1:1: NotImplementedError")
    }

    @Test func aBareRaiseReRaisesFromWhereTheErrorFirstHappened() {
        // CPython's traceback ends at line 2 (the division), not at the `raise`.
        let source = "try:\n    x = 1 / 0\nexcept ZeroDivisionError as e:\n    print(\"failed:\", e)\n    raise\n"
        let run = runScript(source)
        #expect(run.lines == ["failed: division by zero"])
        #expect(run.errorText == "t.py:2:9: ZeroDivisionError: division by zero")
        let named = runScript("try:\n    x = 1 / 0\nexcept ZeroDivisionError as e:\n    raise e\n")
        #expect(named.errorText == "t.py:2:9: ZeroDivisionError: division by zero")
        let logged = runScript("""
            def load():
                raise RuntimeError("read failed")
            try:
                load()
            except Exception as e:
                print("ERROR", str(e))
                raise
            """ + "\n")
        #expect(logged.lines == ["ERROR read failed"])
        #expect(logged.errorText == "t.py:2:5: RuntimeError: read failed")
    }

    @Test func raiseFromKeepsTheCause() {
        let run = runScript("""
            try:
                try:
                    int("x")
                except ValueError as e:
                    raise RuntimeError("bad config") from e
            except RuntimeError as err:
                print(repr(err), type(err.__cause__).__name__, err.__cause__)
            """ + "\n")
        #expect(run.lines == ["RuntimeError('bad config') ValueError invalid literal for int() with base 10: 'x'"])
        #expect(runScript("raise ValueError(\"x\") from None\n").errorText == "t.py:1:1: ValueError: x")
    }

    @Test func raisingSomethingElseIsATypeError() {
        #expect(runScript("raise 5\n").errorText == "t.py:1:1: TypeError: exceptions must derive from BaseException")
        #expect(runScript("raise \"oops\"\n").errorText == "t.py:1:1: TypeError: exceptions must derive from BaseException")
        #expect(runScript("raise ValueError(\"x\") from 5\n").errorText
            == "t.py:1:1: TypeError: exception causes must derive from BaseException")
        #expect(runScript("raise\n").errorText == "t.py:1:1: RuntimeError: No active exception to reraise")
        #expect(runScript("try:\n    raise ValueError\nexcept 5:\n    pass\n").errorText
            == "t.py:3:1: TypeError: catching classes that do not inherit from BaseException is not allowed")
    }

    @Test func asNameIsUnboundAfterTheClause() {
        #expect(runScript("try:\n    raise ValueError\nexcept ValueError as e:\n    pass\nprint(e)\n").errorText
            == "t.py:5:7: NameError: name 'e' is not defined")
    }

    // MARK: assert

    @Test func assertRaisesAssertionErrorWithTheMessage() {
        #expect(runScript("rows = 0\nassert rows > 0, \"expected input rows, got %d\" % rows\n").errorText
            == "t.py:2:1: AssertionError: expected input rows, got 0")
        #expect(runScript("assert []\n").errorText == "t.py:1:1: AssertionError")
        // The message is evaluated only when the assertion fails.
        #expect(runScript("assert 1, undefined\nprint(\"ok\")\n").lines == ["ok"])
    }

    // MARK: KeyboardInterrupt

    @Test func exceptExceptionDoesNotCatchKeyboardInterrupt() {
        let run = runScript("try:\n    raise KeyboardInterrupt\nexcept Exception:\n    print(\"caught\")\n")
        #expect(run.lines == [])
        #expect(run.errorText == "t.py:2:5: KeyboardInterrupt")
    }

    @Test func theRunsInterruptionIsNeverCaught() throws {
        // A bare `except:` would catch a KeyboardInterrupt in Python; the run's Ctrl-C is not
        // catchable, so the script stops (its `finally` blocks still run).
        let source = """
            n = 0
            try:
                while True:
                    try:
                        n += 1
                        print(n)
                    except:
                        print("swallowed")
            except BaseException:
                print("swallowed too")
            finally:
                print("cleanup")
            """ + "\n"
        let stop = ScriptInterruption()
        var lines: [String] = []
        let interpreter = Interpreter(file: "t.py", modules: ModuleRegistry(), interruption: stop) { line in
            lines.append(line)
            if line == "3" { stop.request() }
        }
        var error: ScriptError?
        do { try interpreter.run(try Script.parse(source, file: "t.py")) } catch let e { error = e }
        #expect(lines == ["1", "2", "3", "cleanup"])
        #expect(error?.description == "t.py:3:11: KeyboardInterrupt: the run was interrupted (Ctrl-C)")
    }

    // MARK: Classes

    @Test func exceptionClassesFollowCPythonsHierarchy() {
        #expect(output("""
            print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(ArithmeticError, Exception))
            print(issubclass(KeyError, LookupError), issubclass(IndexError, LookupError), issubclass(KeyError, IndexError))
            print(issubclass(RecursionError, RuntimeError), issubclass(NotImplementedError, RuntimeError))
            print(issubclass(StopIteration, Exception), issubclass(AssertionError, Exception))
            print(issubclass(KeyboardInterrupt, BaseException), issubclass(KeyboardInterrupt, Exception))
            print(issubclass(ModuleNotFoundError, ImportError), issubclass(UnboundLocalError, NameError))
            print(OverflowError, repr(AttributeError("x")), ValueError.__name__, callable(TypeError))
            print(type(ValueError("v")) == ValueError, type(ValueError("v")) == TypeError)
            """ + "\n") == [
                "True True", "True True False", "True True", "True True", "True False", "True True",
                "<class 'OverflowError'> AttributeError('x') ValueError True", "True False",
            ])
    }

    @Test func errorsTheInterpreterRaisesAreCaughtByTheirClass() {
        #expect(output("""
            try:
                [1, 2][5]
            except LookupError as e:
                print(type(e).__name__, e, isinstance(e, IndexError), e.args)
            try:
                "a" + 1
            except (ValueError, TypeError) as e:
                print(type(e).__name__, e)
            def deep(n):
                return deep(n + 1)
            try:
                deep(0)
            except RecursionError as e:
                print(type(e).__name__, isinstance(e, RuntimeError), e)
            try:
                import os
            except ImportError as e:
                print(type(e).__name__)
            print(deep.__name__ if False else "still running")
            """ + "\n") == [
                "IndexError list index out of range True ('list index out of range',)",
                "TypeError can only concatenate str (not \"int\") to str",
                "RecursionError True maximum recursion depth exceeded",
                "ModuleNotFoundError",
                "still running",
            ])
    }
}

/// How the new statements parse, and the syntax errors CPython 3.11 gives for misplaced clauses.
@Suite("Parser: exceptions and while")
struct ParserExceptionTests {
    @Test func statementsDumpAsTheyWereWritten() throws {
        let source = """
            while n < 3:
                n += 1
            else:
                pass
            try:
                f()
            except (KeyError, IndexError) as e:
                raise ValueError("bad") from e
            except ValueError:
                raise
            except:
                pass
            else:
                g()
            finally:
                h()
            assert n, "msg"
            """ + "\n"
        #expect(try Script.parse(source, file: "t.py").dump() == """
            (while (cmp n < 3) {(+= n 1)} else {(pass)})
            (try {(call f)} except (tuple KeyError IndexError) as e {(raise (call ValueError "bad") from e)} \
            except ValueError {(raise)} except {(pass)} else {(call g)} finally {(call h)})
            (assert n "msg")
            """)
    }

    @Test func misplacedClausesAreSyntaxErrors() {
        #expect(errorText("try:\n    pass\nx = 1\n") == "t.py:3:1: expected 'except' or 'finally' block")
        #expect(errorText("try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n")
            == "t.py:3:1: default 'except:' must be last")
        #expect(errorText("try:\n    pass\nexcept KeyError, ValueError:\n    pass\n")
            == "t.py:3:16: multiple exception types must be parenthesized")
        #expect(errorText("except ValueError:\n    pass\n")
            == "t.py:1:1: invalid syntax near 'except': no 'try' block before it at this indentation")
        #expect(errorText("while True:\n    pass\nbreak\n") == "t.py:3:1: 'break' outside loop")
        #expect(errorText("def f():\n    while x:\n        def g():\n            continue\n")
            == "t.py:4:13: 'continue' outside loop")
    }
}
