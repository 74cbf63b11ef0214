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

    public init(path: String, format: String, withHeader: Bool? = nil, count: Int? = nil, field: String? = nil, type: String? = nil) {
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
        return out
    }
}
