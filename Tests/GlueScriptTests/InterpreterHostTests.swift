import Foundation
import Testing

@testable import GlueScript

/// A toy host object: attributes, a method, calls, operators, iteration, items.
private final class Vec: PyObject {
    var xs: [Int]
    var label = "v"
    init(_ xs: [Int]) { self.xs = xs }

    var typeName: String { "Vec" }
    var repr: String { "Vec(\(xs.map(String.init).joined(separator: ", ")))" }

    func attribute(_ name: String, runtime: any PyRuntime) throws -> PyValue? {
        switch name {
        case "label": return .str(label)
        case "total":
            return .builtin(PyBuiltin("total") { _, _ in .int(self.xs.reduce(0, +)) })
        case "map":
            return .builtin(PyBuiltin("map") { args, runtime in
                let f = try args.bind("map", ["f"])["f"]
                return .object(Vec(try self.xs.map { try runtime.call(f, CallArguments([.int($0)])).intValue ?? 0 }))
            })
        default: return nil
        }
    }

    func setAttribute(_ name: String, to value: PyValue, runtime: any PyRuntime) throws -> Bool {
        guard name == "label", case .str(let s) = value else { return false }
        label = s
        return true
    }

    func call(_ arguments: CallArguments, runtime: any PyRuntime) throws -> PyValue {
        let b = try arguments.bind("Vec", ["i"])
        return .int(xs[try b.int("i")])
    }

    func item(_ key: PyValue, runtime: any PyRuntime) throws -> PyValue {
        guard let i = key.intValue, xs.indices.contains(i) else { throw PyException(.indexError, "Vec index out of range") }
        return .int(xs[i])
    }

    func binary(_ op: BinaryOperator, _ other: PyValue, reflected: Bool, runtime: any PyRuntime) throws -> PyValue? {
        guard op == .multiply, let k = other.intValue else { return nil }
        return .object(Vec(xs.map { $0 * k }))
    }

    func compare(_ op: ComparisonOperator, _ other: PyValue, runtime: any PyRuntime) throws -> PyValue? {
        guard op == .equal, let v = other.object(as: Vec.self) else { return nil }
        return .bool(v.xs == xs)
    }

    func unary(_ op: UnaryOperator, runtime: any PyRuntime) throws -> PyValue? {
        op == .negate ? .object(Vec(xs.map { -$0 })) : nil
    }

    func iterate(runtime: any PyRuntime) throws -> [PyValue]? { xs.map { .int($0) } }
    func truthy(runtime: any PyRuntime) throws -> Bool { !xs.isEmpty }
}

private func toyModules() -> ModuleRegistry {
    var m = ModuleRegistry()
    m.register(PyModule(name: "awsglue.context", members: [
        "GlueContext": .builtin(PyBuiltin("GlueContext") { _, _ in .str("ctx") }),
        "_private": .int(1),
    ]))
    m.register(PyModule(name: "awsglue.transforms", members: ["Map": .str("Map"), "Filter": .str("Filter")]))
    m.register(PyModule(name: "sys", members: ["argv": .list(PyList([.str("job.py"), .str("--JOB_NAME")]))]))
    m.register(PyModule(name: "awsglue", members: ["version": .str("4.0")]))
    return m
}

