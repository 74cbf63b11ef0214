import Testing
@testable import GlueEngine

@Suite struct CSVTypingTests {
    @Test func eachValueIsTypedByItsContent() throws {
        let line = #"1,-2,+3,3.5,1e3,true,FALSE,,"",abc, 12,007,9223372036854775808,-9223372036854775808,.5,5.,1e,NaN,"12",2.5E-3"#
        let r = try CSVTest.frame(CSVTest.read(line + "\n")).records
        #expect(r.count == 1)
        let expected: [Value] = [
            .long(1), .long(-2), .long(3), .double(3.5), .double(1000), .boolean(true), .boolean(false),
            .null, .string(""), .string("abc"), .string(" 12"), .long(7), .string("9223372036854775808"),
            .long(.min), .double(0.5), .double(5), .string("1e"), .string("NaN"), .long(12), .double(0.0025),
        ]
        for (i, v) in expected.enumerated() {
            #expect(r[0]["col\(i)"] == v, "col\(i)")
        }
    }

    @Test func columnsGetTheirTypesInTheSchema() throws {
        let text = "id,price,ok,name,empty\n1,2.50,true,x,\n2,3,false,y,\n"
        let frame = try CSVTest.frame(CSVTest.read(text, options: CSVTest.options(["withHeader": .boolean(true)])))
        #expect(frame.schema().treeString() == """
            root
            |-- id: long
            |-- price: choice
            |    |-- double
            |    |-- long
            |-- ok: boolean
            |-- name: string
            |-- empty: null

            """)
    }

    @Test func numbersWithOneOddValueMakeAChoiceOfLongAndString() throws {
        let text = "provider id,name\n10001,a\n10005,b\n10006,c\nn/a,d\n"
        let frame = try CSVTest.frame(CSVTest.read(text, options: CSVTest.options(["withHeader": .boolean(true)])))
        #expect(frame.schema().treeString() == """
            root
            |-- provider id: choice
            |    |-- long
            |    |-- string
            |-- name: string

            """)
        #expect(frame.records.map { $0["provider id"] } == [.long(10001), .long(10005), .long(10006), .string("n/a")])
    }

    @Test(arguments: ["0.1", "123456789.123456789", "1.7976931348623157e308", "4.9e-324", "-0.000001234", "12345678901234567.5"])
    func doublesAreCorrectlyRounded(text: String) throws {
        let r = try CSVTest.frame(CSVTest.read(text + "\n")).records
        #expect(r.first?["col0"] == .double(Double(text)!))
    }

    @Test func overflowingExponentStaysAString() throws {
        let r = try CSVTest.frame(CSVTest.read("1e999\n")).records
        #expect(r.first?["col0"] == .string("1e999"))
    }

    @Test func quotedEmptyIsAnEmptyStringAndUnquotedEmptyIsNull() throws {
        let r = try CSVTest.frame(CSVTest.read("a,\"\",,b\n")).records
        #expect(r.first == CSVTest.record([("col0", .string("a")), ("col1", .string("")), ("col3", .string("b"))]))
    }
}
