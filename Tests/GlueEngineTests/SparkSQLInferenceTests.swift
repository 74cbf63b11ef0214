import Foundation
import Testing
@testable import GlueEngine

/// What gluelab says Spark infers (SparkSchemaInference), next to Glue's inference.
@Suite struct SparkSQLInferenceTests {
    func read(_ text: String, _ format: DataFormat, header: Bool = true) throws -> DynamicFrame {
        let r = try FormatReader.read(Data(text.utf8), format: format, options: header && format == .csv ? ["withHeader": .boolean(true)] : [:], source: "t")
        return DynamicFrame(batches: r.batches, errors: r.errors)
    }

    @Test func csvNumbersAreIntThenLongThenDoubleAndAMixIsString() throws {
        let frame = try read("a,b,c,d,e,f\n1,3000000000,1.5,x,true,\n2,4,2,7,false,\n", .csv)
        let spark = SparkSchemaInference.infer(frame, format: .csv)
        #expect(spark == StructType([Field("a", .int), Field("b", .long), Field("c", .double), Field("d", .string),
                                     Field("e", .boolean), Field("f", .string)]))
    }

    @Test func csvDriftIsAChoiceForGlueAndAStringForSpark() throws {
        let frame = try read("provider id,name\n10001,a\nTX-4411,b\n", .csv)
        #expect(frame.schema()["provider id"]?.type.name == "choice")
        #expect(SparkSchemaInference.infer(frame, format: .csv)["provider id"]?.type == .string)
    }

    @Test func csvTimesWithATimePartAreTimestamps() {
        #expect(SparkSchemaInference.textType("2024-01-01 10:00:00") == .timestamp)
        #expect(SparkSchemaInference.textType("2024-01-01T10:00:00Z") == .timestamp)
        #expect(SparkSchemaInference.textType("2024-01-01") == .string)
        #expect(SparkSchemaInference.textType("NaN") == .double)
        #expect(SparkSchemaInference.textType("1e5") == .double)
        #expect(SparkSchemaInference.textType("0x10") == .string)
    }

    @Test func jsonSortsFieldsWidensNumbersAndAddsCorruptRecord() throws {
        let frame = try read("{\"b\": 1, \"a\": {\"y\": 1, \"x\": 2.5}}\n{\"b\": 2.5, \"a\": {\"y\": \"z\"}}\n{oops\n", .json)
        let spark = SparkSchemaInference.infer(frame, format: .json)
        #expect(spark == StructType([
            Field("_corrupt_record", .string),
            Field("a", .structure(StructType([Field("x", .double), Field("y", .string)]))),
            Field("b", .double),
        ]))
        #expect(SparkSchemaInference.treeString(spark) == """
            root
             |-- _corrupt_record: string (nullable = true)
             |-- a: struct (nullable = true)
             |    |-- x: double (nullable = true)
             |    |-- y: string (nullable = true)
             |-- b: double (nullable = true)

            """)
    }

    @Test func sparkTreeNamesArraysAndMaps() {
        let s = StructType([Field("n", .int), Field("tags", .array(.string)), Field("m", .map(.long))])
        #expect(SparkSchemaInference.treeString(s) == """
            root
             |-- n: integer (nullable = true)
             |-- tags: array (nullable = true)
             |    |-- element: string (containsNull = true)
             |-- m: map (nullable = true)
             |    |-- key: string
             |    |-- value: long (valueContainsNull = true)

            """)
        #expect(SparkSchemaInference.compactName(.array(.structure(StructType([Field("a", .int)])))) == "array<struct<a:integer>>")
    }
}
