import Testing
@testable import GlueEngine

@Suite struct CastTests {
    @Test func stringsToNumbersParseTheWholeTrimmedText() {
        #expect(Value.string("12.50").cast(to: .double) == .double(12.5))
        #expect(Value.string("12").cast(to: .long) == .long(12))
        #expect(Value.string(" 42 ").cast(to: .int) == .int(42))
        #expect(Value.string("12.9").cast(to: .long) == .long(12))
        #expect(Value.string("-12.9").cast(to: .long) == .long(-12))
        #expect(Value.string("N/A").cast(to: .long) == .null)
        #expect(Value.string("N/A").cast(to: .double) == .null)
        #expect(Value.string("").cast(to: .long) == .null)
        #expect(Value.string("12abc").cast(to: .long) == .null)
        #expect(Value.string("1e3").cast(to: .long) == .null)
        #expect(Value.string("1e3").cast(to: .double) == .double(1000))
        #expect(Value.string("-.5").cast(to: .double) == .double(-0.5))
        #expect(Value.string("0.1").cast(to: .double) == .double(0.1))
        #expect(Value.string("123456789012345678.5").cast(to: .double) == .double(123456789012345678.5))
        #expect(Value.string("Infinity").cast(to: .double) == .double(.infinity))
        #expect(Value.string("9223372036854775807").cast(to: .long) == .long(.max))
        #expect(Value.string("9223372036854775808").cast(to: .long) == .null)
        #expect(Value.string("3000000000").cast(to: .int) == .null)
        #expect(Value.string("12.345").cast(to: .decimal(precision: 10, scale: 2)) ==
                .decimal(DecimalValue(unscaled: 1235, precision: 10, scale: 2)))
        #expect(Value.string("1e2").cast(to: .decimal(precision: 10, scale: 2)) ==
                .decimal(DecimalValue(unscaled: 10000, precision: 10, scale: 2)))
    }

    @Test func numbersBetweenNumericTypes() {
        #expect(Value.double(12.9).cast(to: .long) == .long(12))
        #expect(Value.double(-12.9).cast(to: .long) == .long(-12))
        #expect(Value.double(.nan).cast(to: .long) == .null)
        #expect(Value.double(1e19).cast(to: .long) == .null)
        #expect(Value.long(3_000_000_000).cast(to: .int) == .null)
        #expect(Value.long(300).cast(to: .byte) == .null)
        #expect(Value.int(7).cast(to: .long) == .long(7))
        #expect(Value.long(7).cast(to: .double) == .double(7))
        #expect(Value.double(1e300).cast(to: .float) == .null)
        #expect(Value.long(5).cast(to: .decimal(precision: 4, scale: 2)) == .decimal(DecimalValue(unscaled: 500, precision: 4, scale: 2)))
        #expect(Value.long(500).cast(to: .decimal(precision: 4, scale: 2)) == .null)
        #expect(Value.double(2.345).cast(to: .decimal(precision: 10, scale: 2)) == .decimal(DecimalValue(unscaled: 235, precision: 10, scale: 2)))
        #expect(Value.decimal(DecimalValue(unscaled: -1299, precision: 10, scale: 2)).cast(to: .long) == .long(-12))
        #expect(Value.decimal(DecimalValue(unscaled: 1250, precision: 10, scale: 2)).cast(to: .decimal(precision: 5, scale: 1)) ==
                .decimal(DecimalValue(unscaled: 125, precision: 5, scale: 1)))
    }

    @Test func numbersToStringsUseTheShortestJVMText() {
        #expect(Value.long(-42).cast(to: .string) == .string("-42"))
        #expect(Value.double(12.5).cast(to: .string) == .string("12.5"))
        #expect(Value.double(1).cast(to: .string) == .string("1.0"))
        #expect(Value.double(0.1).cast(to: .string) == .string("0.1"))
        #expect(Value.double(1e20).cast(to: .string) == .string("1.0E20"))
        #expect(Value.double(1.25e-5).cast(to: .string) == .string("1.25E-5"))
        #expect(Value.double(0.001).cast(to: .string) == .string("0.001"))
        #expect(Value.double(1234567).cast(to: .string) == .string("1234567.0"))
        #expect(Value.double(12345678).cast(to: .string) == .string("1.2345678E7"))
        #expect(Value.double(-0.0).cast(to: .string) == .string("-0.0"))
        #expect(Value.double(.nan).cast(to: .string) == .string("NaN"))
        #expect(Value.float(0.1).cast(to: .string) == .string("0.1"))
        #expect(Value.decimal(DecimalValue(unscaled: 1250, precision: 10, scale: 2)).cast(to: .string) == .string("12.50"))
    }

    @Test func booleans() {
        #expect(Value.string("TRUE").cast(to: .boolean) == .boolean(true))
        #expect(Value.string(" false ").cast(to: .boolean) == .boolean(false))
        #expect(Value.string("yes").cast(to: .boolean) == .boolean(true))
        #expect(Value.string("maybe").cast(to: .boolean) == .null)
        #expect(Value.long(0).cast(to: .boolean) == .boolean(false))
        #expect(Value.double(2.5).cast(to: .boolean) == .boolean(true))
        #expect(Value.boolean(true).cast(to: .long) == .long(1))
        #expect(Value.boolean(false).cast(to: .string) == .string("false"))
    }

    @Test func datesAndTimestamps() {
        let jan31 = Int32(Value.days(fromCivil: 2024, 1, 31))
        #expect(Value.string("2024-01-31").cast(to: .date) == .date(jan31))
        #expect(Value.string("2024-1-5").cast(to: .date) == .date(Int32(Value.days(fromCivil: 2024, 1, 5))))
        #expect(Value.string("2024-02-30").cast(to: .date) == .null)
        #expect(Value.string("2024-01-31T23:59:00Z").cast(to: .date) == .date(jan31))
        #expect(Value.string("31/01/2024").cast(to: .date) == .null)
        let noon = Int64(jan31) * 86_400_000_000 + 12 * 3_600_000_000
        #expect(Value.string("2024-01-31T12:00:00Z").cast(to: .timestamp) == .timestamp(noon))
        #expect(Value.string("2024-01-31 12:00:00").cast(to: .timestamp) == .timestamp(noon))
        #expect(Value.string("2024-01-31T14:00:00+02:00").cast(to: .timestamp) == .timestamp(noon))
        #expect(Value.string("2024-01-31T12:00:00.5Z").cast(to: .timestamp) == .timestamp(noon + 500_000))
        #expect(Value.string("2024-01-31T25:00:00Z").cast(to: .timestamp) == .null)
        #expect(Value.date(jan31).cast(to: .timestamp) == .timestamp(Int64(jan31) * 86_400_000_000))
        #expect(Value.timestamp(noon).cast(to: .date) == .date(jan31))
        #expect(Value.timestamp(noon).cast(to: .string) == .string("2024-01-31T12:00:00Z"))
        #expect(Value.date(jan31).cast(to: .string) == .string("2024-01-31"))
        #expect(Value.long(86_400).cast(to: .timestamp) == .timestamp(86_400_000_000))
        #expect(Value.timestamp(1_500_000).cast(to: .long) == .long(1))
        #expect(Value.date(jan31).cast(to: .long) == .null)
    }

    @Test func nestedValues() {
        let r = DynamicRecord([("a", .long(1)), ("b", .string("2"))])
        #expect(Value.structure(r).cast(to: .string) == .string("{\"a\":1,\"b\":\"2\"}"))
        #expect(Value.array([.long(1), .string("x")]).cast(to: .string) == .string("[1,\"x\"]"))
        #expect(Value.array([.string("1"), .string("x")]).cast(to: .array(.long)) == .array([.long(1), .null]))
        let target = StructType([Field("b", .long), Field("c", .string)])
        #expect(Value.structure(r).cast(to: .structure(target)) == .structure(DynamicRecord([("b", .long(2))])))
        #expect(Value.structure(r).cast(to: .structure(StructType())) == .structure(r))
        #expect(Value.string("{}").cast(to: .structure(target)) == .null)
        #expect(Value.long(1).cast(to: .array(.long)) == .null)
    }

    @Test func identityNullAndChoiceTargets() {
        #expect(Value.string("x").cast(to: .string) == .string("x"))
        #expect(Value.long(5).cast(to: .long) == .long(5))
        #expect(Value.null.cast(to: .long) == .null)
        #expect(Value.long(5).cast(to: .null) == .null)
        let choice = DataType.choice(ChoiceType([.long, .string]))
        #expect(Value.long(5).cast(to: choice) == .long(5))
        #expect(Value.double(5).cast(to: choice) == .null)
        #expect(Value.string("é").cast(to: .binary) == .binary(Array("é".utf8)))
        #expect(Value.binary(Array("é".utf8)).cast(to: .string) == .string("é"))
    }

    @Test func columnCastsAgreeWithValueCasts() {
        let values: [Value] = [.string("12"), .string("12.5"), .null, .string("N/A"), .string(" -3 "), .string("1e2")]
        let longs: [Value] = [.long(12), .long(-7), .null, .long(3_000_000_000)]
        let doubles: [Value] = [.double(1.5), .double(-2.9), .null, .double(.nan), .double(1e20)]
        let mixed: [Value] = [.long(1), .string("2"), .null, .double(3.5), .string("x")]
        for input in [values, longs, doubles, mixed] {
            let b = ColumnBuilder()
            for v in input { b.append(v) }
            let column = b.finish()
            for target in [DataType.long, .int, .double, .string, .boolean, .decimal(precision: 10, scale: 2)] {
                // Compared as text: NaN is not equal to itself.
                let expected = input.map { "\($0.cast(to: target))" }
                #expect(column.cast(to: target).values.map { "\($0)" } == expected, "\(input) → \(target)")
            }
        }
    }
}
