import Foundation
import Testing
@testable import GlueEngine

/// What Spark infers (``SparkReader``) for the drift examples, next to the DynamicFrame's
/// inference for the same bytes.
@Suite struct SparkSQLInferenceTests {
    func glue(_ text: String, _ format: DataFormat) throws -> DynamicFrame {
        let r = try FormatReader.read(Data(text.utf8), format: format, options: format == .csv ? ["withHeader": .boolean(true)] : [:], source: "t")
        return DynamicFrame(batches: r.batches, errors: r.errors)
    }

    func spark(_ text: String, _ format: DataFormat) throws -> StructType {
        let options = format == .csv ? ["header": "true", "inferschema": "true"] : [:]
        return try SparkReader.read(files: [(source: "t", data: Data(text.utf8), partitions: [])], format: format,
                                    options: options, schema: nil).schema
    }

    @Test func csvNumbersAreIntThenLongThenDoubleAndAMixIsString() throws {
        let spark = try spark("a,b,c,d,e,f\n1,3000000000,1.5,x,true,\n2,4,2,7,false,\n", .csv)
        #expect(spark == StructType([Field("a", .int), Field("b", .long), Field("c", .double), Field("d", .string),
                                     Field("e", .boolean), Field("f", .string)]))
    }

    @Test func csvDriftIsAChoiceForGlueAndAStringForSpark() throws {
        let text = "provider id,name\n10001,a\nTX-4411,b\n"
        #expect(try glue(text, .csv).schema()["provider id"]?.type.name == "choice")
        #expect(try spark(text, .csv)["provider id"]?.type == .string)
    }

    @Test func csvTimesWithATimePartAreTimestamps() throws {
        let spark = try spark("a,b,c\n2024-01-01 10:00:00,NaN,0x10\n2024-01-02 11:00:00,1e5,0x11\n", .csv)
        #expect(spark == StructType([Field("a", .timestamp), Field("b", .double), Field("c", .string)]))
    }

    @Test func jsonSortsFieldsWidensNumbersAndAddsCorruptRecord() throws {
        let text = "{\"b\": 1, \"a\": {\"y\": 1, \"x\": 2.5}}\n{\"b\": 2.5, \"a\": {\"y\": \"z\"}}\n{oops\n"
        let spark = try spark(text, .json)
        #expect(spark == StructType([
            Field("_corrupt_record", .string),
            Field("a", .structure(StructType([Field("x", .double), Field("y", .string)]))),
            Field("b", .double),
        ]))
        #expect(SparkSchemaText.treeString(spark) == """
            root
             |-- _corrupt_record: string (nullable = true)
             |-- a: struct (nullable = true)
             |    |-- x: double (nullable = true)
             |    |-- y: string (nullable = true)
             |-- b: double (nullable = true)

            """)
        // The DynamicFrame keeps the drift as choices and the bad line as an error record.
        let frame = try glue(text, .json)
        #expect(frame.schema()["b"]?.type.name == "choice")
        #expect(frame.errorsCount() == 1)
    }

    @Test func sparkTreeNamesArraysAndMaps() {
        let s = StructType([Field("n", .int), Field("tags", .array(.string)), Field("m", .map(.long))])
        #expect(SparkSchemaText.treeString(s) == """
            root
             |-- n: integer (nullable = true)
             |-- tags: array (nullable = true)
             |    |-- element: string (containsNull = true)
             |-- m: map (nullable = true)
             |    |-- key: string
             |    |-- value: long (valueContainsNull = true)

            """)
        #expect(SparkSchemaText.compactName(.array(.structure(StructType([Field("a", .int)])))) == "array<struct<a:integer>>")
    }
}
