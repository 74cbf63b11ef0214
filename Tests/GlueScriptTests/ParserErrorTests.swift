import Foundation
import Testing

@testable import GlueScript

@Suite struct ParserErrorTests {
    @Test func anUnclosedBracketNamesWhereItWasOpened() {
        #expect(errorText("x = foo(a b)\n") == "t.py:1:11: expected ')' to close '(' at 1:8, found 'b' (missing comma?)")
        #expect(errorText("x = [1, 2\ny = 3\n") == "t.py:2:1: expected ']' to close '[' at 1:5, found 'y' (missing comma?)")
        #expect(errorText("x = {\"a\": 1 \"b\": 2}\n")
            == "t.py:1:13: expected '}' to close '{' at 1:5, found string \"b\" (missing comma?)")
        #expect(errorText("x = foo(a,\n      b\n") == "t.py:1:8: '(' was never closed")
        #expect(errorText("def f(a b):\n    pass\n") == "t.py:1:9: expected ')' to close '(' at 1:6, found 'b' (missing comma?)")
    }

    @Test func indentationMistakes() {
        #expect(errorText("x = 1\n    y = 2\n") == "t.py:2:5: unexpected indent")
        #expect(errorText("if x:\ny = 1\n") == "t.py:2:1: expected an indented block after 'if' statement on line 1")
        #expect(errorText("def f(r):\n\nx = 1\n") == "t.py:3:1: expected an indented block after function definition on line 1")
        #expect(errorText("if a:\n    pass\nelif b:\npass\n") == "t.py:4:1: expected an indented block after 'elif' statement on line 3")
        #expect(errorText("if a:\n    pass\nelse:\n") == "t.py:4:1: expected an indented block after 'else' statement on line 3")
        #expect(errorText("def f(r):\n    a = 1\n        b = 2\n") == "t.py:3:9: unexpected indent")
    }

    @Test func invalidSyntaxNamesTheTokenNearby() {
        #expect(errorText("x = 1 foo\n") == "t.py:1:7: invalid syntax near 'foo'")
        #expect(errorText("x = \n") == "t.py:1:5: expected an expression, found end of line")
        #expect(errorText("x = )\n") == "t.py:1:5: unmatched ')'")
        #expect(errorText("x = (1 +)\n") == "t.py:1:9: expected an expression, found ')'")
        #expect(errorText("x = a.for\n") == "t.py:1:7: expected an attribute name after '.', found 'for'")
        #expect(errorText("a[]\n") == "t.py:1:3: expected an expression, found ']'")
        #expect(errorText("x = a + not b\n")
            == "t.py:1:9: invalid syntax near 'not': put it in parentheses inside an operator expression")
        #expect(errorText("x = 1 + lambda: 2\n")
            == "t.py:1:9: invalid syntax near 'lambda': put it in parentheses inside an operator expression")
    }

    @Test func missingColonsAndKeywords() {
        #expect(errorText("if x\n    pass\n") == "t.py:1:5: expected ':' after the 'if' condition, found end of line")
        #expect(errorText("def f(r)\n    pass\n") == "t.py:1:9: expected ':' after the function's parameters, found end of line")
        #expect(errorText("def (r):\n    pass\n") == "t.py:1:5: expected a function name after 'def', found '('")
        #expect(errorText("x = a if b\n") == "t.py:1:11: expected 'else' after 'if' expression, found end of line")
        #expect(errorText("f = lambda r r\n") == "t.py:1:14: expected ':' after the lambda's parameters, found 'r'")
        #expect(errorText("from awsglue.job Job\n") == "t.py:1:18: expected 'import' after 'from awsglue.job', found 'Job'")
        #expect(errorText("x = {\"a\": 1, \"b\"}\n") == "t.py:1:17: expected ':' after a dict key, found '}'")
    }

    @Test func misplacedStatements() {
        #expect(errorText("return 1\n") == "t.py:1:1: 'return' outside function")
        #expect(errorText("if x:\n    return\n") == "t.py:2:5: 'return' outside function")
        #expect(errorText("else:\n    pass\n") == "t.py:1:1: invalid syntax near 'else': no 'if' block before it at this indentation")
        #expect(errorText("print \"hello\"\n") == "t.py:1:1: Missing parentheses in call to 'print'. Did you mean print(...)?")
        #expect(errorText("from a import x,\n") == "t.py:1:16: trailing comma not allowed without surrounding parentheses")
        #expect(errorText("def f():\n    if x:\n        break\n") == "t.py:3:9: 'break' outside loop")
        #expect(errorText("continue\n") == "t.py:1:1: 'continue' outside loop")
        #expect(errorText("for r in rows:\n    def f():\n        continue\n") == "t.py:3:9: 'continue' outside loop")
        #expect(errorText("for r rows:\n    pass\n") == "t.py:1:7: expected 'in' after the for loop's target, found 'rows'")
        #expect(errorText("for f() in rows:\n    pass\n") == "t.py:1:5: cannot assign to function call")
        #expect(errorText("for r in rows:\npass\n") == "t.py:2:1: expected an indented block after 'for' statement on line 1")
    }

    @Test func assignmentTargetsMustBeAssignable() {
        #expect(errorText("f() = 1\n") == "t.py:1:1: cannot assign to function call")
        #expect(errorText("1 = x\n") == "t.py:1:1: cannot assign to literal")
        #expect(errorText("None = x\n") == "t.py:1:1: cannot assign to None")
        #expect(errorText("a, f() = x\n") == "t.py:1:4: cannot assign to function call")
        #expect(errorText("x = a + 1 = 2\n") == "t.py:1:5: cannot assign to expression")
        #expect(errorText("a, b += 1\n") == "t.py:1:1: 'tuple' is an illegal expression for augmented assignment")
        #expect(errorText("f(x) += 1\n") == "t.py:1:1: 'function call' is an illegal expression for augmented assignment")
    }

    @Test func callArgumentsFollowPythonsOrder() {
        #expect(errorText("f(a=1, b)\n") == "t.py:1:8: positional argument follows keyword argument")
        #expect(errorText("f(**o, b)\n") == "t.py:1:8: positional argument follows keyword argument unpacking")
        #expect(errorText("f(**o, *rest)\n") == "t.py:1:8: iterable argument unpacking follows keyword argument unpacking")
        #expect(errorText("f(a=1, a=2)\n") == "t.py:1:8: keyword argument repeated: a")
        #expect(errorText("f(a.b=1)\n") == "t.py:1:3: expression cannot contain assignment, perhaps you meant \"==\"?")
        #expect(dump("f(a=1, *rest)\n") == "(call f a=1 *rest)")
    }

    @Test func parametersFollowPythonsRules() {
        #expect(errorText("def f(a=1, b):\n    pass\n") == "t.py:1:12: parameter without a default follows parameter with a default")
        #expect(errorText("def f(r, r):\n    pass\n") == "t.py:1:10: duplicate argument 'r' in function definition")
        #expect(errorText("g = lambda a=1, b: a\n") == "t.py:1:17: parameter without a default follows parameter with a default")
    }

    @Test func errorsComeInSourceOrder() {
        // A syntax error before a bad character is reported first...
        #expect(errorText("x = (1 +\ny = 2 $\n") == "t.py:2:3: expected ')' to close '(' at 1:5, found '='")
        #expect(errorText("x = 1 +\ny = \"open\n") == "t.py:1:8: expected an expression, found end of line")
        // ...and a bad character before a syntax error is reported first.
        #expect(errorText("x = 1 $ 2\ny = (\n") == "t.py:1:7: invalid character '$' (U+0024)")
        #expect(errorText("if x:\n    y = 'open\n") == "t.py:2:9: unterminated string literal (detected at line 2)")
    }

    @Test func errorsCarryTheirKind() {
        guard case .syntax = parseError("x = (\n") else {
            Issue.record("an unclosed bracket is a syntax error")
            return
        }
        guard case .lexical = parseError("x = 'open\n") else {
            Issue.record("an unterminated string is a lexical error")
            return
        }
        guard case .unsupported(_, 1, 1, "class definition") = parseError("class X:\n    pass\n") else {
            Issue.record("a class definition is refused as unsupported")
            return
        }
    }
}

