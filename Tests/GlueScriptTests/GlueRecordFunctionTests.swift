import GlueEngine
import Testing

@testable import GlueScript

@Suite("DynamicFrame map, filter and error records")
struct GlueRecordFunctionTests {
    @Test func filterKeepsRecordsWhosePredicateIsTruthy() throws {
        let out = try call(people(), "filter", [fn { r in .bool(r[string: "id"]?.intValue ?? 0 >= 2) }])
        #expect(try call(out, "count").intValue == 2)
        #expect(try call(out, "errorsCount").intValue == 0)
    }

    @Test func filterDropsRecordsWhosePredicateRaisesKeyError() throws {
        let f = frameObject([DynamicRecord([("a", .long(1))]), DynamicRecord([("b", .long(2))])])
        let out = try call(f, "filter", [fn { r in
            guard let a = r[string: "a"] else { throw PyException(.keyError, "'a'") }
            return .bool(a.intValue == 1)
        }])
        #expect(jsonLines(out) == [#"{"a":1}"#])
        #expect(try call(out, "stageErrorsCount").intValue == 0)
    }

    @Test func filterTurnsOtherExceptionsIntoErrorRecords() throws {
        let out = try call(people(), "filter", [fn { r in
            if r[string: "id"]?.intValue == 2 { throw ScriptError.runtime(file: "job.py", line: 3, column: 9, type: "ZeroDivisionError", message: "division by zero") }
            return .bool(true)
        }])
        #expect(try call(out, "count").intValue == 2)
        #expect(try call(out, "errorsCount").intValue == 1)
        #expect(try call(out, "stageErrorsCount").intValue == 1)
        let errors = try call(out, "errorsAsDynamicFrame")
        #expect(errors.object(as: DynamicFrameObject.self)?.name == "people")
        #expect(jsonLines(errors) == [#"{"error":{"message":"division by zero","transformation":"Filter"},"record":{"id":2,"name":"bob","age":"unknown"}}"#])
    }

    @Test func mapKeysThatNameTheSameFieldKeepTheLaterValueAtTheFirstPlace() throws {
        let f = frameObject([DynamicRecord([("a", .long(1))])])
        let out = try call(f, "map", [fn { _ in
            let d = PyDict()
            d[.int(1)] = .str("first")
            d[string: "x"] = .int(2)
            d[string: "1"] = .str("second")
            return .dict(d)
        }])
        #expect(jsonLines(out) == [#"{"1":"second","x":2}"#])
    }

    @Test func filterAndMapSeeRecordsWithNullsWithoutTheNullFields() throws {
        let f = frameObject([DynamicRecord([("a", .long(1)), ("b", .long(2))]), DynamicRecord([("a", .long(3))]),
                             DynamicRecord([("a", .long(4)), ("b", .long(5))])])
        var seen: [[String]] = []
        let out = try call(f, "map", [fn { r in
            seen.append(r.keys.compactMap { if case .str(let s) = $0 { s } else { nil } })
            r[string: "c"] = .int(r.count)
            return .dict(r)
        }])
        #expect(seen == [["a", "b"], ["a"], ["a", "b"]], "the layout changes with the fields present, and back")
        #expect(jsonLines(out) == [#"{"a":1,"b":2,"c":2}"#, #"{"a":3,"c":1}"#, #"{"a":4,"b":5,"c":2}"#])
    }

    @Test func mapReplacesRecordsAndKeepsUnchangedFieldTypes() throws {
        let f = frameObject([DynamicRecord([("n", .int(1)), ("d", .date(19000)), ("s", .string("x"))])])
        let out = try call(f, "map", [fn { r in
            r[string: "n"] = .int((r[string: "n"]?.intValue ?? 0) + 1)
            r[string: "extra"] = .int(7)
            return .dict(r)
        }])
        #expect(tree(out) == "root\n|-- n: int\n|-- d: date\n|-- s: string\n|-- extra: long\n")
        #expect(jsonLines(out) == [#"{"n":2,"d":"2022-01-08","s":"x","extra":7}"#])
    }

    @Test func mapNoneAndExceptionsBecomeErrorRecords() throws {
        let out = try call(people(), "map", [fn { r in
            switch r[string: "id"]?.intValue {
            case 1: return .none
            case 2: throw PyException(.keyError, "'zip'")
            default: return .dict(r)
            }
        }], [("transformation_ctx", .str("map1"))])
        #expect(try call(out, "count").intValue == 1)
        let messages = engineFrame(out).errors.map(\.message)
        #expect(messages == ["User-specified function returned None instead of DynamicRecord", "'zip'"])
    }

