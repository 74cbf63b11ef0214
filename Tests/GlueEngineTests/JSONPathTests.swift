import Testing
@testable import GlueEngine

@Suite struct JSONPathTests {
    @Test func dollarStarReadsTheElementsOfATopLevelArray() throws {
        let text = "[{\"a\": 1},\n {\"a\": 2}]"
        let result = try JSONTest.read(text, JSONTest.options(multiLine: true, jsonPath: "$[*]"))
        #expect(JSONTest.frame(result).records.map { $0["a"] } == [.int(1), .int(2)])
    }

    @Test func pathToANestedArraySelectsItsElements() throws {
        let text = """
            {
              "meta": {"page": 1, "records": "not this one"},
              "records": [
                {"id": 1, "price": 9.5},
                {"id": 2, "price": "n/a"}
              ],
              "total": 2
            }
            """
        let frame = JSONTest.frame(try JSONTest.read(text, JSONTest.options(multiLine: true, jsonPath: "$.records[*]")))
        #expect(frame.records.map { $0["id"] } == [.int(1), .int(2)])
        #expect(frame.errorsCount() == 0)
        #expect(frame.schema().treeString() == """
            root
            |-- id: int
            |-- price: choice
            |    |-- double
            |    |-- string

            """)
    }

    @Test func jsonLinesAppliesThePathToEachLine() throws {
        let text = """
            {"batch": 1, "data": {"rows": [{"v": 1}, {"v": 2}]}}
            {"batch": 2, "data": {"rows": []}}
            {"batch": 3}
            {"batch": 4, "data": {"rows": [{"v": 3}]}}
            """
        let frame = JSONTest.frame(try JSONTest.read(text, JSONTest.options(jsonPath: "$.data.rows[*]")))
        #expect(frame.records.map { $0["v"] } == [.int(1), .int(2), .int(3)])
        #expect(frame.errorsCount() == 0)
    }

    @Test func bracketNamesIndexesAndObjectPaths() throws {
        let text = #"{"the data": [{"x": 1}, {"x": 2}, {"x": 3}], "one": {"x": 9}}"#
        let byIndex = try JSONTest.read(text, JSONTest.options(jsonPath: "$['the data'][1]"))
        #expect(JSONTest.frame(byIndex).records.map { $0["x"] } == [.int(2)])
        let object = try JSONTest.read(text, JSONTest.options(jsonPath: "$.one"))
        #expect(JSONTest.frame(object).records.map { $0["x"] } == [.int(9)])
        let whole = try JSONTest.read(text, JSONTest.options(jsonPath: "$"))
        #expect(JSONTest.frame(whole).records.first?.names == ["the data", "one"])
    }

    @Test func unsupportedPathsAreInvalidOptions() throws {
        for path in ["$..id", "$.records[?(@.id > 1)]", "$.a[0:2]", "records[*]", "$.a[1,2]", ""] {
            #expect(throws: EngineError.self, "\(path)") {
                try JSONTest.read("{}", JSONTest.options(jsonPath: path))
            }
        }
        #expect {
            try JSONTest.read("{}", JSONTest.options(jsonPath: "$..id"))
        } throws: { error in
            guard case EngineError.invalidOption(let name, let value, _) = error else { return false }
            return name == "jsonPath" && value == "$..id"
        }
    }

    @Test func glueOptionsAreReadByGlueNames() throws {
        let o = try JSONOptions(glueOptions: ["jsonPath": .string("$.records[*]"), "multiLine": .string("TRUE"), "isFailFast": .boolean(false)])
        #expect(o.jsonPath == "$.records[*]")
        #expect(o.multiLine)
        #expect(!o.isFailFast)
        #expect(try JSONOptions(glueOptions: [:]) == JSONOptions())
        #expect(throws: EngineError.invalidOption(name: "multiline", value: "true",
                                                  reason: "unknown json format option (known: jsonPath, multiLine, isFailFast)")) {
            try JSONOptions(glueOptions: ["multiline": .string("true")])
        }
        #expect(throws: EngineError.self) { try JSONOptions(glueOptions: ["multiLine": .string("yes")]) }
        #expect(throws: EngineError.self) { try JSONOptions(glueOptions: ["jsonPath": .string("$..x")]) }
        #expect(throws: EngineError.self) { try JSONOptions(glueOptions: ["jsonPath": .long(1)]) }
    }
}
