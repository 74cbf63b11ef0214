import Foundation
import GlueEngine

/// The Glue API's `TableInput` JSON, as `aws glue create-table --table-input` takes it, read
/// into a ``CatalogTable``. Fields gluelab does not model (`Owner`, `Retention`,
/// `BucketColumns`, ...) are ignored; `{"Table": {...}}` as `get-table --json` prints it is
/// accepted too, so a table can be edited and put back.
enum CatalogTableInput {
    struct Column: Decodable {
        var name: String
        var type: String?
        var comment: String?

        enum CodingKeys: String, CodingKey {
            case name = "Name", type = "Type", comment = "Comment"
        }
    }

    struct SerdeInfo: Decodable {
        var SerializationLibrary: String?
        var Parameters: [String: String]?
    }

    struct Storage: Decodable {
        var Columns: [Column]?
        var Location: String?
        var InputFormat: String?
        var OutputFormat: String?
        var Compressed: Bool?
        var SerdeInfo: SerdeInfo?
        var Parameters: [String: String]?
    }

    struct Input: Decodable {
        var Name: String
        var Description: String?
        var TableType: String?
        var Parameters: [String: String]?
        var StorageDescriptor: Storage?
        var PartitionKeys: [Column]?
    }

    struct Wrapped: Decodable {
        var Table: Input
    }

    /// Reads `source` (a path, `file://path`, or JSON text starting with `{`).
    static func table(from source: String, database: String) throws -> CatalogTable {
        let data = try load(source)
        let decoder = JSONDecoder()
        let input: Input
        do {
            if let wrapped = try? decoder.decode(Wrapped.self, from: data) {
                input = wrapped.Table
            } else {
                input = try decoder.decode(Input.self, from: data)
            }
        } catch {
            throw WorkbenchError.badValue(option: "--table-input", value: source, reason: "not a TableInput: \(reason(error))")
        }
        return table(input, database: database)
    }

    static func table(_ input: Input, database: String) -> CatalogTable {
        let sd = input.StorageDescriptor
        let storage = StorageDescriptor(
            columns: (sd?.Columns ?? []).map(column), location: sd?.Location ?? "", inputFormat: sd?.InputFormat,
            outputFormat: sd?.OutputFormat, serdeLibrary: sd?.SerdeInfo?.SerializationLibrary,
            serdeParameters: sd?.SerdeInfo?.Parameters ?? [:], compressed: sd?.Compressed ?? false, parameters: sd?.Parameters ?? [:])
        return CatalogTable(databaseName: database, name: input.Name, description: input.Description,
                            tableType: input.TableType ?? "EXTERNAL_TABLE", parameters: input.Parameters ?? [:],
                            storageDescriptor: storage, partitionKeys: (input.PartitionKeys ?? []).map(column))
    }

    /// A column without a type is `string`, as Glue's API allows it to be left out.
    static func column(_ c: Column) -> CatalogColumn {
        CatalogColumn(name: c.name, type: c.type ?? "string", comment: c.comment)
    }

    static func load(_ source: String) throws -> Data {
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.hasPrefix("{") { return Data(trimmed.utf8) }
        let path = trimmed.hasPrefix("file://") ? String(trimmed.dropFirst(7)) : trimmed
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError.file(path: path, reason: "cannot read the TableInput JSON file")
        }
        return data
    }

    /// A decoding error in a few words: the missing key or the path of the bad value.
    static func reason(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let ctx):
            return "missing \((ctx.codingPath + [key]).map(\.stringValue).joined(separator: "."))"
        case DecodingError.typeMismatch(_, let ctx), DecodingError.valueNotFound(_, let ctx):
            return "bad value at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        case DecodingError.dataCorrupted(let ctx):
            return ctx.codingPath.isEmpty ? "not valid JSON" : "bad value at \(ctx.codingPath.map(\.stringValue).joined(separator: "."))"
        default:
            return "\(error)"
        }
    }
}