@Suite struct UnclosedBracketTests {
    @Test func reachingTheEndInsideBracketsBlamesTheInnermostOpenOne() {
        #expect(errorText("x = foo(a, [1, 2\n") == "t.py:1:12: '[' was never closed")
        #expect(errorText("x = (1 +\n") == "t.py:1:5: '(' was never closed")
        #expect(errorText("if x:\n    y = (1,\n") == "t.py:2:9: '(' was never closed")
        #expect(errorText("d = {\"a\":\n") == "t.py:1:5: '{' was never closed")
    }
}

@Suite struct NestingLimitTests {
    @Test func deepNestingParsesEvenFromAThreadWithASmallStack() {
        let source = "y = " + String(repeating: "f({1: [(", count: 49) + "x" + String(repeating: ")]})", count: 49) + "\n"
        let parsed = Locked(false)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            parsed.set(parseError(source) == nil)
            done.signal()
        }
        thread.stackSize = 256 << 10
        thread.start()
        done.wait()
        #expect(parsed.get())
    }

    @Test func deepButReasonableNestingParses() {
        let parens = String(repeating: "(", count: 199) + "x" + String(repeating: ")", count: 199)
        #expect(dump("y = \(parens)\n") == "(= y x)")
        let calls = String(repeating: "f(", count: 150) + "1" + String(repeating: ")", count: 150)
        #expect(parseError("y = \(calls)\n") == nil)
        #expect(parseError("y = " + String(repeating: "-", count: 190) + "x\n") == nil)
    }

    @Test func pathologicalNestingIsAnErrorNotACrash() {
        let parens = String(repeating: "(", count: 201) + "x" + String(repeating: ")", count: 201)
        #expect(errorText("y = \(parens)\n") == "t.py:1:205: too many nested parentheses (more than 200)")
        #expect(errorText("y = " + String(repeating: "-", count: 5_000) + "x\n")
            == "t.py:1:205: expression too deeply nested (more than 200 levels)")
        #expect(errorText("y = " + String(repeating: "not ", count: 5_000) + "x\n")
            == "t.py:1:805: expression too deeply nested (more than 200 levels)")
        #expect(errorText("f = " + String(repeating: "lambda: ", count: 5_000) + "0\n")
            == "t.py:1:1605: expression too deeply nested (more than 200 levels)")
        #expect(errorText("y = 2" + String(repeating: " ** 2", count: 5_000) + "\n")
            == "t.py:1:1005: expression too deeply nested (more than 200 levels)")
        var deep = ""
        for level in 0..<101 { deep += String(repeating: " ", count: level) + "if x:\n" }
        deep += String(repeating: " ", count: 101) + "pass\n"
        #expect(errorText(deep) == "t.py:102:102: too many levels of indentation")
    }
}

/// A value shared with a worker thread.
final class Locked<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: T

    init(_ value: T) { self.value = value }

    func set(_ newValue: T) { lock.withLock { value = newValue } }
    func get() -> T { lock.withLock { value } }
}
