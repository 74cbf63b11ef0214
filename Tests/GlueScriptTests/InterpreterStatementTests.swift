import Testing

@testable import GlueScript

/// Scripts and the lines CPython 3.11 prints for them.
private let pythonPrograms: [(String, String, [String])] = [
    ("closures", """
def make_counter(start):
    count = [start]
    def step(by=1):
        count[0] += by
        return count[0]
    return step
c = make_counter(10)
c()
print(c(5))
adders = []
for i in range(3):
    adders.append(lambda x, i=i: x + i)
print(adders[2](1), adders[0](1))
def outer():
    x = 1
    def inner():
        return x * 2
    x = 5
    return inner()
print(outer())
g = 7
def reads_global():
    return g + 1
print(reads_global())
def shadows():
    g = 1
    return g
print(shadows(), g)
""", ["16", "3 1", "10", "8", "1 7"]),
    ("defaults", """
def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, c=9), f(b=5, a=0))
k = 1
def d(x=k):
    return x
k = 2
print(d())
""", ["(1, 2, 3) (1, 2, 9) (0, 5, 3)", "1"]),
    ("control", """
total = 0
for i in range(10):
    if i == 2:
        continue
    elif i > 6:
        break
    else:
        total += i
print(total)
for k in {"a": 1, "b": 2}:
    print(k)
for ch in "hi":
    print(ch)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
x, y = 1, 2
x, y = y, x
print(x, y)
[p, q] = "ab"
print(p, q)
a = b = []
a.append(1)
print(b)
items = [1]
for it in items:
    if it < 4:
        items.append(it + 1)
print(items)
def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    return None
print(first_even([1, 3, 4, 6]), first_even([1]))
""", ["19", "a", "b", "h", "i", "6", "15", "2 1", "a b", "[1]", "[1, 2, 3, 4]", "4 None"]),
    ("assign", """
d = {}
d["k"] = 1
d["k"] += 5
print(d)
l = [1, 2, 3]
l[-1] = 9
l[0] *= 10
print(l)
l[1:2] = [7, 8]
print(l)
s = "a"
s += "b"
s *= 2
print(s)
m = l
m += [0]
print(l)
t = (1, 2)
t += (3,)
print(t)
n = 10
n //= 3
n **= 2
n -= 1
n %= 5
print(n)
x = 6
x &= 3
x |= 8
print(x)
""", ["{'k': 6}", "[10, 2, 9]", "[10, 7, 8, 9]", "abab", "[10, 7, 8, 9, 0]", "(1, 2, 3)", "3", "10"]),
    ("print", """
print()
print("a", 1, None, [1.5])
print("a", "b", sep="-")
print(1, 2, sep="")
""", ["", "a 1 None [1.5]", "a-b", "12"]),
    ("methods", """
l = [3, 1, 2]
l.sort()
print(l)
l.sort(key=lambda v: -v)
print(l)
l.reverse()
print(l, l.pop(), l.pop(0), l)
l.insert(0, "z")
l.extend((5, 6))
l.remove(5)
print(l, l.copy() is l)
d = {"a": 1}
print(d.setdefault("b", 2), d.setdefault("a", 9), d)
d.update({"c": 3}, e=5)
print(d.pop("a"), d.pop("zz", "none"), d)
print(d.copy() == d, "c" in d, "a" in d)
s = {1, 2}
s.add(3)
s.add(2)
print(len(s), 3 in s, sorted(s))
print(set(), set([1, 1]))
""", ["[1, 2, 3]", "[3, 2, 1]", "[2] 3 1 [2]", "['z', 2, 6] False", "2 1 {'a': 1, 'b': 2}", "1 none {'b': 2, 'c': 3, 'e': 5}", "True True False", "3 True [1, 2, 3]", "set() {1}"]),
]

@Suite struct InterpreterStatementTests {
    @Test(arguments: pythonPrograms)
    func matchesPython(_ p: (String, String, [String])) {
        #expect(output(p.1) == p.2, "\(p.0)")
    }

    @Test func printWritesOneLinePerCall() {
        #expect(output("print('x', end='!')\nprint('a\\nb')\nprint(1, 2, sep=', ', end='')\n") == ["x!", "a\nb", "1, 2"])
    }

    @Test func assignmentInDefMakesALocal() {
        let src = """
        x = 1
        def f():
            y = x
            x = 2
            return y
        f()
        """
        #expect(output(src) == ["t.py:3:9: UnboundLocalError: cannot access local variable 'x' where it is not associated with a value"])
    }

    @Test func lambdasSeeEnclosingScopesAtCallTime() {
        let src = """
        def outer():
            fs = []
            n = 1
            fs.append(lambda: n)
            n = 2
            return fs[0]
        print(outer()())
        """
        #expect(output(src) == ["2"])
    }

    @Test func globalsAreReadableAfterARun() throws {
        let r = runScript("a = [1, 2]\nb = len(a) * 2\n")
        #expect(r.error == nil)
        var interpreter: Interpreter?
        _ = runScript("total = 0\nfor i in range(5): total += i\n") { interpreter = $0 }
        #expect(interpreter?.global("total").flatMap(\.intValue) == 10)
        #expect(interpreter?.global("nope") == nil)
    }

    @Test func chainedComparisonEvaluatesTheMiddleOnce() {
        let src = """
        calls = []
        def mid():
            calls.append(1)
            return 5
        print(1 < mid() < 10, 9 < mid() < 10, len(calls))
        """
        #expect(output(src) == ["True False 2"])
    }

    @Test func andOrShortCircuit() {
        let src = """
        def boom():
            return 1 // 0
        print(0 and boom(), 1 or boom(), None or 0 or "last")
        """
        #expect(output(src) == ["0 1 last"])
    }

    @Test func starAndDoubleStarSplatsAtCallSites() {
        let src = """
        def f(a, b, c=0, d=0):
            return a + b * 10 + c * 100 + d * 1000
        args = [1, 2]
        opts = {"d": 4}
        print(f(*args), f(*args, **opts), f(1, *(2, 3)), f(**{"a": 1, "b": 1}))
        """
        #expect(output(src) == ["21 4021 321 11"])
    }
}
