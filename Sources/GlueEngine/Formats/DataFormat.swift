/// The file formats the engine reads and writes, by Glue's `format=` names.
/// (Parquet joins them with its own reader and writer.)
public enum DataFormat: String, Sendable, CaseIterable {
    case csv
    case json

    /// Parses Glue's format name (`csv`, `json`), case-insensitively.
    public init(glueName: String) throws(EngineError) {
        switch glueName.lowercased() {
        case "csv": self = .csv
        case "json": self = .json
        default:
            throw .invalidOption(name: "format", value: glueName, reason: "supported formats are csv and json")
        }
    }

    /// The format a file name suggests (`.csv`, `.json`, `.jsonl`, `.ndjson`), if any.
    public init?(fileName: String) {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") {
            self = .csv
        } else if lower.hasSuffix(".json") || lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") {
            self = .json
        } else {
            return nil
        }
    }

    /// The file extension written for this format.
    public var fileExtension: String {
        switch self {
        case .csv: "csv"
        case .json: "json"
        }
    }
}
