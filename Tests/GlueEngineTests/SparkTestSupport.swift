import Foundation
@testable import GlueEngine

/// Builders for Spark DataFrame tests.
enum SparkFixtures {
    /// A DataFrame of records (via a DynamicFrame and `toDF`, as scripts make them).
    static func frame(_ rows: [[(String, Value)]]) throws -> DataFrame {
        try DynamicFrame(records: rows.map(DynamicRecord.init)).toDF()
    }

    /// A DataFrame with an explicit schema (typed columns even where values are null).
    static func frame(_ schema: [(String, DataType)], _ rows: [[Value]]) -> DataFrame {
        let fields = schema.map { Field($0.0, $0.1) }
        let records = rows.map { DynamicRecord(zip(fields, $0).map { ($0.name, $1) }) }
        return DataFrame(schema: StructType(fields), batches: [RecordBatch(records: records)])
    }

    /// Employees: name, dept, salary (bigint), bonus (double, one null).
    static func people() -> DataFrame {
        frame([("name", .string), ("dept", .string), ("salary", .long), ("bonus", .double)], [
            [.string("Ann"), .string("eng"), .long(100), .double(10.5)],
            [.string("Bob"), .string("eng"), .long(80), .null],
            [.string("Cid"), .string("ops"), .long(60), .double(3)],
            [.string("Dee"), .null, .long(70), .double(1.25)],
        ])
    }

    static func column(_ df: DataFrame, _ name: String) -> [Value] {
        let i = df.schema.index(of: name)!
        return SparkRows(df).rows.map { $0.values[i] }
    }

    static func col(_ n: String) -> ColumnExpression { .column(n) }
    static func lit(_ v: Value) -> ColumnExpression { .literal(v) }

    static func golden(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Golden/\(name)", withExtension: nil) else {
            throw EngineError.notFound(what: name)
        }
        return try String(contentsOf: url, encoding: .utf8)
    }

    static func store() throws -> (ObjectStore, URL) {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("sparkdf-\(UUID().uuidString)")
        return (try Sandbox.open(home: home, name: "t").store, home)
    }
}