    @Test func mapRejectsANonDictResultRecordByRecord() throws {
        let out = try call(people(), "map", [fn { _ in .int(5) }])
        #expect(try call(out, "count").intValue == 0)
        #expect(engineFrame(out).errors.first?.message == "User-specified function returned int instead of DynamicRecord")
    }

    @Test func stageThresholdStopsTheTransform() {
        let failing = fn { _ in throw PyException(.runtimeError, "boom") }
        #expect(raised { try call(people(), "map", [failing], [("stageThreshold", .int(2))]) }
            == "Map: 3 error records exceed the stage threshold of 2")
        #expect(raised { try call(people(), "map", [failing], [("stageThreshold", .int(3))]) } == "no error")
    }

    @Test func totalThresholdCountsEarlierErrors() throws {
        let first = try call(people(), "map", [fn { r in r[string: "id"]?.intValue == 1 ? .none : .dict(r) }])
        #expect(try call(first, "errorsCount").intValue == 1)
        let second = try call(first, "filter", [fn { _ in .bool(true) }])
        #expect(try call(second, "errorsCount").intValue == 1)
        #expect(try call(second, "stageErrorsCount").intValue == 0)
        #expect(raised { try call(first, "drop_fields", [strs("age")], [("totalThreshold", .int(0))]) } == "no error")
        #expect(raised { try call(first, "filter", [fn { _ in .bool(true) }], [("totalThreshold", .int(0))]) } == "no error")
        #expect(raised { try call(first, "union", [people()], [("totalThreshold", .int(0))]) } == "no error")
        let two = try call(people(), "map", [fn { r in r[string: "id"]?.intValue == 3 ? .dict(r) : .none }])
        #expect(raised { try call(two, "select_fields", [strs("id")], [("totalThreshold", .int(1))]) }
            .hasSuffix("2 error records exceed the total threshold of 1"))
        #expect(raised { try call(two, "join", [.str("id"), .str("id"), people()], [("totalThreshold", .int(1))]) }
            == "Join: 2 error records exceed the total threshold of 1")
        #expect(try call(first, "assertErrorThreshold").isNone)
    }

    @Test func aFailureThatIsNotAPythonExceptionStopsTheTransform() {
        struct HostFailure: Error, CustomStringConvertible { var description: String { "interpreter limit reached" } }
        #expect(raised { try call(people(), "map", [fn { _ in throw HostFailure() }]) } == "interpreter limit reached")
        #expect(raised { try call(people(), "filter", [fn { _ in throw HostFailure() }]) } == "interpreter limit reached")
    }

    @Test func aNonCallableIsRefusedUpFront() {
        #expect(raised { try call(people(), "filter", [.int(3)]) } == "TypeError: filter() argument 'f' must be callable, not int")
    }

    @Test func joinNamesTheResultAfterBothFrames() throws {
        let orders = frameObject([DynamicRecord([("person_id", .long(1)), ("total", .double(9.5))])], name: "orders")
        let out = try call(people(), "join", [.str("id"), .str("person_id"), orders])
        #expect(out.object(as: DynamicFrameObject.self)?.name == "peopleorders")
        #expect(jsonLines(out) == [#"{"id":1,"name":"alice","age":30,"person_id":1,"total":9.5}"#])
        #expect(raised { try call(people(), "join", [.str("id"), .str("person_id"), .int(1)]) }
            == "TypeError: join() argument 'frame2' must be DynamicFrame, not int")
    }

    @Test func unionAndMerge() throws {
        #expect(try call(try call(people(), "union", [people()]), "count").intValue == 6)
        let staged = frameObject([DynamicRecord([("id", .long(2)), ("name", .string("robert"))])])
        let merged = try call(people(), "mergeDynamicFrame", [staged, strs("id")])
        #expect(jsonLines(merged)[1] == #"{"id":2,"name":"robert"}"#)
        #expect(try call(merged, "count").intValue == 3)
    }

    @Test func spigotNeedsASinkAndPassesTheFrameThrough() throws {
        #expect(raised { try call(people(), "spigot", [.str("s3://b/spigot/")]) }.contains("no object store"))
        var written: [(String, Int)] = []
        let env = GlueFrameEnvironment(spigotSink: { path, records in written.append((path, records.count)) })
        let f = makeFrameObject(engineFrame(people()), environment: env)
        let out = try call(f, "spigot", [.str("s3://b/spigot/"), .dict(PyDict([("topk", .int(2))]))])
        #expect(try call(out, "count").intValue == 3)
        #expect(written.map(\.0) == ["s3://b/spigot/"] && written.map(\.1) == [2])
    }
}
