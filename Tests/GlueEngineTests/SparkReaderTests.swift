import Foundation
import Testing
@testable import GlueEngine

@Suite struct SparkReaderTests {
    typealias F = SparkFixtures

    func put(_ store: ObjectStore, _ uri: String, _ text: String) throws {
        _ = try store.put(try S3URI(parsing: uri), bytes: Array(text.utf8))
    }

    @Test func csvHeaderAndInferSchema() throws {
        let (store, home) = try F.store()
        defer { try? FileManager.default.removeItem(at: home) }
        try put(store, "s3://inbox/a.csv", "id,price,code,when,flag,note\n1,2.5,7,2024-01-31 10:00:00,true,\"x, y\"\n2,3,A1,2024-02-01 00:00:00,false,\n")
        let inferred = try SparkReader.read(store: store, paths: ["s3://inbox/a.csv"], format: "csv", options: ["header": "true", "inferSchema": "true"], schema: nil)
        #expect(inferred.dtypes.map(\.1) == ["int", "double", "string", "timestamp", "boolean", "string"])
        #expect(F.column(inferred, "note") == [.string("x, y"), .null])
        let plain = try SparkReader.read(store: store, paths: ["s3://inbox/a.csv"], format: "csv", options: ["header": "true"], schema: nil)
        #expect(plain.dtypes.allSatisfy { $0.1 == "string" })
        let noHeader = try SparkReader.read(store: store, paths: ["s3://inbox/"], format: "csv", options: [:], schema: nil)
        #expect(noHeader.columns == ["_c0", "_c1", "_c2", "_c3", "_c4", "_c5"])
        #expect(noHeader.count() == 3)
    }

    @Test func csvOptionsAndUserSchema() throws {
        let (store, home) = try F.store()
        defer { try? FileManager.default.removeItem(at: home) }
        try put(store, "s3://inbox/b.csv", "a|b\n1|NA\n'x|y'|3\nbig|4\n")
        let schema = StructType([Field("a", .string), Field("b", .long)])
        let df = try SparkReader.read(store: store, paths: ["s3://inbox/b.csv"], format: "csv",
                                      options: ["header": "true", "sep": "|", "quote": "'", "nullValue": "NA"], schema: schema)
        #expect(F.column(df, "a") == [.string("1"), .string("x|y"), .string("big")])
        #expect(F.column(df, "b") == [.null, .long(3), .long(4)])
        try put(store, "s3://inbox/m.csv", "id,text\n1,\"two\nlines\"\n")
        let multi = try SparkReader.read(store: store, paths: ["s3://inbox/m.csv"], format: "csv", options: ["header": "true", "multiLine": "true"], schema: nil)
        #expect(F.column(multi, "text") == [.string("two\nlines")])
    }

    @Test func jsonInferenceWidensAndSorts() throws {
        let (store, home) = try F.store()
        defer { try? FileManager.default.removeItem(at: home) }
        try put(store, "s3://inbox/j/1.json", """
            {"id": 1, "amount": 10, "name": "a", "meta": {"z": 1}}
            {"id": 2, "amount": 2.5, "name": 7, "meta": {"a": "x"}, "tags": ["t"]}
            not json
            {"id": 3, "nothing": null}
            """)
        let df = try SparkReader.read(store: store, paths: ["s3://inbox/j/"], format: "json", options: [:], schema: nil)
        #expect(df.columns == ["_corrupt_record", "amount", "id", "meta", "name", "nothing", "tags"])
        #expect(df.dtypes.map(\.1) == ["string", "double", "bigint", "struct<a:string,z:bigint>", "string", "string", "array<string>"])
        #expect(F.column(df, "name") == [.string("a"), .string("7"), .null, .null])
        #expect(F.column(df, "_corrupt_record") == [.null, .null, .string("not json"), .null])
        #expect(F.column(df, "amount") == [.double(10), .double(2.5), .null, .null])
    }

    @Test func parquetAndInputFileNameAndPartitions() throws {
        let (store, home) = try F.store()
        defer { try? FileManager.default.removeItem(at: home) }
        let df = F.frame([("id", .long), ("year", .int), ("name", .string)], [
            [.long(1), .int(2023), .string("a")], [.long(2), .int(2024), .string("b")], [.long(3), .int(2024), .null],
        ])
        let (objects, stats) = try SparkWriter.stage(df, path: try S3URI(parsing: "s3://out/t"), format: "parquet", partitionBy: ["year"], options: [:], store: store)
        _ = try store.publish(objects)
        #expect(stats.objectsWritten == 2 && stats.recordsWritten == 3)
        let keys = try store.list(try S3URI(parsing: "s3://out/t/")).map(\.key)
        #expect(keys.contains("t/_SUCCESS"))
        #expect(keys.contains { $0.hasPrefix("t/year=2024/part-00000-") && $0.hasSuffix("-c000.snappy.parquet") })
        let back = try SparkReader.read(store: store, paths: ["s3://out/t"], format: "parquet", options: [:], schema: nil)
        #expect(back.columns == ["id", "name", "year"])
        #expect(back.dtypes.map(\.1) == ["bigint", "string", "int"])
        let files = try back.select([F.col("id"), .function("input_file_name", [])])
        #expect(F.column(files, "input_file_name()").allSatisfy { $0.stringValue?.contains("/year=") == true })
    }

    @Test func writerCSVAndJSON() throws {
        let (store, home) = try F.store()
        defer { try? FileManager.default.removeItem(at: home) }
        let df = F.frame([("id", .long), ("name", .string)], [[.long(1), .string("a")], [.long(2), .null]])
        let (objects, _) = try SparkWriter.stage(df, path: try S3URI(parsing: "s3://out/c/"), format: "csv", partitionBy: [], options: ["header": "true"], store: store)
        _ = try store.publish(objects)
        let csvKey = try #require(try store.list(try S3URI(parsing: "s3://out/c/")).map(\.key).first { $0.hasSuffix("-c000.csv") })
        let text = String(decoding: try store.get(try S3URI(parsing: "s3://out/\(csvKey)")), as: UTF8.self)
        #expect(text.hasPrefix("id,name\n1,a\n"))
        let (json, _) = try SparkWriter.stage(df, path: try S3URI(parsing: "s3://out/j"), format: "json", partitionBy: [], options: [:], store: store)
        _ = try store.publish(json)
        let back = try SparkReader.read(store: store, paths: ["s3://out/j"], format: "json", options: [:], schema: nil)
        #expect(back.count() == 2)
        #expect(throws: EngineError.self) {
            try SparkWriter.stage(df, path: try S3URI(parsing: "s3://out/x"), format: "avro", partitionBy: [], options: [:], store: store)
        }
    }
}
