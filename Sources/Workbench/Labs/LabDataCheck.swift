import Foundation
import GlueEngine

/// Checks that read data in the sandbox's object store, as a DynamicFrame reader sees it.
public struct LabDataCheck: Codable, Sendable, Equatable {
    /// `s3://bucket/prefix/` (read recursively).
    public var path: String
    /// `csv`, `json`, `parquet`, ... (Glue format names).
    public var format: String
    /// CSV: the first line is a header (default true).
    public var withHeader: Bool?
    /// `rows`: the number of records.
    public var count: Int?
    /// `schema`: a top-level field and its type as Glue prints it (`long`, `string`, `choice`, ...).
    public var field: String?
    public var type: String?
    /// `rows`: a top-level field whose distinct non-null values are counted (`distinctCount`).
    public var distinct: String?
    public var distinctCount: Int?
    /// `rows`: a top-level field whose null (or absent) values are counted (`nullCount`).
    public var nulls: String?
    public var nullCount: Int?

    public init(path: String, format: String, withHeader: Bool? = nil, count: Int? = nil, field: String? = nil, type: String? = nil,
                distinct: String? = nil, distinctCount: Int? = nil, nulls: String? = nil, nullCount: Int? = nil) {
        self.distinct = distinct
        self.distinctCount = distinctCount
        self.nulls = nulls
        self.nullCount = nullCount
        self.path = path
        self.format = format
        self.withHeader = withHeader
        self.count = count
        self.field = field
        self.type = type
    }

    /// Reads the data and compares.
    func evaluate(in sandbox: Sandbox) throws -> [LabCheckResult] {
        let format = try DataFormat(glueName: self.format)
        let options: [String: Value] = self.format == "csv" ? ["withHeader": .boolean(withHeader ?? true)] : [:]
        let (frame, _) = try S3Source(store: sandbox.store).read(paths: [try S3URI(parsing: path)], format: format,
                                                                  formatOptions: options, recurse: true)
        var out: [LabCheckResult] = []
        if let count { out.append(LabCheckResult(what: "records under \(path)", expected: String(count), actual: String(frame.count()))) }
        if let field, let type {
            let actual = frame.schema().fields.first { $0.name == field }.map { $0.type.typeName } ?? "(no field)"
            out.append(LabCheckResult(what: "type of \(field) under \(path)", expected: type, actual: actual))
        }
        if distinct != nil || nulls != nil {
            var seen = Set<String>()
            var nullsSeen = 0
            for batch in frame.batches {
                for i in 0..<batch.count {
                    let record = batch.record(at: i)
                    if let distinct, case let v = record[distinct], !v.isNull { seen.insert(v.jsonText()) }
                    if let nulls, record[nulls].isNull { nullsSeen += 1 }
                }
            }
            if let distinct, let distinctCount {
                out.append(LabCheckResult(what: "distinct values of \(distinct) under \(path)", expected: String(distinctCount), actual: String(seen.count)))
            }
            if let nulls, let nullCount {
                out.append(LabCheckResult(what: "null values of \(nulls) under \(path)", expected: String(nullCount), actual: String(nullsSeen)))
            }
        }
        return out
    }
}