@Suite struct InterpreterHostTests {
    @Test func hostObjectHooks() {
        let src = """
        print(v, v.label, v.total(), v(1), v[2], len(v), list(v), 2 in v)
        print(v * 2, 3 * v, -v, v == v * 1, v != v, bool(v))
        v.label = "w"
        print(v.label, v.map(lambda x: x + 100))
        for x in v:
            print(x)
        a, b, c = v
        print(a + b + c)
        """
        let run = runScript(src) { $0.setGlobal("v", .object(Vec([1, 2, 3]))) }
        #expect(run.errorText == "ok")
        #expect(run.lines == [
            "Vec(1, 2, 3) v 6 2 3 3 [1, 2, 3] True",
            "Vec(2, 4, 6) Vec(3, 6, 9) Vec(-1, -2, -3) True False True",
            "w Vec(101, 102, 103)", "1", "2", "3", "6",
        ])
    }

    @Test func hostObjectErrors() {
        let setup: (Interpreter) -> Void = { $0.setGlobal("v", .object(Vec([1]))) }
        #expect(runScript("v.nope\n", setup: setup).errorText == "t.py:1:3: AttributeError: 'Vec' object has no attribute 'nope'")
        #expect(runScript("v.other = 1\n", setup: setup).errorText == "t.py:1:3: AttributeError: 'Vec' object has no attribute 'other'")
        #expect(runScript("x = v + 1\n", setup: setup).errorText == "t.py:1:5: TypeError: unsupported operand type(s) for +: 'Vec' and 'int'")
        #expect(runScript("x = v < v\n", setup: setup).errorText == "t.py:1:5: TypeError: '<' not supported between instances of 'Vec' and 'Vec'")
        #expect(runScript("x = v[5]\n", setup: setup).errorText == "t.py:1:5: IndexError: Vec index out of range")
        #expect(runScript("x = v.map(lambda x: x // 0)\n", setup: setup).errorText == "t.py:1:21: ZeroDivisionError: integer division or modulo by zero")
    }

    @Test func imports() {
        let src = """
        import sys
        import awsglue.context
        import awsglue.transforms as T
        from awsglue.context import GlueContext, GlueContext as GC
        from awsglue import transforms
        print(sys.argv[1], awsglue.version, awsglue.context.GlueContext(), T.Map, GC(), transforms.Filter)
        """
        let run = runScript(src, modules: toyModules())
        #expect(run.errorText == "ok")
        #expect(run.lines == ["--JOB_NAME 4.0 ctx Map ctx Filter"])
    }

    @Test func importStar() {
        var interpreter: Interpreter?
        let run = runScript("from awsglue.transforms import *\nfrom awsglue.context import *\nprint(Map, Filter)\n", modules: toyModules()) {
            interpreter = $0
        }
        #expect(run.lines == ["Map Filter"])
        #expect(interpreter?.global("_private") == nil)
        #expect(interpreter?.global("GlueContext") != nil)
    }

    @Test func parentPackagesAreMadeForSubmodules() {
        var m = ModuleRegistry()
        m.register(PyModule(name: "pyspark.sql.functions", members: ["col": .str("col")]))
        let run = runScript("import pyspark.sql.functions\nimport pyspark.sql.functions as F\nprint(pyspark.sql.functions.col, F.col)\n", modules: m)
        #expect(run.lines == ["col col"])
        #expect(m.topLevelNames == ["pyspark"])
    }

    @Test func importErrors() {
        let m = toyModules()
        #expect(runScript("import os\n", modules: m).errorText == "t.py:1:8: ModuleNotFoundError: No module named 'os' (importable modules: awsglue, sys)")
        #expect(runScript("import awsglue.nope\n", modules: m).errorText == "t.py:1:8: ModuleNotFoundError: No module named 'awsglue.nope' (importable modules: awsglue, sys)")
        #expect(runScript("from awsglue.context import Nope\n", modules: m).errorText == "t.py:1:29: ImportError: cannot import name 'Nope' from 'awsglue.context'")
        #expect(runScript("from nope import x\n", modules: m).errorText == "t.py:1:1: ModuleNotFoundError: No module named 'nope' (importable modules: awsglue, sys)")
        #expect(runScript("import sys\nsys.nope\n", modules: m).errorText == "t.py:2:5: AttributeError: module 'sys' has no attribute 'nope'")
    }

    @Test func nativeCodeCallsScriptFunctions() throws {
        var interpreter: Interpreter?
        let run = runScript("def keep(r):\n    return r['x'] > 3\nf = lambda a, b=10: a * b\n") { interpreter = $0 }
        #expect(run.errorText == "ok")
        let i = try #require(interpreter)
        let keep = try #require(i.global("keep"))
        let rec = PyDict([("x", .int(5))])
        #expect(try i.call(keep, CallArguments([.dict(rec)])).truthyBool)
        #expect(try i.call(try #require(i.global("f")), CallArguments([.int(2)], keywords: [("b", .int(3))])).intValue == 6)
        #expect(try i.call(try #require(i.builtins["len"]), CallArguments([.str("abc")])).intValue == 3)
        #expect(try i.repr(.tuple([.str("a")])) == "('a',)")
        #expect(throws: ScriptError.self) { try i.call(keep, CallArguments([.dict(PyDict())])) }
    }

    @Test func recursionLimit() {
        let result = LargeStack.run { () -> [String] in
            let src = """
            def down(n):
                if n == 0:
                    return 0
                return 1 + down(n - 1)
            print(down(199))
            print(down(5000))
            """
            return output(src)
        }
        #expect(result == ["199", "t.py:4:16: RecursionError: maximum recursion depth exceeded"])
    }
}
